import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml } from './escape';
import { assertWellFormed, count, example as loadExample } from './spec-helpers';
import { leaderboardOrder, studyHtml, studyText } from './study-fallback';
import type { StudyPayload } from './types';

const example = (file: string) => loadExample<StudyPayload>(file);


/** The leaderboard rows: classes, then the text of each cell. */
function rows(html: string): { classes: string; cells: string[] }[] {
  return [...html.matchAll(/<tr class="([^"]*)"[^>]*>(.*?)<\/tr>/g)].map(([, classes, inner]) => ({
    classes,
    cells: [...inner.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]*>/g, '')),
  }));
}

const HOSTILE = `<script>alert(1)</script>"'&`;
const ESCAPED = escapeHtml(HOSTILE);

describe('study text fallback', () => {
  it('summarises each example in one line', () => {
    assert.deepEqual(
      ['study-running.json', 'grid-search-finished.json', 'study-multi-objective.json'].map((f) => studyText(example(f))),
      [
        'Study "lstm-tuning" (minimize val_loss): running. 8 trials: 4 complete, 1 pruned, 1 failed, 1 running, 1 waiting. Progress: trial 7 of 20. Best trial 4: val_loss 0.3512; params: initialUnits=45, learningRate=0.0032, cellType=GRU, dropoutRate=0.2.',
        'Grid search "GridSearchCV(RnnClassifier)" (maximize accuracy): finished. 8 candidates: 8 complete. Progress: candidate 8 of 8, fold 3 of 3. Best candidate 6 (rank 1): accuracy 0.8433 ± 0.0062; params: cellType=LSTM, initialUnits=64, learningRate=0.001.',
        'Study "size-vs-accuracy" (minimize params, maximize val_acc): finished. 6 trials: 6 complete. Pareto front: trials 0, 1, 2, 4.',
      ],
    );
  });

  it('handles a study without trials', () => {
    const payload = example('study-running.json');
    payload.trials = [];
    payload.bestTrialNumbers = [];
    delete payload.progress;
    assert.equal(studyText(payload), 'Study "lstm-tuning" (minimize val_loss): running. 0 trials. No complete trial yet.');
  });
});

describe('leaderboard order', () => {
  it('puts valued trials best first, then pruned, running, waiting and failed ones', () => {
    assert.deepEqual(leaderboardOrder(example('study-running.json')).map((t) => t.number), [4, 1, 0, 5, 2, 6, 7, 3]);
  });

  it('follows the ranks of a search', () => {
    assert.deepEqual(leaderboardOrder(example('grid-search-finished.json')).map((t) => t.number), [6, 2, 4, 7, 0, 3, 5, 1]);
  });

  it('puts the Pareto front first for several objectives', () => {
    assert.deepEqual(leaderboardOrder(example('study-multi-objective.json')).map((t) => t.number), [4, 2, 1, 0, 3, 5]);
  });

  it('sorts maximised values descending', () => {
    const payload = example('study-running.json');
    payload.directions = ['maximize'];
    assert.deepEqual(leaderboardOrder(payload).map((t) => t.number).slice(0, 3), [0, 1, 4]);
  });
});

