import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, appendFileSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { floatDistribution } from '../distributions';
import { JournalFileSymlinkLock } from './file-lock';
import { JournalFileStorage } from './journal-file';
import { runStorageSuite } from './storage-suite';

const dir = mkdtempSync(join(tmpdir(), 'rnnlab-journal-'));
let counter = 0;
const fresh = (): string => join(dir, `journal-${counter++}.log`);

runStorageSuite('JournalFileStorage', () => new JournalFileStorage(fresh()));

describe('JournalFileStorage', () => {
  it('writes Optuna journal lines, appends only, and leaves no lock behind', async () => {
    const path = fresh();
    const s = new JournalFileStorage(path);
    const id = await s.createNewStudy(['maximize'], 'lines');
    const t = await s.createNewTrial(id);
    await s.setTrialParam(t, 'lr', 0.001, floatDistribution('lr', 1e-5, 1, { log: true }));
    await s.setTrialIntermediateValue(t, 0, NaN);
    await s.setTrialStateValues(t, 'COMPLETE', [1]);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 5);
    assert.match(lines[0], /^\{"op_code":0,"worker_id":"[0-9a-f-]{36}-0","study_name":"lines","directions":\[2\]\}$/);
    assert.match(lines[1], /^\{"op_code":4,"worker_id":"[^"]+","study_id":0,"datetime_start":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00"\}$/);
    assert.ok(lines[2].endsWith('"param_name":"lr","param_value_internal":0.001,"distribution":"{\\"name\\": \\"FloatDistribution\\", \\"attributes\\": {\\"step\\": null, \\"low\\": 1e-05, \\"high\\": 1.0, \\"log\\": true}}"}'));
    assert.ok(lines[3].endsWith('"trial_id":0,"step":0,"intermediate_value":NaN}'));
    assert.match(lines[4], /"trial_id":0,"state":1,"values":\[1\.0\],"datetime_complete":"[^"]+"\}$/);
    assert.equal(existsSync(`${path}.lock`), false);
  });

  it('reads what another writer appended, and skips a half-written last line', async () => {
    const path = fresh();
    const a = new JournalFileStorage(path);
    const b = new JournalFileStorage(path);
    const id = await a.createNewStudy(['minimize'], 'shared');
    await b.createNewTrial(id);
    await a.createNewTrial(id);
    assert.deepEqual((await b.getAllTrials(id)).map((t) => t.number), [0, 1]);
    appendFileSync(path, '{"op_code":4,"worker_id":"x","study_');
    assert.equal((await a.getAllTrials(id)).length, 2);
    appendFileSync(path, 'id":0,"datetime_start":null,"state":4}\n');
    assert.deepEqual((await a.getAllTrials(id)).map((t) => t.state), ['RUNNING', 'RUNNING', 'WAITING']);
  });

  it('survives a restart', async () => {
    const path = fresh();
    const id = await new JournalFileStorage(path).createNewStudy(['minimize'], 'restart');
    const again = new JournalFileStorage(path);
    assert.equal(await again.getStudyIdFromName('restart'), id);
  });

  it('breaks a lock left by a dead process after the grace period', async () => {
    const path = fresh();
    appendFileSync(path, '');
    symlinkSync(resolve(path), `${path}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(path, old, old);
    const lock = new JournalFileSymlinkLock(path, 0.05);
    const started = Date.now();
    await lock.with(() => undefined);
    assert.ok(Date.now() - started < 2000);
    assert.equal(existsSync(`${path}.lock`), false);
  });
});
