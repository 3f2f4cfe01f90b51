/**
 * The study / search view: a header (name, kind, status badge, progress, Stop / Prune, CSV export),
 * the leaderboard, and four charts (intermediate values, optimization history or Pareto front, parallel
 * coordinates, parameter importance). Live updates re-render the table's current page at once and
 * redraw the charts at most once per throttle interval.
 */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';
import { createBadge, errorBox, h, sameViewState, setText, updateBadge, toggleButton, watchTheme, writeViewState } from '../common';
import { ControlBar } from '../controls';
import type { ControlSender } from '../controls';
import { checkStudy } from '../payload';
import type { StudyPayload, StudyViewState } from '../payload';
import { Throttle, isLossLike, readTheme } from '../plot';
import type { PlotlyLoader, ThemeColors } from '../plot';
import type { IKernelLocator } from '../tokens';
import { FILTER_OF_STATE, toCsv } from './leaderboard';
import { LeaderboardTable } from './leaderboard-table';
import { ChartPanels } from './panels';
import { type AxisRanges, brushedTrials, parallelAxisName } from './parallel';
import { studySummary } from './summary';

/** MIME type of a study or search. */
export const STUDY_MIME = 'application/vnd.rnnlab.study.v1+json';

/** Options of a {@link StudyView}. */
export interface StudyViewOptions {
  loadPlotly: PlotlyLoader;
  /** Finds the notebook's kernel for Stop / Prune; null outside JupyterLab. */
  locator: IKernelLocator | null;
  /** Sends control requests (tests inject a stand-in). */
  send?: ControlSender;
  /** Shortest time between two chart redraws, in ms. */
  throttleMs?: number;
}

const KIND_LABELS: Record<StudyPayload['kind'], string> = {
  study: 'study',
  grid_search: 'grid search',
  randomized_search: 'randomized search',
};

interface Parts {
  title: HTMLElement;
  kind: HTMLElement;
  badge: HTMLElement;
  progress: HTMLElement;
  bar: HTMLElement;
  best: HTMLElement;
  controls: ControlBar;
  logToggle: HTMLButtonElement;
  table: LeaderboardTable;
  panels: ChartPanels;
}

/** Renders `application/vnd.rnnlab.study.v1+json`. */
export class StudyView extends Widget implements IRenderMime.IRenderer {
  private payload: StudyPayload | null = null;
  private model: IRenderMime.IMimeModel | null = null;
  private parts: Parts | null = null;
  private logScale = false;
  /** Brushed parallel-coordinates ranges by axis name. */
  private ranges: Record<string, [number, number][]> = {};
  private readonly throttle: Throttle;
  private drawWhenAttached = false;
  private readonly stopWatchingTheme: () => void;

  constructor(private readonly options: StudyViewOptions) {
    super();
    this.addClass('rnnlab-view');
    this.addClass('rnnlab-study');
    this.throttle = new Throttle(() => this.drawCharts(), options.throttleMs ?? 400);
    this.stopWatchingTheme = watchTheme(() => this.throttle.request());
  }

