/**
 * Warnings (`process.emitWarning`, rnnlab's FitFailedWarning and the like) as Python prints them in a
 * notebook: one line on stderr, `Category: message`, without Node's `(node:PID)` prefix and its
 * `--trace-warnings` hint.
 */

/** Replaces Node's warning printer with one that writes `Category: message` lines through `write`. */
export function printWarningsAsOneLine(write: (text: string) => void): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error) => write(`${warning.name}: ${warning.message}\n`));
}
