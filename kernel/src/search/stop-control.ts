/**
 * The "Stop" button of a search's live view: the view sends `{ action: 'stop', studyId }` on the comm
 * target `rnnlab.search`, and the running search with that id stops after the fits under way.
 */
import { registerCommTarget } from '../frontend';

const running = new Map<string, () => void>();
let targetRegistered = false;

/** Makes the search `id` stoppable from the frontend until the returned function is called. */
export function registerStoppable(id: string, stop: () => void): () => void {
  if (!targetRegistered) {
    targetRegistered = true;
    registerCommTarget('rnnlab.search', (comm) => {
      comm.onMsg((data) => {
        const studyId = typeof data.studyId === 'string' ? data.studyId : '';
        const stopper = running.get(studyId);
        if (data.action === 'stop' && stopper) {
          stopper();
          comm.send({ ok: true, action: 'stop', studyId });
        } else {
          comm.send({ ok: false, error: stopper ? `unknown action ${String(data.action)}` : 'the search is not running' });
        }
      });
    });
  }
  running.set(id, stop);
  return () => running.delete(id);
}
