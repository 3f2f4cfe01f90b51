import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import type { SearchState } from '../search';
import studySchema from '../../../schema/study.v1.schema.json';
import { SEARCH_IMPORTANCE_NOTE, searchPayload } from './search-view';
import { studyText } from './study-fallback';

const validate = new Ajv2020({ strict: true }).compile(studySchema);

/** A grid of 2 × 2 candidates in 2 folds; the first two candidates done, the third running. */
function state(status: SearchState['status'] = 'running'): SearchState {
  const outcome = (testScore: number) => ({ testScore, fitTime: 1, scoreTime: 0 });
  return {
    id: 'grid-1',
    kind: 'grid_search',
    name: 'GridSearchCV',
    valueName: 'accuracy',
    status,
    // The user's order, not alphabetical.
    searchSpace: { units: { type: 'categorical', choices: [8, 16] }, cellType: { type: 'categorical', choices: ['LSTM', 'GRU'] } },
    candidates: [
      { units: 8, cellType: 'LSTM' },
      { units: 8, cellType: 'GRU' },
      { units: 16, cellType: 'LSTM' },
      { units: 16, cellType: 'GRU' },
    ],
    nSplits: 2,
    outcomes: [[outcome(0.5), outcome(0.7)], [outcome(0.6), outcome(0.8)], [outcome(0.9), undefined], [undefined, undefined]],
    started: ['2025-01-31T12:00:00.000Z', '2025-01-31T12:00:10.000Z', '2025-01-31T12:00:20.000Z', undefined],
    finished: ['2025-01-31T12:00:10.000Z', '2025-01-31T12:00:20.000Z', undefined, undefined],
  };
}

describe('search view payload', () => {
  it('keeps the parameter order and says why there is no importance panel', () => {
    const payload = searchPayload(state());
    assert.ok(validate(JSON.parse(JSON.stringify(payload))), JSON.stringify(validate.errors));
    assert.deepEqual(payload.paramNames, ['units', 'cellType']);
    assert.equal(payload.importance, null);
    assert.equal(payload.importanceNote, SEARCH_IMPORTANCE_NOTE);
  });

  it('estimates the time left from the live clock: 5 of 8 fits in 25 s leave 15 s', () => {
    const payload = searchPayload(state(), { elapsedSeconds: 25 });
    assert.deepEqual(
      { done: payload.progress?.done, total: payload.progress?.total, elapsed: payload.progress?.elapsedSeconds, eta: payload.progress?.etaSeconds },
      { done: 5, total: 8, elapsed: 25, eta: 15 },
    );
    assert.match(studyText(payload), /Progress: candidate 3 of 4, fold 2 of 2, elapsed 25\.0s, ETA 15\.0s\./);
  });

  it('without a clock, a stopped search reports the span of its candidates and no ETA', () => {
    const payload = searchPayload(state('stopped'));
    assert.equal(payload.progress?.elapsedSeconds, 20);
    assert.equal(payload.progress?.etaSeconds, undefined);
  });
});
