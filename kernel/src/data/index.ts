/** Data for the tutorials: shipped tables, sliding windows, time-ordered splits, standardisation. */
export { loadCo2Concentration, loadSeattleWeather } from './datasets';
export type { Co2Month, SeattleWeatherDay } from './datasets';
export { parseCsv } from './csv';
export { slidingWindows } from './windows';
export type { SlidingWindowOptions, Windows } from './windows';
export { timeSplitSizes, trainValTestSplit } from './split';
export type { TimeSplit, TimeSplitOptions } from './split';
export { StandardScaler } from './scaler';
export { co2ChangeDataset, rainTomorrowDataset } from './tasks';
export type { PreparedTask, TaskOptions, TaskPart } from './tasks';
