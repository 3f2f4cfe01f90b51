/**
 * The study's side of one running trial: it keeps the trial's live state in memory (so that
 * `suggest`, `report` and `shouldPrune` stay synchronous, as in Optuna's API), asks the sampler and
 * the pruner through read-only views, and writes every change to the storage in order through a
 * queue that the study awaits before the trial ends.
 */
import { InvalidArgumentError } from '../errors';
import { contains, incompatibility, isSingle, toInternal, type Distribution, type ParamValue } from './distributions';
import type { AttrValue, FrozenTrial, StudyDirection, TrialState } from './frozen-trial';
import type { Pruner, PrunerStudy } from './pruners';
import type { Sampler, SamplerStudy } from './samplers';
import { storageCall } from './errors';
import type { StudyStorage } from './storages';
import { checkAttrValue } from './validation';
import type { TrialContext } from './trial';

/** What a running trial needs from its study. */
export interface TrialHost {
  readonly studyName: string;
  readonly directions: readonly StudyDirection[];
  readonly sampler: Sampler;
  readonly pruner: Pruner;
  readonly storage: StudyStorage;
  /** Every trial of the study as known now, running ones with their live state. */
  snapshot(): readonly FrozenTrial[];
  /** Asks the study to start no further trial. */
  stop(): void;
  /** Tells the study that a running trial changed (a report), for live views. */
  trialChanged?(): void;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One running trial. */
export class TrialRun implements TrialContext {
  private readonly live: Mutable<FrozenTrial>;
  private queue: Promise<void> = Promise.resolve();
  private writeError: unknown;
  private relativeSpace: Record<string, Distribution> = {};
  private relativeParams: Record<string, ParamValue> = {};
  /** Set by the Prune control of the live view: the next `shouldPrune()` says yes. */
  pruneRequested = false;

  constructor(private readonly host: TrialHost, trial: FrozenTrial) {
    this.live = { ...trial, params: { ...trial.params }, distributions: { ...trial.distributions }, userAttrs: { ...trial.userAttrs }, systemAttrs: { ...trial.systemAttrs }, intermediateValues: new Map(trial.intermediateValues) };
  }

  get number(): number {
    return this.live.number;
  }

  get trialId(): number {
    return this.live.trialId;
  }

  /** A frozen copy of the live state. */
  frozen(): FrozenTrial {
    return { ...this.live, params: { ...this.live.params }, distributions: { ...this.live.distributions }, userAttrs: { ...this.live.userAttrs }, systemAttrs: { ...this.live.systemAttrs }, intermediateValues: new Map(this.live.intermediateValues) };
  }

  /**
   * Queues a storage write; writes run one after another, in call order. After a write fails, the
   * later ones are skipped (the trial will end FAIL) and the failure is kept as a
   * {@link StorageError} naming the storage and `operation`.
   */
  write(operation: string, fn: (storage: StudyStorage) => Promise<unknown>): void {
    this.queue = this.queue.then(async () => {
      if (this.writeError !== undefined) return;
      try {
        await storageCall(this.host.storage, `${operation} of trial ${this.live.number}`, () => fn(this.host.storage));
      } catch (error) {
        this.writeError = error;
      }
    });
  }

  /** Waits for every queued write; rethrows the first write error (a {@link StorageError}). */
  async flush(): Promise<void> {
    await this.queue;
    if (this.writeError !== undefined) throw this.writeError;
  }

  private trials(states?: readonly TrialState[]): readonly FrozenTrial[] {
    let trials: readonly FrozenTrial[] = this.host.snapshot().map((t) => (t.number === this.live.number ? this.frozen() : t));
    if (this.host.pruner.filterTrials) trials = this.host.pruner.filterTrials(this.prunerStudy(), this.frozen(), trials);
    return states ? trials.filter((t) => states.includes(t.state)) : trials;
  }

  setSystemAttr(key: string, value: AttrValue): void {
    checkAttrValue(`setTrialSystemAttr('${key}') value`, value);
    this.live.systemAttrs = { ...this.live.systemAttrs, [key]: value };
    const id = this.live.trialId;
    this.write(`setTrialSystemAttr('${key}')`, (s) => s.setTrialSystemAttr(id, key, value));
  }

  /** The view the sampler gets. */
  samplerStudy(): SamplerStudy {
    return {
      studyName: this.host.studyName,
      directions: this.host.directions,
      getTrials: (states) => this.trials(states),
      setTrialSystemAttr: (key, value) => this.setSystemAttr(key, value),
      stop: () => this.host.stop(),
    };
  }

