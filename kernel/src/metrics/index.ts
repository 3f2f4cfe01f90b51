/**
 * scikit-learn's metrics in camelCase, with its semantics: classification (`accuracyScore`,
 * `precisionScore`, `recallScore`, `f1Score`, `confusionMatrix`, `classificationReport`), scores and
 * probabilities (`rocAucScore`, `logLoss`) and regression (`meanSquaredError`, `meanAbsoluteError`,
 * `r2Score`). Inputs are arrays, column vectors or tfjs tensors.
 */
export { accuracyScore, confusionMatrix, f1Score, precisionRecallFscoreSupport, precisionScore, recallScore } from './classification';
export type { Average, ConfusionMatrixOptions, PrfOptions, PrfResult, ZeroDivision } from './classification';
export { logLoss, rocAucScore } from './ranking';
export type { RocAucOptions } from './ranking';
export { meanAbsoluteError, meanSquaredError, r2Score } from './regression';
export type { RegressionOptions } from './regression';
export { classificationReport, ClassificationReportTable } from './report';
export type { ClassificationReportOptions, ReportDict, ReportRow } from './report';
export { labelKey, sortedLabels, toLabels } from './inputs';
export type { Label, LabelInput, NumericInput } from './inputs';
export { pythonFixed } from './format';
