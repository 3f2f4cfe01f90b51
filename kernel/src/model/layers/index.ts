/** Recurrent layers rnnlab adds to TensorFlow.js (Keras behaviour that tfjs-layers lacks). */
export { GRU, GRUCell, gru } from './gru';
export type { GRUCellArgs, GRULayerArgs, InitializerSpec, RecurrentActivation } from './gru';
export { Orthogonal, orthogonal, orthonormalizeColumns } from './orthogonal';
export type { OrthogonalArgs } from './orthogonal';
export { FastDropout, fastDropout, keepMask, STANDARD_DROPOUT } from './dropout';
export { RNNLAB_SUBCLASS, standardClass } from './registry';
