/**
 * The hand-written types of types.ts against the schemas: the key lists below must name exactly the
 * keys of each type (the compiler checks that) and exactly the schema's properties (this test does).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import studySchema from '../../schema/study.v1.schema.json';
import trainingSchema from '../../schema/training.v1.schema.json';
import { TRAINING_STATUSES, TRIAL_STATES } from './types';
import type { StudyPayload, TrainingPayload, Trial } from './types';

const TRAINING_KEYS: Record<keyof TrainingPayload, true> = {
  version: true, id: true, title: true, status: true, error: true, backend: true, model: true, params: true,
  metrics: true, epochs: true, batches: true, startedAt: true, finishedAt: true, elapsedSeconds: true, progress: true, viewState: true,
  callbacks: true,
};
const STUDY_KEYS: Record<keyof StudyPayload, true> = {
  version: true, id: true, kind: true, name: true, directions: true, valueNames: true, status: true, searchSpace: true,
  trials: true, bestTrialNumbers: true, importance: true, progress: true, controls: true, importanceNote: true, paramNames: true,
  viewState: true,
};
const TRIAL_KEYS: Record<keyof Trial, true> = {
  number: true, state: true, params: true, values: true, intermediateValues: true, foldScores: true, meanScore: true,
  stdScore: true, rank: true, datetimeStart: true, datetimeComplete: true, durationSeconds: true, userAttrs: true, failReason: true,
  note: true,
};

interface SchemaObject {
  properties: Record<string, unknown>;
  $defs: Record<string, { properties?: Record<string, unknown>; enum?: string[] }>;
}

const keys = (record: object): string[] => Object.keys(record).sort();

describe('payload types', () => {
  it('name the same keys as the schemas', () => {
    const training = trainingSchema as unknown as SchemaObject;
    const study = studySchema as unknown as SchemaObject;
    assert.deepEqual(keys(TRAINING_KEYS), keys(training.properties));
    assert.deepEqual(keys(STUDY_KEYS), keys(study.properties));
    assert.deepEqual(keys(TRIAL_KEYS), keys(study.$defs.trial.properties ?? {}));
  });

  it('list the same enums as the schemas', () => {
    const training = trainingSchema as unknown as SchemaObject;
    const trialState = (studySchema as unknown as SchemaObject).$defs.trial.properties?.state as { enum: string[] };
    assert.deepEqual([...TRAINING_STATUSES], training.$defs.status.enum);
    assert.deepEqual([...TRIAL_STATES], trialState.enum);
  });
});
