/** The JSON schemas of `schema/`, imported as plain objects (bundled by webpack, required by tsx in tests). */
declare module '*.schema.json' {
  const schema: Record<string, unknown>;
  export default schema;
}
