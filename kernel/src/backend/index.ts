/** Backend choice (tfjs-node-gpu → tfjs-node → wasm → cpu) and fit progress output. */
export { BACKEND_NAMES, backendInfo, ready, setBackend } from './select';
export type { BackendAttempt, BackendInfo, BackendName } from './select';
export { formatEpochLine, registerProgressLogger } from './progress';
