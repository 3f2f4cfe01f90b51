/**
 * Helper for the Python tests: loads a study from a journal file with rnnlab and prints its trials
 * as one JSON document (non-finite numbers as the strings "NaN", "Infinity", "-Infinity").
 * Usage: node --import tsx test/study/journal_reader.ts <journal> <studyName>
 */
import { JournalFileStorage, loadStudy } from '../../kernel/src/study';

const num = (v: number): number | string => (Number.isFinite(v) ? v : String(v));

async function main(): Promise<void> {
  const [journal, studyName] = process.argv.slice(2);
  const study = await loadStudy({ studyName, storage: new JournalFileStorage(journal) });
  const trials = study.trials.map((t) => ({
    number: t.number,
    state: t.state,
    values: t.values ? t.values.map(num) : null,
    params: t.params,
    distributions: t.distributions,
    intermediate: [...t.intermediateValues].map(([s, v]) => [s, num(v)]),
    userAttrs: t.userAttrs,
    failReason: t.systemAttrs.fail_reason ?? null,
  }));
  process.stdout.write(JSON.stringify({ directions: study.directions, trials }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
