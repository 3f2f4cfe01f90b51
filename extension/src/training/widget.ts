/**
 * The training view: a header (title, status badge, progress, epoch times), an error box for a failed
 * run, and the loss and metric subplots. JupyterLab calls `renderModel` again on every
 * `update_display_data`: the header's text is updated in place and the plot redrawn with
 * `Plotly.react`, at most once per throttle interval.
 */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';
import { createBadge, errorBox, h, setText, updateBadge, toggleButton, watchTheme, writeViewState } from '../common';
import { checkTraining } from '../payload';
import type { TrainingPayload } from '../payload';
import { PlotHost, Throttle, readTheme } from '../plot';
import type { PlotlyLoader } from '../plot';
import { trainingFigure } from './figure';
import { trainingSummary } from './summary';

/** MIME type of a training run. */
export const TRAINING_MIME = 'application/vnd.rnnlab.training.v1+json';

/** Below this width (px) the subplots stack in one column. */
const NARROW = 600;

/** Options of a {@link TrainingView}. */
export interface TrainingViewOptions {
  loadPlotly: PlotlyLoader;
  /** Shortest time between two redraws of the plot, in ms. */
  throttleMs?: number;
}

interface Parts {
  root: HTMLElement;
  title: HTMLElement;
  badge: HTMLElement;
  progress: HTMLElement;
  bar: HTMLElement;
  details: HTMLElement;
  timing: HTMLElement;
  latest: HTMLElement;
  callbacks: HTMLElement;
  error: HTMLElement;
  logToggle: HTMLButtonElement;
  plot: PlotHost;
}

/** Renders `application/vnd.rnnlab.training.v1+json`. */
export class TrainingView extends Widget implements IRenderMime.IRenderer {
  private payload: TrainingPayload | null = null;
  private model: IRenderMime.IMimeModel | null = null;
  private parts: Parts | null = null;
  private logScale = false;
  private columns = 2;
  private readonly throttle: Throttle;
  private drawWhenAttached = false;
  private readonly stopWatchingTheme: () => void;
  private resizeObserver: ResizeObserver | null = null;

  constructor(private readonly options: TrainingViewOptions) {
    super();
    this.addClass('rnnlab-view');
    this.addClass('rnnlab-training');
    this.throttle = new Throttle(() => this.drawPlot(), options.throttleMs ?? 250);
    this.stopWatchingTheme = watchTheme(() => this.throttle.request());
  }

  /** Shows a payload; called by JupyterLab for the first display and every update. */
  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const checked = checkTraining(model.data[TRAINING_MIME]);
    if (!checked.ok) {
      this.showInvalid(checked.reason);
      return;
    }
    this.payload = checked.payload;
    this.model = model;
    const parts = (this.parts ??= this.build());
    const saved = checked.payload.viewState;
    if (saved?.logScale !== undefined) {
      this.setLogScale(parts, saved.logScale);
    } else if (checked.payload.status !== 'running' && this.logScale) {
      // The kernel's final update carries no view state: write the reader's back for the saved notebook.
      this.saveViewState();
    }
    this.updateHeader(parts, checked.payload);
    this.throttle.request();
  }

  /** Whether the loss-like subplots use a log scale. */
  get isLogScale(): boolean {
    return this.logScale;
  }

  private setLogScale(parts: Parts, on: boolean): void {
    this.logScale = on;
    parts.logToggle.setAttribute('aria-pressed', String(on));
  }

  private saveViewState(): void {
    if (this.model) writeViewState(this.model, TRAINING_MIME, { logScale: this.logScale });
  }

  /** Resolves when every requested redraw is done (for tests and benchmarks). */
  flush(): Promise<void> {
    return this.throttle.flush();
  }

  protected override onAfterAttach(): void {
    if (this.drawWhenAttached) {
      this.drawWhenAttached = false;
      this.throttle.request();
    }
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.throttle.dispose();
    this.stopWatchingTheme();
    this.resizeObserver?.disconnect();
    this.parts?.plot.dispose();
    super.dispose();
  }

  private showInvalid(reason: string): void {
    this.parts?.plot.dispose();
    this.parts = null;
    this.payload = null;
    this.node.replaceChildren(errorBox('rnnlab: this training view cannot be shown', reason));
  }

  private build(): Parts {
    const title = h('span', { className: 'rnnlab-title' });
    const badge = createBadge();
    const progress = h('span', { className: 'rnnlab-progress-text' });
    const logToggle = toggleButton('log scale', 'Toggle a logarithmic y axis on the loss and error curves', (pressed) => {
      this.logScale = pressed;
      this.saveViewState();
      this.throttle.request();
    });
    const bar = h('div', { className: 'rnnlab-progress-bar' });
    const details = h('div', { className: 'rnnlab-meta' });
    const timing = h('div', { className: 'rnnlab-meta' });
    const latest = h('div', { className: 'rnnlab-meta rnnlab-latest' });
    const callbacks = h('div', { className: 'rnnlab-meta rnnlab-callbacks' });
    const error = h('div', { className: 'rnnlab-error-slot' });
    const plot = new PlotHost(this.options.loadPlotly, { label: 'training curves: loss and metrics per epoch' });
    const root = h('div', {
      className: 'rnnlab-body',
      children: [
        h('div', {
          className: 'rnnlab-header',
          children: [
            h('div', { className: 'rnnlab-heading', children: [title, badge, progress] }),
            h('div', { className: 'rnnlab-toolbar', children: [logToggle] }),
          ],
        }),
        h('div', { className: 'rnnlab-progress', attrs: { 'aria-hidden': 'true' }, children: [bar] }),
        details,
        timing,
        latest,
        callbacks,
        error,
        plot.node,
      ],
    });
    this.node.replaceChildren(root);
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => {
        if (this.columnsForWidth() !== this.columns) this.throttle.request();
      });
      this.resizeObserver.observe(this.node);
    }
    return { root, title, badge, progress, bar, details, timing, latest, callbacks, error, logToggle, plot };
  }

  private updateHeader(parts: Parts, payload: TrainingPayload): void {
    const summary = trainingSummary(payload);
    setText(parts.title, summary.title);
    updateBadge(parts.badge, summary.status);
    setText(parts.progress, summary.progress);
    parts.bar.style.width = `${(summary.fraction * 100).toFixed(1)}%`;
    setText(parts.details, summary.details);
    setText(parts.timing, summary.timing);
    setText(parts.latest, summary.latest);
    setText(parts.callbacks, summary.callbacks);
    parts.callbacks.hidden = summary.callbacks === '';
    const failed = payload.status === 'failed' ? (payload.error ?? 'the run failed') : null;
    const shown = parts.error.textContent === '' ? null : parts.error.querySelector('.rnnlab-error-reason')?.textContent;
    if (failed !== shown) {
      parts.error.replaceChildren(...(failed === null ? [] : [errorBox('Training failed', failed)]));
    }
  }

  private columnsForWidth(): number {
    const width = this.node.clientWidth;
    return width > 0 && width < NARROW ? 1 : 2;
  }

  private async drawPlot(): Promise<void> {
    const { payload, parts } = this;
    if (!payload || !parts) return;
    if (!this.node.isConnected) {
      this.drawWhenAttached = true;
      return;
    }
    this.columns = this.columnsForWidth();
    const figure = trainingFigure(payload, { logScale: this.logScale, columns: this.columns, colors: readTheme(this.node) });
    await parts.plot.draw(figure);
  }
}
