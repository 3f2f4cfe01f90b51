/** Pruners: the interface, MedianPruner, PercentilePruner, SuccessiveHalvingPruner, HyperbandPruner and NopPruner. */
export type { Pruner, PrunerStudy } from './base';
export { isPruner } from './base';
export { NopPruner } from './nop';
export { PercentilePruner, nanPercentile } from './percentile';
export type { PercentilePrunerOptions } from './percentile';
export { MedianPruner } from './median';
export type { MedianPrunerOptions } from './median';
export { SuccessiveHalvingPruner, completedRungKey } from './successive-halving';
export type { SuccessiveHalvingPrunerOptions } from './successive-halving';
export { HyperbandPruner, crc32 } from './hyperband';
export type { HyperbandPrunerOptions } from './hyperband';
