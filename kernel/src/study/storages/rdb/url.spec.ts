import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../../errors';
import { RDBStorage } from './rdb-storage';
import { maskUrl, parseDatabaseUrl } from './url';

describe('parseDatabaseUrl', () => {
  it('reads SQLite and PostgreSQL URLs in SQLAlchemy form', () => {
    assert.deepEqual(parseDatabaseUrl('sqlite:///studies.db'), { dialect: 'sqlite', path: 'studies.db', maskedUrl: 'sqlite:///studies.db' });
    assert.equal((parseDatabaseUrl('sqlite:////tmp/a b.db') as { path: string }).path, '/tmp/a b.db');
    assert.equal((parseDatabaseUrl('sqlite:///:memory:') as { path: string }).path, ':memory:');
    assert.deepEqual(parseDatabaseUrl('postgresql://me:p%40ss@db.lan:6543/optuna'), {
      dialect: 'postgresql',
      host: 'db.lan',
      port: 6543,
      user: 'me',
      password: 'p@ss',
      database: 'optuna',
      maskedUrl: 'postgresql://me:***@db.lan:6543/optuna',
    });
    const plain = parseDatabaseUrl('postgresql+psycopg2://me@localhost/optuna') as { port: number; password?: string };
    assert.deepEqual([plain.port, plain.password], [5432, undefined]);
  });

  it('refuses unknown schemes and malformed URLs, naming the argument and never the password', () => {
    const cases = ['mysql://me:hunter2@db/optuna', 'postgresql://me:hunter2@/optuna', 'postgresql://me:hunter2@db.lan:5432/', 'postgresql://me:hunter2@db.lan:99999/x', 'sqlite://relative.db', 'studies.db'];
    for (const url of cases) {
      assert.throws(
        () => new RDBStorage(url),
        (error: unknown) => error instanceof InvalidArgumentError && error.argument === 'RDBStorage.url' && !error.message.includes('hunter2') && /sqlite:\/\/\/|postgresql:\/\//.test(error.message),
        url,
      );
    }
    assert.throws(() => new RDBStorage(42 as unknown as string), InvalidArgumentError);
  });

  it('masks passwords', () => {
    assert.equal(maskUrl('postgresql://u:secret@h:1/d'), 'postgresql://u:***@h:1/d');
    assert.equal(maskUrl('postgresql://u@h/d'), 'postgresql://u@h/d');
  });
});

describe('RDBStorage', () => {
  it('hides its connection details from console.log and JSON', async () => {
    const storage = new RDBStorage('sqlite:///:memory:');
    assert.equal(JSON.stringify(storage), '{"url":"sqlite:///:memory:"}');
    assert.match((await import('node:util')).inspect(storage), /^RDBStorage \{ url: 'sqlite:\/\/\/:memory:' \}$/);
    await storage.close();
  });

  it('names the masked URL when PostgreSQL cannot be reached', async () => {
    const storage = new RDBStorage('postgresql://me:hunter2@127.0.0.1:1/none');
    await assert.rejects(storage.getAllStudies(), (error: Error) => error.message.includes('postgresql://me:***@127.0.0.1:1/none') && !error.message.includes('hunter2'));
    await storage.close();
  });
});
