import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import {
  STUDY_DIRECTIONS,
  STUDY_KINDS,
  STUDY_STATUSES,
  TRAINING_STATUSES,
  TRIAL_STATES,
  type BatchRecord,
  type CategoricalDistributionInfo,
  type EpochRecord,
  type FitParams,
  type FloatDistributionInfo,
  type IntDistributionInfo,
  type LayerInfo,
  type ModelInfo,
  type StudyControls,
  type StudyPayload,
  type StudyProgress,
  type StudyViewState,
  type TrainingPayload,
  type TrainingProgress,
  type TrainingCallbacks,
  type TrainingViewState,
  type TrialRecord,
} from './types';

const SCHEMA_DIR = join(__dirname, '../../../schema');

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: unknown;
  enum?: unknown[];
  $defs?: Record<string, SchemaNode>;
  [key: string]: unknown;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const trainingSchema = readJson(join(SCHEMA_DIR, 'training.v1.schema.json')) as SchemaNode;
const studySchema = readJson(join(SCHEMA_DIR, 'study.v1.schema.json')) as SchemaNode;
const examples = readdirSync(join(SCHEMA_DIR, 'examples')).filter((f) => f.endsWith('.json')).sort();

/** Strict Ajv with default options, failing on any strict-mode warning. */
function compile(schema: SchemaNode) {
  const fail = (message: unknown) => {
    throw new Error(`ajv warning: ${String(message)}`);
  };
  const ajv = new Ajv2020({ allErrors: true, logger: { log: () => undefined, warn: fail, error: fail } });
  return ajv.compile(schema);
}

const validateTraining = compile(trainingSchema);
const validateStudy = compile(studySchema);
const validatorFor = (file: string) => (file.startsWith('training') ? validateTraining : validateStudy);

function example<T>(file: string): T {
  return readJson(join(SCHEMA_DIR, 'examples', file)) as T;
}

describe('example payloads', () => {
  it('cover every case the protocol promises', () => {
    assert.deepEqual(examples, [
      'grid-search-finished.json',
      'study-multi-objective.json',
      'study-running.json',
      'training-batches.json',
      'training-early-stopped.json',
      'training-failed.json',
      'training-finished.json',
      'training-running.json',
    ]);
    const states = new Set(example<StudyPayload>('study-running.json').trials.map((t) => t.state));
    assert.deepEqual([...states].sort(), ['COMPLETE', 'FAIL', 'PRUNED', 'RUNNING', 'WAITING']);
    assert.deepEqual(example<StudyPayload>('study-multi-objective.json').directions, ['minimize', 'maximize']);
    assert.ok(example<StudyPayload>('grid-search-finished.json').trials.every((t) => t.foldScores?.length === 3 && typeof t.rank === 'number'));
    assert.ok(example<TrainingPayload>('training-batches.json').batches?.length);
    assert.deepEqual(example<TrainingPayload>('training-early-stopped.json').callbacks, { monitor: 'val_loss', mode: 'min', bestEpoch: 3, stoppedEpoch: 6, restoredBestWeights: true });
  });

  for (const file of examples) {
    it(`${file} validates against its schema`, () => {
      const validate = validatorFor(file);
      assert.equal(validate(example(file)), true, JSON.stringify(validate.errors));
    });
  }
});

