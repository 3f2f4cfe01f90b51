/**
 * The rnnlab display protocol: the payload types and MIME constants of the training and study
 * views, the static fallbacks (text and HTML with inline SVG) and the MIME bundles the kernel emits.
 * Pure data code: no tfjs, no DOM, no I/O.
 */
export { TRAINING_MIME, STUDY_MIME, TRAINING_STATUSES, STUDY_KINDS, STUDY_DIRECTIONS, STUDY_STATUSES, TRIAL_STATES } from './types';
export type {
  BatchRecord,
  CategoricalDistributionInfo,
  DistributionInfo,
  EpochRecord,
  FitParams,
  FloatDistributionInfo,
  IntDistributionInfo,
  IntermediateValue,
  LayerInfo,
  MetricLogs,
  MimeBundle,
  ModelInfo,
  ParamValue,
  StudyControls,
  StudyDirection,
  StudyKind,
  StudyPayload,
  StudyProgress,
  StudyStatus,
  StudyViewState,
  TrainingPayload,
  TrainingProgress,
  TrainingStatus,
  TrainingCallbacks,
  TrainingViewState,
  TrialRecord,
  TrialState,
} from './types';
export { toJsonNumber, toJsonNumbers, toJsonLogs, toJsonValue } from './json';
export type { JsonValue } from './json';
export { escapeHtml } from './escape';
export { formatCount, formatDuration, formatMetric, formatParam, MISSING } from './format';
export { lineChartSvg, CHART_PALETTE } from './svg';
export type { ChartSeries, LineChartOptions } from './svg';
export { trainingText, trainingHtml, trainingProgressText, metricColumns, LAST_EPOCHS } from './training-fallback';
export { studyText, studyHtml, leaderboardOrder, MAX_LEADERBOARD_ROWS } from './study-fallback';
export { trainingBundle, studyBundle } from './bundle';
export { historyHtml, historyText, svgSparkline, textSparkline, SPARKLINE_POINTS } from './history';
export type { HistoryInput } from './history';
export { estimateEta } from './eta';
export { isLossLike, kerasMetricName, tfjsMetricName } from './metric-names';
export { modelSummaryText, modelSummaryHtml, formatShape } from './model-summary';
export type { ModelSummaryInput } from './model-summary';
export { searchPayload } from './search-view';
export { searchLiveObserver } from './live-search';
export { studyPayload, studyViewBundle, trialRecord, distributionInfo } from './study-view';
