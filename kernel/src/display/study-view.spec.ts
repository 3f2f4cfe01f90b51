import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { createStudy, RandomSampler, TrialPruned, type StudySnapshot } from '../study';
import { studyPayload, studyViewBundle } from './study-view';
import { STUDY_MIME } from './types';

const schema = JSON.parse(readFileSync(join(__dirname, '../../../schema/study.v1.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ strict: true }).compile(schema);

async function snapshots(): Promise<StudySnapshot[]> {
  const seen: StudySnapshot[] = [];
  const study = await createStudy({ direction: 'maximize', sampler: new RandomSampler({ seed: 1 }) });
  await study.optimize((t) => {
    const x = t.suggestFloat('x', 0, 1);
    t.suggestCategorical('cell', ['LSTM', 'GRU']);
    t.suggestInt('units', 8, 64, { log: true });
    t.report(x, 0);
    t.report(NaN, 1);
    t.setUserAttr('note', { nested: [1, Infinity] });
    if (t.number === 1) throw new TrialPruned();
    if (t.number === 2) return NaN;
    return x;
  }, { nTrials: 5, show: false, observers: [{ onUpdate: (s) => void seen.push(s()), onEnd: (s) => void seen.push(s()) }] });
  return seen;
}

describe('study view payload', () => {
  it('validates against study.v1 while running and when finished', async () => {
    const all = await snapshots();
    for (const s of all) {
      const payload = JSON.parse(JSON.stringify(studyViewBundle(s)[STUDY_MIME]));
      assert.ok(validate(payload), JSON.stringify(validate.errors));
    }
    const running = studyPayload(all[0]);
    assert.equal(running.status, 'running');
    assert.deepEqual(running.controls, { commTarget: 'rnnlab.study', studyId: all[0].viewId });
    assert.equal(running.trials[0].state, 'RUNNING');
  });

  it('ends with the final state: best trial, importance, fail reasons, no controls', async () => {
    const all = await snapshots();
    const final = studyPayload(all[all.length - 1]);
    assert.equal(final.status, 'finished');
    assert.equal(final.controls, null);
    assert.deepEqual(final.trials.map((t) => t.state), ['COMPLETE', 'PRUNED', 'FAIL', 'COMPLETE', 'COMPLETE']);
    assert.equal(final.bestTrialNumbers.length, 1);
    assert.ok(final.importance && Math.abs(Object.values(final.importance).reduce((a, b) => a + b, 0) - 1) < 1e-9);
    assert.deepEqual(final.searchSpace.units, { type: 'int', low: 8, high: 64, log: true, step: 1 });
    assert.deepEqual(final.trials[0].intermediateValues[1], [1, null]);
    assert.match(String(final.trials[2].failReason), /NaN/);
    const { elapsedSeconds, ...counts } = final.progress ?? { done: 0, total: 0 };
    assert.deepEqual(counts, { done: 5, total: 5 }, 'no ETA once finished');
    assert.equal(typeof elapsedSeconds, 'number');
    // Suggestion order, which a saved notebook (sorted keys) cannot keep in searchSpace.
    assert.deepEqual(final.paramNames, ['x', 'cell', 'units']);
    assert.equal(final.importanceNote, undefined);
  });

  it('says why importance is missing and estimates the time left while running', async () => {
    const all = await snapshots();
    const payloads = all.map(studyPayload);
    assert.equal(payloads[0].importance, null);
    assert.equal(payloads[0].importanceNote, 'no parameters suggested yet');
    const oneComplete = payloads.find((p) => p.trials.filter((t) => t.state === 'COMPLETE').length === 1);
    assert.equal(oneComplete?.importanceNote, 'parameter importance needs 2 complete trials (1 so far)');
    const later = payloads.find((p) => p.status === 'running' && (p.progress?.done ?? 0) > 0);
    assert.equal(typeof later?.progress?.etaSeconds, 'number');
  });
});
