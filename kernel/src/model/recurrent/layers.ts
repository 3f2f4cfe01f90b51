/**
 * rnnlab's fused recurrent layers: tfjs' LSTM and SimpleRNN and rnnlab's Keras 3 GRU with the whole
 * sequence computed by one op (sequence-op.ts) instead of tfjs' per-step, per-gate graph.
 *
 * Each subclasses the standard layer and replaces only `call`, so the weights (names, shapes,
 * Keras layout `kernel`, `recurrent_kernel`, `bias`), initialisers, config and class name are the
 * standard ones: saved models stay ordinary tfjs models, weights move both ways with `setWeights`,
 * and `tf.layers.bidirectional` works. They are registered under the standard class names, so models
 * loaded (and Bidirectional's backward copies made) in a process that imported rnnlab are fused too.
 * A call the fused op does not cover (stateful, returnState, masks, initial states, other activations,
 * GRU without resetAfter) runs the standard step-by-step code, and so does every call on a CPU
 * backend where the native kernel is not built (see select.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { Kwargs } from '@tensorflow/tfjs-layers/dist/types';
import type {
  LSTM as TfjsLSTM,
  LSTMCell,
  LSTMLayerArgs,
  SimpleRNN as TfjsSimpleRNN,
  SimpleRNNCell,
  SimpleRNNLayerArgs,
} from '@tensorflow/tfjs-layers/dist/layers/recurrent';
import type { LayerVariable } from '@tensorflow/tfjs-layers/dist/variables';
import { randomSeed } from '../../random';
import { GRU, type GRUCell, type GRULayerArgs, keepMask, RNNLAB_SUBCLASS, standardClass } from '../layers';
import { type CellKind, type FusedActivation, isFusedActivation, type SequenceSpec } from './cells';
import { recurrentSequence } from './sequence-op';
import type { SequenceTensors } from './tfjs-kernel';
import { rnnKernelInfo } from './select';

type Registered = [tf.serialization.SerializableConstructor<tf.serialization.Serializable>, unknown];

const StandardLSTM = standardClass<typeof TfjsLSTM>('LSTM');
const StandardSimpleRNN = standardClass<typeof TfjsSimpleRNN>('SimpleRNN');

/** What the fused op needs from a cell. */
interface FusableCell {
  units: number;
  dropout: number;
  recurrentDropout: number;
  activation: string;
  recurrentActivation: string;
  kernel?: LayerVariable;
  recurrentKernel?: LayerVariable;
  bias?: LayerVariable | null;
}

interface RecurrentLayer {
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly goBackwards: boolean;
  readonly stateful: boolean;
}

