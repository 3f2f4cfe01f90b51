/**
 * The study view's chart panels: which plots a payload gets, one plot area each, a pair of parameter
 * pickers for the contour and rank plots, and the panels left out with the reason (an empty panel is
 * hidden rather than drawn blank).
 */
import { h, setText } from '../common';
import type { StudyPayload, Trial } from '../payload';
import { PlotHost } from '../plot';
import type { Figure, PlotlyLoader } from '../plot';
import { chosenPair, contourFigure, edfFigure, rankFigure, sliceFigure, timelineFigure } from './analysis';
import type { AnalysisOptions } from './analysis';
import { historyFigure, importanceFigure, intermediateFigure } from './charts';
import { foldFigure, hasFoldScores } from './folds';
import { isSearch, paramNames } from './leaderboard';
import { type AxisRanges, parallelFigure, rangesOfRestyle } from './parallel';

/** What every panel's builder gets. */
export type PanelOptions = AnalysisOptions & { logScale: boolean; ranges?: AxisRanges };

interface PanelSpec {
  key: string;
  title: string;
  label: string;
  /** Whether the payload gets this panel at all, or why not (a note under the charts). */
  applies: (payload: StudyPayload) => true | string | false;
  build: (payload: StudyPayload, trials: readonly Trial[], options: PanelOptions) => Figure;
  /** Shows the parameter pickers of the contour and rank plots. */
  pickers?: boolean;
}

const PANELS: readonly PanelSpec[] = [
  {
    key: 'folds',
    title: 'Fold scores',
    label: 'test score of each fold, by candidate',
    applies: (p) => isSearch(p) && hasFoldScores(p),
    build: foldFigure,
  },
  {
    key: 'intermediate',
    title: 'Intermediate values',
    label: 'intermediate values of every trial',
    applies: (p) => !isSearch(p) && p.trials.some((t) => t.intermediateValues.length > 0),
    build: intermediateFigure,
  },
  { key: 'history', title: 'Optimization history', label: 'optimization history', applies: () => true, build: (p, _t, o) => historyFigure(p, o) },
  { key: 'parallel', title: 'Parallel coordinates', label: 'parallel coordinates of parameters and objective', applies: () => true, build: parallelFigure },
  {
    key: 'importance',
    title: 'Parameter importance',
    label: 'parameter importance',
    applies: (p) => (p.importance !== null && Object.keys(p.importance).length > 0 ? true : (p.importanceNote ?? false)),
    build: (p, _t, o) => importanceFigure(p, o),
  },
  { key: 'slice', title: 'Slice', label: 'objective against each parameter', applies: () => true, build: sliceFigure },
  {
    key: 'contour',
    title: 'Contour',
    label: 'objective over two parameters',
    applies: (p) => paramNames(p).length >= 2 || 'contour and rank plots need two parameters',
    build: contourFigure,
    pickers: true,
  },
  { key: 'rank', title: 'Rank', label: 'trials over two parameters by rank', applies: (p) => paramNames(p).length >= 2, build: rankFigure },
  { key: 'edf', title: 'EDF', label: 'empirical distribution of the objective', applies: () => true, build: edfFigure },
  { key: 'timeline', title: 'Timeline', label: 'when each trial ran', applies: () => true, build: timelineFigure },
];

interface Panel {
  spec: PanelSpec;
  section: HTMLElement;
  host: PlotHost;
}

/** The panels of one study view. */
export class ChartPanels {
  /** The element holding the panels and the notes. */
  readonly node: HTMLElement;
  private readonly panels: Panel[];
  private readonly notes: HTMLElement;
  private readonly pickX: HTMLSelectElement;
  private readonly pickY: HTMLSelectElement;
  private pickerKey = '';
  private chosen: [string, string] | null = null;
  /** The pair the pickers show. */
  private shownPair: [string, string] | null = null;

