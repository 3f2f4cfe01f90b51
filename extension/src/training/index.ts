export { plottedMetrics, trainingFigure } from './figure';
export type { TrainingFigureOptions } from './figure';
export { trainingSummary } from './summary';
export type { TrainingSummary } from './summary';
export { TRAINING_MIME, TrainingView } from './widget';
export type { TrainingViewOptions } from './widget';
