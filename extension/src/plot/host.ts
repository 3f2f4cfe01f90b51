/**
 * One plot area: loads plotly lazily, redraws with `Plotly.react` (in place: no flicker, and the layout's
 * `uirevision` keeps the user's zoom and pan across live updates), follows the output's width and the
 * JupyterLab theme, and frees plotly's resources on dispose.
 */
import type { PlotlyApi, PlotlyElement, PlotlyLoader } from './plotly';
import type { Figure } from './types';

const CONFIG = { displaylogo: false, responsive: false, scrollZoom: false, modeBarButtonsToRemove: ['select2d', 'lasso2d'] };

const REACT_TIMEOUT_MS = 3000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Options of a {@link PlotHost}. */
export interface PlotHostOptions {
  /** Called with a clicked point's `customdata` (e.g. a trial number). */
  onClick?: (customdata: unknown) => void;
  /** Called with a restyle's changes, e.g. a parcoords brush (`{ 'dimensions[2].constraintrange': … }`). */
  onRestyle?: (changes: Record<string, unknown>) => void;
  /** Accessible label of the plot. */
  label: string;
}

/** A plot area inside a view. */
export class PlotHost {
  /** The element plotly draws in. */
  readonly node: HTMLDivElement;
  private plotly: PlotlyApi | null = null;
  private drawn = false;
  private disposed = false;
  private resizeObserver: ResizeObserver | null = null;
  private lastWidth = 0;

  constructor(
    private readonly loader: PlotlyLoader,
    private readonly options: PlotHostOptions,
  ) {
    this.node = document.createElement('div');
    this.node.className = 'rnnlab-plot';
    this.node.setAttribute('role', 'img');
    this.node.setAttribute('aria-label', options.label);
  }

  /** Whether a figure has been drawn. */
  get isDrawn(): boolean {
    return this.drawn;
  }

  /** Draws or updates the figure; a plotly that fails to load leaves a message in the plot area. */
  async draw(figure: Figure): Promise<void> {
    if (this.disposed) return;
    try {
      this.plotly ??= await this.loader();
    } catch (error) {
      this.node.textContent = `plotly.js could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    if (this.disposed) return;
    // Plotly's promise can stay pending (a hidden or detached element); never let it stall later redraws.
    await Promise.race([this.plotly.react(this.node, figure.traces, figure.layout, CONFIG), delay(REACT_TIMEOUT_MS)]);
    if (!this.drawn) {
      this.drawn = true;
      this.listen();
    }
  }

  /** Stops observing and frees plotly's resources. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.resizeObserver?.disconnect();
    if (this.plotly && this.drawn) this.plotly.purge(this.node);
  }

  private listen(): void {
    const { onClick, onRestyle } = this.options;
    const element = this.node as Partial<PlotlyElement>;
    if (onClick && typeof element.on === 'function') {
      element.on('plotly_click', (event) => {
        const point = event.points[0];
        if (point && point.customdata !== undefined) onClick(point.customdata);
      });
    }
    if (onRestyle && typeof element.on === 'function') {
      element.on('plotly_restyle', (event) => {
        const changes = Array.isArray(event) ? event[0] : null;
        if (changes && typeof changes === 'object') onRestyle(changes);
      });
    }
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver((entries) => {
        const width = entries[0]?.contentRect.width ?? 0;
        if (width > 0 && Math.abs(width - this.lastWidth) > 1 && this.plotly && !this.disposed) {
          this.lastWidth = width;
          void this.plotly.Plots.resize(this.node);
        }
      });
      this.resizeObserver.observe(this.node);
    }
  }
}
