export { historyFigure, importanceFigure, intermediateFigure, parallelFigure } from './charts';
export type { ChartOptions } from './charts';
export {
  FILTER_OF_STATE,
  STATE_FILTERS,
  STATE_LABELS,
  cellText,
  countByFilter,
  defaultOrder,
  filterRows,
  isSearch,
  leaderboardColumns,
  leaderboardRows,
  paramNames,
  sortRows,
  sortValue,
  toCsv,
} from './leaderboard';
export type { Column, ColumnKind, Row, SortOrder, StateFilter } from './leaderboard';
export { LeaderboardTable, PAGE_SIZE } from './leaderboard-table';
export { STUDY_MIME, StudyView } from './widget';
export type { StudyViewOptions } from './widget';
