/**
 * Replays the pruner cases of `fixtures/pruner-cases.json` (decisions computed with Python Optuna by
 * `test/study/reference/pruner_reference.py`) through a real study, for the pruner specs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStudy } from '../create';
import type { StudyDirection } from '../frozen-trial';
import { RandomSampler } from '../samplers';
import type { Pruner } from './base';

/** One case of the fixture. */
export interface PrunerCase {
  name: string;
  pruner: string;
  options: Record<string, unknown>;
  direction: StudyDirection;
  studyName: string;
  curves: (number | null)[][];
  decisions: boolean[][];
}

/** The cases whose pruner is `pruner`. */
export function prunerCases(pruner: string): PrunerCase[] {
  const data = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'pruner-cases.json'), 'utf8')) as { cases: PrunerCase[] };
  return data.cases.filter((c) => c.pruner === pruner);
}

/** Runs the curves one trial after another; returns the decisions after each report. */
export async function replay(c: PrunerCase, pruner: Pruner): Promise<boolean[][]> {
  const study = await createStudy({ direction: c.direction, pruner, studyName: c.studyName, sampler: new RandomSampler({ seed: 0 }) });
  const decisions: boolean[][] = [];
  for (const curve of c.curves) {
    const trial = await study.ask();
    const mine: boolean[] = [];
    for (const [step, value] of curve.entries()) {
      trial.report(value ?? NaN, step);
      const pruned = trial.shouldPrune();
      mine.push(pruned);
      if (pruned) break;
    }
    decisions.push(mine);
    await study.tell(trial, mine[mine.length - 1] ? { state: 'PRUNED' } : { value: curve[curve.length - 1] ?? NaN });
  }
  return decisions;
}
