/**
 * End-to-end: the rnnlab views in a real JupyterLab with the rnnlab kernel. A tiny fitLive run grows its
 * curves live; a small GridSearchCV fills its leaderboard, which is then sorted and filtered; Stop ends a
 * longer search through the comm; the saved notebook, reloaded, shows the final state. Screenshots go to
 * ui-tests/screenshots/.
 */
import { expect, galata, test } from '@jupyterlab/galata';
import type { IJupyterLabPageFixture } from '@jupyterlab/galata';
import path from 'node:path';

const SHOTS = path.join(__dirname, '..', 'screenshots');

test.use({ autoGoto: true, serverFiles: 'off' });

function notebook(cells: string[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'rnnlab', display_name: 'TypeScript (rnnlab)', language: 'typescript' },
      language_info: { name: 'typescript' },
    },
    cells: cells.map((source, index) => ({ cell_type: 'code', id: `cell-${index}`, metadata: {}, execution_count: null, outputs: [], source })),
  });
}

/** Page errors and console errors of the views; the tests end by checking there were none. */
function watchErrors(page: IJupyterLabPageFixture): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /rnnlab|plotly/i.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  return errors;
}

async function open(page: IJupyterLabPageFixture, tmpPath: string, name: string, cells: string[]): Promise<void> {
  await page.contents.uploadContent(notebook(cells), 'text', `${tmpPath}/${name}`);
  await page.notebook.openByPath(`${tmpPath}/${name}`);
  await page.notebook.activate(name);
  await expect(page.locator('.jp-NotebookPanel-toolbar .jp-KernelName')).toHaveText('TypeScript (rnnlab)', { timeout: 60_000 });
  await page.waitForSelector('.jp-NotebookPanel-toolbar .jp-Notebook-ExecutionIndicator[data-status="idle"]', { timeout: 120_000 });
}

/** Starts a cell without waiting for it to finish. */
async function startCell(page: IJupyterLabPageFixture, index: number): Promise<void> {
  await page.notebook.selectCells(index);
  await page.evaluate(() => {
    void (window as unknown as { jupyterapp: { commands: { execute(id: string): Promise<unknown> } } }).jupyterapp.commands.execute('notebook:run-cell');
  });
}

