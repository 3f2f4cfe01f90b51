/** The TPE sampler and its parts. */
export { TPESampler, defaultGamma, defaultGammaMultiObjective, RELATIVE_PARAMS_KEY } from './sampler';
export type { TPESamplerOptions } from './sampler';
export { ParzenEstimator, defaultWeights } from './parzen-estimator';
export type { ParzenEstimatorParameters } from './parzen-estimator';
export { splitTrials, nonDominationRanks, dominates } from './split';
export { erf, erfc, ndtr, logNdtr, logGaussMass, ndtriExp, truncnormPpf, truncnormLogPdf } from './truncnorm';