  /** Shows a payload; called by JupyterLab for the first display and every update. */
  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const checked = checkStudy(model.data[STUDY_MIME]);
    if (!checked.ok) {
      this.showInvalid(checked.reason);
      return;
    }
    const payload = checked.payload;
    this.payload = payload;
    this.model = model;
    const parts = (this.parts ??= this.build());
    const saved = payload.viewState;
    if (saved && !sameViewState(saved, this.viewState())) this.restore(parts, saved);
    this.updateHeader(parts, payload);
    parts.table.update(payload);
    this.applyBrushes(parts);
    // The kernel's final update carries no view state: write the reader's back for the saved notebook.
    if (!saved && payload.status !== 'running' && Object.keys(this.viewState()).length > 0) this.saveViewState();
    this.updateControls(parts);
    this.throttle.request();
  }

  /** The reader's settings that differ from the defaults (sort by rank, every state shown, nothing selected). */
  viewState(): StudyViewState {
    const table = this.parts?.table;
    if (!table) return {};
    const state: StudyViewState = {};
    const order = table.sortOrder;
    if (order.key !== 'rank' || order.descending) state.sort = { column: order.key, descending: order.descending };
    if (table.hiddenFilters.length > 0) state.hiddenStates = table.hiddenFilters;
    if (table.selection !== null) state.selectedTrial = table.selection;
    const pair = this.parts?.panels.pair;
    if (pair) state.contourParams = pair;
    if (this.logScale) state.logScale = true;
    const brushed = Object.keys(this.ranges).sort();
    if (brushed.length > 0) state.parallelRanges = Object.fromEntries(brushed.map((name) => [name, this.ranges[name]]));
    return state;
  }

  private restore(parts: Parts, saved: StudyViewState): void {
    parts.table.restore({
      order: saved.sort ? { key: saved.sort.column, descending: saved.sort.descending } : { key: 'rank', descending: false },
      hidden: saved.hiddenStates ?? [],
      selected: saved.selectedTrial ?? null,
    });
    parts.panels.restorePair(saved.contourParams ?? null);
    this.logScale = saved.logScale === true;
    parts.logToggle.setAttribute('aria-pressed', String(this.logScale));
    this.ranges = { ...(saved.parallelRanges ?? {}) };
  }

  /** The trials the parallel-coordinates chart draws: those of the state filters shown. */
  private drawnTrials(parts: Parts, payload: StudyPayload): StudyPayload['trials'] {
    return payload.trials.filter((trial) => parts.table.isShown(FILTER_OF_STATE[trial.state]));
  }

  /** Filters the table to the trials inside every brushed range. */
  private applyBrushes(parts: Parts): void {
    const payload = this.payload;
    if (!payload) return;
    const ranges: AxisRanges = this.ranges;
    const inside = Object.keys(ranges).length === 0 ? null : brushedTrials(payload, payload.trials, ranges, this.drawnTrials(parts, payload));
    parts.table.setBrushed(inside === null ? null : new Set(inside.map((trial) => trial.number)));
  }

  /** A brush on the parallel coordinates' axis `index` (no ranges: cleared). */
  private brush(index: number, ranges: [number, number][]): void {
    const { payload, parts } = this;
    if (!payload || !parts) return;
    const name = parallelAxisName(payload, this.drawnTrials(parts, payload), index);
    if (name === null) return;
    if (ranges.length > 0) this.ranges = { ...this.ranges, [name]: ranges };
    else this.ranges = Object.fromEntries(Object.entries(this.ranges).filter(([key]) => key !== name));
    this.applyBrushes(parts);
    this.updateControls(parts);
    this.saveViewState();
  }

  private saveViewState(): void {
    if (this.model) writeViewState(this.model, STUDY_MIME, { ...this.viewState() });
  }

  /** The leaderboard (for tests). */
  get table(): LeaderboardTable | null {
    return this.parts?.table ?? null;
  }

  /** Resolves when every requested redraw is done (for tests and benchmarks). */
  flush(): Promise<void> {
    return this.throttle.flush();
  }

  /** The CSV of the leaderboard as shown (filters and sort applied). */
  csv(): string {
    return this.payload && this.parts ? toCsv(this.payload, this.parts.table.visibleRows) : '';
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.throttle.dispose();
    this.stopWatchingTheme();
    this.disposeParts();
    super.dispose();
  }

  protected override onAfterAttach(): void {
    this.parts?.controls.refresh();
    if (this.drawWhenAttached) {
      this.drawWhenAttached = false;
      this.throttle.request();
    }
  }

  private disposeParts(): void {
    if (!this.parts) return;
    this.parts.controls.dispose();
    this.parts.panels.dispose();
    this.parts = null;
  }

  private showInvalid(reason: string): void {
    this.disposeParts();
    this.payload = null;
    this.node.replaceChildren(errorBox('rnnlab: this study view cannot be shown', reason));
  }

  private build(): Parts {
    const title = h('span', { className: 'rnnlab-title' });
    const kind = h('span', { className: 'rnnlab-kind' });
    const badge = createBadge();
    const progress = h('span', { className: 'rnnlab-progress-text' });
    const bar = h('div', { className: 'rnnlab-progress-bar' });
    const best = h('div', { className: 'rnnlab-meta rnnlab-best-line' });
    const controls = new ControlBar(this.node, this.options.locator, this.options.send);
    const exportButton = h('button', {
      className: 'rnnlab-button rnnlab-export',
      text: '⤓ CSV',
      title: 'Download the leaderboard as shown (filters and sort applied) as CSV',
      attrs: { type: 'button' },
    });
    exportButton.addEventListener('click', () => this.downloadCsv());
    const table = new LeaderboardTable(() => {
      // A state filter changes the trials the parallel coordinates draw, so re-apply the brushes.
      if (this.parts) this.applyBrushes(this.parts);
      this.updateControls(this.parts);
      this.saveViewState();
      this.throttle.request();
    });
    const select = (value: unknown): void => {
      if (typeof value === 'number') table.select(value);
    };
    const panels = new ChartPanels(
      this.options.loadPlotly,
      select,
      () => {
        this.saveViewState();
        this.throttle.request();
      },
      (axis, ranges) => this.brush(axis, ranges),
    );
    const logToggle = toggleButton('log scale', 'Toggle a logarithmic value axis (losses and errors only)', (pressed) => {
      this.logScale = pressed;
      this.saveViewState();
      this.throttle.request();
    });
    this.node.replaceChildren(
      h('div', {
        className: 'rnnlab-body',
        children: [
          h('div', {
            className: 'rnnlab-header',
            children: [
              h('div', { className: 'rnnlab-heading', children: [title, kind, badge, progress] }),
              h('div', { className: 'rnnlab-toolbar', children: [controls.node, logToggle, exportButton] }),
            ],
          }),
          h('div', { className: 'rnnlab-progress', attrs: { 'aria-hidden': 'true' }, children: [bar] }),
          best,
          table.node,
          panels.node,
        ],
      }),
    );
    return { title, kind, badge, progress, bar, best, controls, logToggle, table, panels };
  }

  private updateHeader(parts: Parts, payload: StudyPayload): void {
    setText(parts.title, payload.name);
    setText(parts.kind, KIND_LABELS[payload.kind]);
    parts.logToggle.hidden = !isLossLike(payload.valueNames[0] ?? '');
    updateBadge(parts.badge, payload.status);
    const summary = studySummary(payload);
    setText(parts.progress, summary.progress);
    parts.bar.style.width = `${(summary.fraction * 100).toFixed(1)}%`;
    setText(parts.best, summary.best);
  }

  private updateControls(parts: Parts | null): void {
    const payload = this.payload;
    if (!parts || !payload) return;
    const running = payload.trials.filter((trial) => trial.state === 'RUNNING');
    const selected = parts.table.selection;
    const selectedRunning = running.find((trial) => trial.number === selected);
    const pruneTarget = selectedRunning ? selectedRunning.number : running.length === 1 ? running[0].number : null;
    parts.controls.update({ controls: payload.controls, status: payload.status, kind: payload.kind, pruneTarget, running: running.map((trial) => trial.number) });
  }

  private async drawCharts(): Promise<void> {
    const { payload, parts } = this;
    if (!payload || !parts) return;
    if (!this.node.isConnected) {
      this.drawWhenAttached = true;
      return;
    }
    const colors: ThemeColors = readTheme(this.node);
    await parts.panels.draw(payload, this.drawnTrials(parts, payload), { colors, highlight: parts.table.selection, logScale: this.logScale, ranges: this.ranges });
  }

  private downloadCsv(): void {
    if (!this.payload) return;
    const blob = new Blob([this.csv()], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = h('a', { attrs: { href: url, download: `${this.payload.name.replace(/[^\w.-]+/g, '_') || 'study'}.csv` } });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