/** Records every distinct text of `selector` (joined over matches) while the page runs. */
async function record(page: IJupyterLabPageFixture, key: string, selector: string): Promise<void> {
  await page.evaluate(
    ({ key, selector }) => {
      const store = window as unknown as Record<string, string[]>;
      store[key] = [];
      const read = (): void => {
        const text = Array.from(document.querySelectorAll(selector))
          .map((node) => node.textContent ?? '')
          .join(' | ');
        const list = store[key];
        if (text && list[list.length - 1] !== text) list.push(text);
      };
      new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    { key, selector },
  );
}

async function recorded(page: IJupyterLabPageFixture, key: string): Promise<string[]> {
  return page.evaluate((key) => (window as unknown as Record<string, string[]>)[key] ?? [], key);
}

const TRAIN_SETUP = `import { buildRnnProgressive, compileRnn, fitLive } from "rnnlab";
import * as tf from "@tensorflow/tfjs";
const nTrain = 384, steps = 10, feats = 3;
const xTrain = tf.randomNormal([nTrain, steps, feats], 0, 1, "float32", 7);
const yTrain = tf.tidy(() => xTrain.slice([0, 0, 0], [nTrain, steps, 1]).sum([1, 2]).greater(0).cast("float32").reshape([nTrain, 1]));
const tiny = compileRnn(
  buildRnnProgressive({ inputShape: [steps, feats], initialUnits: 16, numLayers: 2, cellType: "GRU", dropoutRate: 0.1, seed: 42 }),
  { optimizer: "adam", learningRate: 0.01 },
);`;
// Long enough to watch it run: with rnnlab's fused layers an epoch of this model takes well under 0.1 s.
const TRAIN_FIT = `await fitLive(tiny, xTrain, yTrain, { epochs: 60, batchSize: 32, validationSplit: 0.25 });`;

// A minDelta no epoch can beat: epoch 1 stays the best, patience 2 stops after epoch 3, on any machine.
const EARLY_FIT = `import { EarlyStopping } from "rnnlab";
await fitLive(tiny, xTrain, yTrain, { epochs: 40, batchSize: 32, validationSplit: 0.25,
  callbacks: [new EarlyStopping({ monitor: "val_loss", minDelta: 10, patience: 2, restoreBestWeights: true })] });`;

const SEARCH_SETUP = `import { buildRnnProgressive, compileRnn, KerasClassifier, GridSearchCV, display } from "rnnlab";
import * as tf from "@tensorflow/tfjs";
function createModel({ cellType = "LSTM", initialUnits = 8, numLayers = 1, dropoutRate = 0.1, learningRate = 0.01 }:
    { cellType?: "LSTM" | "GRU"; initialUnits?: number; numLayers?: number; dropoutRate?: number; learningRate?: number } = {}) {
  const m = buildRnnProgressive({ inputShape: [6, 2], cellType, initialUnits, numLayers, dropoutRate });
  return compileRnn(m, { optimizer: "adam", learningRate, loss: "binaryCrossentropy", metrics: ["accuracy"] });
}
const nS = 40;
const X_train = tf.randomNormal([nS, 6, 2], 0, 1, "float32", 3);
const y_train = Array.from(X_train.slice([0, 0, 0], [nS, 6, 1]).sum([1, 2]).dataSync()).map((s) => (s > 0 ? 1 : 0));
const clf = new KerasClassifier({ buildFn: createModel, verbose: 0 });`;
const SEARCH_GRID = `const grid = new GridSearchCV({ estimator: clf, paramGrid: { cellType: ["LSTM", "GRU"], initialUnits: [4, 8], epochs: [3], batchSize: [20] }, cv: 2, randomState: 0 });
await grid.fit(X_train, y_train);
console.log("Best Parameters:", JSON.stringify(grid.bestParams));`;
// Slow enough that Stop lands while candidates remain (a fused-layer epoch of this model is a few ms).
const SEARCH_SLOW = `const slow = new GridSearchCV({ estimator: clf, paramGrid: { initialUnits: [2, 3, 4, 5, 6, 7, 8, 9], numLayers: [1], epochs: [400] }, cv: 2 });
await slow.fit(X_train, y_train);
console.log(JSON.stringify({ status: slow.state.status, done: slow.cvResults?.params.length ?? 0 }));`;
const MALFORMED = `display({ "application/vnd.rnnlab.study.v1+json": { version: 2, id: "x" }, "text/plain": "malformed" });`;

test('a fitLive run grows its curves live and ends finished', async ({ page, tmpPath }) => {
  const errors = watchErrors(page);
  await open(page, tmpPath, 'training.ipynb', [TRAIN_SETUP, TRAIN_FIT]);
  await page.notebook.runCell(0);
  await record(page, 'progress', '.rnnlab-training .rnnlab-progress-text');
  await startCell(page, 1);
  const view = page.locator('.rnnlab-training').first();
  await expect(view).toBeVisible();
  await expect(view.locator('.rnnlab-badge')).toHaveText('running');
  await expect(view.locator('.rnnlab-plot .main-svg').first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'training-running.png') });
  await expect(view.locator('.rnnlab-badge')).toHaveText('finished', { timeout: 180_000 });
  const seen = await recorded(page, 'progress');
  const epochs = seen.map((text) => Number(/epoch (\d+)/.exec(text)?.[1] ?? -1));
  expect(new Set(epochs).size, `progress seen: ${seen.join(', ')}`).toBeGreaterThanOrEqual(3);
  expect([...epochs].sort((a, b) => a - b)).toEqual(epochs);
  // In-epoch progress and the time left while it ran (288 training samples in batches of 32: 9 a epoch).
  expect(seen.some((text) => /batch \d+ \/ 9 · ETA /.test(text)), `progress seen: ${seen.join(', ')}`).toBe(true);
  await expect(view.locator('.rnnlab-progress-text')).toHaveText('epoch 60 / 60');
  // loss and accuracy subplots, train and validation curves
  await expect(view.locator('.rnnlab-plot .scatterlayer .trace')).toHaveCount(4);
  await expect(view.locator('.rnnlab-plot .g-y2title')).toHaveText('accuracy');
  await view.locator('.rnnlab-toolbar button', { hasText: 'log scale' }).click();
  await expect(view.locator('.rnnlab-toolbar button', { hasText: 'log scale' })).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(500);
  await view.screenshot({ path: path.join(SHOTS, 'training-finished-log.png') });

  // The History as the cell's result: a compact table under Keras 3 names, not a dump.
  await page.notebook.waitForRun(1);
  const history = (await page.notebook.getCellOutputLocator(1))!.locator('.rnnlab-history');
  await expect(history.locator('tbody tr')).toHaveCount(4);
  await expect(history.locator('tbody tr td:first-child')).toHaveText(['loss', 'accuracy', 'val_loss', 'val_accuracy']);
  await history.scrollIntoViewIfNeeded();
  await history.screenshot({ path: path.join(SHOTS, 'training-history.png') });

  // Saved = live: the log scale survives a save and a reload.
  await page.notebook.save();
  await page.evaluate(() => window.location.reload());
  await page.locator('#jupyterlab-splash').waitFor({ state: 'detached', timeout: 120_000 });
  const reloaded = page.locator('.rnnlab-training').first();
  await expect(reloaded.locator('.rnnlab-badge')).toHaveText('finished', { timeout: 120_000 });
  await expect(reloaded.locator('.rnnlab-toolbar button', { hasText: 'log scale' })).toHaveAttribute('aria-pressed', 'true');
  await expect(reloaded.locator('.rnnlab-plot .g-ytitle').first()).toHaveText('loss');
  await page.waitForTimeout(800);
  await reloaded.screenshot({ path: path.join(SHOTS, 'training-reloaded-log.png') });
  expect(errors).toEqual([]);
});

