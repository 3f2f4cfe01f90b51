/**
 * Whether the Stop and Prune buttons can act, and the tooltip that says why (not). Pure.
 */
import type { Controls, StudyKind, StudyStatus } from '../payload';

/** One button's state. */
export interface ButtonState {
  enabled: boolean;
  /** Tooltip: what the button does, or why it is disabled. */
  title: string;
}

/** What the buttons depend on. */
export interface ControlInputs {
  controls: Controls | null;
  status: StudyStatus;
  kind: StudyKind;
  /** Whether the notebook's kernel is alive and reachable. */
  kernelAlive: boolean;
  /** The running trial that "Prune trial" would prune (the selected one, or the only running one). */
  pruneTarget: number | null;
  /** Whether a request is on its way. */
  busy: boolean;
}

const ENDED: Record<StudyStatus, string> = {
  running: 'This output is not live (it was saved or reopened): there is nothing to control.',
  finished: 'The run has finished.',
  stopped: 'The run was stopped.',
  failed: 'The run failed.',
};

function unavailable(inputs: ControlInputs): string | null {
  if (inputs.controls === null) return ENDED[inputs.status];
  if (!inputs.kernelAlive) return "The notebook's kernel is not running: nothing to send the request to.";
  if (inputs.busy) return 'A request is on its way.';
  return null;
}

/** The Stop button. */
export function stopState(inputs: ControlInputs): ButtonState {
  const reason = unavailable(inputs);
  if (reason) return { enabled: false, title: reason };
  const what = inputs.kind === 'study' ? 'study' : 'search';
  return { enabled: true, title: `Stop the ${what} after the trials under way (completed trials are kept).` };
}

/** The Prune button (studies only; searches have no pruner). */
export function pruneState(inputs: ControlInputs): ButtonState {
  const reason = unavailable(inputs);
  if (reason) return { enabled: false, title: reason };
  if (inputs.pruneTarget === null) return { enabled: false, title: 'Select a running trial in the leaderboard to prune it.' };
  return { enabled: true, title: `Prune trial ${inputs.pruneTarget} at its next report.` };
}
