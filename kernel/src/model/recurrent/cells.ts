/**
 * What a fused recurrent kernel needs to know about a layer: which cell, its activations, its
 * direction and its sizes. Shared by the native kernel and the tfjs-op kernel.
 */

/** The cells rnnlab fuses, with their gate counts (Keras gate order in brackets). */
export const CELL_KINDS = {
  /** LSTM: 4 gates [i, f, c, o]. */
  LSTM: { code: 0, gates: 4 },
  /** Keras 3 GRU (`reset_after`): 3 gates [z, r, h]; bias [2, 3·units] (input, recurrent). */
  GRU: { code: 1, gates: 3 },
  /** SimpleRNN: 1 gate. */
  SimpleRNN: { code: 2, gates: 1 },
} as const;
export type CellKind = keyof typeof CELL_KINDS;

/**
 * Activations a fused kernel computes, by their tfjs names, with the code the native kernel uses.
 * Every derivative is a function of the activation's output, which is what the kernels keep.
 * Porting note: `hardSigmoid` is tfjs' `clip(0.2·x + 0.5, 0, 1)` (Keras 3 uses x/6 + 0.5).
 */
export const FUSED_ACTIVATIONS = {
  tanh: 0,
  sigmoid: 1,
  hardSigmoid: 2,
  relu: 3,
  linear: 4,
} as const;
export type FusedActivation = keyof typeof FUSED_ACTIVATIONS;

export function isFusedActivation(name: string): name is FusedActivation {
  return Object.prototype.hasOwnProperty.call(FUSED_ACTIVATIONS, name);
}

/** One layer's sequence computation, independent of the kernel that runs it. */
export interface SequenceSpec {
  kind: CellKind;
  /** Batch size, timesteps, input features, units. */
  batch: number;
  timesteps: number;
  features: number;
  units: number;
  /** Keras `go_backwards`: step t reads input t' = T-1-t, and outputs stay in processing order. */
  goBackwards: boolean;
  activation: FusedActivation;
  recurrentActivation: FusedActivation;
  /**
   * Return h (and take its gradient) in input order even when `goBackwards`: what Bidirectional
   * wants, saving it a reverse of the sequence (slow on wasm) and one of the gradient.
   */
  inputOrder?: boolean;
}

/** Gradients of one sequence op, in the layouts of its inputs. */
export interface SequenceGradients<T> {
  dx: T;
  dKernel: T;
  dRecurrentKernel: T;
  dBias: T | null;
}