test('EarlyStopping under fitLive: the view marks the best epoch and says where it stopped', async ({ page, tmpPath }) => {
  const errors = watchErrors(page);
  await open(page, tmpPath, 'early.ipynb', [TRAIN_SETUP, EARLY_FIT]);
  await page.notebook.runCell(0);
  await page.notebook.runCell(1);
  const view = page.locator('.rnnlab-training').first();
  await expect(view.locator('.rnnlab-badge')).toHaveText('stopped', { timeout: 120_000 });
  await expect(view.locator('.rnnlab-progress-text')).toHaveText('epoch 3 / 40');
  await expect(view.locator('.rnnlab-callbacks')).toHaveText('stopped at epoch 3, best weights from epoch 1 restored');
  // A dotted line and a 'best' label on both subplots, a star on the val_loss curve.
  await expect(view.locator('.rnnlab-plot .annotation-text')).toHaveText(['best', 'best']);
  await expect(view.locator('.rnnlab-plot .shapelayer path')).toHaveCount(2);
  await expect(view.locator('.rnnlab-plot .scatterlayer .trace')).toHaveCount(5);
  await page.waitForTimeout(500);
  await view.screenshot({ path: path.join(SHOTS, 'training-early-stopped.png') });
  expect(errors).toEqual([]);
});

