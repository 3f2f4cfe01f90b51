/**
 * Optuna's `create_trial` and the checks of `study.add_trial`: a finished trial made by hand (from a
 * past experiment, another tool, or a colleague's notes) that a study can take in.
 */
import { InvalidArgumentError, oneOf } from '../errors';
import { checkKnownKeys } from '../validation';
import { contains, type Distribution, type ParamValue } from './distributions';
import { type AttrValue, type FrozenTrial, isFinished, TrialState, withValue } from './frozen-trial';

/** Options of {@link createTrial}, named as Optuna's in camelCase. */
export interface CreateTrialOptions {
  /** Default COMPLETE. */
  state?: TrialState;
  /** The objective value (single objective). Not with `values`. */
  value?: number;
  /** One value per objective. Not with `value`. */
  values?: readonly number[];
  params?: Readonly<Record<string, ParamValue>>;
  /** The distribution of each parameter (the same keys as `params`). */
  distributions?: Readonly<Record<string, Distribution>>;
  userAttrs?: Readonly<Record<string, AttrValue>>;
  systemAttrs?: Readonly<Record<string, AttrValue>>;
  /** Reported values by step. */
  intermediateValues?: Readonly<Record<number, number>> | ReadonlyMap<number, number>;
}

const STATES = Object.values(TrialState);

/**
 * Checks a trial as Optuna's `FrozenTrial._validate` does.
 * @throws InvalidArgumentError naming the broken rule
 */
export function validateTrial(trial: FrozenTrial): void {
  if (trial.state !== 'WAITING' && trial.datetimeStart === null) throw new InvalidArgumentError('trial.datetimeStart', 'must be set unless the trial is WAITING', null);
  if (isFinished(trial.state) && trial.datetimeComplete === null) throw new InvalidArgumentError('trial.datetimeComplete', `must be set for a ${trial.state} trial`, null);
  if (trial.state === 'FAIL' && trial.values !== null) throw new InvalidArgumentError('trial.values', 'must be null for a FAIL trial', trial.values);
  if (trial.state === 'COMPLETE') {
    if (trial.values === null) throw new InvalidArgumentError('trial.values', 'must be set for a COMPLETE trial (pass value or values)', null);
    if (trial.values.some((v) => typeof v !== 'number' || Number.isNaN(v))) throw new InvalidArgumentError('trial.values', 'must not contain NaN', trial.values);
  }
  const params = Object.keys(trial.params).sort();
  const dists = Object.keys(trial.distributions).sort();
  if (params.join('\u0000') !== dists.join('\u0000')) {
    throw new InvalidArgumentError('trial.distributions', `must have one distribution per parameter (params: ${params.join(', ') || 'none'})`, dists);
  }
  for (const name of params) {
    if (!contains(trial.distributions[name], trial.params[name])) {
      throw new InvalidArgumentError(`trial.params.${name}`, `must lie in its distribution ${JSON.stringify(trial.distributions[name])}`, trial.params[name]);
    }
  }
}

/**
 * A trial made by hand, to add to a study with `study.addTrial` — Optuna's `create_trial`.
 *
 * @throws InvalidArgumentError for `value` with `values`, an unknown state, or a trial Optuna would refuse
 * @example
 * ```ts
 * // Python: study.add_trial(optuna.trial.create_trial(params={"x": 2.0}, distributions={"x": FloatDistribution(0, 10)}, value=4.0))
 * study.addTrial(createTrial({ params: { x: 2 }, distributions: { x: floatDistribution('x', 0, 10) }, value: 4 }));
 * ```
 */
export function createTrial(options: CreateTrialOptions = {}): FrozenTrial {
  checkKnownKeys('createTrial', options, ['state', 'value', 'values', 'params', 'distributions', 'userAttrs', 'systemAttrs', 'intermediateValues']);
  if (options.value !== undefined && options.values !== undefined) {
    throw new InvalidArgumentError('createTrial.values', 'cannot be given together with value', options.values, 'Pass only one of value and values.');
  }
  const state = options.state ?? 'COMPLETE';
  if (!STATES.includes(state)) throw new InvalidArgumentError('createTrial.state', `must be ${oneOf(STATES)}`, state);
  const values = options.value !== undefined ? [options.value] : options.values !== undefined ? [...options.values] : null;
  const now = new Date();
  const intermediate = options.intermediateValues instanceof Map ? options.intermediateValues : Object.entries(options.intermediateValues ?? {}).map(([k, v]) => [Number(k), v] as [number, number]);
  const trial: FrozenTrial = {
    trialId: -1,
    number: -1,
    state,
    values,
    datetimeStart: state === 'WAITING' ? null : now,
    datetimeComplete: isFinished(state) ? now : null,
    params: { ...(options.params ?? {}) },
    distributions: { ...(options.distributions ?? {}) },
    userAttrs: { ...(options.userAttrs ?? {}) },
    systemAttrs: { ...(options.systemAttrs ?? {}) },
    intermediateValues: new Map([...intermediate].sort((a, b) => a[0] - b[0])),
  };
  validateTrial(trial);
  return withValue(trial);
}
