/** Parallel fits in worker threads (`nJobs > 1`) and sending notebook functions to them. */
export { workerRunner } from './worker-runner';
export { MAX_TENSOR_VALUES, revive, toPortable, workerRequire } from './portable';
export type { PortableFunction, PortableValue } from './portable';
export { objectivePool } from './objective-pool';
