/**
 * {@link IKernelLocator} for notebooks: an output belongs to the tracked notebook panel whose node
 * contains it, and that panel's session context knows the kernel.
 */
import type { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import type { Kernel } from '@jupyterlab/services';
import { Signal } from '@lumino/signaling';
import type { ISignal } from '@lumino/signaling';
import type { IKernelLocator } from '../tokens';

/** The part of a notebook tracker the locator reads (an `INotebookTracker` has it). */
export type PanelTracker = Pick<INotebookTracker, 'find' | 'forEach' | 'widgetAdded'>;

/** Finds the kernel of the notebook an output is in. */
export class NotebookKernelLocator implements IKernelLocator {
  private readonly changedSignal = new Signal<IKernelLocator, void>(this);

  /** @param tracker - the notebook tracker, or null where the notebook plugin is absent */
  constructor(private readonly tracker: PanelTracker | null) {
    tracker?.forEach((panel) => this.watch(panel));
    tracker?.widgetAdded.connect((_, panel) => this.watch(panel));
  }

  get changed(): ISignal<IKernelLocator, void> {
    return this.changedSignal;
  }

  kernelFor(node: HTMLElement): Kernel.IKernelConnection | null {
    const panel = this.tracker?.find((candidate) => candidate.node.contains(node));
    const kernel = panel?.sessionContext.session?.kernel ?? null;
    if (!kernel || kernel.isDisposed || kernel.status === 'dead' || kernel.connectionStatus === 'disconnected') return null;
    return kernel;
  }

  private watch(panel: NotebookPanel): void {
    const emit = (): void => this.changedSignal.emit(undefined);
    const context = panel.sessionContext;
    context.kernelChanged.connect(emit);
    context.statusChanged.connect(emit);
    context.connectionStatusChanged.connect(emit);
    panel.disposed.connect(emit);
  }
}
