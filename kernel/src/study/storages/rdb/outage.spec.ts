import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../../errors';
import { isTransient } from './postgres';
import { RDBStorage } from './rdb-storage';

/** A loopback port that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('RDBStorage when the database cannot be used', () => {
  it('retries a refused PostgreSQL connection for retryTimeout, then names the masked URL and how long it tried', async () => {
    const port = await closedPort();
    // The storage starts connecting when it is made, so the retrying is timed from before that.
    const started = Date.now();
    const storage = new RDBStorage(`postgresql://rnnlab:s3cret@127.0.0.1:${port}/optuna`, { retryTimeout: 0.4 });
    await assert.rejects(storage.getAllStudies(), (e: unknown) => {
      const message = (e as Error).message;
      assert.match(message, new RegExp(`^could not use the PostgreSQL database postgresql://rnnlab:\\*\\*\\*@127\\.0\\.0\\.1:${port}/optuna for 0\\.\\d s \\(retried for up to retryTimeout = 0\\.4 s\\): .*ECONNREFUSED`));
      assert.doesNotMatch(message, /s3cret/);
      return true;
    });
    assert.ok(Date.now() - started >= 400);
    await storage.close();
  });

  it('tells transient failures from the others', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '40001', '40P01', '08006']) assert.equal(isTransient({ code }), true, code);
    assert.equal(isTransient(new Error('Connection terminated unexpectedly')), true);
    for (const code of ['23505', '42P01', '28P01', '3D000']) assert.equal(isTransient({ code }), false, code);
  });

  it('names the SQLite file that is not a database', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rnnlab-notdb-')), 'notes.db');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(100));
    const storage = new RDBStorage(`sqlite:///${path}`);
    await assert.rejects(storage.getAllStudies(), { message: `SQLite database ${path}: file is not a database` });
    await storage.close();
  });

  it('names the SQLite file it cannot open', () => {
    assert.throws(() => new RDBStorage('sqlite:////nonexistent-dir/x/studies.db'), { message: 'SQLite database /nonexistent-dir/x/studies.db: Cannot open database because the directory does not exist' });
  });

  it('rejects a bad retryTimeout', () => {
    assert.throws(() => new RDBStorage('sqlite:///:memory:', { retryTimeout: -1 }), InvalidArgumentError);
  });
});
