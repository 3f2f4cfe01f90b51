/**
 * TPE against random search on three problems, as Optuna's benchmarks do:
 *   Branin (2 floats, minimum 0.397887), Hartmann6 (6 floats in [0, 1], minimum -3.32237), and a
 *   mixed problem (an int, a log-scale float, a stepped int and a categorical; minimum 0).
 * Each sampler runs `seeds` studies of `trials` trials; the table shows the median (and quartiles)
 * of the best value reached, and the seconds spent per trial (sampler and study overhead: the
 * objectives cost nothing).
 *
 * Run: npx tsx bench/study/tpe-vs-random.ts            (20 seeds × 100 trials)
 *      npx tsx bench/study/tpe-vs-random.ts --quick    (5 seeds × 50 trials)
 *      npx tsx bench/study/tpe-vs-random.ts --seeds 10 --trials 200
 */
import { createStudy, RandomSampler, TPESampler, type Sampler, type Trial } from '../../kernel/src/study';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const flag = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SEEDS = flag('--seeds', quick ? 5 : 20);
const TRIALS = flag('--trials', quick ? 50 : 100);

function branin(t: Trial): number {
  const x = t.suggestFloat('x', -5, 10);
  const y = t.suggestFloat('y', 0, 15);
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  return (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x) + 10;
}

const H_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]];
const H_P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991], [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]].map((r) => r.map((v) => v * 1e-4));
const H_ALPHA = [1, 1.2, 3, 3.2];

function hartmann6(t: Trial): number {
  const x = Array.from({ length: 6 }, (_v, i) => t.suggestFloat(`x${i}`, 0, 1));
  return -H_ALPHA.reduce((s, a, i) => s + a * Math.exp(-H_A[i].reduce((acc, aij, j) => acc + aij * (x[j] - H_P[i][j]) ** 2, 0)), 0);
}

function mixed(t: Trial): number {
  const layers = t.suggestInt('layers', 1, 8);
  const lr = t.suggestFloat('lr', 1e-5, 1e-1, { log: true });
  const units = t.suggestInt('units', 16, 512, { step: 16 });
  const cell = t.suggestCategorical('cell', ['RNN', 'GRU', 'LSTM', 'Conv']);
  const cellCost: Record<string, number> = { RNN: 1, GRU: 0, LSTM: 0.3, Conv: 2 };
  return (layers - 3) ** 2 / 4 + (Math.log10(lr) + 3) ** 2 + ((units - 256) / 128) ** 2 + cellCost[cell];
}

const PROBLEMS: [string, (t: Trial) => number, number][] = [
  ['Branin', branin, 0.397887],
  ['Hartmann6', hartmann6, -3.32237],
  ['mixed int/log/cat', mixed, 0],
];
const SAMPLERS: [string, (seed: number) => Sampler][] = [
  ['TPE', (seed) => new TPESampler({ seed })],
  ['Random', (seed) => new RandomSampler({ seed })],
];

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.ceil(pos)] - s[lo]) * (pos - lo);
}

async function main(): Promise<void> {
  console.log(`TPE vs Random: ${SEEDS} seeds × ${TRIALS} trials (median best value [quartiles], seconds per trial)\n`);
  const rows: string[][] = [['problem', 'optimum', 'TPE median best', 'Random median best', 'TPE s/trial', 'Random s/trial', 'TPE better in']];
  for (const [name, objective, optimum] of PROBLEMS) {
    const best: Record<string, number[]> = {};
    const seconds: Record<string, number> = {};
    for (const [samplerName, make] of SAMPLERS) {
      best[samplerName] = [];
      const started = performance.now();
      for (let seed = 0; seed < SEEDS; seed++) {
        const study = await createStudy({ sampler: make(seed) });
        await study.optimize(objective, { nTrials: TRIALS, show: false });
        best[samplerName].push(study.bestValue);
      }
      seconds[samplerName] = (performance.now() - started) / 1000 / (SEEDS * TRIALS);
    }
    const fmt = (xs: number[]) => `${quantile(xs, 0.5).toFixed(4)} [${quantile(xs, 0.25).toFixed(3)}, ${quantile(xs, 0.75).toFixed(3)}]`;
    const wins = best.TPE.filter((v, i) => v < best.Random[i]).length;
    rows.push([name, String(optimum), fmt(best.TPE), fmt(best.Random), seconds.TPE.toFixed(4), seconds.Random.toFixed(4), `${wins}/${SEEDS} seeds`]);
  }
  const widths = rows[0].map((_c, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const [i, r] of rows.entries()) {
    console.log(`| ${r.map((c, j) => c.padEnd(widths[j])).join(' | ')} |`);
    if (i === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
