/**
 * Options of {@link buildRnnProgressive}: their types, the seed's defaults, and validation that runs
 * before any tensor is made.
 */
import { InvalidArgumentError } from '../errors';
import { checkChoice, checkKnownKeys, checkPositiveInteger, checkRate } from '../validation';

/** Recurrent cell of every layer: Keras `LSTM`, `GRU` or `SimpleRNN` (named 'RNN' as in the seed). */
export type CellType = 'LSTM' | 'GRU' | 'RNN';
export const CELL_TYPES: readonly CellType[] = ['LSTM', 'GRU', 'RNN'];

/** How a Bidirectional layer combines the forward and backward outputs (Keras `merge_mode`). */
export type MergeMode = 'concat' | 'sum' | 'mul' | 'ave';
export const MERGE_MODES: readonly MergeMode[] = ['concat', 'sum', 'mul', 'ave'];

/** Activation of the Dense output layer. */
export type OutputActivation = 'sigmoid' | 'softmax' | 'linear' | 'tanh' | 'relu';
export const OUTPUT_ACTIVATIONS: readonly OutputActivation[] = ['sigmoid', 'softmax', 'linear', 'tanh', 'relu'];

/**
 * How the recurrent layers compute (rnnlab option).
 * - 'fused': rnnlab's sequence-level layers — one op per layer per batch with a hand-written backward
 *   pass, on the native CPU kernel when built, else on tfjs ops (see `rnnKernelInfo()`).
 * - 'layers': tfjs' step-by-step `tf.layers` code.
 * Both have the same weights, configs and saved files; they differ only in speed.
 */
export type RnnImplementation = 'fused' | 'layers';
export const RNN_IMPLEMENTATIONS: readonly RnnImplementation[] = ['fused', 'layers'];

/**
 * Hidden size of each recurrent layer.
 * - 'progressive': the first layer has `initialUnits`, each next one half of the previous (floor),
 *   never below `minUnits` — the seed's `max(units // 2, 1)`.
 * - 'fixed': every layer has `initialUnits`.
 * - an array: the units of each layer, in order (its length is the number of layers).
 */
export type HiddenSizing = 'progressive' | 'fixed' | readonly number[];
export const HIDDEN_SIZING_MODES: readonly string[] = ['progressive', 'fixed'];

/** Options of {@link buildRnnProgressive}; names mirror the seed's `build_rnn_progressive` in camelCase. */
export interface RnnProgressiveOptions {
  /** `[timesteps, features]` of one input sequence, e.g. `[100, 10]`. Required. */
  inputShape: readonly [number, number] | readonly number[];
  /** Units of the first recurrent layer. Default 128. */
  initialUnits?: number;
  /** Number of stacked recurrent layers. Default 3. */
  numLayers?: number;
  /** 'LSTM' (default), 'GRU' (Keras 3 `reset_after=True` form) or 'RNN' (SimpleRNN). */
  cellType?: CellType;
  /** Rate of the Dropout layer after each recurrent layer, in [0, 1). Default 0.3. */
  dropoutRate?: number;
  /** Wrap each recurrent layer in a Bidirectional layer. Default false. */
  bidirectional?: boolean;
  /** Units of the Dense output layer. Default 1. */
  outputUnits?: number;
  /** Activation of the Dense output layer. Default 'sigmoid'. */
  outputActivation?: OutputActivation;
  /** rnnlab option: how hidden sizes go from layer to layer. Default 'progressive'. */
  hiddenSizing?: HiddenSizing;
  /** rnnlab option: floor of the progressive halving. Default 1 (the seed's). */
  minUnits?: number;
  /** Keras `recurrent_dropout` of every recurrent layer, in [0, 1). Default 0. */
  recurrentDropout?: number;
  /** Keras `merge_mode` of the Bidirectional wrappers. Default 'concat'. */
  mergeMode?: MergeMode;
  /** Name of the model. */
  name?: string;
  /** rnnlab option: seed of the weight initialisers and dropout, for reproducible models. Inside a seeded fit (an estimator's `randomState`, a search's fits) it defaults to a seed drawn from that fit's stream. */
  seed?: number;
  /** rnnlab option: 'fused' (default, fast) or 'layers' (tfjs' step-by-step layers); see {@link RnnImplementation}. */
  rnnImplementation?: RnnImplementation;
}

/** The options after defaults were applied and the hidden sizes resolved. */
export interface ResolvedRnnOptions {
  timesteps: number;
  features: number;
  units: number[];
  cellType: CellType;
  dropoutRate: number;
  bidirectional: boolean;
  outputUnits: number;
  outputActivation: OutputActivation;
  recurrentDropout: number;
  mergeMode: MergeMode;
  name?: string;
  seed?: number;
  rnnImplementation: RnnImplementation;
}

const OPTION_NAMES: readonly (keyof RnnProgressiveOptions)[] = [
  'inputShape',
  'initialUnits',
  'numLayers',
  'cellType',
  'dropoutRate',
  'bidirectional',
  'outputUnits',
  'outputActivation',
  'hiddenSizing',
  'minUnits',
  'recurrentDropout',
  'mergeMode',
  'name',
  'seed',
  'rnnImplementation',
];

