import '../testing/dom';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trainingExample } from '../testing/examples';
import { mimeModel, mockPlotly } from '../testing/plotly-mock';
import { Widget } from '@lumino/widgets';
import type { TrainingPayload } from '../payload';
import { TRAINING_MIME, TrainingView } from './widget';

function view(): { view: TrainingView; plotly: ReturnType<typeof mockPlotly> } {
  const plotly = mockPlotly();
  const widget = new TrainingView({ loadPlotly: plotly.load, throttleMs: 0 });
  Widget.attach(widget, document.body);
  return { view: widget, plotly };
}

describe('TrainingView', () => {
  it('shows the header, the status badge and the curves', async () => {
    const { view: widget, plotly } = view();
    await widget.renderModel(mimeModel(TRAINING_MIME, trainingExample('training-running.json')));
    await widget.flush();
    const node = widget.node;
    assert.equal(node.querySelector('.rnnlab-title')?.textContent, 'Seed LSTM on the synthetic sequences');
    assert.equal(node.querySelector('.rnnlab-badge')?.className, 'rnnlab-badge rnnlab-badge-running');
    assert.equal(node.querySelector('.rnnlab-progress-text')?.textContent, 'epoch 3 / 10 · batch 12 / 25 · ETA 31.9 s');
    assert.equal(plotly.calls.length, 1);
    assert.equal(plotly.calls[0].data.length, 4);
    widget.dispose();
    assert.equal(plotly.purged.length, 1);
  });

  it('says where EarlyStopping stopped and which weights it restored; no such line without a callback', async () => {
    const { view: widget } = view();
    await widget.renderModel(mimeModel(TRAINING_MIME, trainingExample('training-early-stopped.json')));
    await widget.flush();
    const line = widget.node.querySelector<HTMLElement>('.rnnlab-callbacks');
    assert.equal(line?.textContent, 'stopped at epoch 7, best weights from epoch 4 restored');
    assert.equal(line?.hidden, false);
    await widget.renderModel(mimeModel(TRAINING_MIME, trainingExample('training-finished.json')));
    await widget.flush();
    assert.equal(widget.node.querySelector<HTMLElement>('.rnnlab-callbacks')?.hidden, true);
    widget.dispose();
  });

  it('updates in place: same nodes, same plot element, same uirevision', async () => {
    const { view: widget, plotly } = view();
    await widget.renderModel(mimeModel(TRAINING_MIME, trainingExample('training-running.json')));
    await widget.flush();
    const title = widget.node.querySelector('.rnnlab-title');
    const finished = { ...trainingExample('training-finished.json'), id: 'fit-2f6c1a' };
    await widget.renderModel(mimeModel(TRAINING_MIME, finished));
    await widget.flush();
    assert.equal(widget.node.querySelector('.rnnlab-title'), title, 'the header element is reused');
    assert.equal(widget.node.querySelector('.rnnlab-badge')?.textContent, 'finished');
    assert.equal(plotly.calls.length, 2);
    assert.equal(plotly.calls[1].node, plotly.calls[0].node);
    assert.equal(plotly.calls[1].layout.uirevision, plotly.calls[0].layout.uirevision);
  });

  it('coalesces a burst of updates into few redraws with the latest payload', async () => {
    const plotly = mockPlotly();
    const widget = new TrainingView({ loadPlotly: plotly.load, throttleMs: 50 });
    Widget.attach(widget, document.body);
    const payload = trainingExample('training-finished.json');
    for (let n = 1; n <= 10; n++) {
      await widget.renderModel(mimeModel(TRAINING_MIME, { ...payload, epochs: payload.epochs.slice(0, n) }));
    }
    await widget.flush();
    assert.ok(plotly.calls.length <= 3, `${plotly.calls.length} redraws`);
    assert.equal(plotly.calls[plotly.calls.length - 1].data[0].type === 'scatter' && (plotly.calls[plotly.calls.length - 1].data[0] as { x: unknown[] }).x.length, 10);
  });

  it('toggles a log scale', async () => {
    const { view: widget, plotly } = view();
    await widget.renderModel(mimeModel(TRAINING_MIME, trainingExample('training-finished.json')));
    await widget.flush();
    const toggle = widget.node.querySelector<HTMLButtonElement>('.rnnlab-toolbar button');
    toggle?.click();
    await widget.flush();
    assert.equal(toggle?.getAttribute('aria-pressed'), 'true');
    assert.equal(plotly.calls[plotly.calls.length - 1].layout.yaxis?.type, 'log');
  });

  it('saves the log scale into the output and restores it from a saved one (log on losses only)', async () => {
    const { view: widget } = view();
    const model = mimeModel(TRAINING_MIME, trainingExample('training-finished.json'));
    await widget.renderModel(model);
    widget.node.querySelector<HTMLButtonElement>('.rnnlab-toolbar button')?.click();
    assert.deepEqual((model.data[TRAINING_MIME] as unknown as TrainingPayload).viewState, { logScale: true });
    // The kernel's last update has no view state: the view writes it back once the run has ended.
    const update = mimeModel(TRAINING_MIME, trainingExample('training-finished.json'));
    await widget.renderModel(update);
    assert.deepEqual((update.data[TRAINING_MIME] as unknown as TrainingPayload).viewState, { logScale: true });
    widget.dispose();

    // A reload: a new view of the saved output starts in log scale.
    const { view: reloaded, plotly } = view();
    await reloaded.renderModel(mimeModel(TRAINING_MIME, update.data[TRAINING_MIME]));
    await reloaded.flush();
    assert.equal(reloaded.isLogScale, true);
    assert.equal(reloaded.node.querySelector('.rnnlab-toolbar button')?.getAttribute('aria-pressed'), 'true');
    const layout = plotly.calls[plotly.calls.length - 1].layout;
    assert.deepEqual([layout.yaxis?.type, layout.yaxis2?.type], ['log', 'linear']);
  });

  it('writes nothing while the reader keeps the defaults', async () => {
    const { view: widget } = view();
    const model = mimeModel(TRAINING_MIME, trainingExample('training-finished.json'));
    await widget.renderModel(model);
    assert.deepEqual(model.written, []);
  });

  it('shows the error of a failed run', async () => {
    const { view: widget } = view();
    await widget.renderModel(mimeModel(TRAINING_MIME, trainingExample('training-failed.json')));
    assert.equal(widget.node.querySelector('.rnnlab-badge')?.textContent, 'failed');
    assert.match(widget.node.querySelector('.rnnlab-error')?.textContent ?? '', /training diverged: the loss is NaN/);
  });

  it('shows an error box instead of a malformed payload, then recovers on a valid one', async () => {
    const { view: widget, plotly } = view();
    await widget.renderModel(mimeModel(TRAINING_MIME, { ...trainingExample('training-running.json'), epochs: 'many' }));
    assert.match(widget.node.querySelector('[role=alert]')?.textContent ?? '', /cannot be shown.*`\/epochs` must be array/);
    assert.equal(plotly.calls.length, 0);
    await widget.renderModel(mimeModel(TRAINING_MIME, trainingExample('training-running.json')));
    await widget.flush();
    assert.equal(widget.node.querySelector('.rnnlab-error'), null);
    assert.equal(plotly.calls.length, 1);
  });
});
