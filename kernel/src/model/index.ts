/** Model building: the progressive RNN builder, compilation, and the Keras-3 layers tfjs lacks. */
export { buildRnnProgressive, hiddenUnits } from './builder';
export { compileRnn, headOf } from './compile';
export type { CompileRnnOptions, HeadInfo, LossName, OptimizerName } from './compile';
export { CELL_TYPES, DEFAULTS, MERGE_MODES, OUTPUT_ACTIVATIONS, RNN_IMPLEMENTATIONS, resolveRnnOptions } from './options';
export type {
  CellType,
  HiddenSizing,
  MergeMode,
  OutputActivation,
  ResolvedRnnOptions,
  RnnImplementation,
  RnnProgressiveOptions,
} from './options';
export { GRU, GRUCell, gru } from './layers';
export type { GRUCellArgs, GRULayerArgs } from './layers';
export { FastBidirectional, fastBidirectional, FusedGRU, FusedLSTM, FusedSimpleRNN, fusedGRU, fusedLSTM, fusedSimpleRNN, rnnKernelInfo, setRnnKernel } from './recurrent';
export { FastDropout, fastDropout } from './layers';
export type { RnnKernelChoice, RnnKernelInfo, RnnKernelName } from './recurrent';
export { registerInterruptibleFits } from './interrupt';
export { callbackObjects, fitLive, TrainingView } from './fit-live';
export { withSeededFit } from './seeded-run';
export type { FitLiveOptions, TrainingViewOptions } from './fit-live';
export { formatModel, modelBundle, modelInfo } from './summary';
export { formatEpochLine, registerProgressLogger } from './progress';
export { formatHistory, historyInput, registerKerasHistoryNames } from './history';
export { loadModel, saveModel } from './io';
export { EarlyStopping, ModelCheckpoint, ReduceLROnPlateau } from './callbacks';
export type { EarlyStoppingOptions, ModelCheckpointOptions, MonitorMode, ReduceLROnPlateauOptions } from './callbacks';
