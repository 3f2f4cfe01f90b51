/**
 * Storage overhead of multi-worker studies: trials per second for 1, 2 and 4 `rnnlab worker`
 * processes on one study with a trivial objective, on SQLite (a temp file) and — when
 * RNNLAB_BENCH_POSTGRES holds a postgresql:// URL — on PostgreSQL, printed side by side.
 * Run: npx tsx bench/study/storage-throughput.ts [--quick]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const quick = process.argv.includes('--quick');
const TRIALS_PER_WORKER = quick ? 20 : 100;
const ROOT = path.resolve(__dirname, '..', '..');
const dir = mkdtempSync(path.join(tmpdir(), 'rnnlab-bench-'));
const objective = path.join(dir, 'objective.js');
writeFileSync(objective, 'exports.objective = (trial) => { const x = trial.suggestFloat("x", -10, 10); return x * x; };\n');

function worker(url: string, study: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'kernel', 'bin', 'rnnlab.js'), 'worker', '--storage', url, '--study', study,
      '--objective', objective, '--n-trials', String(TRIALS_PER_WORKER)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker failed: ${err}`))));
  });
}

async function measure(url: string, workers: number, study: string): Promise<number> {
  await worker(url, `${study}-warm`); // creates the schema and warms the caches
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, () => worker(url, study)));
  return (workers * TRIALS_PER_WORKER) / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const targets: [string, (n: number) => string][] = [['SQLite', (n) => `sqlite:///${path.join(dir, `bench-${n}.db`)}`]];
  if (process.env.RNNLAB_BENCH_POSTGRES) targets.push(['PostgreSQL', () => process.env.RNNLAB_BENCH_POSTGRES as string]);
  console.log(`${TRIALS_PER_WORKER} trials per worker, trivial objective (process start-up included)`);
  console.log(`workers | ${targets.map(([name]) => `${name} trials/s`.padStart(18)).join(' | ')}`);
  for (const workers of [1, 2, 4]) {
    const row: string[] = [];
    for (const [name, url] of targets) row.push((await measure(url(workers), workers, `bench-${name}-${workers}-${Date.now()}`)).toFixed(1).padStart(18));
    console.log(`${String(workers).padStart(7)} | ${row.join(' | ')}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
