import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError, UnknownOptionError } from '../errors';
import { createStudy, loadStudy } from './create';
import { HyperbandPruner, MedianPruner, PercentilePruner, SuccessiveHalvingPruner } from './pruners';
import { GridSampler, RandomSampler, TPESampler } from './samplers';
import { InMemoryStorage } from './storages';
import type { Trial } from './trial';

/** Runs `suggest` as the objective of a one-trial study and returns what it threw (the trial must not complete). */
async function suggestError(suggest: (t: Trial) => unknown): Promise<unknown> {
  const study = await createStudy();
  let error: unknown;
  await study.optimize((t) => {
    try {
      suggest(t);
    } catch (e) {
      error = e;
    }
    return 0;
  }, { nTrials: 1, show: false });
  return error;
}

// Each case: the call, the argument the message must name, and a fragment of the rule.
const SUGGEST_CASES: [string, (t: Trial) => unknown, string, RegExp][] = [
  ['low > high', (t) => t.suggestFloat('x', 2, 1), 'x.low', /must be <= high/],
  ['log with low <= 0', (t) => t.suggestFloat('lr', 0, 1, { log: true }), 'lr.low', /must be > 0 when log/],
  ['step not dividing the range', (t) => t.suggestFloat('q', 0, 1, { step: 0.3 }), 'q.step', /must divide high - low/],
  ['step <= 0', (t) => t.suggestFloat('q', 0, 1, { step: 0 }), 'q.step', /must be > 0/],
  ['step with log', (t) => t.suggestFloat('q', 0.1, 1, { step: 0.1, log: true }), 'q.step', /cannot be combined with log/],
  ['non-finite bound', (t) => t.suggestFloat('x', -Infinity, 1), 'x.low', /finite/],
  ['int bound not an integer', (t) => t.suggestInt('n', 1.5, 4), 'n.low', /integer/],
  ['int log with low < 1', (t) => t.suggestInt('n', 0, 4, { log: true }), 'n.low', /must be >= 1 when log/],
  ['int step not dividing the range', (t) => t.suggestInt('n', 1, 10, { step: 2 }), 'n.step', /must divide/],
  ['int log with step 2', (t) => t.suggestInt('n', 1, 9, { step: 2, log: true }), 'n.step', /must be 1 when log/],
  ['empty choices', (t) => t.suggestCategorical('c', []), 'c.choices', /non-empty/],
  ['object choice', (t) => t.suggestCategorical('c', [{} as never]), 'c.choices[0]', /number, string, boolean or null/],
  ['empty name', (t) => t.suggestFloat('', 0, 1), 'name', /non-empty/],
  ['report step < 0', (t) => t.report(1, -1), 'step', /integer >= 0/],
  ['same name, other distribution', (t) => (t.suggestFloat('u', 0, 1), t.suggestInt('u', 0, 1)), 'u', /must keep its distribution/],
];

describe('bad inputs raise InvalidArgumentError before any trial runs', () => {
  for (const [name, call, argument, rule] of SUGGEST_CASES) {
    it(`suggest: ${name}`, async () => {
      const error = await suggestError(call);
      assert.ok(error instanceof InvalidArgumentError, `got ${String(error)}`);
      assert.equal(error.argument, argument);
      assert.match(error.message, rule);
      assert.match(error.message, /, got /);
    });
  }

  const OPTION_CASES: [string, () => unknown, string][] = [
    ['unknown direction', () => createStudy({ direction: 'maximise' as never }), 'createStudy.direction'],
    ['both direction and directions', () => createStudy({ direction: 'minimize', directions: ['maximize'] }), 'createStudy.directions'],
    ['empty directions', () => createStudy({ directions: [] }), 'createStudy.directions'],
    ['unknown createStudy key', () => createStudy({ study_name: 'x' } as never), 'createStudy.study_name'],
    ['sampler that is not one', () => createStudy({ sampler: {} as never }), 'createStudy.sampler'],
    ['loadStudy without storage', () => loadStudy({} as never), 'loadStudy.storage'],
  ];
  for (const [name, call, argument] of OPTION_CASES) {
    it(`createStudy: ${name}`, async () => {
      await assert.rejects(async () => call(), (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument);
    });
  }

  it('suggests the camelCase name for a snake_case option', async () => {
    await assert.rejects(createStudy({ load_if_exists: true } as never), (e: unknown) => e instanceof UnknownOptionError && /Did you mean `loadIfExists`/.test(e.message));
  });

  const OPTIMIZE_CASES: [string, Record<string, unknown>, string][] = [
    ['nTrials < 1', { nTrials: 0 }, 'optimize.nTrials'],
    ['nTrials not an integer', { nTrials: 2.5 }, 'optimize.nTrials'],
    ['timeout <= 0', { timeout: -1 }, 'optimize.timeout'],
    ['nJobs 0', { nJobs: 0 }, 'optimize.nJobs'],
    ['catch not classes', { catch: ['RangeError'] }, 'optimize.catch'],
    ['unknown optimize key', { n_trials: 3 }, 'optimize.n_trials'],
  ];
  for (const [name, options, argument] of OPTIMIZE_CASES) {
    it(`optimize: ${name}`, async () => {
      const storage = new InMemoryStorage();
      const study = await createStudy({ storage });
      let calls = 0;
      await assert.rejects(study.optimize(() => ++calls, options), (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument);
      assert.equal(calls, 0);
      assert.equal((await study.getTrials()).length, 0);
    });
  }

  const CONSTRUCTOR_CASES: [string, () => unknown, string][] = [
    ['unknown TPESampler key', () => new TPESampler({ n_startup_trials: 5 } as never), 'TPESampler.n_startup_trials'],
    ['negative nStartupTrials', () => new TPESampler({ nStartupTrials: -1 }), 'TPESampler.nStartupTrials'],
    ['nEiCandidates 0', () => new TPESampler({ nEiCandidates: 0 }), 'TPESampler.nEiCandidates'],
    ['non-integer seed', () => new RandomSampler({ seed: 0.5 }), 'RandomSampler.seed'],
    ['empty grid values', () => new GridSampler({ a: [] }), 'searchSpace.a'],
    ['percentile > 100', () => new PercentilePruner(150), 'percentile'],
    ['intervalSteps 0', () => new MedianPruner({ intervalSteps: 0 }), 'MedianPruner.intervalSteps'],
    ['reductionFactor 1', () => new SuccessiveHalvingPruner({ reductionFactor: 1 }), 'SuccessiveHalvingPruner.reductionFactor'],
    ['minResource 0', () => new SuccessiveHalvingPruner({ minResource: 0 }), 'SuccessiveHalvingPruner.minResource'],
    ['bootstrapCount with auto maxResource', () => new HyperbandPruner({ bootstrapCount: 2 }), 'HyperbandPruner.bootstrapCount'],
  ];
  for (const [name, call, argument] of CONSTRUCTOR_CASES) {
    it(`constructor: ${name}`, () => {
      assert.throws(call, (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument);
    });
  }
});
