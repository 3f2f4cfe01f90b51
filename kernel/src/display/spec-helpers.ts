/** Helpers shared by the display specs (excluded from the build: see kernel/tsconfig.json). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An example payload from schema/examples. */
export function example<T>(file: string): T {
  return JSON.parse(readFileSync(join(__dirname, '../../../schema/examples', file), 'utf8')) as T;
}

/** Asserts that every tag is closed in order. */
export function assertWellFormed(markup: string): void {
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of markup.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g)) {
    if (closing) {
      assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    } else if (!selfClosing) {
      stack.push(name);
    }
  }
  assert.deepEqual(stack, [], 'unclosed elements');
}

/** How often `part` occurs in `text`. */
export const count = (text: string, part: string): number => text.split(part).length - 1;