test('a search fills its leaderboard, sorts, filters, stops, and reloads in its final state', async ({ page, tmpPath }) => {
  const errors = watchErrors(page);
  await open(page, tmpPath, 'search.ipynb', [SEARCH_SETUP, SEARCH_GRID, SEARCH_SLOW, MALFORMED]);
  await page.notebook.runCell(0);

  // a small grid search: the leaderboard fills as candidates complete
  await record(page, 'complete', '.rnnlab-study [data-filter="complete"]');
  await startCell(page, 1);
  const grid = (await page.notebook.getCellOutputLocator(1))!.locator('.rnnlab-study');
  await expect(grid).toBeVisible();
  await expect(grid.locator('.rnnlab-badge')).toHaveText('finished', { timeout: 180_000 });
  const counts = (await recorded(page, 'complete')).map((text) => Number(/complete (\d+)/.exec(text)?.[1] ?? -1));
  expect(counts.length, `complete counts seen: ${counts.join(', ')}`).toBeGreaterThanOrEqual(2);
  expect(counts[counts.length - 1]).toBe(4);
  await expect(grid.locator('tbody tr')).toHaveCount(4);
  await expect(grid.locator('tbody tr.rnnlab-best')).toHaveCount(1);
  await expect(grid.locator('.rnnlab-stop')).toBeDisabled();

  // sort by a parameter from the keyboard, then by rank with a click
  const unitsHeader = grid.locator('th[data-key="param:initialUnits"]');
  await unitsHeader.locator('button').focus();
  await page.keyboard.press('Enter');
  await expect(unitsHeader).toHaveAttribute('aria-sort', 'ascending');
  const units = await grid.locator('tbody td.rnnlab-col-param:nth-child(6)').allTextContents();
  expect(units).toEqual([...units].sort((a, b) => Number(a) - Number(b)));
  await page.keyboard.press('Enter');
  await expect(unitsHeader).toHaveAttribute('aria-sort', 'descending');
  await grid.locator('th[data-key="rank"] button').click();
  await expect(grid.locator('tbody tr').first()).toHaveClass(/rnnlab-best/);

  // filter: hide complete trials, then show them again
  await grid.locator('[data-filter="complete"]').click();
  await expect(grid.locator('tbody td.rnnlab-empty')).toHaveText('no trial to show');
  await grid.locator('[data-filter="complete"]').click();
  await expect(grid.locator('tbody tr')).toHaveCount(4);
  await grid.locator('tbody tr').nth(1).click();
  await expect(grid.locator('tbody tr').nth(1)).toHaveAttribute('aria-selected', 'true');
  // Per-fold scores: a column per fold and the box/strip panel.
  await expect(grid.locator('th[data-key="fold:0"]')).toHaveText('fold 1');
  await expect(grid.locator('th[data-key="fold:1"]')).toHaveText('fold 2');
  await expect(grid.locator('.rnnlab-chart-folds')).toBeVisible();
  await expect(grid.locator('.rnnlab-chart-folds .boxlayer .trace')).toHaveCount(4);
  // A search has no importance panel; the reason is said instead.
  await expect(grid.locator('.rnnlab-chart-importance')).toBeHidden();
  await expect(grid.locator('.rnnlab-chart-notes')).toContainText('Parameter importance: parameter importance is computed for studies');
  // Leave a sort by a parameter for the reload to restore.
  await unitsHeader.locator('button').click();
  await expect(unitsHeader).toHaveAttribute('aria-sort', 'ascending');
  const liveRows = await grid.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.textContent));
  const liveSelected = await grid.locator('tbody tr[aria-selected="true"]').getAttribute('data-trial');
  const liveHeaders = await grid.locator('thead th').allTextContents();
  await page.waitForTimeout(800);
  await grid.screenshot({ path: path.join(SHOTS, 'search-finished.png') });
  await grid.locator('.rnnlab-chart-folds').scrollIntoViewIfNeeded();
  await grid.locator('.rnnlab-chart-folds').screenshot({ path: path.join(SHOTS, 'search-folds.png') });

  // a longer search: Stop it from the view once a candidate has completed
  await startCell(page, 2);
  const slow = (await page.notebook.getCellOutputLocator(2))!.locator('.rnnlab-study');
  await expect(slow.locator('.rnnlab-badge')).toHaveText('running');
  await expect(slow.locator('[data-filter="complete"]')).not.toHaveText('complete 0', { timeout: 180_000 });
  await expect(slow.locator('.rnnlab-stop')).toBeEnabled();
  await page.screenshot({ path: path.join(SHOTS, 'search-running.png') });
  await slow.locator('.rnnlab-stop').click();
  await expect(slow.locator('.rnnlab-badge')).toHaveText('stopped', { timeout: 180_000 });
  await expect(slow.locator('.rnnlab-stop')).toBeDisabled();
  const complete = Number(/complete (\d+)/.exec((await slow.locator('[data-filter="complete"]').textContent()) ?? '')?.[1]);
  expect(complete).toBeGreaterThanOrEqual(1);
  expect(complete).toBeLessThan(8);
  await page.notebook.waitForRun(2);
  const printed = (await page.notebook.getCellTextOutput(2))?.join('\n') ?? '';
  expect(printed).toContain('"status":"stopped"');
  await slow.screenshot({ path: path.join(SHOTS, 'search-stopped.png') });

  // a malformed payload shows an error box, and the notebook goes on working
  await page.notebook.runCell(3);
  const error = (await page.notebook.getCellOutputLocator(3))!.locator('.rnnlab-error');
  await expect(error).toContainText('version 2');
  await error.screenshot({ path: path.join(SHOTS, 'malformed-payload.png') });

  // dark theme
  await page.theme.setDarkTheme();
  await page.waitForTimeout(1500);
  await slow.screenshot({ path: path.join(SHOTS, 'search-stopped-dark.png') });
  await page.theme.setLightTheme();
  await page.waitForTimeout(500);

  // save, reload: the outputs show their final state, with the controls disabled
  await page.notebook.save();
  // A plain browser reload: Galata's page.reload waits for the Launcher tab to be active, which a
  // reload that restores the open notebook never makes it.
  await page.evaluate(() => window.location.reload());
  await page.locator('#jupyterlab-splash').waitFor({ state: 'detached', timeout: 120_000 });
  // JupyterLab restores the open notebook from its workspace; its saved outputs render again.
  // (the third study output is the malformed one: an error box, no badge)
  const reloaded = page.locator('.rnnlab-study:has(.rnnlab-badge)');
  await expect(reloaded).toHaveCount(2, { timeout: 120_000 });
  await expect(page.locator('.rnnlab-study .rnnlab-error')).toContainText('version 2');
  await expect(reloaded.nth(0).locator('.rnnlab-badge')).toHaveText('finished');
  await expect(reloaded.nth(1).locator('.rnnlab-badge')).toHaveText('stopped');
  await expect(reloaded.nth(1).locator('.rnnlab-stop')).toBeDisabled();
  await expect(reloaded.nth(0).locator('tbody tr')).toHaveCount(4);
  // Saved = live: the same columns in the same order, the same sort, rows and selection.
  expect(await reloaded.nth(0).locator('thead th').allTextContents()).toEqual(liveHeaders);
  await expect(reloaded.nth(0).locator('th[data-key="param:initialUnits"]')).toHaveAttribute('aria-sort', 'ascending');
  expect(await reloaded.nth(0).locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.textContent))).toEqual(liveRows);
  await expect(reloaded.nth(0).locator('tbody tr[aria-selected="true"]')).toHaveAttribute('data-trial', liveSelected ?? '');
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(SHOTS, 'reloaded.png'), fullPage: true });
  await reloaded.nth(0).screenshot({ path: path.join(SHOTS, 'search-reloaded.png') });

  expect(errors).toEqual([]);
  void galata;
});