/** The seed's defaults. */
export const DEFAULTS = {
  initialUnits: 128,
  numLayers: 3,
  cellType: 'LSTM',
  dropoutRate: 0.3,
  bidirectional: false,
  outputUnits: 1,
  outputActivation: 'sigmoid',
  hiddenSizing: 'progressive',
  minUnits: 1,
  recurrentDropout: 0,
  mergeMode: 'concat',
  rnnImplementation: 'fused',
} as const;

const WHERE = 'buildRnnProgressive';

function resolveUnits(options: RnnProgressiveOptions): number[] {
  const sizing = options.hiddenSizing ?? DEFAULTS.hiddenSizing;
  if (Array.isArray(sizing)) {
    if (sizing.length === 0) {
      throw new InvalidArgumentError('hiddenSizing', 'must hold the units of at least one layer', sizing);
    }
    const units = sizing.map((u, i) => checkPositiveInteger(`hiddenSizing[${i}]`, u));
    if (options.numLayers !== undefined && options.numLayers !== units.length) {
      throw new InvalidArgumentError(
        'numLayers',
        `must equal the length of hiddenSizing (${units.length}) when hiddenSizing is an array`,
        options.numLayers,
        'Leave numLayers out when you list the units of each layer.',
      );
    }
    if (options.initialUnits !== undefined && options.initialUnits !== units[0]) {
      throw new InvalidArgumentError(
        'initialUnits',
        `must equal hiddenSizing[0] (${units[0]}) when hiddenSizing is an array`,
        options.initialUnits,
        'Leave initialUnits out when you list the units of each layer.',
      );
    }
    return units;
  }
  const mode = checkChoice('hiddenSizing', sizing, ['progressive', 'fixed'] as const);
  const initialUnits = checkPositiveInteger('initialUnits', options.initialUnits ?? DEFAULTS.initialUnits);
  const numLayers = checkPositiveInteger('numLayers', options.numLayers ?? DEFAULTS.numLayers);
  const minUnits = checkPositiveInteger('minUnits', options.minUnits ?? DEFAULTS.minUnits);
  if (mode === 'fixed') {
    return Array.from({ length: numLayers }, () => initialUnits);
  }
  if (minUnits > initialUnits) {
    throw new InvalidArgumentError(
      'minUnits',
      `must not exceed initialUnits (${initialUnits})`,
      minUnits,
    );
  }
  const units: number[] = [];
  let u = initialUnits;
  for (let i = 0; i < numLayers; i++) {
    units.push(u);
    u = Math.max(Math.floor(u / 2), minUnits);
  }
  return units;
}

/**
 * Applies the defaults and validates every option, throwing {@link InvalidArgumentError} on the first
 * bad one. No tensor is made here.
 */
export function resolveRnnOptions(options: RnnProgressiveOptions): ResolvedRnnOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidArgumentError('options', 'must be an object such as { inputShape: [100, 10] }', options);
  }
  checkKnownKeys(WHERE, options, OPTION_NAMES);
  const shape: unknown = options.inputShape;
  if (!Array.isArray(shape) || shape.length !== 2) {
    throw new InvalidArgumentError(
      'inputShape',
      'must be [timesteps, features] (rank 2; the batch dimension is left out)',
      shape,
    );
  }
  const timesteps = checkPositiveInteger('inputShape[0]', shape[0]);
  const features = checkPositiveInteger('inputShape[1]', shape[1]);
  const units = resolveUnits(options);
  const cellType = checkChoice('cellType', options.cellType ?? DEFAULTS.cellType, CELL_TYPES);
  const dropoutRate = checkRate('dropoutRate', options.dropoutRate ?? DEFAULTS.dropoutRate);
  const recurrentDropout = checkRate('recurrentDropout', options.recurrentDropout ?? DEFAULTS.recurrentDropout);
  const bidirectional = options.bidirectional ?? DEFAULTS.bidirectional;
  if (typeof bidirectional !== 'boolean') {
    throw new InvalidArgumentError('bidirectional', 'must be true or false', bidirectional);
  }
  const mergeMode = checkChoice('mergeMode', options.mergeMode ?? DEFAULTS.mergeMode, MERGE_MODES);
  const outputUnits = checkPositiveInteger('outputUnits', options.outputUnits ?? DEFAULTS.outputUnits);
  const outputActivation = checkChoice(
    'outputActivation',
    options.outputActivation ?? DEFAULTS.outputActivation,
    OUTPUT_ACTIVATIONS,
  );
  if (outputActivation === 'softmax' && outputUnits < 2) {
    throw new InvalidArgumentError(
      'outputUnits',
      "must be at least 2 with outputActivation 'softmax' (one unit per class)",
      outputUnits,
      "Use outputActivation 'sigmoid' for a binary target.",
    );
  }
  if (options.name !== undefined && (typeof options.name !== 'string' || options.name.length === 0)) {
    throw new InvalidArgumentError('name', 'must be a non-empty string', options.name);
  }
  if (options.seed !== undefined && (typeof options.seed !== 'number' || !Number.isInteger(options.seed))) {
    throw new InvalidArgumentError('seed', 'must be an integer', options.seed);
  }
  return {
    timesteps,
    features,
    units,
    cellType,
    dropoutRate,
    bidirectional,
    outputUnits,
    outputActivation,
    recurrentDropout,
    mergeMode,
    name: options.name,
    seed: options.seed,
    rnnImplementation: checkChoice(
      'rnnImplementation',
      options.rnnImplementation ?? DEFAULTS.rnnImplementation,
      RNN_IMPLEMENTATIONS,
    ),
  };
}
