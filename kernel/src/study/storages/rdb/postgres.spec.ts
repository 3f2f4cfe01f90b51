/**
 * The shared storage suite on PostgreSQL. It needs a server: `test/rdb/test_rdb_suite.py` starts
 * one and runs this file with `RNNLAB_TEST_POSTGRES_URL` set to an admin URL; each storage of the
 * suite gets a new, empty database. Without the variable the suite is skipped (with that reason).
 */
import { after, it } from 'node:test';
import { runStorageSuite } from '../storage-suite';
import { RDBStorage } from './rdb-storage';

const admin = process.env.RNNLAB_TEST_POSTGRES_URL;

if (!admin) {
  it('storage suite: RDBStorage (PostgreSQL)', { skip: 'RNNLAB_TEST_POSTGRES_URL is not set; test/rdb/test_rdb_suite.py starts a server and runs this file with it' }, () => undefined);
} else {
  const opened: RDBStorage[] = [];
  let counter = 0;
  const fresh = async (): Promise<RDBStorage> => {
    const { Client } = await import('pg');
    const name = `suite_${process.pid}_${counter++}`;
    const client = new Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const storage = new RDBStorage(admin.replace(/\/[^/]*$/, `/${name}`));
    opened.push(storage);
    return storage;
  };
  runStorageSuite('RDBStorage (PostgreSQL)', fresh);
  after(() => Promise.all(opened.map((s) => s.close())));
}