// 800 epochs: with the fused layers a trial then lasts seconds, so Prune reaches a trial still running.
const STUDY_SETUP = `import { buildRnnProgressive, compileRnn, createStudy, pruningCallback, NopPruner, RandomSampler, type Trial } from "rnnlab";
import * as tf from "@tensorflow/tfjs";
const xs = tf.randomNormal([64, 6, 2], 0, 1, "float32", 1);
const ys = tf.randomUniform([64, 1], 0, 1, "float32", 2).round();
async function objective(trial: Trial) {
  const model = compileRnn(buildRnnProgressive({ inputShape: [6, 2], initialUnits: trial.suggestInt("initialUnits", 2, 8), numLayers: 1 }),
                           { learningRate: trial.suggestFloat("learningRate", 1e-3, 1e-1, { log: true }) });
  const h = await model.fit(xs, ys, { epochs: 800, batchSize: 16, validationSplit: 0.25, verbose: 0, callbacks: [pruningCallback(trial, { monitor: "val_loss" })] });
  const loss = h.history.val_loss as number[];
  return loss[loss.length - 1];
}`;
const STUDY_RUN = `const study = await createStudy({ sampler: new RandomSampler({ seed: 0 }), pruner: new NopPruner() });
await study.optimize(objective, { nTrials: 30 });
console.log(JSON.stringify({ states: study.trials.map((t) => t.state) }));`;

