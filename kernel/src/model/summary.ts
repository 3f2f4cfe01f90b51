/**
 * Plain data about a tfjs model for the display payloads and the Keras-like summary table
 * (`display(model)` in a notebook).
 */
import * as tf from '@tensorflow/tfjs';
import { type ModelInfo, modelSummaryHtml, modelSummaryText } from '../display';
import type { MimeBundle } from '../frontend';

/** Layer rows, parameter counts and name of `model`. */
export function modelInfo(model: tf.LayersModel): ModelInfo {
  const layers = model.layers.map((layer) => {
    const shape = layer.outputShape;
    const first = (Array.isArray(shape[0]) ? shape[0] : shape) as (number | null)[];
    return { name: layer.name, className: layer.getClassName(), outputShape: [...first], params: layer.countParams() };
  });
  const trainableParams = model.trainableWeights.reduce(
    (sum, w) => sum + w.shape.reduce<number>((p, d) => p * (d ?? 1), 1),
    0,
  );
  return { name: model.name, totalParams: model.countParams(), trainableParams, layers };
}

/** The MIME bundle of a model: the Keras summary as text and as an HTML table. */
export function modelBundle(model: tf.LayersModel): MimeBundle {
  const info = modelInfo(model);
  return { 'text/plain': modelSummaryText(info), 'text/html': modelSummaryHtml(info) };
}

/** For `display()` and cell results: tfjs models show their summary table. */
export function formatModel(value: unknown): MimeBundle | undefined {
  return value instanceof tf.LayersModel ? modelBundle(value) : undefined;
}
