import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createStudy, loadStudy } from './create';
import { createTrial } from './create-trial';
import { floatDistribution, intDistribution } from './distributions';
import { DuplicatedStudyError, StudyNotFoundError } from './errors';
import { copyStudy, deleteStudy, getAllStudyNames, getAllStudySummaries } from './manage';
import { RandomSampler } from './samplers';
import { JournalFileStorage, RDBStorage, storageFrom } from './storages';

const dir = mkdtempSync(join(tmpdir(), 'rnnlab-manage-'));
const quiet = { show: false };

describe('storages as strings, as Optuna takes them', () => {
  it('sqlite:/// URLs open an RDB storage, other strings a journal file, the same object per string', async () => {
    const url = `sqlite:///${join(dir, 'a.db')}`;
    assert.ok(storageFrom(url) instanceof RDBStorage);
    assert.equal(storageFrom(url), storageFrom(url));
    const journal = storageFrom(join(dir, 'a.log'));
    assert.ok(journal instanceof JournalFileStorage);
    assert.throws(() => storageFrom('mysql://u:secret@h/db'), /`storage` must be a 'sqlite:\/\/\/…' or 'postgresql:\/\/…' URL, or a journal file path, got 'mysql:\/\/u:\*\*\*@h\/db'/);
    assert.throws(() => storageFrom('studies.db'), /names an SQLite file without a URL scheme, got 'studies.db'. Write 'sqlite:\/\/\/studies.db'/);
    assert.throws(() => storageFrom(42), /`storage` must be a storage/);
    const study = await createStudy({ studyName: 's', storage: url, direction: 'maximize' });
    await study.optimize((t) => t.suggestFloat('x', 0, 1), { nTrials: 2, ...quiet });
    const again = await loadStudy({ studyName: 's', storage: url });
    assert.equal(again.trials.length, 2);
  });
});

describe('study management (Optuna module functions)', () => {
  it('getAllStudyNames, getAllStudySummaries, deleteStudy, copyStudy', async () => {
    const storage = join(dir, 'manage.log');
    const a = await createStudy({ studyName: 'a', storage, direction: 'minimize', sampler: new RandomSampler({ seed: 1 }) });
    await a.optimize((t) => (t.suggestFloat('x', -1, 1) ** 2), { nTrials: 3, ...quiet });
    await a.setUserAttr('owner', 'me');
    await createStudy({ studyName: 'b', storage, directions: ['minimize', 'maximize'] });
    assert.deepEqual(await getAllStudyNames({ storage }), ['a', 'b']);
    const [sa, sb] = await getAllStudySummaries({ storage });
    assert.equal(sa.nTrials, 3);
    assert.equal(sa.direction, 'minimize');
    assert.equal(sa.bestTrial?.value, a.bestValue);
    assert.deepEqual(sa.userAttrs, { owner: 'me' });
    assert.equal(sa.datetimeStart?.getTime(), Math.min(...a.trials.map((t) => t.datetimeStart!.getTime())));
    assert.equal(sb.bestTrial, null);
    assert.throws(() => sb.direction, /only defined for single-objective studies/);

    const archive = `sqlite:///${join(dir, 'archive.db')}`;
    await copyStudy({ fromStudyName: 'a', fromStorage: storage, toStorage: archive });
    const copy = await loadStudy({ studyName: 'a', storage: archive });
    assert.deepEqual(copy.trials.map((t) => [t.state, t.values, t.params]), a.trials.map((t) => [t.state, t.values, t.params]));
    assert.deepEqual(await copy.userAttrs(), { owner: 'me' });
    await assert.rejects(copyStudy({ fromStudyName: 'a', fromStorage: storage, toStorage: archive }), DuplicatedStudyError);

    await deleteStudy({ studyName: 'b', storage });
    assert.deepEqual(await getAllStudyNames({ storage }), ['a']);
    await assert.rejects(deleteStudy({ studyName: 'b', storage }), StudyNotFoundError);
    await assert.rejects(getAllStudyNames({} as never), /`getAllStudyNames.storage` is required/);
  });
});

describe('createTrial, study.addTrial and FrozenTrial.value', () => {
  it('adds hand-made trials that samplers and best* see', async () => {
    const study = await createStudy({ direction: 'maximize' });
    const x = floatDistribution('x', 0, 10);
    await study.addTrial(createTrial({ params: { x: 2 }, distributions: { x }, value: 4 }));
    await study.addTrials([createTrial({ params: { x: 3 }, distributions: { x }, value: 9, userAttrs: { note: 'by hand' } }), createTrial({ state: 'FAIL' })]);
    assert.deepEqual(study.trials.map((t) => [t.number, t.state, t.value]), [[0, 'COMPLETE', 4], [1, 'COMPLETE', 9], [2, 'FAIL', null]]);
    assert.equal(study.bestTrial.value, 9);
    assert.deepEqual(study.bestTrial.userAttrs, { note: 'by hand' });
    await study.optimize((t) => t.suggestFloat('x', 0, 10), { nTrials: 1, ...quiet });
    assert.equal(study.trials[3].value, study.trials[3].params.x);
  });

  it("refuses what Optuna refuses, and value on a multi-objective trial", async () => {
    const n = intDistribution('n', 1, 5);
    assert.throws(() => createTrial({ value: 1, values: [1] }), /`createTrial.values` cannot be given together with value/);
    assert.throws(() => createTrial({ params: { n: 2 }, value: 1 }), /`trial.distributions` must have one distribution per parameter \(params: n\)/);
    assert.throws(() => createTrial({ params: { n: 9 }, distributions: { n }, value: 1 }), /`trial.params.n` must lie in its distribution/);
    assert.throws(() => createTrial({ state: 'COMPLETE' }), /`trial.values` must be set for a COMPLETE trial/);
    assert.throws(() => createTrial({ state: 'FAIL', value: 1 }), /`trial.values` must be null for a FAIL trial/);
    assert.throws(() => createTrial({ value: NaN }), /must not contain NaN/);
    const multi = await createStudy({ directions: ['minimize', 'maximize'] });
    assert.throws(() => multi.addTrial(createTrial({ value: 1 })), /`trial.values` must hold one value per objective of the study \(2\)/);
    await multi.addTrial(createTrial({ values: [1, 2] }));
    assert.deepEqual(multi.trials[0].values, [1, 2]);
    assert.throws(() => multi.trials[0].value, /trial 0 has 2 objective values: `value` is not available in multi-objective optimization, use `values`/);
  });
});
