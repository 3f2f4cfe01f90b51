import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../errors';
import { createStudy } from './create';
import { StorageError } from './errors';
import type { AttrValue, TrialState } from './frozen-trial';
import { WORKER_ATTR } from './recovery';
import { InMemoryStorage, JournalOperation, JournalStorage, type JournalLog } from './storages';

/** An in-memory storage whose trial writes fail while `down` is set, as a database that went away. */
class FlakyStorage extends InMemoryStorage {
  down = false;
  readonly url = 'flaky://db';

  private check(): void {
    if (this.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  }

  override async setTrialIntermediateValue(trialId: number, step: number, value: number): Promise<void> {
    this.check();
    return super.setTrialIntermediateValue(trialId, step, value);
  }

  override async setTrialSystemAttr(trialId: number, key: string, value: AttrValue): Promise<void> {
    this.check();
    return super.setTrialSystemAttr(trialId, key, value);
  }

  override async setTrialStateValues(trialId: number, state: TrialState, values?: readonly number[] | null): Promise<boolean> {
    this.check();
    return super.setTrialStateValues(trialId, state, values);
  }
}

describe('storage faults inside a trial', () => {
  it('surface as the original error with the storage and the operation, and the trial ends FAIL with it', async () => {
    const storage = new FlakyStorage();
    const study = await createStudy({ storage, studyName: 'flaky' });
    const failure = await study
      .optimize((trial) => {
        storage.down = true; // the database goes away during the trial...
        trial.report(1, 0);
        return 1;
      }, { nTrials: 3, show: false })
      .then(() => undefined, (error: unknown) => error);
    assert.ok(failure instanceof StorageError, String(failure));
    assert.equal(failure.message, "FlakyStorage('flaky://db') failed in setTrialIntermediateValue(step 0) of trial 0: Error: connect ECONNREFUSED 127.0.0.1:5432");
    assert.equal((failure.cause as { code?: string }).code, 'ECONNREFUSED');
    assert.doesNotMatch(failure.message, /tell it once/);
    assert.equal((await storage.getAllTrials(study.studyId))[0].state, 'RUNNING'); // ...and is still away

    storage.down = false; // back: the next use of the study writes the FAIL
    await study.failStaleTrials();
    const [trial] = study.trials;
    assert.equal(trial.state, 'FAIL');
    assert.equal(trial.systemAttrs.fail_reason, `StorageError: ${failure.message}`);
    assert.equal(study.trials.length, 1);
  });

  it('marks the trial FAIL at once when only the failing write was refused', async () => {
    const storage = new FlakyStorage();
    const study = await createStudy({ storage });
    const original = storage.setTrialIntermediateValue.bind(storage);
    storage.setTrialIntermediateValue = async () => {
      throw new RangeError('disk full');
    };
    await assert.rejects(study.optimize((trial) => (trial.report(1, 0), 1), { nTrials: 2, show: false }), StorageError);
    assert.deepEqual(study.trials.map((t) => [t.state, t.systemAttrs.fail_reason]), [
      ['FAIL', "StorageError: FlakyStorage('flaky://db') failed in setTrialIntermediateValue(step 0) of trial 0: RangeError: disk full"],
    ]);
    storage.setTrialIntermediateValue = original;
  });
});

describe('trial creation', () => {
  it('writes the trial and its owner in one journal record (RUNNING, as Python Optuna reads it)', async () => {
    const logs: JournalLog[] = [];
    const storage = new JournalStorage({
      readLogs: (from) => logs.slice(from).map((l) => JSON.parse(JSON.stringify(l)) as JournalLog),
      appendLogs: (more) => void logs.push(...more),
    });
    const study = await createStudy({ storage });
    await study.ask();
    const created = logs.filter((l) => l.op_code === JournalOperation.CREATE_TRIAL);
    assert.equal(created.length, 1);
    assert.equal(created[0].state, 0); // RUNNING
    assert.deepEqual((created[0].system_attrs as Record<string, AttrValue>)[WORKER_ATTR], { host: (study.trials[0].systemAttrs[WORKER_ATTR] as { host: string }).host, pid: process.pid });
    assert.equal(logs.filter((l) => l.op_code === JournalOperation.SET_TRIAL_SYSTEM_ATTR).length, 0);
  });
});

describe('attribute values', () => {
  const circular: Record<string, unknown> = { a: 1 };
  circular.self = circular;
  const bad: [string, unknown, string][] = [
    ['a BigInt', 10n, "setUserAttr('k') value"],
    ['a nested function', { f: () => 1 }, "setUserAttr('k') value.f"],
    ['a circular object', circular, "setUserAttr('k') value.self"],
    ['undefined in an array', [1, undefined], "setUserAttr('k') value[1]"],
    ['a Map', new Map(), "setUserAttr('k') value"],
  ];
  for (const [what, value, argument] of bad) {
    it(`rejects ${what} when it is set, on a study and on a trial`, async () => {
      const study = await createStudy({});
      await assert.rejects(study.setUserAttr('k', value as AttrValue), (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument);
      const trial = await study.ask();
      assert.throws(() => trial.setUserAttr('k', value as AttrValue), (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument);
      await study.tell(trial, { value: 1 });
      assert.deepEqual(study.trials[0].userAttrs, {});
    });
  }
  it('accepts JSON values', async () => {
    const study = await createStudy({});
    await study.setUserAttr('k', { a: [1, 'x', null, true, { b: 2.5 }] });
    assert.deepEqual(await study.userAttrs(), { k: { a: [1, 'x', null, true, { b: 2.5 }] } });
  });
});
