/**
 * Fused recurrent layers: LSTM, Keras 3 GRU and SimpleRNN whose whole sequence (forward and
 * hand-written backward) is one op, run by the native CPU kernel or by tfjs ops on any backend.
 */
export { CELL_KINDS, FUSED_ACTIVATIONS } from './cells';
export type { CellKind, FusedActivation, SequenceSpec } from './cells';
export type { InputOrderSequence } from './layers';
export {
  FusedGRU,
  FusedLSTM,
  FusedSimpleRNN,
  fusedGRU,
  fusedLSTM,
  fusedSimpleRNN,
  STANDARD_RECURRENT,
  withStandardRecurrentClasses,
} from './layers';
export { FastBidirectional, fastBidirectional, STANDARD_BIDIRECTIONAL } from './bidirectional';
export { recurrentSequence } from './sequence-op';
export { rnnKernelInfo, setRnnKernel } from './select';
export type { RnnKernelChoice, RnnKernelInfo, RnnKernelName } from './select';
