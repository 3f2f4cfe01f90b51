/**
 * The Jupyter kernel spec named `rnnlab` ("TypeScript (rnnlab)"): how Jupyter starts our kernel.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const KERNEL_NAME = 'rnnlab';
export const DISPLAY_NAME = 'TypeScript (rnnlab)';

/** The kernel.json content, launching this package's `bin/rnnlab-kernel.js` with this Node binary. */
export function kernelSpec(nodeBinary = process.execPath): Record<string, unknown> {
  const launcher = path.resolve(__dirname, '..', '..', 'bin', 'rnnlab-kernel.js');
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
    throw new Error(`could not run ${python}: ${result.error?.message ?? result.stderr}`);
  }
  return result.stdout.trim();
}

/**
 * Writes the kernel spec into `<prefix>/share/jupyter/kernels/rnnlab/` (what
 * `jupyter kernelspec install --prefix` does). Returns the folder. Rewrites it only when it changed.
 */
export function installKernelSpec(prefix: string, nodeBinary = process.execPath): string {
  const dir = path.join(prefix, 'share', 'jupyter', 'kernels', KERNEL_NAME);
  const file = path.join(dir, 'kernel.json');
  const content = JSON.stringify(kernelSpec(nodeBinary), null, 2) + '\n';
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content) {
    fs.writeFileSync(file, content);
  }
  return dir;
}
