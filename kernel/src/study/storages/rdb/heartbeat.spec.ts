import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../../errors';
import { RDBStorage } from './rdb-storage';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('RDBStorage heartbeats (Optuna heartbeat_interval / grace_period)', () => {
  it('fails a RUNNING trial whose heartbeat is older than the grace period, and only that one', async () => {
    const storage = new RDBStorage(`sqlite:///${join(mkdtempSync(join(tmpdir(), 'rnnlab-hb-')), 'hb.db')}`, { heartbeatInterval: 0.1, gracePeriod: 0.3 });
    try {
      const study = await storage.createNewStudy(['minimize'], 'hb');
      const silent = await storage.createNewTrial(study); // stops beating
      const alive = await storage.createNewTrial(study); // keeps beating
      const never = await storage.createNewTrial(study); // beats once, with its row, then never again
      await storage.recordHeartbeat(silent);
      await storage.recordHeartbeat(alive);
      assert.deepEqual(await storage.failStaleHeartbeatTrials(study), []);
      await sleep(450);
      await storage.recordHeartbeat(alive);
      assert.deepEqual(await storage.failStaleHeartbeatTrials(study), [0, 2]);
      const [a, b, c] = await Promise.all([silent, alive, never].map((id) => storage.getTrial(id)));
      assert.deepEqual([a.state, b.state, c.state], ['FAIL', 'RUNNING', 'FAIL']);
      assert.match(String(a.systemAttrs.fail_reason), /no heartbeat for more than 0.3 s/);
      assert.deepEqual(await storage.failStaleHeartbeatTrials(study), []);
    } finally {
      await storage.close();
    }
  });

  it('rejects a grace period not longer than the interval, or without one', () => {
    assert.throws(() => new RDBStorage('sqlite:///:memory:', { heartbeatInterval: 2, gracePeriod: 1 }), InvalidArgumentError);
    assert.throws(() => new RDBStorage('sqlite:///:memory:', { gracePeriod: 1 }), InvalidArgumentError);
    assert.throws(() => new RDBStorage('sqlite:///:memory:', { heartbeatInterval: 0 }), InvalidArgumentError);
  });
});
