import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, it } from 'node:test';
import { signalInterrupt } from '../frontend';
import { handleStudyControl } from './controls';
import { createStudy } from './create';
import { DuplicatedStudyError, TrialPruned } from './errors';
import type { StudySnapshot } from './observer';
import { RandomSampler, TPESampler } from './samplers';
import { InMemoryStorage } from './storages';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Study', () => {
  it('runs the seed snippet line by line', async () => {
    const study = await createStudy({ direction: 'maximize', sampler: new TPESampler({ seed: 0 }) });
    await study.optimize(async (trial) => {
      const cellType = trial.suggestCategorical('cell_type', ['LSTM', 'GRU']);
      const initialUnits = trial.suggestInt('initial_units', 64, 256);
      const numLayers = trial.suggestInt('num_layers', 1, 4);
      const dropoutRate = trial.suggestUniform('dropout_rate', 0.2, 0.5);
      const learningRate = trial.suggestLoguniform('learning_rate', 1e-5, 1e-2);
      const batchSize = trial.suggestCategorical('batch_size', [16, 32, 64]);
      const epochs = trial.suggestInt('epochs', 10, 30);
      return 1 - Math.abs(Math.log10(learningRate) + 3) / 10 - Math.abs(dropoutRate - 0.3) + (cellType === 'GRU' ? 0.05 : 0) + initialUnits / 1e4 - numLayers / 100 + batchSize / 1e4 + epochs / 1e4;
    }, { nTrials: 30, show: false });
    assert.equal(study.trials.length, 30);
    assert.deepEqual(Object.keys(study.bestParams), ['cell_type', 'initial_units', 'num_layers', 'dropout_rate', 'learning_rate', 'batch_size', 'epochs']);
    assert.equal(study.bestValue, Math.max(...study.trials.map((t) => t.values![0])));
    assert.equal(study.bestTrial.number, study.trials.find((t) => t.values![0] === study.bestValue)!.number);
  });

  it('fails a throwing trial and stops the study, unless the error is caught', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 1 }) });
    await assert.rejects(study.optimize((t) => {
      if (t.number === 2) throw new TypeError('boom');
      return t.suggestFloat('x', 0, 1);
    }, { nTrials: 10, show: false }), TypeError);
    assert.deepEqual(study.trials.map((t) => t.state), ['COMPLETE', 'COMPLETE', 'FAIL']);
    assert.equal(study.trials[2].systemAttrs.fail_reason, 'TypeError: boom');

    await study.optimize((t) => {
      if (t.number % 2 === 0) throw new RangeError('skip');
      return t.suggestFloat('x', 0, 1);
    }, { nTrials: 4, catch: [RangeError], show: false });
    assert.deepEqual(study.trials.slice(3).map((t) => t.state), ['COMPLETE', 'FAIL', 'COMPLETE', 'FAIL']);
  });

  it('fails NaN and wrong-length values but goes on; prunes on TrialPruned', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 2 }) });
    const values = [NaN, 1, [1, 2], 3];
    await study.optimize((t) => {
      t.report(0.5, 0);
      if (t.number === 3) throw new TrialPruned();
      return values[t.number] as number;
    }, { nTrials: 4, show: false });
    assert.deepEqual(study.trials.map((t) => t.state), ['FAIL', 'COMPLETE', 'FAIL', 'PRUNED']);
    assert.match(String(study.trials[0].systemAttrs.fail_reason), /NaN/);
    assert.deepEqual(study.trials[3].values, [0.5]);
  });

  it('runs enqueued trials first with their fixed params', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 3 }) });
    study.enqueueTrial({ x: 0.25, c: 'b' });
    await study.enqueueTrial({ x: 0.75 }, { userAttrs: { why: 'hunch' } });
    await study.enqueueTrial({ x: 0.75 }, { skipIfExists: true });
    await study.optimize((t) => t.suggestFloat('x', 0, 1) + (t.suggestCategorical('c', ['a', 'b']) === 'b' ? 1 : 0), { nTrials: 3, show: false });
    assert.equal(study.trials.length, 3);
    assert.deepEqual(study.trials[0].params, { x: 0.25, c: 'b' });
    assert.equal(study.trials[1].params.x, 0.75);
    assert.deepEqual(study.trials[1].userAttrs, { why: 'hunch' });
  });

  it('runs nJobs trials at once and numbers them uniquely', async () => {
    const study = await createStudy({ sampler: new TPESampler({ seed: 4, nStartupTrials: 3 }) });
    let running = 0;
    let most = 0;
    await study.optimize(async (t) => {
      running++;
      most = Math.max(most, running);
      const x = t.suggestFloat('x', -1, 1);
      await sleep(5);
      running--;
      return x * x;
    }, { nTrials: 12, nJobs: 3, show: false });
    assert.equal(most, 3);
    assert.deepEqual(study.trials.map((t) => t.number), Array.from({ length: 12 }, (_v, i) => i));
    assert.ok(study.trials.every((t) => t.state === 'COMPLETE'));
  });

  it('stops at the timeout and on interrupt, keeping completed trials', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 5 }) });
    await study.optimize(async (t) => (await sleep(20), t.suggestFloat('x', 0, 1)), { timeout: 0.1, show: false });
    const afterTimeout = study.trials.length;
    assert.ok(afterTimeout >= 2 && afterTimeout <= 7, String(afterTimeout));

    await study.optimize(async (t) => {
      if (t.number === afterTimeout + 2) {
        signalInterrupt();
        throw new Error('fit interrupted');
      }
      return t.suggestFloat('x', 0, 1);
    }, { nTrials: 50, show: false });
    const states = study.trials.slice(afterTimeout).map((t) => t.state);
    assert.deepEqual(states, ['COMPLETE', 'COMPLETE', 'FAIL']);
    assert.match(String(study.trials[afterTimeout + 2].systemAttrs.fail_reason), /^interrupted/);
  });

  it('calls callbacks, keeps the Pareto front and the trials table', async () => {
    const study = await createStudy({ directions: ['minimize', 'maximize'], sampler: new RandomSampler({ seed: 6 }) });
    const seen: number[] = [];
    await study.optimize((t) => {
      const x = t.suggestFloat('x', 0, 1);
      t.setUserAttr('double', 2 * x);
      return [x, x * x];
    }, { nTrials: 5, callbacks: [(_s, t) => void seen.push(t.number)], show: false });
    assert.deepEqual(seen, [0, 1, 2, 3, 4]);
    assert.equal(study.bestTrials.length, 5); // x and x² both grow: nothing dominates
    assert.throws(() => study.bestTrial);
    const table = study.trialsTable();
    assert.deepEqual(Object.keys(table[0]), ['number', 'values_0', 'values_1', 'datetime_start', 'datetime_complete', 'duration', 'params_x', 'user_attrs_double', 'system_attrs_rnnlab:worker', 'state']);
    assert.equal(table[0].state, 'COMPLETE');
  });

  it('keeps a study in its storage: names, duplicates and loadIfExists', async () => {
    const storage = new InMemoryStorage();
    const first = await createStudy({ storage, studyName: 'kept', direction: 'maximize' });
    await first.optimize((t) => t.suggestInt('n', 1, 3), { nTrials: 3, show: false });
    await assert.rejects(createStudy({ storage, studyName: 'kept' }), DuplicatedStudyError);
    const again = await createStudy({ storage, studyName: 'kept', loadIfExists: true });
    assert.deepEqual(again.directions, ['maximize']);
    assert.equal(again.trials.length, 3);
    assert.equal(again.bestValue, first.bestValue);
  });

  it('tells observers, and obeys the Stop and Prune controls', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 7 }), pruner: new (await import('./pruners')).NopPruner() });
    const events: string[] = [];
    let last: StudySnapshot | undefined;
    let viewId = '';
    await study.optimize(async (t) => {
      for (let step = 0; step < 3; step++) {
        t.report(step, step);
        if (t.number === 1 && step === 0) assert.equal(handleStudyControl({ action: 'prune', studyId: viewId, trialNumber: 1 }).ok, true);
        if (t.shouldPrune()) throw new TrialPruned();
        await sleep(1);
      }
      if (t.number === 2) handleStudyControl({ action: 'stop', studyId: viewId });
      return t.suggestFloat('x', 0, 1);
    }, {
      nTrials: 10,
      show: false,
      observers: [{
        onStart: (s) => { viewId = s().viewId; events.push('start'); },
        onUpdate: () => void events.push('update'),
        onEnd: (s) => { last = s(); events.push('end'); },
      }],
    });
    assert.deepEqual(study.trials.map((t) => t.state), ['COMPLETE', 'PRUNED', 'COMPLETE']);
    assert.equal(events[0], 'start');
    assert.equal(events[events.length - 1], 'end');
    assert.equal(last!.status, 'stopped');
    assert.equal(last!.acceptsControls, false);
    assert.deepEqual(last!.bestTrialNumbers, [study.bestTrial.number]);
    assert.deepEqual({ done: last!.progress.done, total: last!.progress.total }, { done: 3, total: 10 });
    assert.equal(typeof last!.progress.elapsedSeconds, 'number');
    assert.equal(handleStudyControl({ action: 'stop', studyId: viewId }).ok, false);
  });

  it('marks FAIL the trials a dead process left RUNNING when the study is opened', async () => {
    const deadPid = spawnSync(process.execPath, ['-e', 'process.pid'], { encoding: 'utf8' }).pid!;
    const storage = new InMemoryStorage();
    const study = await createStudy({ storage, studyName: 'crashed' });
    await study.optimize((t) => t.suggestFloat('x', 0, 1), { nTrials: 2, show: false });
    const orphan = await storage.createNewTrial(study.studyId);
    await storage.setTrialSystemAttr(orphan, 'rnnlab:worker', { host: hostname(), pid: deadPid });
    const elsewhere = await storage.createNewTrial(study.studyId);
    await storage.setTrialSystemAttr(elsewhere, 'rnnlab:worker', { host: 'another-host', pid: deadPid });
    const resumed = await createStudy({ storage, studyName: 'crashed', loadIfExists: true });
    assert.deepEqual(resumed.trials.map((t) => t.state), ['COMPLETE', 'COMPLETE', 'FAIL', 'RUNNING']);
    assert.equal(resumed.trials[2].systemAttrs.fail_reason, `the process running it (pid ${deadPid} on ${hostname()}) died`);
  });
});
