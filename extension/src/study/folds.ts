/**
 * A search's per-fold test scores as a box-and-strip plot: one box per candidate with each fold's
 * score drawn beside it, candidates in rank order. Pure: no DOM, no plotly.
 */
import type { StudyPayload, Trial } from '../payload';
import { baseLayout, emptyFigure, hideLegend } from '../plot/theme';
import type { Figure, PlotTrace } from '../plot/types';
import type { AnalysisOptions } from './analysis';

/** Most candidates drawn (the best ranked first); the leaderboard lists them all. */
export const MAX_FOLD_BOXES = 30;

/** Whether the payload has fold scores to show (searches). */
export function hasFoldScores(payload: StudyPayload): boolean {
  return payload.trials.some((trial) => (trial.foldScores ?? []).some((score) => score !== null));
}

function byRank(a: Trial, b: Trial): number {
  const rank = (trial: Trial): number => (typeof trial.rank === 'number' ? trial.rank : Number.POSITIVE_INFINITY);
  return rank(a) - rank(b) || (b.meanScore ?? -Infinity) - (a.meanScore ?? -Infinity) || a.number - b.number;
}

/** The fold scores of the given candidates, best ranked first, at most {@link MAX_FOLD_BOXES}. */
export function foldFigure(payload: StudyPayload, trials: readonly Trial[], options: AnalysisOptions): Figure {
  const { colors } = options;
  const uirevision = `${payload.id}:folds`;
  const shown = trials.filter((trial) => (trial.foldScores ?? []).some((score) => score !== null)).sort(byRank).slice(0, MAX_FOLD_BOXES);
  if (shown.length === 0) return emptyFigure(colors, uirevision, 'no fold finished yet');
  const valueName = payload.valueNames[0] ?? 'score';
  const best = new Set(payload.bestTrialNumbers);
  const traces: PlotTrace[] = shown.map((trial) => {
    const color = trial.number === options.highlight ? colors.second : best.has(trial.number) ? colors.accent : colors.muted;
    return {
      type: 'box',
      name: `#${trial.number}`,
      y: (trial.foldScores ?? []).filter((score) => score !== null),
      boxpoints: 'all',
      jitter: 0.3,
      pointpos: 0,
      marker: { color, size: 6 },
      line: { color, width: 1.5 },
      hovertemplate: `candidate ${trial.number}<br>fold ${valueName} %{y:.4g}<extra></extra>`,
      showlegend: false,
    };
  });
  const layout = baseLayout(colors, uirevision, 300);
  hideLegend(layout);
  layout.xaxis = { title: { text: 'candidate (best ranked first)' }, type: 'category', gridcolor: colors.grid, automargin: true };
  layout.yaxis = { title: { text: `${valueName} per fold` }, gridcolor: colors.grid, zerolinecolor: colors.grid, automargin: true };
  return { traces, layout };
}
