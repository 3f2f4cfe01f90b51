/**
 * Keras 3's GRU (`reset_after=True`, the default since TF 2 / Keras 3) for TensorFlow.js.
 *
 * Porting note: tfjs-layers 4.x only implements the older `reset_after=False` form (a single bias of
 * 3·units) and throws on `resetAfter: true`, so a tfjs GRU has fewer parameters than the Keras model a
 * seed snippet describes. This layer implements both forms with Keras' weight layout:
 * `kernel` [inputDim, 3·units], `recurrent_kernel` [units, 3·units], and `bias` [2, 3·units]
 * (input bias, recurrent bias) with resetAfter or [3·units] without; gates in the order z, r, h.
 * It is registered under the standard class names 'GRU' and 'GRUCell', so models stay ordinary tfjs
 * models and saved files load in any process that imported rnnlab.
 */
import * as tf from '@tensorflow/tfjs';
import type { Kwargs } from '@tensorflow/tfjs-layers/dist/types';
import type { Initializer } from '@tensorflow/tfjs-layers/dist/initializers';
import type { LayerVariable } from '@tensorflow/tfjs-layers/dist/variables';
import { InvalidArgumentError, oneOf } from '../../errors';
import { orthogonal } from './orthogonal';

type Shape = (number | null)[];
type ConfigDict = tf.serialization.ConfigDict;

/** Activations a recurrent cell accepts, by Keras name. */
const ACTIVATIONS = {
  tanh: (x: tf.Tensor) => tf.tanh(x),
  sigmoid: (x: tf.Tensor) => tf.sigmoid(x),
  hardSigmoid: (x: tf.Tensor) => tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1),
  relu: (x: tf.Tensor) => tf.relu(x),
  linear: (x: tf.Tensor) => x,
} as const;
export type RecurrentActivation = keyof typeof ACTIVATIONS;

/** Weight initialisers by their Keras class name; the config holds an optional seed. */
const INITIALIZERS = {
  GlorotUniform: (seed?: number) => tf.initializers.glorotUniform({ seed }),
  Orthogonal: (seed?: number) => orthogonal({ seed, gain: 1 }),
  Zeros: () => tf.initializers.zeros(),
} as const;
type InitializerName = keyof typeof INITIALIZERS;

/** An initialiser as Keras serialises it: `{ className: 'GlorotUniform', config: { seed: 1 } }`. */
export interface InitializerSpec {
  className: InitializerName;
  config: { seed?: number };
}

export interface GRUCellArgs {
  units: number;
  activation?: RecurrentActivation;
  recurrentActivation?: RecurrentActivation;
  useBias?: boolean;
  resetAfter?: boolean;
  dropout?: number;
  recurrentDropout?: number;
  kernelInitializer?: InitializerSpec;
  recurrentInitializer?: InitializerSpec;
  biasInitializer?: InitializerSpec;
  /** Seed of the dropout masks. */
  seed?: number;
  name?: string;
  trainable?: boolean;
}

export interface GRULayerArgs extends GRUCellArgs {
  returnSequences?: boolean;
  returnState?: boolean;
  goBackwards?: boolean;
  inputShape?: Shape;
  batchInputShape?: Shape;
}

function activationOf(argument: string, name: string): (x: tf.Tensor) => tf.Tensor {
  const fn = (ACTIVATIONS as Record<string, (x: tf.Tensor) => tf.Tensor>)[name];
  if (fn === undefined) {
    throw new InvalidArgumentError(argument, `must be one of ${oneOf(Object.keys(ACTIVATIONS))}`, name);
  }
  return fn;
}

function initializerOf(argument: string, spec: InitializerSpec): Initializer {
  const make = (INITIALIZERS as Record<string, (seed?: number) => Initializer>)[spec.className];
  if (make === undefined) {
    throw new InvalidArgumentError(
      `${argument}.className`,
      `must be one of ${oneOf(Object.keys(INITIALIZERS))}`,
      spec.className,
    );
  }
  return make(spec.config?.seed);
}

