/**
 * The two tutorial tasks prepared end to end (the steps notebook 01 walks through one by one):
 * windows over the series, a time-ordered split, and standardisation fitted on the training part.
 */
import { loadCo2Concentration, loadSeattleWeather } from './datasets';
import { StandardScaler } from './scaler';
import { type TimeSplitOptions, timeSplitSizes } from './split';
import { slidingWindows } from './windows';

/** One part of a prepared task. */
export interface TaskPart<T> {
  X: number[][][];
  y: T[];
  /** The date of each sample's target. */
  dates: string[];
}

export interface PreparedTask<T> {
  train: TaskPart<T>;
  validation: TaskPart<T>;
  test: TaskPart<T>;
  /** Feature names, in the order of the last axis of X. */
  features: string[];
  /** The scaler fitted on the training windows (already applied to every part). */
  scaler: StandardScaler;
}

export interface TaskOptions extends TimeSplitOptions {
  /** Steps per input sequence. */
  windowSize?: number;
}

function split<T>(X: number[][][], y: T[], dates: string[], options: TimeSplitOptions): Omit<PreparedTask<T>, 'features' | 'scaler'> {
  const sizes = timeSplitSizes(X.length, options);
  const part = (from: number, to: number): TaskPart<T> => ({ X: X.slice(from, to), y: y.slice(from, to), dates: dates.slice(from, to) });
  const a = sizes.train;
  const b = a + sizes.validation;
  return { train: part(0, a), validation: part(a, b), test: part(b, X.length) };
}

function standardise<T>(parts: Omit<PreparedTask<T>, 'features' | 'scaler'>): { parts: typeof parts; scaler: StandardScaler } {
  const scaler = new StandardScaler().fit(parts.train.X);
  for (const p of [parts.train, parts.validation, parts.test]) p.X = scaler.transform(p.X);
  return { parts, scaler };
}

/**
 * Seattle weather: from the last `windowSize` days (precipitation, max and min temperature, wind, and
 * the season as sine and cosine of the day of the year) predict whether it rains tomorrow (1) or not (0).
 */
export function rainTomorrowDataset(options: TaskOptions = {}): PreparedTask<number> {
  const { windowSize = 14, ...splitOptions } = options;
  const days = loadSeattleWeather();
  const features = ['precipitation', 'tempMax', 'tempMin', 'wind', 'seasonSin', 'seasonCos'];
  const rows = days.map((d) => {
    const start = Date.UTC(Number(d.date.slice(0, 4)), 0, 1);
    const dayOfYear = (Date.parse(`${d.date}T00:00:00Z`) - start) / 86_400_000;
    const angle = (2 * Math.PI * dayOfYear) / 365.25;
    return [d.precipitation, d.tempMax, d.tempMin, d.wind, Math.sin(angle), Math.cos(angle)];
  });
  const rain = days.map((d) => (d.precipitation > 0 ? 1 : 0));
  const w = slidingWindows(rows, rain, { windowSize });
  const { parts, scaler } = standardise(split(w.X, w.y, w.targetIndex.map((i) => days[i].date), splitOptions));
  return { ...parts, features, scaler };
}

/**
 * Mauna Loa CO₂: from the last `windowSize` monthly changes (ppm) predict next month's change — a
 * stationary series, unlike the level, whose trend leaves the training range. The target is in ppm
 * (not standardised), so errors read directly in ppm.
 */
export function co2ChangeDataset(options: TaskOptions = {}): PreparedTask<number> {
  const { windowSize = 24, ...splitOptions } = options;
  const months = loadCo2Concentration();
  const change = months.slice(1).map((m, i) => m.co2 - months[i].co2);
  const w = slidingWindows(change.map((c) => [c]), change, { windowSize });
  const { parts, scaler } = standardise(split(w.X, w.y, w.targetIndex.map((i) => months[i + 1].date), splitOptions));
  return { ...parts, features: ['co2Change'], scaler };
}
