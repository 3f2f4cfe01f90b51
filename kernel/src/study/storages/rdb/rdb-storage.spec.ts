import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { runStorageSuite } from '../storage-suite';
import { RDBStorage } from './rdb-storage';

const dir = mkdtempSync(join(tmpdir(), 'rnnlab-rdb-'));
let counter = 0;
const opened: RDBStorage[] = [];
const fresh = (): RDBStorage => {
  const storage = new RDBStorage(`sqlite:///${join(dir, `study-${counter++}.db`)}`);
  opened.push(storage);
  return storage;
};

runStorageSuite('RDBStorage (SQLite)', fresh);
after(() => Promise.all(opened.map((s) => s.close())));
