import type { Figure, PlotLayout, ThemeColors } from './types';

/** Colours used where no JupyterLab theme is loaded (tests, a bare page). */
export const FALLBACK_COLORS: ThemeColors = {
  font: '#333333',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif',
  grid: 'rgba(128,128,128,0.25)',
  accent: '#1976d2',
  second: '#ef6c00',
  success: '#388e3c',
  warn: '#f57c00',
  error: '#d32f2f',
  muted: '#9e9e9e',
};

const VARIABLES: Record<keyof ThemeColors, string> = {
  font: '--jp-ui-font-color1',
  fontFamily: '--jp-ui-font-family',
  grid: '--jp-border-color2',
  accent: '--jp-brand-color1',
  second: '--jp-warn-color1',
  success: '--jp-success-color1',
  warn: '--jp-warn-color0',
  error: '--jp-error-color1',
  muted: '--jp-ui-font-color3',
};

/** Reads the theme colours from the CSS variables in effect at `node`. */
export function readTheme(node: Element): ThemeColors {
  const style = getComputedStyle(node);
  const colors = { ...FALLBACK_COLORS };
  for (const key of Object.keys(VARIABLES) as (keyof ThemeColors)[]) {
    const value = style.getPropertyValue(VARIABLES[key]).trim();
    if (value) colors[key] = value;
  }
  return colors;
}

/** The layout fields every figure shares: transparent background, theme font, a given height. */
export function baseLayout(colors: ThemeColors, uirevision: string, height: number): PlotLayout {
  return {
    uirevision,
    height,
    margin: { l: 56, r: 16, t: 24, b: 40 },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { color: colors.font, family: colors.fontFamily, size: 11 },
    showlegend: true,
    legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
    hovermode: 'closest',
  };
}

/**
 * Turns the legend off and drops its settings: plotly has nothing to place then (and its
 * `Plotly.validate` fails on legend settings of a figure without a legend).
 */
export function hideLegend(layout: PlotLayout): void {
  layout.showlegend = false;
  delete layout.legend;
}

/** A figure with no data and a centred note, e.g. "no intermediate values reported". */
export function emptyFigure(colors: ThemeColors, uirevision: string, note: string, height = 160): Figure {
  return {
    traces: [],
    layout: {
      ...withoutLegend(baseLayout(colors, uirevision, height)),
      xaxis: { gridcolor: colors.grid, zerolinecolor: colors.grid },
      yaxis: { gridcolor: colors.grid, zerolinecolor: colors.grid },
      annotations: [{ text: note, x: 0.5, y: 0.5, xref: 'paper', yref: 'paper', showarrow: false, font: { size: 12 } }],
    },
  };
}

function withoutLegend(layout: PlotLayout): PlotLayout {
  hideLegend(layout);
  return layout;
}
