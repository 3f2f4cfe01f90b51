/**
 * Real data shipped by the npm package `vega-datasets` (no download at run time): daily Seattle
 * weather 2012–2015 and the monthly Mauna Loa CO₂ concentration 1958–2020.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv';

function dataFile(name: string): string {
  // The package's export map only names its JS entry; the CSV files sit in data/ beside build/.
  const entry = require.resolve('vega-datasets');
  return path.join(path.dirname(entry), '..', 'data', name);
}

function number(value: string, column: string, row: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) {
    throw new Error(`${column} of row ${row} is not a number: '${value}'`);
  }
  return n;
}

/** One day of Seattle weather. */
export interface SeattleWeatherDay {
  /** ISO date, e.g. '2012-01-01'. */
  date: string;
  /** Precipitation in mm. */
  precipitation: number;
  /** Highest temperature in °C. */
  tempMax: number;
  /** Lowest temperature in °C. */
  tempMin: number;
  /** Mean wind speed in m/s. */
  wind: number;
  /** 'drizzle' | 'rain' | 'sun' | 'snow' | 'fog'. */
  weather: string;
}

/** The 1,461 days of `seattle-weather.csv`, in date order. */
export function loadSeattleWeather(): SeattleWeatherDay[] {
  return parseCsv(fs.readFileSync(dataFile('seattle-weather.csv'), 'utf8')).map((r, i) => ({
    date: r.date,
    precipitation: number(r.precipitation, 'precipitation', i),
    tempMax: number(r.temp_max, 'temp_max', i),
    tempMin: number(r.temp_min, 'temp_min', i),
    wind: number(r.wind, 'wind', i),
    weather: r.weather,
  }));
}

/** One month of the Mauna Loa CO₂ record. */
export interface Co2Month {
  /** ISO date of the month, e.g. '1958-03-01'. */
  date: string;
  /** CO₂ concentration in ppm. */
  co2: number;
  /** Seasonally adjusted concentration in ppm. */
  adjustedCo2: number;
}

/** The 741 months of `co2-concentration.csv`, in date order. */
export function loadCo2Concentration(): Co2Month[] {
  return parseCsv(fs.readFileSync(dataFile('co2-concentration.csv'), 'utf8')).map((r, i) => ({
    date: r.Date,
    co2: number(r.CO2, 'CO2', i),
    adjustedCo2: number(r['adjusted CO2'], 'adjusted CO2', i),
  }));
}
