import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseInstallArgs } from './install-args';
import { installKernelSpec, kernelSpec, userDataDir } from './kernelspec';

describe('parseInstallArgs (rnnlab-kernel install)', () => {
  it('defaults to --user, as ipykernel and tslab do', () => {
    assert.deepEqual(parseInstallArgs([]), { kind: 'user' });
    assert.deepEqual(parseInstallArgs(['--user']), { kind: 'user' });
  });

  it('reads --sys-prefix (python3 unless --python names one), --prefix PATH and --prefix=PATH', () => {
    assert.deepEqual(parseInstallArgs(['--sys-prefix']), { kind: 'sys-prefix', python: 'python3' });
    assert.deepEqual(parseInstallArgs(['--sys-prefix', '--python', '/v/bin/python']), { kind: 'sys-prefix', python: '/v/bin/python' });
    assert.deepEqual(parseInstallArgs(['--python', '/v/bin/python']), { kind: 'sys-prefix', python: '/v/bin/python' });
    assert.deepEqual(parseInstallArgs(['--prefix', '/opt/env']), { kind: 'prefix', prefix: '/opt/env' });
    assert.deepEqual(parseInstallArgs(['--prefix=/opt/env']), { kind: 'prefix', prefix: '/opt/env' });
  });

  it('names the bad option', () => {
    assert.throws(() => parseInstallArgs(['--sys']), {
      message: "`--sys` is not an option of rnnlab-kernel install (--user, --sys-prefix, --prefix, --python), got '--sys'. See `rnnlab-kernel --help`.",
    });
    assert.throws(() => parseInstallArgs(['--prefix']), { message: '`--prefix` needs a value, got undefined. See `rnnlab-kernel --help`.' });
    assert.throws(() => parseInstallArgs(['--user', '--prefix', '/x']), {
      message: "`install` takes one of --user, --sys-prefix, --prefix, got '--user --prefix'",
    });
    assert.throws(() => parseInstallArgs(['--user', '--python', 'py']), {
      message: "`--python` goes with --sys-prefix only, got '--user --python py'",
    });
  });
});

describe('userDataDir', () => {
  it("is Jupyter's user data folder on each platform", () => {
    assert.equal(userDataDir({}, 'linux', '/home/u'), '/home/u/.local/share/jupyter');
    assert.equal(userDataDir({ XDG_DATA_HOME: '/x' }, 'linux', '/home/u'), '/x/jupyter');
    assert.equal(userDataDir({}, 'darwin', '/Users/u'), '/Users/u/Library/Jupyter');
    assert.equal(userDataDir({ JUPYTER_DATA_DIR: '/j' }, 'linux', '/home/u'), '/j');
  });
});

describe('installKernelSpec', () => {
  it('writes kernel.json and the logos into <prefix>/share/jupyter/kernels/rnnlab', () => {
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'rnnlab-spec-'));
    const dir = installKernelSpec(prefix, '/usr/bin/node');
    assert.equal(dir, path.join(prefix, 'share', 'jupyter', 'kernels', 'rnnlab'));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['kernel.json', 'logo-32x32.png', 'logo-64x64.png', 'logo-svg.svg']);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'kernel.json'), 'utf8')), kernelSpec('/usr/bin/node'));
    const png = fs.readFileSync(path.join(dir, 'logo-64x64.png'));
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [64, 64]); // IHDR width and height
    fs.rmSync(prefix, { recursive: true });
  });
});