describe('schemas reject invalid payloads', () => {
  const training = () => example<Record<string, unknown> & TrainingPayload>('training-finished.json');
  const study = () => example<Record<string, unknown> & StudyPayload>('study-running.json');
  const rejectsTraining: [string, (p: ReturnType<typeof training>) => void][] = [
    ['a wrong version', (p) => Object.assign(p, { version: 2 })],
    ['an unknown status', (p) => Object.assign(p, { status: 'done' })],
    ['an extra key', (p) => Object.assign(p, { extra: true })],
    ['an extra key in a layer', (p) => Object.assign(p.model.layers[0], { units: 128 })],
    ['a missing key', (p) => Reflect.deleteProperty(p, 'backend')],
    ['a string metric value', (p) => Object.assign(p.epochs[0].logs, { loss: '0.5' })],
    ['a val_ name among training metrics', (p) => p.metrics.push('val_loss')],
    ['a failed run without error', (p) => Object.assign(p, { status: 'failed', error: null })],
    ['an error on a finished run', (p) => Object.assign(p, { error: 'boom' })],
    ['a finished run without finishedAt', (p) => Object.assign(p, { finishedAt: null })],
    ['a running run with finishedAt', (p) => Object.assign(p, { status: 'running' })],
    ['a time that is not ISO 8601', (p) => Object.assign(p, { startedAt: 'yesterday' })],
    ['a fractional epoch index', (p) => Object.assign(p.epochs[0], { epoch: 0.5 })],
  ];
  for (const [what, mutate] of rejectsTraining) {
    it(`training: ${what}`, () => {
      const payload = training();
      assert.equal(validateTraining(payload), true);
      mutate(payload);
      assert.equal(validateTraining(payload), false);
    });
  }

  const rejectsStudy: [string, (p: ReturnType<typeof study>) => void][] = [
    ['a wrong version', (p) => Object.assign(p, { version: 2 })],
    ['an unknown status', (p) => Object.assign(p, { status: 'paused' })],
    ['an unknown kind', (p) => Object.assign(p, { kind: 'bayes_search' })],
    ['an unknown trial state', (p) => Object.assign(p.trials[0], { state: 'DONE' })],
    ['an extra key', (p) => Object.assign(p, { extra: 1 })],
    ['an extra key in a trial', (p) => Object.assign(p.trials[0], { value: 0.4 })],
    ['an unknown direction', (p) => Object.assign(p, { directions: ['lower'] })],
    ['no direction', (p) => Object.assign(p, { directions: [] })],
    ['a float distribution without high', (p) => Object.assign(p.searchSpace, { x: { type: 'float', low: 0 } })],
    ['a categorical distribution without choices', (p) => Object.assign(p.searchSpace, { x: { type: 'categorical', choices: [] } })],
    ['a distribution of unknown type', (p) => Object.assign(p.searchSpace, { x: { type: 'uniform', low: 0, high: 1 } })],
    ['an intermediate value with three items', (p) => p.trials[0].intermediateValues.push([11, 0.4, 1] as unknown as [number, number])],
    ['an object param value', (p) => Object.assign(p.trials[0].params, { x: { nested: 1 } })],
    ['controls without studyId', (p) => Object.assign(p, { controls: { commTarget: 'rnnlab.study' } })],
    ['a rank of 0', (p) => Object.assign(p.trials[0], { rank: 0 })],
  ];
  for (const [what, mutate] of rejectsStudy) {
    it(`study: ${what}`, () => {
      const payload = study();
      assert.equal(validateStudy(payload), true);
      mutate(payload);
      assert.equal(validateStudy(payload), false);
    });
  }
});

/** Every property, definition and the root carry a description. */
function undescribed(node: unknown, path: string): string[] {
  if (Array.isArray(node)) {
    return node.flatMap((item, i) => undescribed(item, `${path}/${i}`));
  }
  if (node === null || typeof node !== 'object') {
    return [];
  }
  const out: string[] = [];
  const schema = node as SchemaNode;
  for (const group of ['properties', '$defs'] as const) {
    for (const [name, child] of Object.entries(schema[group] ?? {})) {
      if (!child.description) {
        out.push(`${path}/${group}/${name}`);
      }
    }
  }
  for (const [key, child] of Object.entries(schema)) {
    // Inside if/then/else, properties narrow fields already described.
    if (!['if', 'then', 'else'].includes(key)) {
      out.push(...undescribed(child, `${path}/${key}`));
    }
  }
  return out;
}

describe('schema documentation', () => {
  for (const [name, schema] of [['training', trainingSchema], ['study', studySchema]] as const) {
    it(`${name}: every field is described and fixed-key objects allow no other keys`, () => {
      assert.ok(schema.description);
      assert.deepEqual(undescribed(schema, '#'), []);
      assert.equal(schema.additionalProperties, false);
      for (const def of Object.values(schema.$defs ?? {})) {
        if (def.properties) {
          assert.equal(def.additionalProperties, false);
        }
      }
    });
  }
});

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
type RequiredKeys<T> = Exclude<keyof T, OptionalKeys<T>>;

/** The keys of T, split by optionality; the compiler checks that the lists are complete and exact. */
function keysOf<T>(required: Record<RequiredKeys<T>, true>, optional: Record<OptionalKeys<T>, true>) {
  return { required: Object.keys(required).sort(), optional: Object.keys(optional).sort() };
}

