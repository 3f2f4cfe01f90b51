import '../testing/dom';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Signal } from '@lumino/signaling';
import type { Kernel } from '@jupyterlab/services';
import type { ControlRequest, ControlReply } from '../controls';
import type { IKernelLocator } from '../tokens';
import { studyExample } from '../testing/examples';
import { mimeModel, mockPlotly } from '../testing/plotly-mock';
import { Widget } from '@lumino/widgets';
import { STUDY_MIME, StudyView } from './widget';

function locator(alive: boolean): IKernelLocator {
  const kernel = { createComm: () => null } as unknown as Kernel.IKernelConnection;
  const stub = { kernelFor: () => (alive ? kernel : null), changed: null as unknown as Signal<IKernelLocator, void> };
  stub.changed = new Signal<IKernelLocator, void>(stub);
  return stub;
}

async function render(name: string, options: { alive?: boolean; reply?: ControlReply } = {}) {
  const plotly = mockPlotly();
  const sent: { target: string; request: ControlRequest }[] = [];
  const view = new StudyView({
    loadPlotly: plotly.load,
    locator: locator(options.alive ?? true),
    throttleMs: 0,
    send: async (_kernel, target, request) => {
      sent.push({ target, request });
      return options.reply ?? { ok: true, detail: {} };
    },
  });
  Widget.attach(view, document.body);
  await view.renderModel(mimeModel(STUDY_MIME, studyExample(name)));
  await view.flush();
  return { view, plotly, sent };
}

const rowNumbers = (view: StudyView): string[] => Array.from(view.node.querySelectorAll('tbody tr')).map((tr) => tr.getAttribute('data-trial') ?? '');

