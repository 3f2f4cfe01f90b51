/**
 * The options of `rnnlab-kernel install`, read like ipykernel's and tslab's: where the kernel spec goes.
 */
import path from 'node:path';
import { InvalidArgumentError } from '../errors';

export const USAGE = `usage:
  rnnlab-kernel install [--user | --sys-prefix | --prefix PATH] [--python PYTHON]
      Installs the Jupyter kernel spec "rnnlab" (shown as "TypeScript (rnnlab)"), which runs this
      rnnlab with this Node (${process.execPath}).
        --user          into your Jupyter data folder (the default; what \`jupyter --data-dir\` prints)
        --sys-prefix    into the environment of a Python (a venv or conda env): PYTHON, default python3
        --prefix PATH   into PATH/share/jupyter/kernels/rnnlab (PATH is a venv or an install prefix)
        --python PYTHON the Python whose sys.prefix --sys-prefix uses (implies --sys-prefix)
  rnnlab-kernel kernel --connection-file FILE
      Runs the kernel (Jupyter starts this through the kernel spec).
  rnnlab-kernel --help
      Prints this text.`;

/** Where `install` writes the spec. */
export type InstallTarget = { kind: 'user' } | { kind: 'sys-prefix'; python: string } | { kind: 'prefix'; prefix: string };

const LOCATIONS = ['--user', '--sys-prefix', '--prefix'] as const;
const HELP = 'See `rnnlab-kernel --help`.';

/** Reads `install`'s options; throws InvalidArgumentError naming the bad one. */
export function parseInstallArgs(argv: readonly string[]): InstallTarget {
  const chosen: string[] = [];
  let prefix: string | undefined;
  let python: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = (): string => {
      const given = inline ?? argv[++i];
      if (given === undefined || given === '') throw new InvalidArgumentError(flag, 'needs a value', given, HELP);
      return given;
    };
    if (flag === '--user' || flag === '--sys-prefix') chosen.push(flag);
    else if (flag === '--prefix') {
      chosen.push(flag);
      prefix = value();
    } else if (flag === '--python') python = value();
    else throw new InvalidArgumentError(argv[i], `is not an option of rnnlab-kernel install (${[...LOCATIONS, '--python'].join(', ')})`, argv[i], HELP);
  }
  if (chosen.length > 1) {
    throw new InvalidArgumentError('install', `takes one of ${LOCATIONS.join(', ')}`, chosen.join(' '));
  }
  const location = chosen[0] ?? (python !== undefined ? '--sys-prefix' : '--user');
  if (python !== undefined && location !== '--sys-prefix') {
    throw new InvalidArgumentError('--python', 'goes with --sys-prefix only', `${location} --python ${python}`);
  }
  if (location === '--prefix') return { kind: 'prefix', prefix: path.resolve(prefix as string) };
  if (location === '--sys-prefix') return { kind: 'sys-prefix', python: python ?? 'python3' };
  return { kind: 'user' };
}
