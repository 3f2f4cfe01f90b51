/**
 * JSON exactly as Python's `json` module writes and reads it, which is what Optuna's journal holds:
 * floats in `repr` form (`1.0`, `1e-05`), NaN and ±Infinity as the bare words `NaN`, `Infinity`,
 * `-Infinity`, and every non-ASCII character escaped (`ensure_ascii`).
 */
import { PyFloat } from '../distributions';

/** Python's `repr` of a float: `1.0`, `0.1`, `1e-05`, `1e+16`, `NaN`, `-Infinity`. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, expText] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const e = Number(expText);
  if (e >= -4 && e < 16) {
    if (e >= 0) {
      if (digits.length <= e + 1) return `${sign}${digits}${'0'.repeat(e + 1 - digits.length)}.0`;
      return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
    }
    return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expAbs = String(Math.abs(e)).padStart(2, '0');
  return `${sign}${m}e${e < 0 ? '-' : '+'}${expAbs}`;
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** A string as Python's `json.dumps` writes it (with `ensure_ascii=True`). */
export function pythonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = s.charCodeAt(i);
    if (SHORT_ESCAPES[ch]) out += SHORT_ESCAPES[ch];
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * `json.dumps(value, separators=...)` of Python. Numbers that are integers are written as integers
 * unless wrapped in {@link PyFloat}; other numbers in `repr` form.
 *
 * @param value - plain data (objects, arrays, strings, numbers, booleans, null, PyFloat)
 * @param compact - `separators=(",", ":")` as the journal lines use; otherwise Python's defaults `", "` and `": "`
 */
export function pythonJsonDumps(value: unknown, compact = true): string {
  const comma = compact ? ',' : ', ';
  const colon = compact ? ':' : ': ';
  const write = (v: unknown): string => {
    if (v === null || v === undefined) return 'null';
    if (v instanceof PyFloat) return pythonFloatRepr(v.value);
    if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e16 ? String(v) : pythonFloatRepr(v);
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'string') return pythonString(v);
    if (v instanceof Date) return pythonString(v.toISOString());
    if (Array.isArray(v)) return `[${v.map(write).join(comma)}]`;
    if (typeof v === 'object') {
      const parts: string[] = [];
      for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
        if (item === undefined || typeof item === 'function') continue;
        parts.push(`${pythonString(key)}${colon}${write(item)}`);
      }
      return `{${parts.join(comma)}}`;
    }
    return 'null';
  };
  return write(value);
}

/** `json.loads` of Python: standard JSON plus the bare words NaN, Infinity and -Infinity. */
export function pythonJsonLoads(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return new Parser(text).parseDocument();
  }
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parseDocument(): unknown {
    const value = this.value();
    this.ws();
    if (this.i !== this.s.length) this.fail('extra data');
    return value;
  }

  private fail(what: string): never {
    throw new SyntaxError(`invalid JSON (${what}) at position ${this.i}`);
  }

  private ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i])) this.i++;
  }

  private word(w: string, v: unknown): unknown {
    if (this.s.startsWith(w, this.i)) {
      this.i += w.length;
      return v;
    }
    return this.fail(`unexpected token`);
  }

  private value(): unknown {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === 't') return this.word('true', true);
    if (c === 'f') return this.word('false', false);
    if (c === 'n') return this.word('null', null);
    if (c === 'N') return this.word('NaN', NaN);
    if (c === 'I') return this.word('Infinity', Infinity);
    if (c === '-' && this.s.startsWith('-Infinity', this.i)) return this.word('-Infinity', -Infinity);
    return this.number();
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('expected a key');
      const key = this.string();
      this.ws();
      if (this.s[this.i++] !== ':') this.fail('expected :');
      out[key] = this.value();
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') return out;
      if (c !== ',') this.fail('expected , or }');
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') return out;
      if (c !== ',') this.fail('expected , or ]');
    }
  }

  private string(): string {
    const start = this.i;
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\') this.i += 2;
      else if (c === '"') {
        this.i++;
        return JSON.parse(this.s.slice(start, this.i)) as string;
      } else this.i++;
    }
    return this.fail('unterminated string');
  }

  private number(): number {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 400));
    if (!match) this.fail('unexpected token');
    this.i += match[0].length;
    return Number(match[0]);
  }
}

/** A time as Python's `datetime.isoformat(timespec="microseconds")` writes a UTC time. */
export function pythonIsoformat(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000+00:00`;
}

/** Reads a Python `isoformat` time (with or without offset; without one, UTC is assumed). */
export function parsePythonIsoformat(text: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!m) return new Date(text);
  const ms = m[2] ? `.${m[2].padEnd(6, '0').slice(0, 3)}` : '';
  return new Date(`${m[1]}${ms}${m[3] ?? 'Z'}`);
}
