/**
 * Helper for the Python tests: loads a study from an RDB storage with rnnlab and prints its trials
 * as one JSON document (non-finite numbers as the strings "NaN", "Infinity", "-Infinity").
 * Usage: node --import tsx test/rdb/rdb_reader.ts <url> <studyName>
 */
import { loadStudy, RDBStorage } from '../../kernel/src/study';

const num = (v: number): number | string => (Number.isFinite(v) ? v : String(v));

async function main(): Promise<void> {
  const [url, studyName] = process.argv.slice(2);
  const storage = new RDBStorage(url);
  const study = await loadStudy({ studyName, storage });
  const trials = study.trials.map((t) => ({
    number: t.number,
    state: t.state,
    values: t.values ? t.values.map(num) : null,
    params: t.params,
    intermediate: [...t.intermediateValues].map(([s, v]) => [s, num(v)]),
    userAttrs: t.userAttrs,
    failReason: t.systemAttrs.fail_reason ?? null,
  }));
  process.stdout.write(JSON.stringify({ directions: study.directions, trials }));
  await storage.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
