/**
 * The seam through which `optimize` runs trials. An executor gets the number of jobs, a `claim`
 * function that reserves the next trial slot (false once nTrials, the timeout or a stop request says
 * no more), and `runOne`, which runs one whole trial (ask, objective, tell, callbacks) and rejects
 * only when the study must stop (an uncaught objective error). It resolves when every job has
 * stopped, and rejects with the first such error after letting trials in flight finish.
 *
 * The default, {@link asyncExecutor}, runs `nJobs` concurrent async loops in this thread: async
 * objectives (a tfjs fit awaits often) overlap, and TPE's constant liar keeps them apart. A worker
 * thread executor can implement the same interface.
 */

/** Runs trials for `optimize`. */
export interface TrialExecutor {
  run(jobs: number, claim: () => boolean, runOne: () => Promise<void>): Promise<void>;
}

/** `nJobs` concurrent async loops sharing the study. */
export const asyncExecutor: TrialExecutor = {
  async run(jobs, claim, runOne) {
    let firstError: unknown;
    let failed = false;
    const loop = async (): Promise<void> => {
      while (!failed && claim()) {
        try {
          await runOne();
        } catch (error) {
          if (!failed) {
            failed = true;
            firstError = error;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: jobs }, loop));
    if (failed) throw firstError;
  },
};
