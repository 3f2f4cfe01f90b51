/**
 * Lazy access to plotly.js: the bundle (several MB) is fetched by a dynamic import, so webpack puts it in
 * a chunk of its own that loads the first time a view draws, not when JupyterLab starts.
 */
import type { PlotLayout, PlotTrace } from './types';

/** A plot element once plotly has drawn in it: it emits plotly events. */
export interface PlotlyElement extends HTMLElement {
  on(event: 'plotly_click', handler: (event: { points: { customdata?: unknown; curveNumber: number }[] }) => void): void;
  /** A restyle, also what a parcoords brush emits: `[{ 'dimensions[2].constraintrange': [[lo, hi]] }, [0]]`. */
  on(event: 'plotly_restyle', handler: (event: [Record<string, unknown>, number[]?]) => void): void;
  removeAllListeners?(event: string): void;
}

/** The plotly.js functions the views call. */
export interface PlotlyApi {
  react(node: HTMLElement, data: PlotTrace[], layout: PlotLayout, config: Record<string, unknown>): Promise<unknown>;
  purge(node: HTMLElement): void;
  Plots: { resize(node: HTMLElement): Promise<unknown> | void };
}

/** Loads plotly (or, in tests, a stand-in). */
export type PlotlyLoader = () => Promise<PlotlyApi>;

let loading: Promise<PlotlyApi> | null = null;

/** Loads `plotly.js-dist-min` once, from its own chunk. */
export const loadPlotly: PlotlyLoader = () => {
  if (loading === null) {
    loading = import(/* webpackChunkName: "plotly" */ 'plotly.js-dist-min').then(
      (module) => ((module as { default?: PlotlyApi }).default ?? module) as PlotlyApi,
    );
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
};
