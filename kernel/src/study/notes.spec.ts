import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { studyPayload } from '../display';
import { createStudy } from './create';
import { InMemoryStorage } from './storages';

describe('trial notes, kept as optuna-dashboard keeps them', () => {
  it('saves and reads a note under optuna-dashboard keys; a study view carries it as trial.note', async () => {
    const storage = new InMemoryStorage();
    const study = await createStudy({ storage, studyName: 'notes' });
    await study.optimize((trial) => trial.suggestFloat('x', 0, 1), { nTrials: 3 });
    await study.setTrialNote(1, 'looks **good**');
    const attrs = await storage.getStudySystemAttrs(study.studyId);
    const trialId = study.trials[1].trialId;
    assert.deepEqual(
      Object.fromEntries(Object.entries(attrs).filter(([key]) => key.startsWith('dashboard:'))),
      { [`dashboard:${trialId}:note_ver`]: 1, [`dashboard:${trialId}:note_str:0`]: 'looks **good**' },
    );
    assert.equal(await study.getTrialNote(1), 'looks **good**');
    assert.equal(await study.getTrialNote(0), '');
    const payload = studyPayload(study.viewSnapshot('v', 'finished', { done: 3, total: 3 }));
    assert.deepEqual(payload.trials.map((t) => t.note), [undefined, 'looks **good**', undefined]);
  });

  it('splits a long note into 2045-character chunks, blanks unused chunks when it shrinks, and reads notes another process wrote', async () => {
    const storage = new InMemoryStorage();
    const study = await createStudy({ storage, studyName: 'long' });
    await study.optimize((trial) => trial.suggestFloat('x', 0, 1), { nTrials: 1 });
    const trialId = study.trials[0].trialId;
    const long = 'a'.repeat(2045) + 'b'.repeat(10);
    await study.setTrialNote(0, long);
    let attrs = await storage.getStudySystemAttrs(study.studyId);
    assert.deepEqual([attrs[`dashboard:${trialId}:note_str:0`], attrs[`dashboard:${trialId}:note_str:1`]], ['a'.repeat(2045), 'b'.repeat(10)]);
    await study.setTrialNote(0, 'short');
    attrs = await storage.getStudySystemAttrs(study.studyId);
    assert.deepEqual([attrs[`dashboard:${trialId}:note_ver`], attrs[`dashboard:${trialId}:note_str:0`], attrs[`dashboard:${trialId}:note_str:1`]], [2, 'short', '']);
    // optuna-dashboard (another process) saves version 3.
    await storage.setStudySystemAttr(study.studyId, `dashboard:${trialId}:note_ver`, 3);
    await storage.setStudySystemAttr(study.studyId, `dashboard:${trialId}:note_str:0`, 'from the dashboard');
    assert.equal(await study.getTrialNote(0), 'from the dashboard');
    await assert.rejects(study.setTrialNote(5, 'x'), /`number` must be the number of a trial of study 'long' \(0 to 0\), got 5/);
  });
});
