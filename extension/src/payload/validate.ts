/**
 * Checks a payload against its JSON schema from `schema/` before any view reads it. A payload that fails
 * gives a readable reason (the first few schema errors, with their JSON pointers) instead of a half-drawn
 * view; an unknown `version` gets its own message, as the schema README asks renderers to reject it.
 */
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import studySchema from '../../schema/study.v1.schema.json';
import trainingSchema from '../../schema/training.v1.schema.json';
import type { StudyPayload, TrainingPayload } from './types';

/** The outcome of a check: the typed payload, or the reason it cannot be shown. */
export type Checked<T> = { ok: true; payload: T } | { ok: false; reason: string };

const MAX_REPORTED = 3;

let compiled: { training: ValidateFunction<TrainingPayload>; study: ValidateFunction<StudyPayload> } | null = null;

function validators(): NonNullable<typeof compiled> {
  if (compiled === null) {
    const ajv = new Ajv2020({ strict: true, allErrors: false });
    compiled = {
      training: ajv.compile<TrainingPayload>(trainingSchema),
      study: ajv.compile<StudyPayload>(studySchema),
    };
  }
  return compiled;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the payload' : `\`${error.instancePath}\``;
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (\`${String((error.params as { additionalProperty?: string }).additionalProperty)}\`)`
      : error.keyword === 'enum'
        ? ` (${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')})`
        : '';
  return `${where} ${error.message ?? 'is invalid'}${extra}`;
}

function check<T>(value: unknown, validate: ValidateFunction<T>, what: string): Checked<T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `the ${what} payload must be a JSON object, got ${value === null ? 'null' : typeof value}` };
  }
  const version = (value as { version?: unknown }).version;
  if (version !== 1) {
    return {
      ok: false,
      reason: `the ${what} payload has version ${JSON.stringify(version)}, but this rnnlab extension reads version 1 only; update the extension`,
    };
  }
  if (validate(value)) return { ok: true, payload: value };
  const errors = (validate.errors ?? []).slice(0, MAX_REPORTED).map(describe);
  return { ok: false, reason: `the ${what} payload does not match its schema: ${errors.join('; ')}` };
}

/** Checks a `training.v1` payload. */
export function checkTraining(value: unknown): Checked<TrainingPayload> {
  return check(value, validators().training, 'training');
}

/** Checks a `study.v1` payload. */
export function checkStudy(value: unknown): Checked<StudyPayload> {
  return check(value, validators().study, 'study');
}
