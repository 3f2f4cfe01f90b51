/**
 * Runs one candidate × fold fit and scores it. The in-process runner is used for `nJobs: 1`; the
 * worker-thread runner (kernel/src/parallel) runs the same {@link FitTask}s for `nJobs > 1`.
 */
import { takeRows, takeTargets, type Label, type Matrix } from './data';
import type { Estimator } from './estimators/keras-estimator';
import type { KerasClassifier } from './estimators/keras-classifier';
import type { Params } from './parameter-grid';
import type { ScoresFn } from './scoring';
import type { FoldOutcome } from './search-state';

/** The data of a search, converted once. */
export interface SearchData {
  X: Matrix;
  y: Label[];
  columns: number;
}

export interface FitTask {
  candidate: number;
  fold: number;
  params: Params;
  train: number[];
  test: number[];
  /** Seed derived from the search's randomState (used unless the estimator has its own). */
  seed?: number;
  /** Also score the training rows. */
  withTrainScore: boolean;
}

export interface FitRunner {
  run(task: FitTask): Promise<FoldOutcome>;
  close(): Promise<void>;
}


/** Fits a clone of `estimator` with the task's parameters on the training rows, scores the test rows. */
export async function runFitTask(estimator: Estimator, data: SearchData, score: ScoresFn, task: FitTask): Promise<FoldOutcome> {
  const started = performance.now();
  let fitted: Estimator | undefined;
  try {
    const e = estimator.clone().setParams(task.params) as Estimator & {
      fitMatrix(X: Matrix, y: readonly Label[], seed?: number, columns?: number): Promise<unknown>;
    };
    const trainX: Matrix = { values: new Float32Array(0), shape: [task.train.length, ...data.X.shape.slice(1)] };
    const trainTensor = takeRows(data.X, task.train);
    trainX.values = trainTensor.dataSync() as Float32Array;
    trainTensor.dispose();
    await e.fitMatrix(trainX, takeTargets(data.y, data.columns, task.train), task.seed, data.columns);
    fitted = e;
    const fitTime = (performance.now() - started) / 1000;
    const scoreStarted = performance.now();
    const scoreOn = async (rows: number[]) => {
      const xs = takeRows(data.X, rows);
      try {
        return await score(e, xs, takeTargets(data.y, data.columns, rows));
      } finally {
        xs.dispose();
      }
    };
    const testScores = await scoreOn(task.test);
    const scoreTime = (performance.now() - scoreStarted) / 1000;
    const trainScores = task.withTrainScore ? await scoreOn(task.train) : undefined;
    const first = (scores: Record<string, number>) => Object.values(scores)[0];
    return { testScore: first(testScores), trainScore: trainScores && first(trainScores), testScores, trainScores, fitTime, scoreTime };
  } finally {
    (fitted as KerasClassifier | undefined)?.model?.dispose();
  }
}

/** Runs tasks in this thread. */
export function inProcessRunner(estimator: Estimator, data: SearchData, score: ScoresFn): FitRunner {
  return {
    run: (task) => runFitTask(estimator, data, score, task),
    close: async () => undefined,
  };
}
