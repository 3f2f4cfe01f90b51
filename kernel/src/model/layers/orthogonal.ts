/**
 * Keras' `Orthogonal` initializer, computed with modified Gram-Schmidt in plain JavaScript.
 *
 * Porting note: tfjs' Orthogonal runs `tf.linalg.qr` op by op, which takes about a second for the
 * seed model's recurrent kernels and prints a "Slowness may result" warning per matrix. The result is
 * the same matrix family (Q of a seeded normal matrix, signs fixed so R has a positive diagonal), made
 * in milliseconds. Registered under the standard class name 'Orthogonal'.
 */
import * as tf from '@tensorflow/tfjs';
import type { Initializer } from '@tensorflow/tfjs-layers/dist/initializers';

/** Orthonormalises the columns of the row-major `rows` × `cols` matrix `a` in place (rows ≥ cols). */
export function orthonormalizeColumns(a: Float64Array, rows: number, cols: number): void {
  for (let j = 0; j < cols; j++) {
    for (let k = 0; k < j; k++) {
      let dot = 0;
      for (let i = 0; i < rows; i++) dot += a[i * cols + j] * a[i * cols + k];
      for (let i = 0; i < rows; i++) a[i * cols + j] -= dot * a[i * cols + k];
    }
    let norm = 0;
    for (let i = 0; i < rows; i++) norm += a[i * cols + j] * a[i * cols + j];
    norm = Math.sqrt(norm);
    if (norm === 0) {
      throw new Error('Orthogonal initializer drew a rank-deficient matrix; try another seed');
    }
    for (let i = 0; i < rows; i++) a[i * cols + j] /= norm;
  }
}

export interface OrthogonalArgs {
  gain?: number;
  seed?: number;
}

/**
 * tfjs checks initializers with `instanceof Initializer`, but does not export that class at run time:
 * reach it as the parent class of one it does export.
 */
const InitializerBase = Object.getPrototypeOf(tf.initializers.zeros().constructor) as abstract new () => Initializer;

export class Orthogonal extends InitializerBase {
  static className = 'Orthogonal';
  readonly gain: number;
  readonly seed?: number;

  constructor(args: OrthogonalArgs = {}) {
    super();
    this.gain = args.gain ?? 1;
    this.seed = args.seed;
  }

  apply(shape: number[], dtype?: tf.DataType): tf.Tensor {
    if (shape.length < 2) {
      throw new Error(`Orthogonal initializer needs a shape of rank 2 or more, got [${shape.join(', ')}]`);
    }
    const cols = shape[shape.length - 1];
    const rows = shape.slice(0, -1).reduce((p, d) => p * d, 1);
    const tall = Math.max(rows, cols);
    const narrow = Math.min(rows, cols);
    const normal = tf.tidy(() => tf.randomNormal([tall, narrow], 0, 1, 'float32', this.seed).dataSync());
    const q = Float64Array.from(normal);
    orthonormalizeColumns(q, tall, narrow);
    const out = new Float32Array(rows * cols);
    for (let i = 0; i < tall; i++) {
      for (let j = 0; j < narrow; j++) {
        const value = this.gain * q[i * narrow + j];
        // Q is tall × narrow; a wide kernel takes its transpose, as Keras does.
        if (rows >= cols) out[i * cols + j] = value;
        else out[j * cols + i] = value;
      }
    }
    return tf.tensor(out, shape, dtype ?? 'float32');
  }

  override getConfig(): tf.serialization.ConfigDict {
    return this.seed === undefined ? { gain: this.gain } : { gain: this.gain, seed: this.seed };
  }
}
// `fromConfig` is inherited from tfjs' Serializable at run time (`new cls(config)`).
tf.serialization.registerClass(Orthogonal as unknown as tf.serialization.SerializableConstructor<Orthogonal>);

/** An orthogonal initializer usable wherever tfjs takes an `Initializer`. */
export function orthogonal(args: OrthogonalArgs = {}): Initializer {
  return new Orthogonal(args);
}
