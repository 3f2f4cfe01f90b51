/**
 * The one test suite every study storage runs (STYLE rule 14; Optuna's `pytest_storages.py`):
 * `runStorageSuite('JournalFileStorage', () => new JournalFileStorage(tmpFile()))` from the
 * storage's spec. A new storage (SQLite, PostgreSQL) passes when it passes this suite.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../errors';
import { categoricalDistribution, floatDistribution, intDistribution } from '../distributions';
import { DuplicatedStudyError, RecordNotFoundError, StudyNotFoundError, UpdateFinishedTrialError } from '../errors';
import type { StudyStorage } from './base';

/** Registers the shared storage tests for `name`; `makeStorage` returns a fresh, empty storage. */
export function runStorageSuite(name: string, makeStorage: () => StudyStorage | Promise<StudyStorage>): void {
  describe(`storage suite: ${name}`, () => {
    it('creates, names, lists and deletes studies', async () => {
      const s = await makeStorage();
      const a = await s.createNewStudy(['minimize'], 'a');
      const b = await s.createNewStudy(['maximize', 'minimize']);
      assert.notEqual(a, b);
      assert.equal(await s.getStudyIdFromName('a'), a);
      assert.equal(await s.getStudyNameFromId(a), 'a');
      assert.match(await s.getStudyNameFromId(b), /^no-name-[0-9a-f-]{36}$/);
      assert.deepEqual(await s.getStudyDirections(b), ['maximize', 'minimize']);
      assert.deepEqual((await s.getAllStudies()).map((x) => x.studyId).sort(), [a, b].sort());
      await assert.rejects(s.createNewStudy(['minimize'], 'a'), DuplicatedStudyError);
      await s.deleteStudy(a);
      await assert.rejects(s.getStudyIdFromName('a'), StudyNotFoundError);
      await assert.rejects(s.getStudyDirections(a), RecordNotFoundError);
    });

    it('keeps study attributes', async () => {
      const s = await makeStorage();
      const id = await s.createNewStudy(['minimize'], 'attrs');
      await s.setStudyUserAttr(id, 'owner', 'me');
      await s.setStudyUserAttr(id, 'owner', 'you');
      await s.setStudySystemAttr(id, 'sys', { nested: [1, 2.5, null] });
      assert.deepEqual(await s.getStudyUserAttrs(id), { owner: 'you' });
      assert.deepEqual(await s.getStudySystemAttrs(id), { sys: { nested: [1, 2.5, null] } });
    });

    it('numbers trials per study and keeps params, values, reports and attributes', async () => {
      const s = await makeStorage();
      const one = await s.createNewStudy(['minimize'], 'one');
      const two = await s.createNewStudy(['minimize'], 'two');
      const t0 = await s.createNewTrial(one);
      const u0 = await s.createNewTrial(two);
      const t1 = await s.createNewTrial(one);
      assert.equal((await s.getTrial(t0)).number, 0);
      assert.equal((await s.getTrial(u0)).number, 0);
      assert.equal((await s.getTrial(t1)).number, 1);
      assert.equal(await s.getTrialIdFromStudyIdTrialNumber(one, 1), t1);
      const fresh = await s.getTrial(t0);
      assert.equal(fresh.state, 'RUNNING');
      assert.ok(fresh.datetimeStart instanceof Date && fresh.datetimeComplete === null);

      await s.setTrialParam(t0, 'x', 0.5, floatDistribution('x', 0, 1));
      await s.setTrialParam(t0, 'n', 3, intDistribution('n', 1, 9, { step: 2 }));
      await s.setTrialParam(t0, 'c', 1, categoricalDistribution('c', ['a', null, true]));
      await s.setTrialIntermediateValue(t0, 0, NaN);
      await s.setTrialIntermediateValue(t0, 2, Infinity);
      await s.setTrialIntermediateValue(t0, 1, -Infinity);
      await s.setTrialUserAttr(t0, 'note', 'é "quoted"');
      await s.setTrialSystemAttr(t0, 'fail_reason', 'none');
      assert.equal(await s.setTrialStateValues(t0, 'COMPLETE', [0.25]), true);

      const t = await s.getTrial(t0);
      assert.equal(t.state, 'COMPLETE');
      assert.deepEqual(t.values, [0.25]);
      assert.deepEqual(t.params, { x: 0.5, n: 3, c: null });
      assert.deepEqual(t.distributions.n, { type: 'int', low: 1, high: 9, log: false, step: 2 });
      assert.deepEqual([...t.intermediateValues], [[0, NaN], [1, -Infinity], [2, Infinity]]);
      assert.deepEqual(t.userAttrs, { note: 'é "quoted"' });
      assert.equal(t.systemAttrs.fail_reason, 'none');
      assert.ok(t.datetimeComplete instanceof Date);
      assert.deepEqual((await s.getAllTrials(one)).map((x) => x.number), [0, 1]);
      assert.deepEqual((await s.getAllTrials(one, ['COMPLETE'])).map((x) => x.number), [0]);
      assert.deepEqual((await s.getAllTrials(one, ['RUNNING', 'FAIL'])).map((x) => x.number), [1]);
    });

    it('refuses writes to finished trials and incompatible distributions', async () => {
      const s = await makeStorage();
      const id = await s.createNewStudy(['minimize'], 'strict');
      const t0 = await s.createNewTrial(id);
      await s.setTrialParam(t0, 'x', 0.5, floatDistribution('x', 0, 1));
      await s.setTrialStateValues(t0, 'FAIL');
      await assert.rejects(s.setTrialParam(t0, 'y', 1, floatDistribution('y', 0, 1)), UpdateFinishedTrialError);
      await assert.rejects(s.setTrialIntermediateValue(t0, 0, 1), UpdateFinishedTrialError);
      await assert.rejects(s.setTrialStateValues(t0, 'COMPLETE', [1]), UpdateFinishedTrialError);
      const t1 = await s.createNewTrial(id);
      await assert.rejects(s.setTrialParam(t1, 'x', 1, intDistribution('x', 0, 1)), InvalidArgumentError);
      await s.setTrialParam(t1, 'x', 0.7, floatDistribution('x', 0, 2));
      assert.equal((await s.getTrial(t1)).params.x, 0.7);
      await assert.rejects(s.getTrial(99), RecordNotFoundError);
    });

    it('copies templates and lets exactly one worker claim a waiting trial', async () => {
      const s = await makeStorage();
      const id = await s.createNewStudy(['minimize', 'maximize'], 'templates');
      const x = floatDistribution('x', 0, 1);
      const done = await s.createNewTrial(id, {
        state: 'COMPLETE',
        values: [1, 2],
        datetimeStart: new Date('2025-01-01T00:00:00.000Z'),
        datetimeComplete: new Date('2025-01-01T00:00:01.500Z'),
        params: { x: 0.25 },
        distributions: { x },
        userAttrs: { a: 1 },
        systemAttrs: { b: [true] },
        intermediateValues: new Map([[3, 0.5]]),
      });
      const t = await s.getTrial(done);
      assert.deepEqual([t.state, t.values, t.params, t.userAttrs, t.systemAttrs], ['COMPLETE', [1, 2], { x: 0.25 }, { a: 1 }, { b: [true] }]);
      assert.equal(t.datetimeComplete!.getTime() - t.datetimeStart!.getTime(), 1500);
      assert.deepEqual([...t.intermediateValues], [[3, 0.5]]);
      const waiting = await s.createNewTrial(id, { state: 'WAITING', systemAttrs: { fixed_params: { x: 0.5 } } });
      assert.equal((await s.getTrial(waiting)).datetimeStart, null);
      assert.equal(await s.setTrialStateValues(waiting, 'RUNNING'), true);
      assert.equal(await s.setTrialStateValues(waiting, 'RUNNING'), false);
      assert.ok((await s.getTrial(waiting)).datetimeStart instanceof Date);
    });

    it('gives unique trial numbers to concurrent creators', async () => {
      const s = await makeStorage();
      const id = await s.createNewStudy(['minimize'], 'concurrent');
      const ids = await Promise.all(Array.from({ length: 20 }, () => s.createNewTrial(id)));
      const numbers = await Promise.all(ids.map(async (tid) => (await s.getTrial(tid)).number));
      assert.deepEqual([...numbers].sort((a, b) => a - b), Array.from({ length: 20 }, (_v, i) => i));
    });
  });
}
