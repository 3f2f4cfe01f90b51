import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertWellFormed as assertTagsClosed, count } from './spec-helpers';
import { lineChartSvg, type LineChartOptions } from './svg';

/** Asserts that every tag is closed in order and no stray < or > is left in text (the SVG parses as XML). */
function assertWellFormed(markup: string): void {
  assertTagsClosed(markup);
  assert.doesNotMatch(markup.replace(/<[^>]*>/g, ''), /[<>]/, 'stray < or > in text');
}
const pathData = (svg: string) => [...svg.matchAll(/<path [^>]*?\bd="([^"]*)"/g)].map((m) => m[1]);
const texts = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

const simple: LineChartOptions = {
  series: [
    { name: 'a', points: [[0, 1], [1, null], [2, 3], [3, 2]] },
    { name: 'b', points: [[0, 2]], dashed: true },
  ],
  width: 200,
  height: 120,
};

describe('lineChartSvg', () => {
  it('draws one path per series, breaking lines at nulls and drawing lone points as dots', () => {
    const svg = lineChartSvg(simple);
    assertWellFormed(svg);
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="rnnlab-chart" width="200" height="120" viewBox="0 0 200 120"'));
    assert.ok(svg.endsWith('</svg>'));
    assert.deepEqual(pathData(svg), ['M44.0 98.0l0 0M136.0 28.0L182.0 63.0', 'M44.0 63.0l0 0']);
    assert.equal(count(svg, 'stroke-dasharray="5 3"'), 1);
  });

  it('labels ticks with fixed decimals and lists the series in a legend', () => {
    const svg = lineChartSvg(simple);
    assert.deepEqual(texts(svg), ['a', 'b', '1.0', '1.5', '2.0', '2.5', '3.0', '0.0', '0.5', '1.0', '1.5', '2.0', '2.5', '3.0']);
    assert.deepEqual(texts(lineChartSvg({ ...simple, xIntegers: true })).slice(7), ['0', '1', '2', '3']);
  });

  it('is deterministic', () => {
    assert.equal(lineChartSvg(simple), lineChartSvg(structuredClone(simple)));
  });

  it('keeps one path per series for markers, faint lines and series without data', () => {
    const svg = lineChartSvg({
      series: [
        { name: 'dots', points: [[1, 0.5], [2, 0.25]], markers: true },
        { name: 'noise', points: [[1, 0.4], [2, 0.3]], faint: true },
        { name: 'empty', points: [[1, null]] },
      ],
      width: 300,
      height: 200,
      title: 'mixed',
    });
    assertWellFormed(svg);
    assert.equal(count(svg, '<path '), 3);
    assert.equal(count(pathData(svg)[0], 'a2.5 2.5'), 4, 'two dots of two arcs each');
    assert.equal(pathData(svg)[2], '');
    assert.equal(count(svg, 'stroke-opacity="0.5"'), 2, 'faint in the path and its legend sample');
  });

  it('says when there is no data and still draws axes', () => {
    const svg = lineChartSvg({ series: [{ name: 'loss', points: [] }], width: 200, height: 120, title: 'loss' });
    assertWellFormed(svg);
    assert.ok(svg.includes('>no data yet</text>'));
    assert.ok(svg.includes('<polyline class="rnnlab-axes"'));
  });

  it('puts log ticks at whole decades and leaves out values that are not positive', () => {
    const svg = lineChartSvg({ series: [{ name: 'lr', points: [[0, 0.05], [1, 0], [2, 0.7], [3, -1]] }], width: 200, height: 120, logY: true });
    assert.deepEqual(texts(svg).slice(1, 4), ['0.01', '0.1', '1']);
    assert.equal(count(pathData(svg)[0], 'M'), 2, 'gaps at 0 and -1');
  });

  it('escapes every text', () => {
    const hostile = `<script>alert(1)</script>"'&`;
    const svg = lineChartSvg({ series: [{ name: hostile, points: [[0, 1]], color: hostile }], width: 200, height: 120, title: hostile, xLabel: hostile, yLabel: hostile });
    assertWellFormed(svg);
    assert.ok(!svg.includes('<script'));
    assert.ok(!svg.includes(hostile));
    assert.equal(count(svg, '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;'), 9);
  });
});