/** Keras-style dropout mask: zeros with probability `rate`, survivors scaled by 1 / (1 - rate). */
function dropoutMask(like: tf.Tensor, rate: number, seed: number | undefined): tf.Tensor {
  return tf.tidy(() => tf.dropout(tf.onesLike(like), rate, undefined, seed));
}

/** One step of Keras 3's GRU. See the module comment for the weight layout. */
export class GRUCell extends tf.layers.RNNCell {
  static className = 'GRUCell';
  readonly units: number;
  readonly stateSize: number;
  readonly resetAfter: boolean;
  readonly useBias: boolean;
  readonly dropout: number;
  readonly recurrentDropout: number;
  readonly activationName: RecurrentActivation;
  readonly recurrentActivationName: RecurrentActivation;
  private readonly kernelInitializerSpec: InitializerSpec;
  private readonly recurrentInitializerSpec: InitializerSpec;
  private readonly biasInitializerSpec: InitializerSpec;
  /** Seed of the dropout masks. */
  readonly seed?: number;
  /** The weights, once built (read by rnnlab's fused GRU). */
  kernel?: LayerVariable;
  recurrentKernel?: LayerVariable;
  bias?: LayerVariable;

  constructor(args: GRUCellArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.units = args.units;
    this.stateSize = args.units;
    this.resetAfter = args.resetAfter ?? true;
    this.useBias = args.useBias ?? true;
    this.dropout = args.dropout ?? 0;
    this.recurrentDropout = args.recurrentDropout ?? 0;
    this.activationName = args.activation ?? 'tanh';
    this.recurrentActivationName = args.recurrentActivation ?? 'sigmoid';
    activationOf('activation', this.activationName);
    activationOf('recurrentActivation', this.recurrentActivationName);
    this.kernelInitializerSpec = args.kernelInitializer ?? { className: 'GlorotUniform', config: {} };
    this.recurrentInitializerSpec = args.recurrentInitializer ?? { className: 'Orthogonal', config: {} };
    this.biasInitializerSpec = args.biasInitializer ?? { className: 'Zeros', config: {} };
    this.seed = args.seed;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    const inputDim = shape[shape.length - 1];
    if (inputDim === null) {
      throw new InvalidArgumentError('inputShape', 'must have a known last (feature) dimension', shape);
    }
    const width = 3 * this.units;
    this.kernel = this.addWeight(
      'kernel',
      [inputDim, width],
      'float32',
      initializerOf('kernelInitializer', this.kernelInitializerSpec),
    );
    this.recurrentKernel = this.addWeight(
      'recurrent_kernel',
      [this.units, width],
      'float32',
      initializerOf('recurrentInitializer', this.recurrentInitializerSpec),
    );
    if (this.useBias) {
      this.bias = this.addWeight(
        'bias',
        this.resetAfter ? [2, width] : [width],
        'float32',
        initializerOf('biasInitializer', this.biasInitializerSpec),
      );
    }
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor[] {
    return tf.tidy(() => {
      const [x0, hPrev0] = inputs as tf.Tensor[];
      const training = kwargs['training'] === true;
      let x = x0;
      let hPrev = hPrev0;
      if (training && this.dropout > 0) {
        if (this.dropoutMask == null) {
          this.dropoutMask = tf.keep(dropoutMask(x, this.dropout, this.seed));
        }
        x = tf.mul(x, this.dropoutMask as tf.Tensor);
      }
      let hForRecurrence = hPrev;
      if (training && this.recurrentDropout > 0) {
        if (this.recurrentDropoutMask == null) {
          this.recurrentDropoutMask = tf.keep(dropoutMask(hPrev, this.recurrentDropout, this.seed));
        }
        hForRecurrence = tf.mul(hPrev, this.recurrentDropoutMask as tf.Tensor);
      }
      const act = activationOf('activation', this.activationName);
      const recAct = activationOf('recurrentActivation', this.recurrentActivationName);
      const kernel = (this.kernel as LayerVariable).read();
      const recurrentKernel = (this.recurrentKernel as LayerVariable).read();
      let inputBias: tf.Tensor | null = null;
      let recurrentBias: tf.Tensor | null = null;
      if (this.bias) {
        const b = this.bias.read();
        if (this.resetAfter) {
          [inputBias, recurrentBias] = tf.unstack(b, 0);
        } else {
          inputBias = b;
        }
      }
      let matrixX = tf.matMul(x, kernel);
      if (inputBias) {
        matrixX = tf.add(matrixX, inputBias);
      }
      const [xZ, xR, xH] = tf.split(matrixX, 3, -1);
      let h: tf.Tensor;
      if (this.resetAfter) {
        let matrixInner = tf.matMul(hForRecurrence, recurrentKernel);
        if (recurrentBias) {
          matrixInner = tf.add(matrixInner, recurrentBias);
        }
        const [rZ, rR, rH] = tf.split(matrixInner, 3, -1);
        const z = recAct(tf.add(xZ, rZ));
        const r = recAct(tf.add(xR, rR));
        const hh = act(tf.add(xH, tf.mul(r, rH)));
        h = tf.add(tf.mul(z, hPrev), tf.mul(tf.sub(1, z), hh));
      } else {
        const [rkZR, rkH] = tf.split(recurrentKernel, [2 * this.units, this.units], -1);
        const [rZ, rR] = tf.split(tf.matMul(hForRecurrence, rkZR), 2, -1);
        const z = recAct(tf.add(xZ, rZ));
        const r = recAct(tf.add(xR, rR));
        const hh = act(tf.add(xH, tf.matMul(tf.mul(r, hForRecurrence), rkH)));
        h = tf.add(tf.mul(z, hPrev), tf.mul(tf.sub(1, z), hh));
      }
      return [h, h];
    });
  }

  override getConfig(): ConfigDict {
    const config: ConfigDict = {
      units: this.units,
      activation: this.activationName,
      recurrentActivation: this.recurrentActivationName,
      useBias: this.useBias,
      resetAfter: this.resetAfter,
      dropout: this.dropout,
      recurrentDropout: this.recurrentDropout,
      kernelInitializer: { ...this.kernelInitializerSpec } as unknown as ConfigDict,
      recurrentInitializer: { ...this.recurrentInitializerSpec } as unknown as ConfigDict,
      biasInitializer: { ...this.biasInitializerSpec } as unknown as ConfigDict,
    };
    if (this.seed !== undefined) {
      config.seed = this.seed;
    }
    return { ...super.getConfig(), ...config };
  }
}
tf.serialization.registerClass(GRUCell);

/** Keras 3's `GRU` layer (see the module comment). */
export class GRU extends tf.layers.RNN {
  static override className = 'GRU';

  constructor(args: GRULayerArgs) {
    const cell = new GRUCell(args);
    super({ ...args, cell } as unknown as ConstructorParameters<typeof tf.layers.RNN>[0]);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    // Fresh dropout masks for every batch, as Keras does.
    const cell = this.cell as GRUCell;
    for (const key of ['dropoutMask', 'recurrentDropoutMask'] as const) {
      const mask = cell[key];
      if (mask != null) {
        tf.dispose(mask);
        (cell as unknown as Record<string, unknown>)[key] = null;
      }
    }
    return super.call(inputs, kwargs);
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: ConfigDict,
  ): T {
    const { cell: _cell, ...rest } = config;
    return new cls(rest);
  }
}
tf.serialization.registerClass(GRU);

/** Creates a Keras 3 GRU layer (`resetAfter` true unless set otherwise). */
export function gru(args: GRULayerArgs): GRU {
  return new GRU(args);
}
