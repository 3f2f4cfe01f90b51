/** The example payloads of `schema/examples`, which the kernel's tests use too. */
import fs from 'node:fs';
import path from 'node:path';
import type { StudyPayload, TrainingPayload } from '../payload';

const EXAMPLES = path.resolve(__dirname, '../../schema/examples');

/** Every example file name. */
export function exampleNames(): string[] {
  return fs.readdirSync(EXAMPLES).filter((name) => name.endsWith('.json')).sort();
}

/** A fresh copy of an example payload. */
export function example(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES, name), 'utf8'));
}

/** A training example, typed. */
export function trainingExample(name: string): TrainingPayload {
  return example(name) as TrainingPayload;
}

/** A study example, typed. */
export function studyExample(name: string): StudyPayload {
  return example(name) as StudyPayload;
}
