/**
 * The Jupyter kernel spec named `rnnlab` ("TypeScript (rnnlab)"): how Jupyter starts our kernel, and
 * where `rnnlab-kernel install` puts it (the folders `jupyter kernelspec install` uses).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const KERNEL_NAME = 'rnnlab';
export const DISPLAY_NAME = 'TypeScript (rnnlab)';

/** This package's folder (this file is in `src/kernel` or `dist/kernel`). */
const PACKAGE_DIR = path.resolve(__dirname, '..', '..');

/** The logos Jupyter shows for the kernel (launcher, kernel picker), copied into the spec folder. */
export const LOGO_FILES = ['logo-32x32.png', 'logo-64x64.png', 'logo-svg.svg'] as const;

/** The kernel.json content, launching this package's `bin/rnnlab-kernel.js` with this Node binary. */
export function kernelSpec(nodeBinary = process.execPath): Record<string, unknown> {
  const launcher = path.join(PACKAGE_DIR, 'bin', 'rnnlab-kernel.js');
  return {
    argv: [nodeBinary, launcher, 'kernel', '--connection-file', '{connection_file}'],
    display_name: DISPLAY_NAME,
    language: 'typescript',
    interrupt_mode: 'message',
    metadata: { debugger: false },
  };
}

/** Asks a Python for its `sys.prefix` (where `--sys-prefix` installs kernel specs). */
export function sysPrefixOf(python: string): string {
  const result = spawnSync(python, ['-c', 'import sys; print(sys.prefix)'], { encoding: 'utf8' });
  if (result.status !== 0) {
    const reason = result.error?.message ?? result.stderr.trim();
    throw new Error(`could not run ${python} to find its sys.prefix (${reason}); name a Python with --python, or use --user or --prefix`);
  }
  return result.stdout.trim();
}

/**
 * The user's Jupyter data folder, as `jupyter --data-dir` prints it: `$JUPYTER_DATA_DIR`, else
 * `~/Library/Jupyter` (macOS), `%APPDATA%\jupyter` (Windows) or `$XDG_DATA_HOME/jupyter`
 * (default `~/.local/share/jupyter`).
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.JUPYTER_DATA_DIR) return path.resolve(env.JUPYTER_DATA_DIR);
  if (platform === 'darwin') return path.join(home, 'Library', 'Jupyter');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'jupyter');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'jupyter');
}

/**
 * Writes the kernel spec (kernel.json and the logos) into `<dataDir>/kernels/rnnlab/`, where
 * `dataDir` is a Jupyter data folder: `userDataDir()` or `<prefix>/share/jupyter`. Returns the
 * folder. Rewrites files only when they changed.
 */
export function installKernelSpecInto(dataDir: string, nodeBinary = process.execPath): string {
  const dir = path.join(dataDir, 'kernels', KERNEL_NAME);
  fs.mkdirSync(dir, { recursive: true });
  const files: Array<[string, Buffer]> = [
    ['kernel.json', Buffer.from(JSON.stringify(kernelSpec(nodeBinary), null, 2) + '\n')],
    ...LOGO_FILES.map((name): [string, Buffer] => [name, fs.readFileSync(path.join(PACKAGE_DIR, 'assets', name))]),
  ];
  for (const [name, content] of files) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file) || !fs.readFileSync(file).equals(content)) {
      fs.writeFileSync(file, content);
    }
  }
  return dir;
}

/** Writes the kernel spec into `<prefix>/share/jupyter/kernels/rnnlab/` (`jupyter kernelspec install --prefix`). */
export function installKernelSpec(prefix: string, nodeBinary = process.execPath): string {
  return installKernelSpecInto(path.join(prefix, 'share', 'jupyter'), nodeBinary);
}
