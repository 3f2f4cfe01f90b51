/** Helpers shared by the fused-layer specs (not part of the build). */
import * as tf from '@tensorflow/tfjs';

/** max |a − b| / max |b|: the error relative to the reference's scale. */
export function relativeError(actual: tf.Tensor, expected: tf.Tensor): number {
  return tf.tidy(() => {
    const scale = tf.max(tf.abs(expected)).dataSync()[0];
    const diff = tf.max(tf.abs(tf.sub(actual, expected))).dataSync()[0];
    return diff / Math.max(scale, 1e-12);
  });
}
