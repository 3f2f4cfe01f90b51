/**
 * `display()` and `clearOutput()` for notebook cells, as IPython offers them: several MIME types and
 * metadata in one message, and display ids that later updates replace in place.
 */
import { randomUUID } from 'node:crypto';
import { InvalidArgumentError } from '../errors';
import { currentChannel, type MimeBundle, type OutputChannel } from './cell-context';
import { isMimeBundle, toMimeBundle } from './mime';

export interface DisplayOptions {
  /** Reuse this display id (updates of any output with the same id replace it). Default: a new id. */
  displayId?: string;
  /** Output metadata, e.g. `{ 'image/png': { width: 200 } }`. */
  metadata?: Record<string, unknown>;
  /** Treat the value as a MIME bundle even if it does not look like one (default: detected). */
  raw?: boolean;
}

/** A shown output that can be replaced in place. */
export interface DisplayHandle {
  readonly displayId: string;
  /** Replaces the output (in every cell that shows this display id) with `value`. */
  update(value: unknown, options?: Pick<DisplayOptions, 'metadata' | 'raw'>): void;
}

function bundleOf(value: unknown, raw: boolean | undefined): MimeBundle {
  if (raw || isMimeBundle(value)) {
    if (!isMimeBundle(value)) {
      throw new InvalidArgumentError('value', 'must be a MIME bundle such as { "text/plain": "..." } with raw: true', value);
    }
    return value;
  }
  return toMimeBundle(value);
}

/**
 * Shows `value` under the running cell (or the cell that started the current callback).
 * A value is shown by its MIME bundle: a plain object whose keys are MIME types is taken as the bundle.
 * @example
 * ```ts
 * const h = display({ 'text/plain': 'epoch 1', 'text/html': '<b>epoch 1</b>' });
 * h.update({ 'text/plain': 'epoch 2', 'text/html': '<b>epoch 2</b>' });
 * ```
 */
export function display(value: unknown, options: DisplayOptions = {}): DisplayHandle {
  const displayId = options.displayId ?? randomUUID();
  const origin: OutputChannel = currentChannel();
  origin.displayData(bundleOf(value, options.raw), options.metadata ?? {}, displayId, false);
  return {
    displayId,
    update(next, updateOptions = {}) {
      const bundle = bundleOf(next, updateOptions.raw);
      currentChannel().displayData(bundle, updateOptions.metadata ?? {}, displayId, true);
    },
  };
}

/** Clears the cell's output; with `wait`, only once new output arrives (no flicker). */
export function clearOutput(options: { wait?: boolean } = {}): void {
  currentChannel().clearOutput(options.wait ?? false);
}
