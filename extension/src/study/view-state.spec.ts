import '../testing/dom';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Widget } from '@lumino/widgets';
import type { StudyPayload } from '../payload';
import { studyExample } from '../testing/examples';
import { mimeModel, mockPlotly } from '../testing/plotly-mock';
import { STUDY_MIME, StudyView } from './widget';

function newView(): StudyView {
  const plotly = mockPlotly();
  const view = new StudyView({ loadPlotly: plotly.load, locator: null, throttleMs: 0 });
  Widget.attach(view, document.body);
  return view;
}

const rows = (view: StudyView): string[] => Array.from(view.node.querySelectorAll('tbody tr')).map((tr) => tr.getAttribute('data-trial') ?? '');
const saved = (model: { data: Record<string, unknown> }): StudyPayload => model.data[STUDY_MIME] as StudyPayload;

describe('StudyView saved = live', () => {
  it('writes sort, hidden states and selection into the output, and a reload shows the same table', async () => {
    const view = newView();
    const model = mimeModel(STUDY_MIME, studyExample('grid-search-finished.json'));
    await view.renderModel(model);
    view.node.querySelector<HTMLButtonElement>('th[data-key="param:initialUnits"] button')?.click();
    view.node.querySelector<HTMLButtonElement>('[data-filter="failed"]')?.click();
    view.node.querySelector<HTMLElement>('tbody tr:nth-child(2)')?.click();
    const live = { rows: rows(view), selected: view.table?.selection, headers: view.node.querySelector('thead')?.textContent };
    assert.deepEqual(saved(model).viewState, {
      sort: { column: 'param:initialUnits', descending: false },
      hiddenStates: ['failed'],
      selectedTrial: live.selected,
    });
    view.dispose();

    // Saved notebooks sort object keys: the reloaded payload has them sorted, paramNames keeps the order.
    const sortKeys = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(sortKeys) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)])) : value;
    const reloaded = newView();
    await reloaded.renderModel(mimeModel(STUDY_MIME, sortKeys({ ...saved(model), paramNames: ['cellType', 'initialUnits', 'learningRate'] })));
    assert.deepEqual(rows(reloaded), live.rows);
    assert.equal(reloaded.table?.selection, live.selected);
    assert.equal(reloaded.node.querySelector('[data-filter="failed"]')?.getAttribute('aria-pressed'), 'false');
    assert.equal(reloaded.node.querySelector('th[data-key="param:initialUnits"]')?.getAttribute('aria-sort'), 'ascending');
    assert.equal(reloaded.node.querySelector('thead')?.textContent, live.headers);
  });

  it('writes the state back after the final update, which carries none, and nothing for the defaults', async () => {
    const view = newView();
    const first = mimeModel(STUDY_MIME, { ...studyExample('study-running.json') });
    await view.renderModel(first);
    assert.deepEqual(first.written, [], 'defaults: nothing written');
    view.node.querySelector<HTMLElement>('tbody tr')?.click();
    const final = mimeModel(STUDY_MIME, { ...studyExample('study-running.json'), status: 'finished', controls: null });
    await view.renderModel(final);
    assert.deepEqual(saved(final).viewState, { selectedTrial: view.table?.selection });
  });

  it('keeps the contour parameters chosen, swapping when one axis takes the other\'s', async () => {
    const view = newView();
    const model = mimeModel(STUDY_MIME, studyExample('study-running.json'));
    await view.renderModel(model);
    await view.flush();
    const pickX = view.node.querySelector<HTMLSelectElement>('.rnnlab-pick-x');
    const pickY = view.node.querySelector<HTMLSelectElement>('.rnnlab-pick-y');
    assert.deepEqual([pickX?.value, pickY?.value], ['initialUnits', 'learningRate']);
    if (!pickX || !pickY) return;
    pickX.value = 'learningRate';
    pickX.dispatchEvent(new Event('change'));
    assert.deepEqual([pickX.value, pickY.value], ['learningRate', 'initialUnits']);
    assert.deepEqual(saved(model).viewState, { contourParams: ['learningRate', 'initialUnits'] });
    view.dispose();
    const reloaded = newView();
    await reloaded.renderModel(mimeModel(STUDY_MIME, saved(model)));
    await reloaded.flush();
    assert.deepEqual([reloaded.node.querySelector<HTMLSelectElement>('.rnnlab-pick-x')?.value, reloaded.node.querySelector<HTMLSelectElement>('.rnnlab-pick-y')?.value], ['learningRate', 'initialUnits']);
  });
});
