export { createBadge, updateBadge } from './badge';
export { h, setText } from './dom';
export type { ElementSpec } from './dom';
export { errorBox } from './error-box';
export { watchTheme } from './theme-watch';
export { NOT_AVAILABLE, formatCount, formatParam, formatSeconds, formatValue } from './format';
export { sameViewState, writeViewState } from './view-state';
export type { ViewState } from './view-state';
export { toggleButton } from './toggle';