describe('StudyView', () => {
  it('shows the leaderboard with the best trial highlighted and pruned / failed marked', async () => {
    const { view, plotly } = await render('study-running.json');
    assert.deepEqual(rowNumbers(view), ['4', '1', '0', '2', '3', '5', '6', '7']);
    assert.ok(view.node.querySelector('tr[data-trial="4"]')?.classList.contains('rnnlab-best'));
    assert.ok(view.node.querySelector('tr[data-trial="2"]')?.classList.contains('rnnlab-state-pruned'));
    assert.ok(view.node.querySelector('tr[data-trial="3"]')?.classList.contains('rnnlab-state-failed'));
    assert.equal(view.node.querySelector('tr[data-trial="3"]')?.getAttribute('title'), 'failed: Error: out of memory allocating 512 MB');
    const shown = Array.from(view.node.querySelectorAll<HTMLElement>('.rnnlab-chart')).filter((section) => !section.hidden);
    assert.deepEqual(
      shown.map((section) => section.dataset.chart),
      ['intermediate', 'history', 'parallel', 'importance', 'slice', 'contour', 'rank', 'edf', 'timeline'].filter((key) => key !== 'importance' || studyExample('study-running.json').importance),
    );
    assert.equal(plotly.calls.length, shown.length, 'one plot per shown panel');
    assert.equal(view.node.querySelector('.rnnlab-progress-text')?.textContent, 'trial 7 of 20 · 8 trials');
  });

  it('sorts from a focusable header button and filters by state', async () => {
    const { view } = await render('study-running.json');
    const header = view.node.querySelector<HTMLButtonElement>('th[data-key="param:cellType"] button');
    header?.click();
    assert.equal(view.node.querySelector('th[data-key="param:cellType"]')?.getAttribute('aria-sort'), 'ascending');
    assert.deepEqual(rowNumbers(view).slice(0, 3), ['1', '4', '6']);
    header?.click();
    assert.equal(view.node.querySelector('th[data-key="param:cellType"]')?.getAttribute('aria-sort'), 'descending');
    view.node.querySelector<HTMLButtonElement>('[data-filter="pruned"]')?.click();
    view.node.querySelector<HTMLButtonElement>('[data-filter="failed"]')?.click();
    assert.equal(view.node.querySelector('[data-filter="pruned"]')?.getAttribute('aria-pressed'), 'false');
    assert.ok(!rowNumbers(view).includes('2') && !rowNumbers(view).includes('3'));
    assert.equal(view.csv().split('\r\n').length, 8, 'CSV exports what is shown');
  });

  it('highlights a clicked row’s curve and keeps sort and selection across updates', async () => {
    const { view, plotly } = await render('study-running.json');
    view.node.querySelector<HTMLElement>('tr[data-trial="1"]')?.click();
    await view.flush();
    const intermediate = plotly.calls.filter((call) => call.layout.uirevision === 'study-7f3a:intermediate');
    const last = intermediate[intermediate.length - 1];
    assert.equal(last.data[last.data.length - 1].name, 'selected');
    await view.renderModel(mimeModel(STUDY_MIME, studyExample('study-running.json')));
    assert.equal(view.node.querySelector('tr[data-trial="1"]')?.getAttribute('aria-selected'), 'true');
  });

  it('sends Stop and Prune on the payload’s comm target', async () => {
    const { view, sent } = await render('study-running.json');
    const stop = view.node.querySelector<HTMLButtonElement>('.rnnlab-stop');
    const prune = view.node.querySelector<HTMLButtonElement>('.rnnlab-prune');
    assert.equal(stop?.disabled, false);
    assert.equal(prune?.textContent, '✂ Prune trial 6', 'the only running trial');
    stop?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    prune?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(sent, [
      { target: 'rnnlab.study', request: { action: 'stop', studyId: 'study-7f3a' } },
      { target: 'rnnlab.study', request: { action: 'prune', studyId: 'study-7f3a', trialNumber: 6 } },
    ]);
  });

  it('clears the "will be pruned" note once the trial is no longer running', async () => {
    const { view } = await render('study-running.json');
    view.node.querySelector<HTMLButtonElement>('.rnnlab-prune')?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const message = () => view.node.querySelector('.rnnlab-control-message')?.textContent;
    assert.equal(message(), 'trial 6 will be pruned at its next report');
    await view.renderModel(mimeModel(STUDY_MIME, studyExample('study-running.json')));
    assert.equal(message(), 'trial 6 will be pruned at its next report', 'still running: the note stays');
    const after = studyExample('study-running.json');
    after.trials = after.trials.map((trial) => (trial.number === 6 ? { ...trial, state: 'PRUNED', datetimeComplete: trial.datetimeStart } : trial));
    await view.renderModel(mimeModel(STUDY_MIME, after));
    assert.equal(message(), '');
  });

  it('shows the kernel’s error', async () => {
    const { view } = await render('study-running.json', { reply: { ok: false, error: 'the study is not running' } });
    view.node.querySelector<HTMLButtonElement>('.rnnlab-stop')?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(view.node.querySelector('.rnnlab-control-message')?.textContent, 'Stop failed: the study is not running');
    assert.equal(view.node.querySelector('.rnnlab-control-message')?.getAttribute('role'), 'alert');
  });

  it('disables the buttons with a reason when the output is not live or the kernel is gone', async () => {
    const finished = await render('grid-search-finished.json');
    const stop = finished.view.node.querySelector<HTMLButtonElement>('.rnnlab-stop');
    assert.equal(stop?.disabled, true);
    assert.equal(stop?.title, 'The run has finished.');
    assert.equal(finished.view.node.querySelector<HTMLButtonElement>('.rnnlab-prune')?.hidden, true, 'searches have no pruner');
    const dead = await render('study-running.json', { alive: false });
    assert.match(dead.view.node.querySelector<HTMLButtonElement>('.rnnlab-stop')?.title ?? '', /kernel is not running/);
  });

  it('shows an error box for a malformed payload', async () => {
    const { view } = await render('study-running.json');
    await view.renderModel(mimeModel(STUDY_MIME, { ...studyExample('study-running.json'), trials: [{ number: -1 }] }));
    assert.match(view.node.querySelector('[role=alert]')?.textContent ?? '', /study view cannot be shown.*\/trials\/0/);
  });
});
