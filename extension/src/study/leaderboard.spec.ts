import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { studyExample } from '../testing/examples';
import { cellText, filterRows, leaderboardColumns, leaderboardRows, sortRows, toCsv } from './leaderboard';

describe('leaderboard', () => {
  it('has rank, mean ± std, state, every param and duration for a search', () => {
    const payload = studyExample('grid-search-finished.json');
    const columns = leaderboardColumns(payload);
    assert.deepEqual(
      columns.map((column) => column.label),
      ['#', 'rank', 'accuracy ↑', 'fold 1', 'fold 2', 'fold 3', 'state', 'cellType', 'initialUnits', 'learningRate', 'duration'],
    );
    const rows = sortRows(leaderboardRows(payload), columns, { key: 'rank', descending: false });
    assert.deepEqual(rows.map((row) => row.number), [6, 2, 4, 7, 0, 3, 5, 1]);
    assert.equal(cellText(rows[0], columns[2]), '0.8433 ± 0.0062');
    const best = payload.trials.find((trial) => trial.number === 6);
    assert.deepEqual([3, 4, 5].map((i) => cellText(rows[0], columns[i])), (best?.foldScores ?? []).map((score) => String(Number(score?.toPrecision(4)))));
    assert.equal(rows[0].best, true);
    assert.equal(cellText(rows[0], columns[10]), '1 min 18 s');
    const byFold = sortRows(leaderboardRows(payload), columns, { key: 'fold:0', descending: true });
    assert.equal(byFold[0].folds[0], Math.max(...payload.trials.map((trial) => trial.foldScores?.[0] ?? -1)));
  });

  it('shows each user attribute as a column, sortable', () => {
    const payload = studyExample('study-running.json');
    payload.trials[0].userAttrs = { machine: 'gpu-1', epochsDone: 12 };
    payload.trials[1].userAttrs = { epochsDone: 3, tags: ['a', 'b'] };
    const columns = leaderboardColumns(payload);
    assert.deepEqual(columns.filter((column) => column.kind === 'attr').map((column) => column.key), ['attr:machine', 'attr:epochsDone', 'attr:tags', 'attr:note', 'attr:epochsRun'], 'in order of first appearance');
    const rows = leaderboardRows(payload);
    const tags = columns.find((column) => column.key === 'attr:tags');
    assert.equal(tags && cellText(rows[1], tags), '["a","b"]');
    const sorted = sortRows(rows, columns, { key: 'attr:epochsDone', descending: false });
    assert.deepEqual(sorted.slice(0, 2).map((row) => row.number), [1, 0]);
  });

  it('shows trial notes in a note column (only when a trial has one), sortable', () => {
    assert.equal(leaderboardColumns(studyExample('study-running.json')).some((column) => column.kind === 'note'), false);
    const payload = studyExample('study-running.json');
    payload.trials[1].note = 'GRU, try more units';
    payload.trials[4].note = 'best so far; **rerun** with seed 2';
    const columns = leaderboardColumns(payload);
    assert.deepEqual(columns.slice(-2).map((column) => column.key), ['note', 'duration']);
    const note = columns[columns.length - 2];
    const rows = sortRows(leaderboardRows(payload), columns, { key: 'note', descending: false });
    assert.deepEqual(rows.map((row) => cellText(row, note)).slice(0, 3), ['best so far; **rerun** with seed 2', 'GRU, try more units', '']);
  });

  it('ranks a single-objective study by value, best first, empty values last', () => {
    const payload = studyExample('study-running.json');
    const columns = leaderboardColumns(payload);
    assert.equal(columns[2].label, 'val_loss ↓');
    const rows = sortRows(leaderboardRows(payload), columns, { key: 'rank', descending: false });
    assert.deepEqual(rows.map((row) => [row.number, row.rank]), [[4, 1], [1, 2], [0, 3], [2, null], [3, null], [5, null], [6, null], [7, null]]);
    const descending = sortRows(leaderboardRows(payload), columns, { key: 'rank', descending: true });
    assert.deepEqual(descending.slice(0, 3).map((row) => row.number), [0, 1, 4], 'nulls stay last');
  });

  it('sorts by a categorical or numeric parameter', () => {
    const payload = studyExample('study-running.json');
    const columns = leaderboardColumns(payload);
    const rows = leaderboardRows(payload);
    assert.deepEqual(sortRows(rows, columns, { key: 'param:cellType', descending: false }).map((row) => row.params.cellType ?? '-'), ['GRU', 'GRU', 'GRU', 'LSTM', 'LSTM', 'LSTM', 'RNN', '-']);
    assert.deepEqual(sortRows(rows, columns, { key: 'param:initialUnits', descending: true }).map((row) => row.number), [3, 5, 0, 4, 6, 1, 2, 7]);
  });

  it('filters by state, running covering waiting', () => {
    const rows = leaderboardRows(studyExample('study-running.json'));
    assert.deepEqual(filterRows(rows, new Set(['running'])).map((row) => row.state), ['RUNNING', 'WAITING']);
    assert.deepEqual(filterRows(rows, new Set(['pruned', 'failed'])).map((row) => row.number), [2, 3]);
  });

  it('writes CSV with scikit-learn names for a search', () => {
    const payload = studyExample('grid-search-finished.json');
    const columns = leaderboardColumns(payload);
    const rows = sortRows(leaderboardRows(payload), columns, { key: 'rank', descending: false });
    const lines = toCsv(payload, rows.slice(0, 1)).split('\r\n');
    assert.equal(
      lines[0],
      'number,mean_test_score,std_test_score,split0_test_score,split1_test_score,split2_test_score,rank_test_score,state,params_cellType,params_initialUnits,params_learningRate,datetime_start,datetime_complete,duration,fail_reason',
    );
    assert.match(lines[1], /^6,0\.8433,0\.0062,[\d.]+,[\d.]+,[\d.]+,1,COMPLETE,LSTM,64,0\.001,2025-02-01T09:/);
  });

  it('writes CSV with Optuna names for a study, quoting where needed', () => {
    const payload = studyExample('study-running.json');
    payload.trials[3].failReason = 'Error: "oom", 512 MB';
    const csv = toCsv(payload, leaderboardRows(payload));
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'number,value,rank,state,params_initialUnits,params_learningRate,params_cellType,params_dropoutRate,datetime_start,datetime_complete,duration,fail_reason');
    assert.ok(lines[4].endsWith(',"Error: ""oom"", 512 MB"'), lines[4]);
    assert.equal(lines.length, 10);
  });
});
