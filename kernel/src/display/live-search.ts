/** The live view of a running GridSearchCV / RandomizedSearchCV under the cell. */
import { LiveDisplay } from '../frontend';
import type { SearchObserver, SearchState } from '../search';
import { studyBundle } from './bundle';
import { searchPayload } from './search-view';

export function searchLiveObserver(state: SearchState): SearchObserver {
  const live = new LiveDisplay(() => studyBundle(searchPayload(state)), { displayId: state.id });
  return {
    update: () => live.refresh(),
    finish: () => live.flush(),
  };
}
