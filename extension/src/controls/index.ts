export { parseReply, sendControl } from './comm';
export type { CommKernel, ControlReply, ControlRequest } from './comm';
export { ControlBar } from './control-bar';
export type { ControlBarModel, ControlSender } from './control-bar';
export { NotebookKernelLocator } from './kernel-locator';
export type { PanelTracker } from './kernel-locator';
export { pruneState, stopState } from './state';
export type { ButtonState, ControlInputs } from './state';
