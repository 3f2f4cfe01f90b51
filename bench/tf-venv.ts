/** The Python of the TensorFlow venv that the Keras / scikit-learn sides of the benchmarks run on. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The Python of the TensorFlow venv: `node scripts/tensorflow-cpu.mjs venv` (last stdout line) where
 * that script exists, else .venv-tf/bin/python; undefined (and a how-to) when there is none.
 */
export async function resolvePython(ROOT: string, explicit: string | undefined): Promise<string | undefined> {
  if (explicit) return explicit;
  const script = path.join(ROOT, 'scripts', 'tensorflow-cpu.mjs');
  if (fs.existsSync(script)) {
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [script, 'venv'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    const last = out.stdout.trim().split('\n').pop()?.trim();
    if (out.code === 0 && last) return last;
    console.error(`scripts/tensorflow-cpu.mjs venv failed (exit ${out.code}):\n${out.stderr.trim().split('\n').slice(-10).join('\n')}`);
  }
  const venv = path.join(path.resolve(ROOT, process.env.RNNLAB_TF_VENV ?? '.venv-tf'), 'bin', 'python');
  if (fs.existsSync(venv)) return venv;
  console.error(
    'No TensorFlow venv: the Keras rows are left out. Create it with\n' +
      (fs.existsSync(script) ? '  node scripts/tensorflow-cpu.mjs venv\n' : '') +
      '  python3 -m venv .venv-tf && .venv-tf/bin/pip install tensorflow-cpu==2.21.0 keras==3.15.1\n' +
      'or pass --python /path/to/python (with tensorflow and keras installed).',
  );
  return undefined;
}
