/**
 * The Stop and Prune buttons of a study view, and the line that shows the kernel's answer (or error).
 * The buttons follow the payload's `controls`, the kernel's liveness and the selected trial.
 */
import { h, setText } from '../common';
import type { Controls, StudyKind, StudyStatus } from '../payload';
import type { IKernelLocator } from '../tokens';
import { sendControl } from './comm';
import type { ControlReply, ControlRequest, CommKernel } from './comm';
import { pruneState, stopState } from './state';
import type { ButtonState, ControlInputs } from './state';

/** Sends a request; {@link sendControl} unless a test injects another. */
export type ControlSender = (kernel: CommKernel, target: string, request: ControlRequest) => Promise<ControlReply>;

/** What the bar shows, from the payload and the selection. */
export interface ControlBarModel {
  controls: Controls | null;
  status: StudyStatus;
  kind: StudyKind;
  pruneTarget: number | null;
  /** Numbers of the running trials: a "will be pruned" note goes once its trial no longer runs. */
  running?: readonly number[];
}

/** The buttons and the answer line. */
export class ControlBar {
  /** The bar's element. */
  readonly node: HTMLElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly pruneButton: HTMLButtonElement;
  private readonly message: HTMLElement;
  private model: ControlBarModel = { controls: null, status: 'finished', kind: 'study', pruneTarget: null };
  private busy = false;
  /** The trial a granted prune request waits for, while its note shows. */
  private pruning: number | null = null;
  private readonly onLocatorChanged = (): void => this.refresh();

  /**
   * @param owner - the view's node: the locator finds its notebook from it
   * @param locator - the kernel locator, or null outside JupyterLab (buttons stay disabled)
   * @param send - the request sender
   */
  constructor(
    private readonly owner: HTMLElement,
    private readonly locator: IKernelLocator | null,
    private readonly send: ControlSender = sendControl,
  ) {
    this.stopButton = h('button', { className: 'rnnlab-button rnnlab-stop', text: '■ Stop', attrs: { type: 'button' } });
    this.pruneButton = h('button', { className: 'rnnlab-button rnnlab-prune', text: '✂ Prune trial', attrs: { type: 'button' } });
    this.message = h('span', { className: 'rnnlab-control-message', attrs: { 'aria-live': 'polite' } });
    this.stopButton.addEventListener('click', () => void this.request('stop'));
    this.pruneButton.addEventListener('click', () => void this.request('prune'));
    this.node = h('div', { className: 'rnnlab-controls', children: [this.stopButton, this.pruneButton, this.message] });
    locator?.changed.connect(this.onLocatorChanged);
  }

  /** Shows a new model (payload update or selection change). */
  update(model: ControlBarModel): void {
    if (model.controls?.studyId !== this.model.controls?.studyId) this.showMessage('', false);
    if (this.pruning !== null && !(model.running ?? []).includes(this.pruning)) {
      this.pruning = null;
      this.showMessage('', false);
    }
    this.model = model;
    this.refresh();
  }

  /** Re-reads the kernel's liveness and updates the buttons. */
  refresh(): void {
    const inputs: ControlInputs = { ...this.model, kernelAlive: this.kernel() !== null, busy: this.busy };
    this.pruneButton.hidden = this.model.kind !== 'study';
    apply(this.stopButton, stopState(inputs));
    apply(this.pruneButton, pruneState(inputs));
    const target = this.model.pruneTarget;
    setText(this.pruneButton, target === null ? '✂ Prune trial' : `✂ Prune trial ${target}`);
  }

  /** Disconnects from the locator. */
  dispose(): void {
    this.locator?.changed.disconnect(this.onLocatorChanged);
  }

  private kernel(): CommKernel | null {
    return this.locator?.kernelFor(this.owner) ?? null;
  }

  private async request(action: 'stop' | 'prune'): Promise<void> {
    const { controls, pruneTarget } = this.model;
    const kernel = this.kernel();
    if (!controls || !kernel || this.busy) return;
    if (action === 'prune' && pruneTarget === null) return;
    const request: ControlRequest =
      action === 'stop'
        ? { action: 'stop', studyId: controls.studyId }
        : { action: 'prune', studyId: controls.studyId, trialNumber: pruneTarget as number };
    this.busy = true;
    this.showMessage(action === 'stop' ? 'stopping…' : `pruning trial ${String(pruneTarget)}…`, false);
    this.refresh();
    const reply = await this.send(kernel, controls.commTarget, request);
    this.busy = false;
    if (reply.ok) this.showMessage(action === 'stop' ? 'stop requested: the trials under way finish first' : `trial ${String(pruneTarget)} will be pruned at its next report`, false);
    else this.showMessage(`${action === 'stop' ? 'Stop' : 'Prune'} failed: ${reply.error}`, true);
    if (reply.ok && action === 'prune') this.pruning = pruneTarget;
    this.refresh();
  }

  private showMessage(text: string, error: boolean): void {
    if (text !== '') this.pruning = null;
    setText(this.message, text);
    this.message.classList.toggle('rnnlab-control-error', error);
    if (error) this.message.setAttribute('role', 'alert');
    else this.message.removeAttribute('role');
  }
}

function apply(button: HTMLButtonElement, state: ButtonState): void {
  button.disabled = !state.enabled;
  button.title = state.title;
  button.setAttribute('aria-disabled', String(!state.enabled));
}
