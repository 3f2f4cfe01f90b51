import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { nativeAddonCachePath } from './native-addon';

describe('native addon location', () => {
  it('looks in the per-user cache that kernel/native/build.mjs builds into when the package folder is read-only', () => {
    const pkg = require('../../package.json') as { version: string };
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', '-e', `console.log(require(${JSON.stringify(__filename.replace(/\.spec\.ts$/, '.ts'))}).nativeAddonCachePath())`], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      }).stdout.trim();
    const key = `${pkg.version}-${process.platform}-${process.arch}`;
    assert.equal(run({ XDG_CACHE_HOME: '/x/cache' }), path.join('/x/cache', 'rnnlab', 'native', key, 'rnnlab_native.node'));
    assert.equal(run({ XDG_CACHE_HOME: '', HOME: '/home/u' }), path.join('/home/u', '.cache', 'rnnlab', 'native', key, 'rnnlab_native.node'));
    assert.match(nativeAddonCachePath(), new RegExp(`rnnlab[/\\\\]native[/\\\\]${key.replace(/\./g, '\\.')}[/\\\\]rnnlab_native\\.node$`));
  });
});
