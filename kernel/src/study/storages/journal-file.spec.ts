import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, appendFileSync, symlinkSync, utimesSync, lutimesSync, writeFileSync, lstatSync } from 'node:fs';
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

  it('breaks a dangling lock link (as Python leaves for a relative path) after the grace period, sleeping meanwhile', async () => {
    const path = fresh();
    symlinkSync('sub/nowhere.log', `${path}.lock`); // dangling, and fresh
    const cpu = process.cpuUsage();
    const started = Date.now();
    await new JournalFileSymlinkLock(path, 0.3).with(() => undefined);
    const waited = Date.now() - started;
    const used = process.cpuUsage(cpu);
    assert.ok(waited >= 300, `broken after ${waited} ms, before the grace period`);
    assert.ok((used.user + used.system) / 1000 < waited / 2, `spent ${(used.user + used.system) / 1000} ms of CPU in ${waited} ms`);
    assert.equal(existsSync(`${path}.lock`), false);
  });

  it('breaks at once a lock that is already older than the grace period, a link or a plain file (Python\'s JournalFileOpenLock)', async () => {
    for (const make of [(p: string) => symlinkSync('gone', p), (p: string) => writeFileSync(p, '')]) {
      const path = fresh();
      make(`${path}.lock`);
      const old = new Date(Date.now() - 60_000);
      lutimesSync(`${path}.lock`, old, old);
      const s = new JournalFileStorage(path, { lockGracePeriodSeconds: 30 });
      await s.createNewStudy(['minimize'], 'after-a-stale-lock');
      assert.equal(existsSync(`${path}.lock`), false);
    }
  });

  it('waits for a held lock without blocking the event loop, and honours a plain-file lock', async () => {
    const path = fresh();
    const s = new JournalFileStorage(path, { lockGracePeriodSeconds: null });
    writeFileSync(`${path}.lock`, ''); // Python's JournalFileOpenLock holds it
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const writing = s.createNewStudy(['minimize'], 'waited');
    await new Promise((r) => setTimeout(r, 100));
    const ticksWhileHeld = ticks;
    assert.equal(readFileSync(path, 'utf8'), ''); // nothing written while the lock is held
    await new JournalFileSymlinkLock(path).release(); // Python releases it (rename, then unlink)
    await writing;
    clearInterval(timer);
    assert.ok(ticksWhileHeld >= 5, `the event loop ran ${ticksWhileHeld} timers in 100 ms`);
    assert.equal(await new JournalFileStorage(path).getStudyIdFromName('waited'), 0);
  });

  it('repairs a cut last line before the next append, keeping the cut bytes in <journal>.cut', async () => {
    const path = fresh();
    const a = new JournalFileStorage(path);
    const id = await a.createNewStudy(['minimize'], 'cut');
    await a.createNewTrial(id);
    const whole = readFileSync(path, 'utf8');
    appendFileSync(path, '{"op_code":6,"worker_id":"x","trial_id":0,"st'); // a writer killed mid-append
    const b = new JournalFileStorage(path);
    await b.setTrialStateValues(0, 'COMPLETE', [2]);
    const text = readFileSync(path, 'utf8');
    assert.ok(text.startsWith(whole) && text.endsWith('\n'));
    assert.equal(text.split('\n').length, whole.split('\n').length + 1);
    assert.equal(readFileSync(`${path}.cut`, 'utf8'), '{"op_code":6,"worker_id":"x","trial_id":0,"st\n');
    assert.deepEqual((await new JournalFileStorage(path).getAllTrials(id)).map((t) => [t.state, t.values]), [['COMPLETE', [2]]]);
  });

  it('names the file and the line of a line that does not parse', () => {
    const path = fresh();
    writeFileSync(path, '{"op_code":0,"worker_id":"w","study_name":"s","directions":[1]}\n{"op_code": oops}\n{"op_code":0,"worker_id":"w","study_name":"t","directions":[1]}\n');
    assert.throws(() => new JournalFileStorage(path), (e: unknown) => e instanceof Error && e.message.startsWith(`journal file ${path}, line 2: `));
  });

  it('names the path when it is a directory', () => {
    const path = fresh();
    mkdirSync(path);
    assert.throws(() => new JournalFileStorage(path), (e: unknown) => e instanceof Error && e.message === `journal file ${path}: could not create it: it is not a regular file`);
    assert.ok(lstatSync(path).isDirectory());
  });

  it('names the argument of a bad path or option', () => {
    assert.throws(() => new JournalFileStorage(''), { message: "`JournalFileStorage filePath` must be the path of the journal file, got ''" });
    assert.throws(() => new JournalFileStorage(fresh(), { lockGracePeriodSeconds: 0 }), /`lockGracePeriodSeconds` must be a positive number of seconds/);
  });
});