function assertSameKeys(node: SchemaNode | undefined, keys: { required: string[]; optional: string[] }): void {
  assert.ok(node?.properties);
  assert.deepEqual([...(node.required ?? [])].sort(), keys.required);
  assert.deepEqual(Object.keys(node.properties).sort(), [...keys.required, ...keys.optional].sort());
}

describe('TypeScript types match the schemas', () => {
  const t = trainingSchema.$defs ?? {};
  const s = studySchema.$defs ?? {};
  it('training payload', () => {
    assertSameKeys(
      trainingSchema,
      keysOf<TrainingPayload>(
        { version: true, id: true, status: true, error: true, backend: true, model: true, params: true, metrics: true, epochs: true, startedAt: true, finishedAt: true, elapsedSeconds: true },
        { title: true, batches: true, progress: true, viewState: true, callbacks: true },
      ),
    );
    assertSameKeys(t.callbacks, keysOf<TrainingCallbacks>({ monitor: true, mode: true, bestEpoch: true, stoppedEpoch: true, restoredBestWeights: true }, {}));
    assertSameKeys(t.model, keysOf<ModelInfo>({ name: true, totalParams: true, layers: true }, { trainableParams: true }));
    assertSameKeys(t.layer, keysOf<LayerInfo>({ name: true, className: true, outputShape: true, params: true }, {}));
    assertSameKeys(t.params, keysOf<FitParams>({ epochs: true, batchSize: true, samples: true, validation: true }, {}));
    assertSameKeys(t.epoch, keysOf<EpochRecord>({ epoch: true, logs: true, seconds: true }, {}));
    assertSameKeys(t.batch, keysOf<BatchRecord>({ epoch: true, batch: true, logs: true }, {}));
    assertSameKeys(t.progress, keysOf<TrainingProgress>({ epoch: true, batchesDone: true, batchesTotal: true, etaSeconds: true }, {}));
    assertSameKeys(t.viewState, keysOf<TrainingViewState>({}, { logScale: true }));
    assert.deepEqual(t.status.enum, [...TRAINING_STATUSES]);
  });

  it('study payload', () => {
    assertSameKeys(
      studySchema,
      keysOf<StudyPayload>(
        { version: true, id: true, kind: true, name: true, directions: true, valueNames: true, status: true, searchSpace: true, trials: true, bestTrialNumbers: true, importance: true, controls: true },
        { progress: true, importanceNote: true, paramNames: true, viewState: true },
      ),
    );
    assertSameKeys(
      s.trial,
      keysOf<TrialRecord>(
        { number: true, state: true, params: true, values: true, intermediateValues: true, datetimeStart: true, datetimeComplete: true, durationSeconds: true, userAttrs: true, failReason: true },
        { foldScores: true, meanScore: true, stdScore: true, rank: true, note: true },
      ),
    );
    assertSameKeys(s.floatDistribution, keysOf<FloatDistributionInfo>({ type: true, low: true, high: true }, { log: true, step: true }));
    assertSameKeys(s.intDistribution, keysOf<IntDistributionInfo>({ type: true, low: true, high: true }, { log: true, step: true }));
    assertSameKeys(s.categoricalDistribution, keysOf<CategoricalDistributionInfo>({ type: true, choices: true }, {}));
    assertSameKeys(s.progress, keysOf<StudyProgress>({ done: true, total: true }, { label: true, elapsedSeconds: true, etaSeconds: true }));
    assertSameKeys(s.viewState, keysOf<StudyViewState>({}, { logScale: true, sort: true, hiddenStates: true, selectedTrial: true, contourParams: true, parallelRanges: true }));
    assertSameKeys(s.controls, keysOf<StudyControls>({ commTarget: true, studyId: true }, {}));
    assert.deepEqual(studySchema.properties?.kind.enum, [...STUDY_KINDS]);
    assert.deepEqual(studySchema.properties?.status.enum, [...STUDY_STATUSES]);
    assert.deepEqual(s.direction.enum, [...STUDY_DIRECTIONS]);
    assert.deepEqual(s.trial.properties?.state.enum, [...TRIAL_STATES]);
  });
});
