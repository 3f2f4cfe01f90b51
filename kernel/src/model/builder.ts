/**
 * The seed's `build_rnn_progressive`: stacked recurrent layers whose hidden sizes shrink layer by
 * layer, a Dropout after each, and a Dense head — with Keras 3's layer list, shapes and parameter counts.
 */
import * as tf from '@tensorflow/tfjs';
import { runSeed } from '../random';
import { fastDropout, gru, orthogonal, STANDARD_DROPOUT } from './layers';
import { type CellType, type ResolvedRnnOptions, type RnnImplementation, type RnnProgressiveOptions, resolveRnnOptions } from './options';
import { fastBidirectional, STANDARD_RECURRENT, fusedGRU, fusedLSTM, fusedSimpleRNN, withStandardRecurrentClasses } from './recurrent';

interface RecurrentLayerArgs {
  implementation: RnnImplementation;
  units: number;
  returnSequences: boolean;
  recurrentDropout: number;
  seed?: number;
  inputShape?: number[];
}

/** Offsets seeds so that no two weights of one model share a random stream. */
function seedFor(base: number | undefined, layerIndex: number, slot: number): number | undefined {
  return base === undefined ? undefined : base * 1000 + layerIndex * 10 + slot;
}

/** The layer factories of each {@link RnnImplementation}. */
const FACTORIES = {
  fused: { LSTM: fusedLSTM, GRU: fusedGRU, RNN: fusedSimpleRNN },
  layers: {
    LSTM: (args: tf.LSTMLayerArgs) => new STANDARD_RECURRENT.LSTM(args),
    GRU: gru,
    RNN: (args: tf.SimpleRNNLayerArgs) => new STANDARD_RECURRENT.SimpleRNN(args),
  },
} as const;

/**
 * Keras 3 defaults for every cell: sigmoid recurrent activation (tfjs defaults to hardSigmoid),
 * Glorot-uniform kernels (tfjs: Glorot-normal), orthogonal recurrent kernels, zero biases, and
 * for LSTM a forget-gate bias of 1.
 */
const RECURRENT_LAYERS: Record<CellType, (args: RecurrentLayerArgs) => tf.layers.Layer> = {
  LSTM: (a) =>
    FACTORIES[a.implementation].LSTM({
      units: a.units,
      returnSequences: a.returnSequences,
      recurrentDropout: a.recurrentDropout,
      recurrentActivation: 'sigmoid',
      unitForgetBias: true,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seedFor(a.seed, 0, 1) }),
      recurrentInitializer: orthogonal({ seed: seedFor(a.seed, 0, 2), gain: 1 }),
      inputShape: a.inputShape,
    }),
  GRU: (a) =>
    FACTORIES[a.implementation].GRU({
      units: a.units,
      returnSequences: a.returnSequences,
      recurrentDropout: a.recurrentDropout,
      resetAfter: true,
      kernelInitializer: { className: 'GlorotUniform', config: { seed: seedFor(a.seed, 0, 1) } },
      recurrentInitializer: { className: 'Orthogonal', config: { seed: seedFor(a.seed, 0, 2) } },
      seed: seedFor(a.seed, 0, 3),
      inputShape: a.inputShape,
    }),
  RNN: (a) =>
    FACTORIES[a.implementation].RNN({
      units: a.units,
      returnSequences: a.returnSequences,
      recurrentDropout: a.recurrentDropout,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seedFor(a.seed, 0, 1) }),
      recurrentInitializer: orthogonal({ seed: seedFor(a.seed, 0, 2), gain: 1 }),
      inputShape: a.inputShape,
    }),
};

function recurrentBlock(o: ResolvedRnnOptions, index: number): tf.layers.Layer {
  const isFirst = index === 0;
  const inputShape = [o.timesteps, o.features];
  const layer = RECURRENT_LAYERS[o.cellType]({
    implementation: o.rnnImplementation,
    units: o.units[index],
    returnSequences: index < o.units.length - 1,
    recurrentDropout: o.recurrentDropout,
    seed: o.seed === undefined ? undefined : seedFor(o.seed, index, 0),
    inputShape: isFirst && !o.bidirectional ? inputShape : undefined,
  });
  if (!o.bidirectional) {
    return layer;
  }
  const args = {
    layer: layer as Parameters<typeof tf.layers.bidirectional>[0]['layer'],
    mergeMode: o.mergeMode,
    inputShape: isFirst ? inputShape : undefined,
  };
  // Bidirectional makes its backward layer from the class registered under the layer's name.
  return o.rnnImplementation === 'fused'
    ? fastBidirectional(args)
    : withStandardRecurrentClasses(() => tf.layers.bidirectional(args));
}

/**
 * Builds the seed's progressive RNN: `numLayers` recurrent layers (every one but the last returns
 * sequences), a Dropout after each, and a Dense output layer.
 *
 * Keras note: the layer list, output shapes and parameter counts equal Keras 3's for the same
 * options (the seed's defaults give 133,025 parameters); GRU is Keras 3's `reset_after=True` form.
 * The recurrent layers are rnnlab's fused ones by default (`rnnImplementation: 'layers'` gives tfjs'
 * step-by-step layers): same weights and saved files, computed as one op per layer per batch.
 *
 * The weights are made on the current tfjs backend. The rnnlab kernel chooses the backend before the
 * first cell runs; in a script, `await ready()` first (otherwise the first `fit` of a model compiled
 * with `compileRnn` chooses it and moves the weights there).
 *
 * @param options - see {@link RnnProgressiveOptions}; only `inputShape` is required.
 * @returns an uncompiled tfjs `Sequential` model (a `LayersModel`: `summary()`, `countParams()`, `fit()`).
 * @throws InvalidArgumentError for any bad option, before any tensor is made.
 * @example
 * ```ts
 * const model = buildRnnProgressive({ inputShape: [100, 10], initialUnits: 128, numLayers: 3, cellType: 'LSTM' });
 * model.countParams(); // 133025
 * ```
 */
export function buildRnnProgressive(options: RnnProgressiveOptions): tf.Sequential {
  const resolved = resolveRnnOptions(options);
  // Inside a seeded fit (a search's, or fitLive's), an unseeded model takes its seed from that run.
  const o = resolved.seed === undefined ? { ...resolved, seed: runSeed() } : resolved;
  // Building runs the weight initialisers; some of tfjs' (the LSTM's unit-forget-bias one) leave their
  // intermediate tensors behind. The weights are variables, which tidy keeps.
  let model: tf.Sequential | undefined;
  tf.tidy(() => {
    model = buildLayers(o);
  });
  return model as tf.Sequential;
}

function buildLayers(o: ResolvedRnnOptions): tf.Sequential {
  const model = tf.sequential({ name: o.name });
  o.units.forEach((_units, index) => {
    model.add(recurrentBlock(o, index));
    const dropout = { rate: o.dropoutRate, seed: seedFor(o.seed, index, 5) };
    model.add(o.rnnImplementation === 'fused' ? fastDropout(dropout) : new STANDARD_DROPOUT(dropout));
  });
  model.add(
    tf.layers.dense({
      units: o.outputUnits,
      activation: o.outputActivation,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seedFor(o.seed, o.units.length, 1) }),
    }),
  );
  return model;
}

/** The hidden sizes {@link buildRnnProgressive} would use for `options`, without building anything. */
export function hiddenUnits(options: RnnProgressiveOptions): number[] {
  return resolveRnnOptions(options).units;
}
