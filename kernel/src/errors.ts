/**
 * Errors raised by rnnlab. Every message names the argument, the rule, the value received and,
 * where it is not obvious, the fix: "`units` must be a positive integer, got 0".
 */

/** A value passed by the user broke a documented rule. Raised before any work starts. */
export class InvalidArgumentError extends Error {
  /** The argument (option path) that was wrong, e.g. `initialUnits` or `hiddenSizing[2]`. */
  readonly argument: string;
  /** The value received. */
  readonly received: unknown;

  constructor(argument: string, rule: string, received: unknown, fix?: string) {
    super(`\`${argument}\` ${rule}, got ${formatValue(received)}${fix ? `. ${fix}` : ''}`);
    this.name = 'InvalidArgumentError';
    this.argument = argument;
    this.received = received;
  }
}

/** An option name that the function does not know (often a typo or a snake_case name). */
export class UnknownOptionError extends InvalidArgumentError {
  constructor(where: string, key: string, allowed: readonly string[]) {
    const suggestion = closestName(key, allowed);
    super(
      `${where}.${key}`,
      `is not an option of ${where}`,
      key,
      (suggestion ? `Did you mean \`${suggestion}\`? ` : '') + `Allowed options: ${allowed.join(', ')}`,
    );
    this.name = 'UnknownOptionError';
  }
}

/**
 * A notebook value a function uses cannot be sent to worker threads (`nJobs > 1`): a live model, a
 * tensor too large, an object bound to this thread. Raised before any worker starts.
 */
export class WorkerTransferError extends Error {
  /** The notebook variable (with the path inside it, e.g. `config.model`). */
  readonly variable: string;

  constructor(variable: string, reason: string, fix: string) {
    super(`cannot send \`${variable}\` to worker threads (nJobs > 1): ${reason}. ${fix}, or use nJobs: 1`);
    this.name = 'WorkerTransferError';
    this.variable = variable;
  }
}

/**
 * Every fit of a search failed: there is no result to rank. The message gives how many fits failed
 * and each distinct reason with its count. scikit-learn note: scikit-learn raises a ValueError here.
 */
export class AllFitsFailedError extends Error {
  /** The number of fits (candidates × folds), all failed. */
  readonly nFits: number;
  /** Each distinct reason with the number of fits that failed for it, most frequent first. */
  readonly reasons: [reason: string, count: number][];

  constructor(nFits: number, reasons: [string, number][]) {
    super(
      `all ${nFits} fits failed, so the search has no result; the model or its parameters are likely wrong.\n` +
        `Reasons (fits × error):\n${formatReasons(reasons)}\n` +
        "Set errorScore: 'raise' to stop at the first failing fit with its traceback.",
    );
    this.name = 'AllFitsFailedError';
    this.nFits = nFits;
    this.reasons = reasons;
  }
}

/** Distinct reasons with their counts, one per line: `  3 × TypeError: …`. */
export function formatReasons(reasons: readonly [string, number][]): string {
  return reasons.map(([reason, count]) => `  ${count} × ${reason}`).join('\n');
}

/** Counts equal reasons, most frequent first (first seen first among equals). */
export function countReasons(reasons: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** A method that needs a fitted (or refitted) estimator was called too early (scikit-learn's `NotFittedError`). */
export class NotFittedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFittedError';
  }
}

/** Renders a received value for an error message: strings quoted, arrays and objects as JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') {
    return `'${value}'`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === undefined) {
    return 'undefined';
  }
  if (typeof value === 'function') {
    return 'a function';
  }
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}

/** Lists allowed string values for an error message: 'LSTM' | 'GRU' | 'RNN'. */
export function oneOf(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(' | ');
}

function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The allowed name nearest to `name` (snake_case is translated first), or undefined if none is close. */
export function closestName(name: string, allowed: readonly string[]): string | undefined {
  const camel = snakeToCamel(name);
  if (allowed.includes(camel)) {
    return camel;
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = editDistance(camel.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(camel.length / 3)) ? best : undefined;
}
