/** Keras 3 callbacks that tfjs lacks or implements partly: EarlyStopping, ReduceLROnPlateau, ModelCheckpoint. */
export { EarlyStopping, type EarlyStoppingOptions } from './early-stopping';
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from './reduce-lr-on-plateau';
export { ModelCheckpoint, type ModelCheckpointOptions } from './model-checkpoint';
export type { MonitorMode } from './monitor';
export { bestEpochRecord } from './best-epoch';
