/** Backend choice (tfjs-node-gpu → tfjs-node → wasm → cpu). */
export { BACKEND_NAMES, backendInfo, ready, setBackend } from './select';
export type { BackendAttempt, BackendInfo, BackendName } from './select';
