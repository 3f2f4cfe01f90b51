/**
 * The leaderboard table: sortable by any column (header buttons, keyboard-focusable, `aria-sort`),
 * filterable by state, paged (only one page of rows is in the DOM, so 10,000 trials stay fast), best
 * trials highlighted, pruned and failed rows marked. A row click (or Enter / Space) selects a trial.
 */
import { h, setText } from '../common';
import type { StudyPayload } from '../payload';
import {
  FILTER_OF_STATE,
  STATE_LABELS,
  cellText,
  countByFilter,
  defaultOrder,
  filterRows,
  leaderboardColumns,
  leaderboardRows,
  sortRows,
} from './leaderboard';
import type { Column, Row, SortOrder, StateFilter } from './leaderboard';

/** Rows per page. */
export const PAGE_SIZE = 50;

const FILTERS: StateFilter[] = ['complete', 'pruned', 'failed', 'running'];

/** The leaderboard of a study view. */
export class LeaderboardTable {
  /** The table's element (filters, table, pager). */
  readonly node: HTMLElement;
  private readonly filterButtons = new Map<StateFilter, HTMLButtonElement>();
  private readonly thead: HTMLTableSectionElement;
  private readonly tbody: HTMLTableSectionElement;
  private readonly pagerText: HTMLElement;
  private readonly prevButton: HTMLButtonElement;
  private readonly nextButton: HTMLButtonElement;
  private payload: StudyPayload | null = null;
  private columns: Column[] = [];
  private rows: Row[] = [];
  private visible: Row[] = [];
  private headerKey = '';
  private order: SortOrder = defaultOrder();
  private readonly shown = new Set<StateFilter>(FILTERS);
  private page = 0;
  private selected: number | null = null;
  /** Trials let through by the parallel-coordinates brushes; null: all. */
  private brushed: ReadonlySet<number> | null = null;