test('a study prunes the running trial and stops from its view', async ({ page, tmpPath }) => {
  const errors = watchErrors(page);
  await open(page, tmpPath, 'study.ipynb', [STUDY_SETUP, STUDY_RUN]);
  await page.notebook.runCell(0);
  await startCell(page, 1);
  const view = (await page.notebook.getCellOutputLocator(1))!.locator('.rnnlab-study');
  await expect(view.locator('.rnnlab-badge')).toHaveText('running', { timeout: 120_000 });
  // one trial running: Prune targets it
  await expect(view.locator('.rnnlab-prune')).toBeEnabled({ timeout: 120_000 });
  await view.locator('.rnnlab-prune').click();
  await expect(view.locator('[data-filter="pruned"]')).not.toHaveText('pruned 0', { timeout: 120_000 });
  await page.waitForTimeout(800);
  await view.screenshot({ path: path.join(SHOTS, 'study-pruned.png') });
  await view.locator('.rnnlab-stop').click();
  await expect(view.locator('.rnnlab-badge')).toHaveText('stopped', { timeout: 120_000 });
  await page.notebook.waitForRun(1);
  const printed = (await page.notebook.getCellTextOutput(1))?.join('\n') ?? '';
  const states = (JSON.parse(printed.trim().split('\n').pop() ?? '{}') as { states?: string[] }).states ?? [];
  expect(states).toContain('PRUNED');
  expect(states.length).toBeLessThan(30);
  // the charts catch up with the final payload (their redraws are throttled behind the table's)
  await expect(view.locator('.rnnlab-plot').nth(1)).not.toContainText('no complete trial yet', { timeout: 30_000 });
  await expect(view.locator('.rnnlab-plot').first()).not.toContainText('running', { timeout: 30_000 });
  // The prune note went once the trial was pruned.
  await expect(view.locator('.rnnlab-control-message')).not.toContainText('will be pruned');
  // The analysis plots, and the header with trials done of all, the elapsed time and the best so far.
  for (const chart of ['slice', 'contour', 'rank', 'edf', 'timeline']) {
    await expect(view.locator(`.rnnlab-chart-${chart} .main-svg`).first()).toBeVisible({ timeout: 30_000 });
  }
  await expect(view.locator('.rnnlab-chart-timeline .barlayer .point').first()).toBeVisible();
  await expect(view.locator('.rnnlab-progress-text')).toContainText(/trial \d+ \/ 30 · \d+ trials · elapsed /);
  await expect(view.locator('.rnnlab-best-line')).toContainText(/^best: trial \d+ · value /);
  // The contour plot follows the chosen parameters.
  await view.locator('.rnnlab-pick-x').selectOption('learningRate');
  await view.locator('.rnnlab-pick-y').selectOption('initialUnits');
  await expect(view.locator('.rnnlab-chart-contour .g-xtitle')).toHaveText('learningRate');
  await page.waitForTimeout(800);
  await view.screenshot({ path: path.join(SHOTS, 'study-stopped.png') });
  // One screenshot per panel, each scrolled into view (the notebook scrolls inside its own panel).
  for (const chart of ['history', 'parallel', 'slice', 'contour', 'rank', 'edf', 'timeline']) {
    const panel = view.locator(`.rnnlab-chart-${chart}`);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: path.join(SHOTS, `study-${chart}.png`) });
  }
  expect(errors).toEqual([]);
});
