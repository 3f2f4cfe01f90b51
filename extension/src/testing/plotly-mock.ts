/** A stand-in for plotly.js (jsdom has no canvas or SVG layout): it records every call. */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import type { PlotlyApi, PlotlyLoader, PlotLayout, PlotTrace } from '../plot';

/** One recorded `react` call. */
export interface ReactCall {
  node: HTMLElement;
  data: PlotTrace[];
  layout: PlotLayout;
}

/** The mock and its records. */
export interface PlotlyMock {
  api: PlotlyApi;
  load: PlotlyLoader;
  calls: ReactCall[];
  purged: HTMLElement[];
  /** Fires a plotly_click on a node, as plotly would. */
  click(node: HTMLElement, customdata: unknown): void;
  /** Fires a plotly_restyle on a node, as a parcoords brush does: `restyle(node, { 'dimensions[0].constraintrange': [[1, 2]] })`. */
  restyle(node: HTMLElement, changes: Record<string, unknown>): void;
}

/** Makes a plotly stand-in. */
export function mockPlotly(): PlotlyMock {
  const calls: ReactCall[] = [];
  const purged: HTMLElement[] = [];
  const handlers = new Map<HTMLElement, Map<string, (event: unknown) => void>>();
  const api: PlotlyApi = {
    react: async (node, data, layout) => {
      calls.push({ node, data, layout });
      (node as HTMLElement & { on?: unknown }).on = (event: string, handler: (event: unknown) => void) => {
        const byEvent = handlers.get(node) ?? new Map<string, (event: unknown) => void>();
        byEvent.set(event, handler);
        handlers.set(node, byEvent);
      };
      return node;
    },
    purge: (node) => {
      purged.push(node);
    },
    Plots: { resize: () => undefined },
  };
  return {
    api,
    load: async () => api,
    calls,
    purged,
    click: (node, customdata) => handlers.get(node)?.get('plotly_click')?.({ points: [{ customdata, curveNumber: 0 }] }),
    restyle: (node, changes) => handlers.get(node)?.get('plotly_restyle')?.([changes, [0]]),
  };
}

/** A MIME model as JupyterLab hands it to a renderer. */
export function mimeModel(mime: string, payload: unknown): IRenderMime.IMimeModel & { written: unknown[] } {
  // Like JupyterLab's output model: setData replaces the data, which the notebook then saves.
  const model = {
    data: { [mime]: payload } as Record<string, unknown>,
    metadata: {},
    trusted: true,
    written: [] as unknown[],
    setData(options: { data?: Record<string, unknown> }) {
      if (options.data) {
        model.data = { ...options.data };
        model.written.push(options.data[mime]);
      }
    },
  };
  return model as unknown as IRenderMime.IMimeModel & { written: unknown[] };
}
