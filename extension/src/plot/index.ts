export { PlotHost } from './host';
export type { PlotHostOptions } from './host';
export { loadPlotly } from './plotly';
export type { PlotlyApi, PlotlyElement, PlotlyLoader } from './plotly';
export { integerAxis, isLossLike } from './axis';
export { FALLBACK_COLORS, baseLayout, emptyFigure, hideLegend, readTheme } from './theme';
export { Throttle } from './throttle';
export type {
  AxisLayout,
  BarTrace,
  Datum,
  Figure,
  LineStyle,
  MarkerStyle,
  ParcoordsDimension,
  ParcoordsTrace,
  ContourTrace,
  BoxTrace,
  PlotLayout,
  PlotTrace,
  ScatterTrace,
  ThemeColors,
} from './types';
