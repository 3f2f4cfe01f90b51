import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { studyBundle, trainingBundle } from './bundle';
import { studyHtml, studyText } from './study-fallback';
import { trainingHtml, trainingText } from './training-fallback';
import { STUDY_MIME, TRAINING_MIME, type StudyPayload, type TrainingPayload } from './types';

const SCHEMA_DIR = join(__dirname, '../../../schema');
const readJson = (...parts: string[]): unknown => JSON.parse(readFileSync(join(SCHEMA_DIR, ...parts), 'utf8'));
const ajv = new Ajv2020({ allErrors: true });
const validateTraining = ajv.compile(readJson('training.v1.schema.json') as object);
const validateStudy = ajv.compile(readJson('study.v1.schema.json') as object);

describe('MIME bundles', () => {
  it('pins the MIME types', () => {
    assert.equal(TRAINING_MIME, 'application/vnd.rnnlab.training.v1+json');
    assert.equal(STUDY_MIME, 'application/vnd.rnnlab.study.v1+json');
  });

  it('bundle a training run as JSON, text and HTML, with non-finite numbers as null', () => {
    const payload = readJson('examples', 'training-running.json') as TrainingPayload;
    payload.epochs[2].logs.loss = NaN;
    payload.epochs[2].logs.val_loss = Infinity;
    const bundle = trainingBundle(payload);
    assert.deepEqual(Object.keys(bundle), [TRAINING_MIME, 'text/plain', 'text/html']);
    const json = bundle[TRAINING_MIME] as TrainingPayload;
    assert.equal(json.epochs[2].logs.loss, null);
    assert.equal(json.epochs[2].logs.val_loss, null);
    assert.ok(Number.isNaN(payload.epochs[2].logs.loss), 'the payload is left alone');
    assert.equal(validateTraining(json), true, JSON.stringify(validateTraining.errors));
    assert.equal(bundle['text/plain'], trainingText(payload));
    assert.equal(bundle['text/html'], trainingHtml(payload));
    assert.ok(String(bundle['text/plain']).includes('loss n/a'));
  });

  it('bundle a study as JSON, text and HTML', () => {
    const payload = readJson('examples', 'study-running.json') as StudyPayload;
    (payload.trials[0].values as number[])[0] = -Infinity;
    const bundle = studyBundle(payload);
    assert.deepEqual(Object.keys(bundle), [STUDY_MIME, 'text/plain', 'text/html']);
    const json = bundle[STUDY_MIME] as StudyPayload;
    assert.deepEqual(json.trials[0].values, [null]);
    assert.equal(validateStudy(json), true, JSON.stringify(validateStudy.errors));
    assert.equal(bundle['text/plain'], studyText(payload));
    assert.equal(bundle['text/html'], studyHtml(payload));
  });
});
