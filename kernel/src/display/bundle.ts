/** MIME bundles: the JSON payload for the rnnlab extension plus the static fallbacks for other front ends. */
import { toJsonValue } from './json';
import { studyHtml, studyText } from './study-fallback';
import { trainingHtml, trainingText } from './training-fallback';
import { STUDY_MIME, TRAINING_MIME, type MimeBundle, type StudyPayload, type TrainingPayload } from './types';

/**
 * The display bundle of a training run: {@link TRAINING_MIME} (the payload as plain JSON,
 * non-finite numbers as null), `text/plain` and `text/html`.
 *
 * @param payload - the run
 * @returns the bundle, ready for a Jupyter `display_data` message
 * @example
 * ```ts
 * const bundle = trainingBundle(payload);
 * Object.keys(bundle);  // ['application/vnd.rnnlab.training.v1+json', 'text/plain', 'text/html']
 * ```
 */
export function trainingBundle(payload: TrainingPayload): MimeBundle {
  return {
    [TRAINING_MIME]: toJsonValue(payload),
    'text/plain': trainingText(payload),
    'text/html': trainingHtml(payload),
  };
}

/**
 * The display bundle of a study or search: {@link STUDY_MIME} (the payload as plain JSON,
 * non-finite numbers as null), `text/plain` and `text/html`.
 *
 * @param payload - the study
 * @returns the bundle, ready for a Jupyter `display_data` message
 * @example
 * ```ts
 * const bundle = studyBundle(payload);
 * Object.keys(bundle);  // ['application/vnd.rnnlab.study.v1+json', 'text/plain', 'text/html']
 * ```
 */
export function studyBundle(payload: StudyPayload): MimeBundle {
  return {
    [STUDY_MIME]: toJsonValue(payload),
    'text/plain': studyText(payload),
    'text/html': studyHtml(payload),
  };
}
