/** Samplers: the interface, RandomSampler, GridSampler and TPESampler. */
export type { Sampler, SamplerStudy } from './base';
export { isSampler } from './base';
export { RandomSampler, sampleUniform } from './random';
export type { RandomSamplerOptions } from './random';
export { GridSampler } from './grid';
export type { GridSamplerOptions } from './grid';
export { TPESampler, ParzenEstimator, defaultGamma, defaultGammaMultiObjective, defaultWeights } from './tpe';
export type { TPESamplerOptions } from './tpe';
