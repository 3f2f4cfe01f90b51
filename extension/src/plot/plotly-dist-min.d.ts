/** plotly.js-dist-min ships no types; `plotly.ts` describes the part the views use. */
declare module 'plotly.js-dist-min' {
  const Plotly: unknown;
  export default Plotly;
}
