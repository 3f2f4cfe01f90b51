/**
 * The subset of plotly.js figures the views build. The pure figure builders return these plain objects,
 * so they are tested without plotly; `host.ts` hands them to `Plotly.react`.
 */

/** A value on an axis; null leaves a gap in a line. */
export type Datum = number | string | null;

/** Line style of a trace. */
export interface LineStyle {
  color?: string;
  width?: number;
  dash?: 'solid' | 'dash' | 'dot' | 'dashdot';
  shape?: 'linear' | 'hv';
}

/** Marker style of a trace. */
export interface MarkerStyle {
  color?: string | Datum[];
  size?: number | number[];
  symbol?: string | string[];
  line?: { color?: string; width?: number };
  opacity?: number;
  /** With numeric colours: the colour scale, its bounds and the colour bar. */
  colorscale?: string;
  reversescale?: boolean;
  cmin?: number;
  cmax?: number;
  showscale?: boolean;
  colorbar?: { title?: { text: string }; thickness?: number; len?: number };
}

/** A line or scatter trace. */
export interface ScatterTrace {
  type: 'scatter';
  name: string;
  x: Datum[];
  y: Datum[];
  mode: 'lines' | 'markers' | 'lines+markers';
  xaxis?: string;
  yaxis?: string;
  line?: LineStyle;
  marker?: MarkerStyle;
  customdata?: Datum[];
  hovertemplate?: string;
  showlegend?: boolean;
  legendgroup?: string;
  connectgaps?: boolean;
  opacity?: number;
}

/** A bar trace (horizontal for parameter importance). */
export interface BarTrace {
  type: 'bar';
  name: string;
  x: Datum[];
  y: Datum[];
  orientation: 'h' | 'v';
  marker?: MarkerStyle;
  hovertemplate?: string;
  text?: string[];
  textposition?: 'auto' | 'outside' | 'inside' | 'none';
  /** Where each bar starts (timelines: ISO start times on a date axis). */
  base?: Datum[];
  customdata?: Datum[];
  showlegend?: boolean;
  legendgroup?: string;
}

/** A contour trace: z on the grid of x by y. */
export interface ContourTrace {
  type: 'contour';
  name: string;
  x: number[];
  y: number[];
  z: (number | null)[][];
  colorscale: string;
  reversescale?: boolean;
  showscale: boolean;
  colorbar?: { title?: { text: string }; thickness?: number; len?: number };
  contours?: { coloring: 'fill' | 'heatmap' | 'lines' | 'none'; showlines?: boolean };
  connectgaps?: boolean;
  hoverinfo?: 'skip' | 'none' | 'all';
  opacity?: number;
  xaxis?: string;
  yaxis?: string;
}

/** A box trace with every point drawn beside its box (a strip plot). */
export interface BoxTrace {
  type: 'box';
  name: string;
  y: Datum[];
  boxpoints: 'all' | 'outliers' | false;
  jitter?: number;
  pointpos?: number;
  marker?: MarkerStyle;
  line?: LineStyle;
  hovertemplate?: string;
  showlegend?: boolean;
}

/** One axis of a parallel-coordinates plot. */
export interface ParcoordsDimension {
  label: string;
  values: number[];
  range?: [number, number];
  tickvals?: number[];
  ticktext?: string[];
  /** The reader's brushed range(s) on this axis. */
  constraintrange?: [number, number] | [number, number][];
}

/** A parallel-coordinates trace. */
export interface ParcoordsTrace {
  type: 'parcoords';
  name: string;
  dimensions: ParcoordsDimension[];
  line: { color: number[]; colorscale: string; showscale: boolean; reversescale?: boolean; colorbar?: { title?: { text: string } } };
  labelfont?: { color?: string; size?: number };
  tickfont?: { color?: string; size?: number };
  rangefont?: { color?: string; size?: number };
  /** Angle of the axis labels (tilted when many axes share the width). */
  labelangle?: number;
  labelside?: 'top' | 'bottom';
}

/** Any trace the views draw. */
export type PlotTrace = ScatterTrace | BarTrace | ParcoordsTrace | ContourTrace | BoxTrace;

/** An axis of the layout. */
export interface AxisLayout {
  title?: { text: string };
  type?: 'linear' | 'log' | 'category' | 'date';
  gridcolor?: string;
  zerolinecolor?: string;
  linecolor?: string;
  automargin?: boolean;
  domain?: [number, number];
  anchor?: string;
  rangemode?: 'normal' | 'tozero';
  tickformat?: string;
  dtick?: number;
  tick0?: number;
  range?: [number, number];
  autorange?: boolean | 'reversed';
  tickangle?: number;
  showticklabels?: boolean;
  tickvals?: Datum[];
  ticktext?: string[];
}

/** A figure layout: fixed fields plus `xaxis2`, `yaxis3`, ... for subplots. */
export interface PlotLayout {
  uirevision: string;
  height: number;
  margin: { l: number; r: number; t: number; b: number };
  paper_bgcolor: string;
  plot_bgcolor?: string;
  font: { color: string; family: string; size: number };
  showlegend: boolean;
  legend?: { orientation: 'h' | 'v'; x?: number; y?: number; xanchor?: string; yanchor?: string };
  grid?: { rows: number; columns: number; pattern: 'independent'; xgap?: number; ygap?: number };
  hovermode?: 'closest' | 'x' | 'x unified';
  barmode?: 'overlay' | 'group' | 'stack';
  annotations?: {
    text: string;
    x: number;
    y: number;
    xref: string;
    yref: string;
    showarrow: boolean;
    font?: { size?: number; color?: string };
    xanchor?: 'left' | 'center' | 'right';
    yanchor?: 'top' | 'middle' | 'bottom';
  }[];
  /** Lines drawn over the plot area (the training view's best-epoch marker). */
  shapes?: { type: 'line'; x0: number; x1: number; y0: number; y1: number; xref: string; yref: string; line: { color: string; width: number; dash: 'dot' | 'dash' | 'solid' } }[];
  [axis: `xaxis${string}` | `yaxis${string}`]: AxisLayout | undefined;
}

/** A figure: what one `Plotly.react` call draws. */
export interface Figure {
  traces: PlotTrace[];
  layout: PlotLayout;
}

/** Colours read from the JupyterLab theme (CSS variables), so plots follow light and dark themes. */
export interface ThemeColors {
  font: string;
  fontFamily: string;
  grid: string;
  accent: string;
  second: string;
  success: string;
  warn: string;
  error: string;
  muted: string;
}
