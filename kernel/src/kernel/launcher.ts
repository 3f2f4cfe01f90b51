/**
 * The `rnnlab-kernel` command: starts tslab's kernel with rnnlab loaded and its backend chosen, or
 * installs the kernel spec (see {@link USAGE}).
 */
import { typescript } from '../analysis';
import { ready } from '../backend';
import { parseInstallArgs, USAGE, type InstallTarget } from './install-args';
import { installKernelSpec, installKernelSpecInto, sysPrefixOf, userDataDir } from './kernelspec';
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

/** Installs the kernel spec where `target` says; returns the spec's folder. */
export function installTo(target: InstallTarget): string {
  switch (target.kind) {
    case 'user':
      return installKernelSpecInto(userDataDir());
    case 'sys-prefix':
      return installKernelSpec(sysPrefixOf(target.python));
    case 'prefix':
      return installKernelSpec(target.prefix);
  }
}

/** Entry point of `bin/rnnlab-kernel.js`. */
export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help' || rest.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command === 'kernel') {
    const file = optionValue(rest, '--connection-file');
    if (!file) {
      throw new Error(`--connection-file is required\n${USAGE}`);
    }
    await startKernel(file);
    return;
  }
  if (command === 'install') {
    const dir = installTo(parseInstallArgs(rest));
    process.stdout.write(`Installed kernel spec rnnlab in ${dir}\n`);
    return;
  }
  throw new Error(`unknown command ${JSON.stringify(command)}\n${USAGE}`);
}