  /** The view the pruner gets. */
  prunerStudy(): PrunerStudy {
    return {
      studyName: this.host.studyName,
      directions: this.host.directions,
      getTrials: (states) => {
        const trials = this.host.snapshot().map((t) => (t.number === this.live.number ? this.frozen() : t));
        return states ? trials.filter((t) => states.includes(t.state)) : trials;
      },
      setTrialSystemAttr: (key, value) => this.setSystemAttr(key, value),
    };
  }

  /** Runs the sampler's start-of-trial steps: `beforeTrial`, then relative sampling. */
  start(): void {
    const study = this.samplerStudy();
    this.host.sampler.beforeTrial?.(study, this.frozen());
    this.relativeSpace = this.host.sampler.inferRelativeSearchSpace(study, this.frozen());
    this.relativeParams = this.host.sampler.sampleRelative(study, this.frozen(), this.relativeSpace);
  }

  private checkCompatible(name: string, distribution: Distribution): void {
    const own = this.live.distributions[name];
    const previous = own ?? this.host.snapshot().find((t) => t.number !== this.live.number && name in t.distributions)?.distributions[name];
    if (!previous) return;
    const reason = incompatibility(previous, distribution);
    if (reason) throw new InvalidArgumentError(name, `must keep its distribution within a study: it ${reason}`, distribution, 'Use another parameter name for the other distribution');
  }

  suggest(name: string, distribution: Distribution): ParamValue {
    this.checkCompatible(name, distribution);
    if (name in this.live.params) return this.live.params[name];
    const fixed = this.live.systemAttrs.fixed_params;
    let value: ParamValue;
    if (fixed && typeof fixed === 'object' && !Array.isArray(fixed) && name in fixed) {
      value = fixed[name] as ParamValue;
      if (!contains(distribution, value)) {
        process.emitWarning(`the enqueued value ${JSON.stringify(value)} of '${name}' lies outside its distribution; it is used anyway`);
      }
    } else if (isSingle(distribution)) {
      value = distribution.type === 'categorical' ? distribution.choices[0] : distribution.low;
    } else if (this.isRelative(name, distribution)) {
      value = this.relativeParams[name];
    } else {
      value = this.host.sampler.sampleIndependent(this.samplerStudy(), this.frozen(), name, distribution);
    }
    const internal = toInternal(distribution, value);
    this.live.params = { ...this.live.params, [name]: value };
    this.live.distributions = { ...this.live.distributions, [name]: distribution };
    const id = this.live.trialId;
    this.write(`setTrialParam('${name}')`, (s) => s.setTrialParam(id, name, internal, distribution));
    return value;
  }

  private isRelative(name: string, distribution: Distribution): boolean {
    const relative = this.relativeSpace[name];
    if (!(name in this.relativeParams) || !relative) return false;
    return incompatibility(relative, distribution) === null && contains(distribution, this.relativeParams[name]);
  }

  report(value: number, step: number): void {
    if (this.live.intermediateValues.has(step)) {
      process.emitWarning(`trial ${this.live.number}: a value for step ${step} was already reported; the new one is ignored`);
      return;
    }
    const values = new Map(this.live.intermediateValues);
    values.set(step, value);
    this.live.intermediateValues = new Map([...values].sort((a, b) => a[0] - b[0]));
    const id = this.live.trialId;
    this.write(`setTrialIntermediateValue(step ${step})`, (s) => s.setTrialIntermediateValue(id, step, value));
    this.host.trialChanged?.();
  }

  shouldPrune(): boolean {
    if (this.pruneRequested) return true;
    if (this.host.directions.length > 1) {
      throw new InvalidArgumentError('trial.shouldPrune()', 'is not supported for multi-objective studies', this.host.directions);
    }
    return this.host.pruner.prune(this.prunerStudy(), this.frozen());
  }

  setUserAttr(key: string, value: AttrValue): void {
    checkAttrValue(`setUserAttr('${key}') value`, value);
    this.live.userAttrs = { ...this.live.userAttrs, [key]: value };
    const id = this.live.trialId;
    this.write(`setTrialUserAttr('${key}')`, (s) => s.setTrialUserAttr(id, key, value));
  }

  params(): Readonly<Record<string, ParamValue>> {
    return { ...this.live.params };
  }

  distributions(): Readonly<Record<string, Distribution>> {
    return { ...this.live.distributions };
  }

  intermediateValues(): ReadonlyMap<number, number> {
    return new Map(this.live.intermediateValues);
  }

  userAttrs(): Readonly<Record<string, AttrValue>> {
    return { ...this.live.userAttrs };
  }

  state(): TrialState {
    return this.live.state;
  }

  /** Marks the live copy finished (the study stores it). */
  finish(state: TrialState, values: readonly number[] | null): void {
    this.live.state = state;
    this.live.values = values;
    this.live.datetimeComplete = new Date();
  }
}
