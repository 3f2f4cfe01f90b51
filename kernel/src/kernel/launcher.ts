/**
 * The `rnnlab-kernel` command: starts tslab's kernel with rnnlab loaded and its backend chosen, or
 * installs the kernel spec.
 *
 *   rnnlab-kernel kernel --connection-file <file>
 *   rnnlab-kernel install (--prefix <dir> | --python <python>)
 */
import path from 'node:path';
import { typescript } from '../analysis';
import { ready } from '../backend';
import { installKernelSpec, sysPrefixOf } from './kernelspec';
import { installModuleFallback } from './resolution';
import { KernelServer } from './server';

function optionValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Starts the kernel for a Jupyter connection file. */
export async function startKernel(connectionFile: string): Promise<void> {
  installModuleFallback(process.cwd(), typescript());
  // Choose the backend before the first cell, so every tensor a cell makes lives there.
  await ready();
  await KernelServer.start(connectionFile, process.cwd());
}

const USAGE = `usage:
  rnnlab-kernel kernel --connection-file <file>
  rnnlab-kernel install (--prefix <dir> | --python <python>)`;

/** Entry point of `bin/rnnlab-kernel.js`. */
export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'kernel') {
    const file = optionValue(rest, '--connection-file');
    if (!file) {
      throw new Error(`--connection-file is required\n${USAGE}`);
    }
    await startKernel(file);
    return;
  }
  if (command === 'install') {
    const prefix = optionValue(rest, '--prefix');
    const python = optionValue(rest, '--python');
    if (!prefix && !python) {
      throw new Error(`install needs --prefix or --python\n${USAGE}`);
    }
    const dir = installKernelSpec(prefix ? path.resolve(prefix) : sysPrefixOf(python as string));
    process.stdout.write(`Installed kernel spec rnnlab in ${dir}\n`);
    return;
  }
  throw new Error(`unknown command ${JSON.stringify(command ?? '')}\n${USAGE}`);
}
