import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { studyExample } from '../testing/examples';
import { studySummary } from './summary';

describe('studySummary', () => {
  it('shows trial n of N, elapsed, ETA and the best trial so far while running', () => {
    const payload = studyExample('study-running.json');
    payload.progress = { done: 6, total: 20, elapsedSeconds: 41.2, etaSeconds: 96.1 };
    const summary = studySummary(payload);
    assert.equal(summary.progress, 'trial 6 / 20 · 8 trials · elapsed 41.2 s · ETA 1 min 36 s');
    assert.match(summary.best, /^best so far: trial 4 · val_loss 0\.3512 · initialUnits=/);
    assert.equal(summary.fraction, 0.3);
  });

  it('shows fits done of all beside the label of a search, the mean ± std of the best, and no ETA once finished', () => {
    const payload = studyExample('grid-search-finished.json');
    payload.progress = { ...payload.progress, done: 24, total: 24, etaSeconds: 0, elapsedSeconds: 75 };
    const summary = studySummary(payload);
    assert.equal(summary.progress, 'candidate 8 of 8, fold 3 of 3 · fit 24 / 24 · 8 candidates · elapsed 1 min 15 s');
    assert.equal(summary.best, 'best: candidate 6 · accuracy 0.8433 ± 0.0062 · cellType=LSTM, initialUnits=64, learningRate=0.001');
  });

  it('orders the best trial\'s parameters as suggested, whatever the saved key order', () => {
    const payload = studyExample('grid-search-finished.json');
    payload.paramNames = ['learningRate', 'initialUnits', 'cellType'];
    assert.match(studySummary(payload).best, /learningRate=0\.001, initialUnits=64, cellType=LSTM$/);
  });
});
