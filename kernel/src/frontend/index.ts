/**
 * What rnnlab code and notebook cells use to reach the notebook frontend: rich display with updates,
 * clearing output, comms, and cooperative interrupts. Independent of tslab: the kernel plugs in.
 */
export { consoleChannel, currentCell, currentChannel, runInCell, setDefaultChannel } from './cell-context';
export type { CellContext, MimeBundle, OutputChannel } from './cell-context';
export { clearOutput, display } from './display';
export type { DisplayHandle, DisplayOptions } from './display';
export { MIME_BUNDLE, isMimeBundle, plainText, registerFormatter, toMimeBundle } from './mime';
export type { HasMimeBundle } from './mime';
export { Comm, CommRegistry, comms, openComm, registerCommTarget } from './comms';
export type { CommData, CommMsgType, CommTargetHandler, CommTransport } from './comms';
export { onInterrupt, signalInterrupt, whenWorkStopped } from './interrupt';
export { LiveDisplay } from './live-display';
export type { LiveDisplayOptions } from './live-display';
export { notebookScope, setNotebookScope } from './notebook-scope';
export type { NotebookScope } from './notebook-scope';