describe('study HTML fallback', () => {
  it('shows the study leaderboard with the best row marked and pruned and failed rows distinct', () => {
    const html = studyHtml(example('study-running.json'));
    assertWellFormed(html);
    assert.ok(html.includes('class="rnnlab-status rnnlab-status-running"'));
    const table = rows(html);
    assert.deepEqual(
      table.map((r) => r.cells.slice(0, 5)),
      [
        ['★', '1', '4', 'complete', '0.3512'],
        ['', '2', '1', 'complete', '0.3877'],
        ['', '3', '0', 'complete', '0.4121'],
        ['', '', '5', 'complete', 'n/a'],
        ['', '', '2', 'pruned', '0.6749 @2'],
        ['', '', '6', 'running', '0.5023 @3'],
        ['', '', '7', 'waiting', ''],
        ['', '', '3', 'failedError: out of memory allocating 512 MB', ''],
      ],
    );
    assert.equal(table[0].classes, 'rnnlab-trial rnnlab-trial-complete rnnlab-best');
    assert.equal(table[4].classes, 'rnnlab-trial rnnlab-trial-pruned');
    assert.equal(table[7].classes, 'rnnlab-trial rnnlab-trial-fail');
    assert.deepEqual(table[0].cells.slice(5), ['45', '0.0032', 'GRU', '0.2', '33.3s']);
    assert.deepEqual(table[7].cells.slice(5), ['128', '0.0097', 'LSTM', '', '2.1s']);
    assert.ok(html.includes('<th style="padding:2px 8px;border-bottom:1px solid rgba(127,127,127,0.25);white-space:nowrap;text-align:left">learningRate</th>'));
    const chart = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    assert.ok(chart.includes('<title>Optimization history</title>'));
    assert.equal(count(chart, '<path '), 2);
    assert.ok(!/<script|<link|<style/.test(html), 'self-contained');
  });

  it('shows mean ± std, fold scores and ranks for a search', () => {
    const html = studyHtml(example('grid-search-finished.json'));
    assertWellFormed(html);
    assert.ok(html.includes('>accuracy (mean ± std)</th>'));
    const [best, second] = rows(html);
    assert.deepEqual(best.cells, ['★', '1', '6', 'complete', '0.8433 ± 0.0062', '0.8450, 0.8350, 0.8500', 'LSTM', '64', '0.001', '1m 18s']);
    assert.equal(second.cells[1], '2');
    assert.ok(html.includes('<table class="rnnlab-importance"'));
    assert.equal(count(html, '<svg'), 1);
  });

  it('marks the Pareto front and draws no history chart for several objectives', () => {
    const html = studyHtml(example('study-multi-objective.json'));
    assertWellFormed(html);
    assert.equal(count(html, '<svg'), 0);
    const table = rows(html);
    assert.deepEqual(table.map((r) => r.cells[0]), ['★', '★', '★', '★', '', '']);
    assert.deepEqual(table[0].cells.slice(2, 6), ['4', 'complete', '1761.0000', '0.8020']);
    assert.ok(html.includes('Pareto front: trials 0, 1, 2, 4.'));
  });

  it('limits the rows and says how many are left out', () => {
    const html = studyHtml(example('study-running.json'), { maxRows: 3 });
    assert.equal(rows(html).length, 3);
    assert.ok(html.includes('… and 5 more trials</div>'));
  });

  it('escapes the study name, parameter names, categorical values, value names and fail reasons', () => {
    const payload = example('study-running.json');
    payload.name = HOSTILE;
    payload.id = HOSTILE;
    payload.valueNames = [HOSTILE];
    payload.searchSpace = { [HOSTILE]: { type: 'categorical', choices: [HOSTILE] } };
    payload.trials = payload.trials.map((t) => ({ ...t, params: { [HOSTILE]: HOSTILE }, failReason: t.state === 'FAIL' ? HOSTILE : null }));
    payload.progress = { done: 1, total: null, label: HOSTILE };
    const html = studyHtml(payload);
    assertWellFormed(html);
    assert.ok(!html.includes(HOSTILE));
    assert.ok(!html.includes('<script'));
    for (const fragment of [
      `data-rnnlab-id="${ESCAPED}"`,
      `<strong style="font-size:14px">${ESCAPED}</strong>`,
      `minimize ${ESCAPED}`,
      `>${ESCAPED}</th>`,
      `>${ESCAPED}</td>`,
      `max-width:28em">${ESCAPED}</div>`,
      `fill="currentColor">${ESCAPED}</text>`,
    ]) {
      assert.ok(html.includes(fragment), fragment);
    }
    assert.ok(studyText(payload).includes(`Progress: ${HOSTILE}.`), 'the text fallback is plain text, not escaped');
  });
});
