/**
 * The real plotly.js (`plotly.js-dist-min`, the bundle the extension ships) loaded into a jsdom window
 * of its own, for `Plotly.validate`: a figure that passes is one plotly accepts key for key.
 */
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Figure } from '../plot';

/** One problem `Plotly.validate` reports. */
export interface PlotlyIssue {
  code: string;
  msg: string;
}

interface PlotlyValidator {
  version: string;
  validate(data: unknown[], layout: unknown): PlotlyIssue[] | undefined;
}

let plotly: PlotlyValidator | null = null;

/** Loads plotly once (about two seconds). */
export function realPlotly(): PlotlyValidator {
  if (plotly) return plotly;
  // jsdom has no canvas: plotly's start-up probes one and goes on without it.
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { runScripts: 'outside-only', pretendToBeVisual: true, virtualConsole: new VirtualConsole() });
  const window = dom.window as unknown as Record<string, unknown> & { eval(code: string): unknown; HTMLCanvasElement: { prototype: { getContext: () => null } } };
  window.TextDecoder = TextDecoder;
  window.TextEncoder = TextEncoder;
  window.HTMLCanvasElement.prototype.getContext = () => null;
  window.eval(readFileSync(require.resolve('plotly.js-dist-min/plotly.min.js'), 'utf8'));
  plotly = window.Plotly as PlotlyValidator;
  return plotly;
}

/** The problems plotly finds in a figure (none: an empty list). */
export function plotlyIssues(figure: Figure): string[] {
  // Plotly reads plain JSON, as `Plotly.react` gets it after the structured clone of a message.
  const { traces, layout } = JSON.parse(JSON.stringify(figure)) as { traces: unknown[]; layout: unknown };
  return (realPlotly().validate(traces, layout) ?? [])
    .filter((issue) => !sameValueReset(issue))
    .map((issue) => `${issue.code}: ${issue.msg}`);
}

/**
 * A 'dynamic' issue that reports a value reset to the same value: Plotly.validate compares the items of
 * a nested array (a parcoords axis' several brushed ranges) by reference, so equal copies read as changed.
 */
function sameValueReset(issue: PlotlyIssue): boolean {
  const match = /\(set to '(.*)'\) got reset to '(.*)' during defaults/.exec(issue.msg);
  return issue.code === 'dynamic' && match !== null && match[1] === match[2];
}
