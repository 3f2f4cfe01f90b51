/**
 * The one analysis of user code in rnnlab, with the TypeScript compiler API: what notebook cells
 * declare and import, and what a function needs from outside itself (to send it to worker threads,
 * to read the parameters a build function declares).
 */
export { analyseCell, NotebookDeclarations, shorthandProperties } from './cell';
export type { CellDeclarations, DeclarationKind, ModuleBinding } from './cell';
export { analyseFunction, destructuredParamNames } from './function';
export type { FunctionAnalysis } from './function';
export { toCommonJs, typescript } from './typescript';