function singleInput(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor | null {
  const x = Array.isArray(inputs) ? (inputs.length === 1 ? inputs[0] : null) : inputs;
  return x !== null && x.rank === 3 ? x : null;
}

/** Whether the fused op covers this call; otherwise the standard step-by-step code runs. */
function fusable(layer: RecurrentLayer, cell: FusableCell, inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): boolean {
  return (
    rnnKernelInfo().kernel !== 'layers' &&
    !layer.stateful &&
    !layer.returnState &&
    (kwargs == null || (kwargs['mask'] == null && kwargs['initialState'] == null)) &&
    isFusedActivation(cell.activation) &&
    isFusedActivation(cell.recurrentActivation) &&
    cell.kernel !== undefined &&
    cell.recurrentKernel !== undefined &&
    singleInput(inputs) !== null
  );
}

/** Keras dropout mask: zeros with probability `rate`, survivors scaled by 1 / (1 - rate). */
function mask(shape: [number, number], rate: number, training: boolean): tf.Tensor | null {
  return training && rate > 0 && rate < 1 ? tf.tensor2d(keepMask(shape[0] * shape[1], rate, randomSeed()), shape) : null;
}

/** What the fused op computes for one call: its spec and its tensors (dropout masks drawn now). */
export interface FusedSequenceCall {
  spec: SequenceSpec;
  tensors: SequenceTensors;
}

function fusedSequenceCall(
  kind: CellKind,
  layer: RecurrentLayer,
  cell: FusableCell,
  inputs: tf.Tensor | tf.Tensor[],
  kwargs: Kwargs,
  inputOrder: boolean,
): FusedSequenceCall {
  const x = singleInput(inputs) as tf.Tensor;
  const [batch, timesteps, features] = x.shape;
  const units = cell.units;
  const training = kwargs != null && kwargs['training'] === true;
  return {
    spec: {
      kind,
      batch,
      timesteps,
      features,
      units,
      goBackwards: layer.goBackwards,
      activation: cell.activation as FusedActivation,
      recurrentActivation: cell.recurrentActivation as FusedActivation,
      inputOrder,
    },
    tensors: {
      x,
      kernel: (cell.kernel as LayerVariable).read(),
      recurrentKernel: (cell.recurrentKernel as LayerVariable).read(),
      bias: cell.bias ? cell.bias.read() : null,
      inputMask: mask([batch, features], cell.dropout, training),
      recurrentMask: mask([batch, units], cell.recurrentDropout, training),
    },
  };
}

function fusedCall(
  kind: CellKind,
  layer: RecurrentLayer,
  cell: FusableCell,
  inputs: tf.Tensor | tf.Tensor[],
  kwargs: Kwargs,
  inputOrder = false,
): tf.Tensor {
  return tf.tidy(() => {
    const { spec, tensors } = fusedSequenceCall(kind, layer, cell, inputs, kwargs, inputOrder);
    const { batch, timesteps, units } = spec;
    const h = recurrentSequence(spec, tensors);
    if (layer.returnSequences) {
      return h;
    }
    return tf.reshape(tf.slice(h, [0, timesteps - 1, 0], [batch, 1, units]), [batch, units]);
  });
}

function lstmCell(cell: LSTMCell): FusableCell {
  return {
    units: cell.units,
    dropout: cell.dropout,
    recurrentDropout: cell.recurrentDropout,
    activation: cell.activation.getClassName(),
    recurrentActivation: cell.recurrentActivation.getClassName(),
    kernel: cell.kernel,
    recurrentKernel: cell.recurrentKernel,
    bias: cell.useBias ? cell.bias : null,
  };
}

function simpleCell(cell: SimpleRNNCell): FusableCell {
  return {
    units: cell.units,
    dropout: cell.dropout,
    recurrentDropout: cell.recurrentDropout,
    activation: cell.activation.getClassName(),
    recurrentActivation: 'linear',
    kernel: cell.kernel,
    recurrentKernel: cell.recurrentKernel,
    bias: cell.useBias ? cell.bias : null,
  };
}

function gruCell(cell: GRUCell): FusableCell {
  return {
    units: cell.units,
    dropout: cell.dropout,
    recurrentDropout: cell.recurrentDropout,
    // The fused GRU is the reset_after form only.
    activation: cell.resetAfter ? cell.activationName : 'unsupported',
    recurrentActivation: cell.recurrentActivationName,
    kernel: cell.kernel,
    recurrentKernel: cell.recurrentKernel,
    bias: cell.useBias ? cell.bias : null,
  };
}

/**
 * What rnnlab's Bidirectional asks of a fused backward layer: its full output sequence already in
 * input order, or `null` when the fused op does not cover the call.
 */
export interface InputOrderSequence {
  callInInputOrder(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | null;
  /**
   * The fused op's spec and tensors for a call returning the whole sequence (masks drawn now, to be
   * disposed by the caller's tidy), or `null` when the fused op does not cover the call.
   */
  fusedSequence(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs, inputOrder: boolean): FusedSequenceCall | null;
}

function inInputOrder(
  kind: CellKind,
  layer: RecurrentLayer,
  cell: FusableCell,
  inputs: tf.Tensor | tf.Tensor[],
  kwargs: Kwargs,
): tf.Tensor | null {
  return layer.returnSequences && fusable(layer, cell, inputs, kwargs) ? fusedCall(kind, layer, cell, inputs, kwargs, true) : null;
}

function sequenceOf(
  kind: CellKind,
  layer: RecurrentLayer,
  cell: FusableCell,
  inputs: tf.Tensor | tf.Tensor[],
  kwargs: Kwargs,
  inputOrder: boolean,
): FusedSequenceCall | null {
  return layer.returnSequences && fusable(layer, cell, inputs, kwargs)
    ? fusedSequenceCall(kind, layer, cell, inputs, kwargs, inputOrder)
    : null;
}

/** tfjs' `LSTM` with the sequence fused into one op (see the module comment). */
export class FusedLSTM extends StandardLSTM {
  static readonly [RNNLAB_SUBCLASS] = true;

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    const cell = lstmCell(this.cell as LSTMCell);
    return fusable(this, cell, inputs, kwargs) ? fusedCall('LSTM', this, cell, inputs, kwargs) : super.call(inputs, kwargs);
  }

  callInInputOrder(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | null {
    return inInputOrder('LSTM', this, lstmCell(this.cell as LSTMCell), inputs, kwargs);
  }

  fusedSequence(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs, inputOrder: boolean): FusedSequenceCall | null {
    return sequenceOf('LSTM', this, lstmCell(this.cell as LSTMCell), inputs, kwargs, inputOrder);
  }
}

/** tfjs' `SimpleRNN` with the sequence fused into one op (see the module comment). */
export class FusedSimpleRNN extends StandardSimpleRNN {
  static readonly [RNNLAB_SUBCLASS] = true;

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    const cell = simpleCell(this.cell as SimpleRNNCell);
    return fusable(this, cell, inputs, kwargs)
      ? fusedCall('SimpleRNN', this, cell, inputs, kwargs)
      : super.call(inputs, kwargs);
  }

  callInInputOrder(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | null {
    return inInputOrder('SimpleRNN', this, simpleCell(this.cell as SimpleRNNCell), inputs, kwargs);
  }

  fusedSequence(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs, inputOrder: boolean): FusedSequenceCall | null {
    return sequenceOf('SimpleRNN', this, simpleCell(this.cell as SimpleRNNCell), inputs, kwargs, inputOrder);
  }
}

/** rnnlab's Keras 3 `GRU` (reset_after) with the sequence fused into one op (see the module comment). */
export class FusedGRU extends GRU {
  static readonly [RNNLAB_SUBCLASS] = true;

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    const cell = gruCell(this.cell as GRUCell);
    return fusable(this, cell, inputs, kwargs) ? fusedCall('GRU', this, cell, inputs, kwargs) : super.call(inputs, kwargs);
  }

  callInInputOrder(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | null {
    return inInputOrder('GRU', this, gruCell(this.cell as GRUCell), inputs, kwargs);
  }

  fusedSequence(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs, inputOrder: boolean): FusedSequenceCall | null {
    return sequenceOf('GRU', this, gruCell(this.cell as GRUCell), inputs, kwargs, inputOrder);
  }
}

tf.serialization.registerClass(FusedLSTM);
tf.serialization.registerClass(FusedSimpleRNN);
tf.serialization.registerClass(FusedGRU);

/** The standard (step-by-step) classes, for `rnnImplementation: 'layers'`. */
export const STANDARD_RECURRENT = { LSTM: StandardLSTM, SimpleRNN: StandardSimpleRNN, GRU } as const;

/**
 * Runs `build` with the standard recurrent classes registered, so that layers it deserialises
 * (Bidirectional's backward copy) are standard too; the fused ones are registered again after.
 */
export function withStandardRecurrentClasses<T>(build: () => T): T {
  const map = tf.serialization.SerializationMap.getMap().classNameMap as Record<string, Registered>;
  const fused = { LSTM: map.LSTM, SimpleRNN: map.SimpleRNN, GRU: map.GRU };
  for (const [name, cls] of Object.entries(STANDARD_RECURRENT)) {
    map[name] = [cls as never, (cls as unknown as { fromConfig: unknown }).fromConfig];
  }
  try {
    return build();
  } finally {
    Object.assign(map, fused);
  }
}

/** Creates a fused LSTM layer; arguments as `tf.layers.lstm`. */
export function fusedLSTM(args: LSTMLayerArgs): FusedLSTM {
  return new FusedLSTM(args);
}

/** Creates a fused SimpleRNN layer; arguments as `tf.layers.simpleRNN`. */
export function fusedSimpleRNN(args: SimpleRNNLayerArgs): FusedSimpleRNN {
  return new FusedSimpleRNN(args);
}

/** Creates a fused Keras 3 GRU layer; arguments as rnnlab's `gru`. */
export function fusedGRU(args: GRULayerArgs): FusedGRU {
  return new FusedGRU(args);
}
