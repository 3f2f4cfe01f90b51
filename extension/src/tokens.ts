/**
 * The services this extension's plugins provide, in one place (the extension-examples convention).
 */
import type { Kernel } from '@jupyterlab/services';
import { Token } from '@lumino/coreutils';
import type { ISignal } from '@lumino/signaling';

/**
 * Finds the kernel behind a rendered output. A mime renderer gets no kernel handle from JupyterLab; this
 * service maps an output's DOM node to the notebook that holds it, and that notebook to its session's
 * kernel, so the Stop and Prune buttons can open a comm there.
 */
export interface IKernelLocator {
  /**
   * The live kernel of the notebook that holds `node`, or null: not in a notebook, no kernel, or the
   * kernel is dead or disconnected.
   */
  kernelFor(node: HTMLElement): Kernel.IKernelConnection | null;
  /** Emitted when a notebook's kernel changes, starts, dies, or its connection does. */
  readonly changed: ISignal<IKernelLocator, void>;
}

/** The token of {@link IKernelLocator}. */
export const IKernelLocator = new Token<IKernelLocator>(
  'rnnlab-extension:IKernelLocator',
  'Finds the kernel of the notebook a rendered rnnlab output sits in.',
);
