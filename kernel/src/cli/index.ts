/** Command-line tools: `rnnlab worker` (a study worker on a shared database). */
export { loadObjective, main, parseWorkerArgs, runWorker } from './worker';
export type { WorkerArgs } from './worker';
