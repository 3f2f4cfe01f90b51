/**
 * The trial handed to an objective. It checks arguments, builds distributions and forwards to a
 * narrow {@link TrialContext} that the study provides; it never sees the storage, the sampler or the
 * pruner (Optuna note: Optuna's `Trial` reaches into `study._storage`; rnnlab's does not).
 */
import { InvalidArgumentError } from '../errors';
import { currentChannel } from '../frontend';
import { categoricalDistribution, floatDistribution, intDistribution, type Distribution, type ParamValue } from './distributions';
import type { AttrValue, TrialState } from './frozen-trial';

/** What the study lets a running trial do. */
export interface TrialContext {
  readonly number: number;
  /** Returns the value of `name`: fixed, already drawn, or drawn now. */
  suggest(name: string, distribution: Distribution): ParamValue;
  report(value: number, step: number): void;
  shouldPrune(): boolean;
  setUserAttr(key: string, value: AttrValue): void;
  params(): Readonly<Record<string, ParamValue>>;
  distributions(): Readonly<Record<string, Distribution>>;
  intermediateValues(): ReadonlyMap<number, number>;
  userAttrs(): Readonly<Record<string, AttrValue>>;
  state(): TrialState;
}

/** Options of `suggestFloat`. */
export interface SuggestFloatOptions {
  /** Sample on a log scale (needs low > 0). */
  log?: boolean;
  /** Discretisation step (not with `log`); must divide high - low. */
  step?: number | null;
}

/** Options of `suggestInt`. */
export interface SuggestIntOptions {
  /** Sample on a log scale (needs low >= 1 and step 1). */
  log?: boolean;
  /** Step between values (default 1); must divide high - low. */
  step?: number;
}

const warned = new Set<string>();

/** Prints an Optuna-style FutureWarning once per process for each deprecated method. */
function warnOnce(name: string, replacement: string): void {
  if (warned.has(name)) return;
  warned.add(name);
  currentChannel().stream('stderr', `FutureWarning: ${name} has been deprecated in Optuna v3.0.0 and will be removed in v6.0.0. Use ${replacement} instead.\n`);
}

function checkName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0) throw new InvalidArgumentError('name', 'must be a non-empty string', name);
}

/**
 * One evaluation of the objective: suggests parameter values, reports intermediate values and asks
 * whether to prune.
 *
 * @example
 * ```ts
 * async function objective(trial: Trial) {
 *   const units = trial.suggestInt('initialUnits', 64, 256);
 *   const lr = trial.suggestFloat('learningRate', 1e-5, 1e-2, { log: true });
 *   const cell = trial.suggestCategorical('cellType', ['LSTM', 'GRU']);
 *   return accuracy;
 * }
 * ```
 */
export class Trial {
  /** @internal built by the study */
  constructor(private readonly context: TrialContext) {}

  /** Trial number within the study, from 0. */
  get number(): number {
    return this.context.number;
  }

  /** Parameter values suggested so far. */
  get params(): Readonly<Record<string, ParamValue>> {
    return this.context.params();
  }

  /** Distributions of the parameters suggested so far. */
  get distributions(): Readonly<Record<string, Distribution>> {
    return this.context.distributions();
  }

  /** Values reported so far, by step. */
  get intermediateValues(): ReadonlyMap<number, number> {
    return this.context.intermediateValues();
  }

  /** User attributes set so far. */
  get userAttrs(): Readonly<Record<string, AttrValue>> {
    return this.context.userAttrs();
  }

  /** The trial's state (RUNNING while the objective runs). */
  get state(): TrialState {
    return this.context.state();
  }

  /**
   * A float in [low, high].
   *
   * @throws InvalidArgumentError when low > high, log with low <= 0, step <= 0, step with log, a step
   *   that does not divide the range, or the name was used with another kind of distribution
   */
  suggestFloat(name: string, low: number, high: number, options: SuggestFloatOptions = {}): number {
    checkName(name);
    return this.context.suggest(name, floatDistribution(name, low, high, options)) as number;
  }

  /**
   * An integer in [low, high].
   *
   * @throws InvalidArgumentError when a bound is not an integer, low > high, log with low < 1, a bad
   *   step, or the name was used with another kind of distribution
   */
  suggestInt(name: string, low: number, high: number, options: SuggestIntOptions = {}): number {
    checkName(name);
    return this.context.suggest(name, intDistribution(name, low, high, options)) as number;
  }

  /**
   * One of `choices`.
   *
   * @throws InvalidArgumentError when `choices` is empty or holds other than numbers, strings, booleans, null
   */
  suggestCategorical<T extends ParamValue>(name: string, choices: readonly T[]): T {
    checkName(name);
    return this.context.suggest(name, categoricalDistribution(name, choices)) as T;
  }

  /** @deprecated Use `suggestFloat(name, low, high)`. Warns once, as Optuna does. */
  suggestUniform(name: string, low: number, high: number): number {
    warnOnce('suggest_uniform', 'suggest_float');
    return this.suggestFloat(name, low, high);
  }

  /** @deprecated Use `suggestFloat(name, low, high, { log: true })`. Warns once, as Optuna does. */
  suggestLoguniform(name: string, low: number, high: number): number {
    warnOnce('suggest_loguniform', 'suggest_float(..., log=True)');
    return this.suggestFloat(name, low, high, { log: true });
  }

  /** @deprecated Use `suggestFloat(name, low, high, { step: q })`. Warns once, as Optuna does. */
  suggestDiscreteUniform(name: string, low: number, high: number, q: number): number {
    warnOnce('suggest_discrete_uniform', 'suggest_float(..., step=...)');
    return this.suggestFloat(name, low, high, { step: q });
  }

  /**
   * Reports an intermediate value (e.g. the validation loss after an epoch). A second report for the
   * same step is ignored, as in Optuna.
   *
   * @throws InvalidArgumentError when `value` is not a number or `step` not an integer >= 0
   */
  report(value: number, step: number): void {
    if (typeof value !== 'number') throw new InvalidArgumentError('value', 'must be a number', value);
    if (!Number.isInteger(step) || step < 0) throw new InvalidArgumentError('step', 'must be an integer >= 0', step);
    this.context.report(value, step);
  }

  /** Whether the pruner says to stop this trial now (then `throw new TrialPruned()`). */
  shouldPrune(): boolean {
    return this.context.shouldPrune();
  }

  /**
   * Sets a user attribute (any JSON value).
   *
   * @throws InvalidArgumentError when `key` is empty
   */
  setUserAttr(key: string, value: AttrValue): void {
    if (typeof key !== 'string' || key.length === 0) throw new InvalidArgumentError('key', 'must be a non-empty string', key);
    this.context.setUserAttr(key, value);
  }
}

/** @internal The context behind a Trial (worker threads relay a remote trial's calls to it). */
export function trialContextOf(trial: Trial): TrialContext {
  return (trial as unknown as { context: TrialContext }).context;
}
