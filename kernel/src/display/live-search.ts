/** The live view of a running GridSearchCV / RandomizedSearchCV under the cell. */
import { LiveDisplay } from '../frontend';
import type { SearchObserver, SearchState } from '../search';
import { studyBundle } from './bundle';
import { searchPayload } from './search-view';

/** The live view of `state`, with the time since the search began in its header. */
export function searchLiveObserver(state: SearchState): SearchObserver {
  const started = Date.now();
  const live = new LiveDisplay(() => studyBundle(searchPayload(state, { elapsedSeconds: (Date.now() - started) / 1000 })), { displayId: state.id });
  return {
    update: () => live.refresh(),
    finish: () => live.flush(),
  };
}
