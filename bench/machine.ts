/** What a benchmark reports about the machine it ran on, measured in the same run. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The CPU's vector features, the native kernel's path and its sgemm GFLOP/s on all cores and on one. */
export function machineProbe(ROOT: string): { flags: string; isa: string; peakAll: number; peakOne: number; threads: number } {
  let flags = 'unknown';
  try {
    const line = fs.readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('flags')) ?? '';
    flags = line.split(':')[1].trim().split(/\s+/).filter((f) => /^(avx|fma|sse4_2|amx)/.test(f)).join(' ');
  } catch {
    /* not Linux */
  }
  const file = path.join(ROOT, 'kernel', 'native', 'build', 'rnnlab_native.node');
  if (!fs.existsSync(file)) return { flags, isa: 'native kernel not built', peakAll: NaN, peakOne: NaN, threads: 0 };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const native = require(file) as { version: string; _sgemmBench: (...a: (number | boolean)[]) => number };
  const threads = os.availableParallelism();
  const n = 1024;
  const gflops = (t: number) => {
    native._sgemmBench(n, n, n, false, false, t, 2, true);
    return (2 * n * n * n) / native._sgemmBench(n, n, n, false, false, t, 8, true) / 1e9;
  };
  return { flags, isa: native.version, peakAll: gflops(threads), peakOne: gflops(1), threads };
}
