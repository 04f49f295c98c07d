import { FcSimError } from '../../errors.js';
import { BUILTIN_MODULES } from '../../runtime/node/builtin-modules.js';
import { cacheDir } from '../../runtime/node/cache-dir.js';
import { NodeUnavailable } from '../../runtime/node/node-binary.js';
import { installRuntime, runtimeStatus } from '../../runtime/node/runtime-cache.js';
import type { RuntimeName } from '../../runtime/runtimes.js';
import { isRuntimeName, runtimeNames } from '../../runtime/runtimes.js';
import type { CliIo } from '../io.js';
import { table } from '../table.js';

function chosenRuntimes(names: string[]): RuntimeName[] {
  for (const name of names) {
    if (!isRuntimeName(name)) throw new FcSimError('E_USAGE', `unknown runtime "${name}"`, `use one of: ${runtimeNames.join(', ')}`);
  }
  return names.length === 0 ? [...runtimeNames] : (names as RuntimeName[]);
}

/** `fc-sim runtimes list`: each runtime's Node.js, and whether it is downloaded (into which cache). */
export async function runtimesListCommand(io: CliIo): Promise<number> {
  const rows = runtimeNames.map((runtime) => {
    const status = runtimeStatus(runtime, io.env);
    const where = { host: `this machine's Node.js (${status.path})`, cached: status.path ?? '', missing: 'not downloaded (at first use)' }[status.source];
    return [runtime, status.node, where];
  });
  io.stdout.write(table([['RUNTIME', 'NODE', 'BINARY'], ...rows]));
  io.stdout.write(
    `cache: ${cacheDir(io.env)}; FC's preinstalled modules: ${BUILTIN_MODULES.nodejs16.length} packages (${BUILTIN_MODULES.nodejs16.slice(0, 3).join(', ')}, …)\n`,
  );
  return 0;
}

/** `fc-sim runtimes install [runtime…]`: downloads the runtimes' Node.js and FC's preinstalled modules now (all by default). */
export async function runtimesInstallCommand(names: string[], io: CliIo): Promise<number> {
  const progress = (line: string) => io.stderr.write(`${line}\n`);
  for (const runtime of chosenRuntimes(names)) {
    try {
      const status = await installRuntime(runtime, { env: io.env, progress });
      io.stdout.write(
        `${runtime}: Node.js ${status.node} (${status.source === 'host' ? "this machine's" : status.path}) and FC's preinstalled modules ready\n`,
      );
    } catch (error) {
      if (!(error instanceof NodeUnavailable)) throw error;
      io.stderr.write(`fc-sim: ${runtime}: cannot install: ${error.message}\n`);
      return 1;
    }
  }
  return 0;
}