  /** @param onSelect - called after the reader changes the selection, sort or filters, with the selected trial (or null) */
  constructor(private readonly onSelect: (trial: number | null) => void) {
    const filters = h('div', { className: 'rnnlab-filters', attrs: { role: 'group', 'aria-label': 'show trials by state' } });
    for (const filter of FILTERS) {
      const button = h('button', {
        className: `rnnlab-chip rnnlab-chip-${filter}`,
        attrs: { type: 'button', 'aria-pressed': 'true', 'data-filter': filter },
        title: `Show or hide ${filter} trials`,
      });
      button.addEventListener('click', () => this.toggleFilter(filter));
      this.filterButtons.set(filter, button);
      filters.appendChild(button);
    }
    this.thead = h('thead');
    this.tbody = h('tbody');
    this.tbody.addEventListener('click', (event) => this.onRowEvent(event));
    this.tbody.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        this.onRowEvent(event);
      }
    });
    this.prevButton = h('button', { className: 'rnnlab-button', text: '‹ previous', attrs: { type: 'button' } });
    this.nextButton = h('button', { className: 'rnnlab-button', text: 'next ›', attrs: { type: 'button' } });
    this.pagerText = h('span', { className: 'rnnlab-pager-text', attrs: { 'aria-live': 'polite' } });
    this.prevButton.addEventListener('click', () => this.goTo(this.page - 1));
    this.nextButton.addEventListener('click', () => this.goTo(this.page + 1));
    this.node = h('div', {
      className: 'rnnlab-leaderboard',
      children: [
        filters,
        h('div', {
          className: 'rnnlab-table-scroll',
          children: [h('table', { className: 'rnnlab-table', attrs: { 'aria-label': 'leaderboard' }, children: [this.thead, this.tbody] })],
        }),
        h('div', { className: 'rnnlab-pager', children: [this.prevButton, this.pagerText, this.nextButton] }),
      ],
    });
  }

  /** The rows as shown: filtered and sorted (all pages). */
  get visibleRows(): readonly Row[] {
    return this.visible;
  }

  /** The selected trial, or null. */
  get selection(): number | null {
    return this.selected;
  }

  /** The current sort order. */
  get sortOrder(): SortOrder {
    return this.order;
  }

  /** Shows a payload (first display or live update), keeping sort, filters, page and selection. */
  update(payload: StudyPayload): void {
    this.payload = payload;
    this.columns = leaderboardColumns(payload);
    if (!this.columns.some((column) => column.key === this.order.key)) this.order = defaultOrder();
    this.rows = leaderboardRows(payload);
    const counts = countByFilter(payload);
    for (const [filter, button] of this.filterButtons) setText(button, `${filter} ${counts[filter]}`);
    this.render();
  }

  /** The state filters turned off. */
  get hiddenFilters(): StateFilter[] {
    return FILTERS.filter((filter) => !this.shown.has(filter));
  }

  /** Sorts by a column; a second call on the same column reverses the order. */
  sortBy(key: string): void {
    this.order = this.order.key === key ? { key, descending: !this.order.descending } : { key, descending: false };
    this.page = 0;
    this.render();
    this.onSelect(this.selected);
  }

  /** Takes saved settings (a reloaded notebook's view state) without calling back. */
  restore(settings: { order?: SortOrder; hidden?: readonly StateFilter[]; selected?: number | null }): void {
    if (settings.order) this.order = { ...settings.order };
    if (settings.hidden) {
      this.shown.clear();
      for (const filter of FILTERS) if (!settings.hidden.includes(filter)) this.shown.add(filter);
      for (const [filter, button] of this.filterButtons) button.setAttribute('aria-pressed', String(this.shown.has(filter)));
    }
    if (settings.selected !== undefined) this.selected = settings.selected;
    this.page = 0;
    this.render();
  }

  /** Shows or hides the trials of a state filter. */
  toggleFilter(filter: StateFilter): void {
    if (this.shown.has(filter)) this.shown.delete(filter);
    else this.shown.add(filter);
    this.filterButtons.get(filter)?.setAttribute('aria-pressed', String(this.shown.has(filter)));
    this.page = 0;
    this.render();
    this.onSelect(this.selected);
  }

  /** Shows only these trials (those inside the parallel-coordinates brushes); null shows all. */
  setBrushed(trials: ReadonlySet<number> | null): void {
    this.brushed = trials;
    this.render();
  }

  /** Whether trials of `state`'s filter are shown. */
  isShown(filter: StateFilter): boolean {
    return this.shown.has(filter);
  }

  /** Selects a trial (null: none) and shows its page. */
  select(trial: number | null): void {
    this.selected = trial;
    if (trial !== null) {
      const index = this.visible.findIndex((row) => row.number === trial);
      if (index >= 0) this.page = Math.floor(index / PAGE_SIZE);
    }
    this.render();
    this.onSelect(trial);
  }

  private goTo(page: number): void {
    const pages = Math.max(1, Math.ceil(this.visible.length / PAGE_SIZE));
    this.page = Math.min(Math.max(0, page), pages - 1);
    this.render();
  }

  private onRowEvent(event: Event): void {
    const row = (event.target as HTMLElement).closest('tr');
    const number = row?.dataset.trial;
    if (number === undefined) return;
    const trial = Number(number);
    this.select(this.selected === trial ? null : trial);
    this.tbody.querySelector<HTMLElement>(`tr[data-trial="${trial}"]`)?.focus();
  }

  private render(): void {
    if (!this.payload) return;
    const brushed = this.brushed;
    const rows = brushed === null ? this.rows : this.rows.filter((row) => brushed.has(row.number));
    this.visible = sortRows(filterRows(rows, this.shown), this.columns, this.order);
    const pages = Math.max(1, Math.ceil(this.visible.length / PAGE_SIZE));
    this.page = Math.min(this.page, pages - 1);
    this.renderHeader();
    const start = this.page * PAGE_SIZE;
    const slice = this.visible.slice(start, start + PAGE_SIZE);
    this.tbody.replaceChildren(...slice.map((row) => this.renderRow(row)));
    if (slice.length === 0) {
      this.tbody.appendChild(
        h('tr', { children: [h('td', { className: 'rnnlab-empty', text: 'no trial to show', attrs: { colspan: String(this.columns.length) } })] }),
      );
    }
    const total = this.payload.trials.length;
    setText(
      this.pagerText,
      this.visible.length === 0
        ? `0 of ${total} trials`
        : `${start + 1}–${start + slice.length} of ${this.visible.length}${this.visible.length === total ? '' : ` (${total} in all)`}`,
    );
    this.prevButton.disabled = this.page === 0;
    this.nextButton.disabled = this.page >= pages - 1;
    this.prevButton.parentElement?.classList.toggle('rnnlab-pager-single', pages === 1);
  }

  private renderHeader(): void {
    const key = this.columns.map((column) => `${column.key}|${column.label}`).join('\n');
    if (key !== this.headerKey) {
      this.headerKey = key;
      const cells = this.columns.map((column) => {
        const button = h('button', { className: 'rnnlab-sort', text: column.label, title: `Sort by ${column.title}`, attrs: { type: 'button' } });
        button.addEventListener('click', () => this.sortBy(column.key));
        return h('th', { className: `rnnlab-col-${column.kind}`, attrs: { scope: 'col', 'data-key': column.key }, children: [button] });
      });
      this.thead.replaceChildren(h('tr', { children: cells }));
    }
    for (const th of Array.from(this.thead.querySelectorAll('th'))) {
      const sorted = th.dataset.key === this.order.key;
      th.setAttribute('aria-sort', sorted ? (this.order.descending ? 'descending' : 'ascending') : 'none');
    }
  }

  private renderRow(row: Row): HTMLTableRowElement {
    const classes = ['rnnlab-row', `rnnlab-state-${FILTER_OF_STATE[row.state]}`];
    if (row.best) classes.push('rnnlab-best');
    if (row.number === this.selected) classes.push('rnnlab-selected');
    const tr = h('tr', {
      className: classes.join(' '),
      attrs: { tabindex: '0', 'data-trial': String(row.number), 'aria-selected': String(row.number === this.selected) },
      title: row.failReason ? `failed: ${row.failReason}` : row.best ? 'best trial' : '',
    });
    for (const column of this.columns) {
      const td = h('td', { className: `rnnlab-col-${column.kind}` });
      if (column.kind === 'state') {
        td.appendChild(h('span', { className: `rnnlab-state rnnlab-state-chip-${FILTER_OF_STATE[row.state]}`, text: STATE_LABELS[row.state] }));
      } else if (column.kind === 'number' && row.best) {
        td.textContent = `★ ${row.number}`;
      } else {
        td.textContent = cellText(row, column);
      }
      tr.appendChild(td);
    }
    return tr;
  }
}