  /**
   * @param loader - loads plotly
   * @param onSelect - called with a clicked trial number
   * @param onPairChange - called when the reader picks other contour parameters
   * @param onBrush - called when the reader brushes (or clears) a parallel-coordinates axis, with its index and ranges
   */
  constructor(
    loader: PlotlyLoader,
    onSelect: (customdata: unknown) => void,
    private readonly onPairChange: () => void,
    onBrush: (axis: number, ranges: [number, number][]) => void = () => undefined,
  ) {
    this.pickX = h('select', { className: 'rnnlab-pick rnnlab-pick-x', attrs: { 'aria-label': 'contour x parameter' } });
    this.pickY = h('select', { className: 'rnnlab-pick rnnlab-pick-y', attrs: { 'aria-label': 'contour y parameter' } });
    for (const [select, other] of [
      [this.pickX, this.pickY],
      [this.pickY, this.pickX],
    ] as const) {
      select.addEventListener('change', () => {
        // Picking the other axis' parameter swaps the two.
        if (select.value === other.value) other.value = select === this.pickX ? (this.shownPair?.[0] ?? '') : (this.shownPair?.[1] ?? '');
        this.chosen = [this.pickX.value, this.pickY.value];
        this.onPairChange();
      });
    }
    this.panels = PANELS.map((spec) => {
      const onRestyle =
        spec.key === 'parallel'
          ? (changes: Record<string, unknown>) => {
              for (const [key, value] of Object.entries(changes)) {
                const match = /^dimensions\[(\d+)\]\.constraintrange$/.exec(key);
                if (match) onBrush(Number(match[1]), rangesOfRestyle(value));
              }
            }
          : undefined;
      const host = new PlotHost(loader, { label: spec.label, onClick: onSelect, onRestyle });
      const heading = h('h4', { className: 'rnnlab-chart-title', text: spec.title });
      const pickers = spec.pickers ? [h('div', { className: 'rnnlab-pickers', children: [this.pickX, h('span', { text: '×' }), this.pickY] })] : [];
      const section = h('section', { className: `rnnlab-chart rnnlab-chart-${spec.key}`, attrs: { 'data-chart': spec.key }, children: [heading, ...pickers, host.node] });
      return { spec, section, host };
    });
    this.notes = h('div', { className: 'rnnlab-meta rnnlab-chart-notes' });
    this.node = h('div', { className: 'rnnlab-charts-block', children: [h('div', { className: 'rnnlab-charts', children: this.panels.map((p) => p.section) }), this.notes] });
  }

  /** The contour and rank plots' parameters as chosen by the reader, or null for the default pair. */
  get pair(): [string, string] | null {
    return this.chosen;
  }

  /** Takes a saved pair (a reloaded notebook's view state). */
  restorePair(pair: [string, string] | null): void {
    this.chosen = pair;
    this.pickerKey = '';
  }

  /** Redraws the panels that apply to `payload`, hides the others and lists why. */
  async draw(payload: StudyPayload, trials: readonly Trial[], options: Omit<PanelOptions, 'pair'>): Promise<void> {
    this.updatePickers(payload);
    const reasons: string[] = [];
    const shown: { panel: Panel; figure: Figure }[] = [];
    for (const panel of this.panels) {
      const applies = panel.spec.applies(payload);
      if (applies !== true) {
        panel.section.hidden = true;
        if (typeof applies === 'string') reasons.push(`${panel.spec.title}: ${applies}`);
        continue;
      }
      const figure = panel.spec.build(payload, trials, { ...options, pair: chosenPair(payload, this.chosen) });
      // An empty figure (no trial to plot yet) hides its panel instead of a blank box.
      panel.section.hidden = figure.traces.length === 0;
      if (!panel.section.hidden) shown.push({ panel, figure });
    }
    setText(this.notes, reasons.join(' · '));
    for (const { panel, figure } of shown) await panel.host.draw(figure);
  }

  /** Frees plotly's resources. */
  dispose(): void {
    for (const panel of this.panels) panel.host.dispose();
  }

  private updatePickers(payload: StudyPayload): void {
    const names = paramNames(payload);
    const pair = chosenPair(payload, this.chosen);
    this.shownPair = pair;
    const key = `${names.join('\n')}|${pair?.join('\n') ?? ''}`;
    if (key === this.pickerKey) return;
    this.pickerKey = key;
    for (const [select, value] of [
      [this.pickX, pair?.[0]],
      [this.pickY, pair?.[1]],
    ] as const) {
      select.replaceChildren(...names.map((name) => h('option', { text: name, attrs: { value: name } })));
      if (value !== undefined) select.value = value;
    }
  }
}
