import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { FcSimError } from '../errors.js';
import type { LoadContext } from './load.js';
import type { ProjectFunction } from './model.js';
import type { ProgramFileProblem } from '../runtime/program-file.js';
import { programFileProblem } from '../runtime/program-file.js';
import { unzip } from './unzip.js';

const unpacked: string[] = [];
let cleanupRegistered = false;

/**
 * Removes the folders this process unpacked zips into. fc-sim does it when it exits (a served or tested project reads
 * them until then); a host that ends its process without an 'exit' event (a test runner's worker) calls it when done.
 */
export function removeUnpackedCode(): void {
  for (const item of unpacked.splice(0)) rmSync(item, { recursive: true, force: true });
}

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'fc-sim-code-'));
  unpacked.push(folder);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once('exit', removeUnpackedCode);
  }
  return folder;
}

/**
 * The code folder of a function from its code path as written (`CodeUri`, `codeUri`, `code`): a folder as it is; a
 * `.zip` unpacked to a temporary folder (removed when fc-sim exits), as FC unpacks the package to /code; a single file
 * (Fun's `CodeUri: ./index.js`) its folder, so the handler module resolves and `serve` watches the file's changes.
 * A path that does not exist is kept: lint reports it, and `test`/`invoke` refuse it with {@link assertCodeFolder}.
 * Code in OSS (`oss://…`) is not fetched: reported, and kept as written.
 * @see https://github.com/alibaba/funcraft/blob/master/docs/specs/2018-04-03.md#codeuri
 */
export function codeFolder(written: string | undefined, field: string, context: LoadContext): string {
  if (written?.startsWith('oss://')) {
    context.problems.push({
      kind: 'unknown-part',
      message: `code in OSS (${written}) is not fetched: download it, and point ${field.split('.').pop()} at the local copy to test it`,
      location: { file: context.file, path: field },
    });
    return resolve(context.root, written);
  }
  const path = resolve(context.root, written ?? '.');
  if (!existsSync(path) || statSync(path).isDirectory()) return path;
  if (path.toLowerCase().endsWith('.zip')) {
    const folder = temporaryFolder();
    unzip(path, folder);
    return folder;
  }
  return dirname(path);
}

/** Why a function's code folder cannot be run, naming where it is set; undefined when it can. */
export function codeFolderProblem(fn: ProjectFunction): string | undefined {
  const where = `${fn.location.file} ${fn.codeField ?? fn.location.path}`;
  if (!existsSync(fn.codeDir)) return `${where}: the code folder ${fn.codeDir} does not exist`;
  if (!statSync(fn.codeDir).isDirectory()) return `${where}: ${fn.codeDir} is not a folder or a code package (.zip)`;
  return undefined;
}

/** A script or program file by its name: what a custom runtime's command runs from the code folder. */
const SCRIPT_FILE = /\.(?:[cm]?js|ts|py|sh|jar|php|rb|exe)$/;

/**
 * The files a custom runtime's start command names in the code folder (FC runs it there, in /code): `./x`, `../x`,
 * `/code/x`, or a relative path with a folder or a script extension (`dist/index.js`, `target/app.jar`); FC's own
 * paths (`/opt/…`, `/var/fc/…`), flags and bare commands (`node`, `npm`) are not the project's. With no command, FC
 * runs `bootstrap` in the code folder.
 */
function commandFiles(config: NonNullable<ProjectFunction['customRuntimeConfig']>): string[] {
  if (config.command.length === 0) return ['bootstrap'];
  return [...config.command, ...config.args].flatMap((part) => {
    if (part.startsWith('/code/')) return [part.slice('/code/'.length)];
    // A flag, FC's own path, a URL, a setting, or a shell line (`sh -c "cd /code && …"`): no file name of the project.
    if (part.startsWith('-') || part.startsWith('/') || part.includes('://') || part.includes('=') || /\s/.test(part)) return [];
    return part.startsWith('./') || part.startsWith('../') || part.includes('/') || SCRIPT_FILE.test(part) ? [part] : [];
  });
}

/**
 * What a custom runtime's start command names that its code folder lacks (`node ./dist/index.js` before the build
 * that devsapp's templates run in a pre-deploy action); undefined when everything is there, or it is no custom runtime.
 */
export function customRuntimeEntryProblem(fn: ProjectFunction): string | undefined {
  if (!fn.customRuntimeConfig || fn.runtime === 'custom-container' || codeFolderProblem(fn)) return undefined;
  const missing = commandFiles(fn.customRuntimeConfig).filter((file) => !existsSync(resolve(fn.codeDir, file)));
  if (missing.length === 0) return undefined;
  const started =
    fn.customRuntimeConfig.command.length === 0
      ? 'FC starts ./bootstrap (no customRuntimeConfig command)'
      : `customRuntimeConfig starts ${[...fn.customRuntimeConfig.command, ...fn.customRuntimeConfig.args].join(' ')}`;
  return `${started}, and ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the code folder ${fn.codeDir}`;
}

/**
 * Why FC cannot start the code-folder file a custom runtime's command runs as a program (`./bootstrap`, `/code/main`,
 * or `bootstrap` with no command): see {@link programFileProblem}. Undefined when it can, or the command runs no file
 * of the code folder (`node ./index.js` reads its argument, it does not run it).
 */
export function customRuntimeProgramProblem(fn: ProjectFunction): ProgramFileProblem | undefined {
  if (!fn.customRuntimeConfig || fn.runtime === 'custom-container' || codeFolderProblem(fn)) return undefined;
  const first = fn.customRuntimeConfig.command[0];
  // A command with a slash is a file, as the start runs it; a bare name (`node`) or FC's own path is not the project's.
  const program =
    first === undefined
      ? 'bootstrap'
      : first.startsWith('/code/')
        ? first.slice('/code/'.length)
        : first.includes('/') && !first.startsWith('/')
          ? first
          : undefined;
  if (program === undefined) return undefined;
  const found = programFileProblem(resolve(fn.codeDir, program));
  return found && { ...found, problem: `${program} ${found.problem}` };
}

/**
 * Refuses a function whose code folder is missing (`codeUri: ./dist` before a build) with an E_PROJECT error naming
 * the file, the resource and the field, rather than a failed process start.
 */
export function assertCodeFolder(fn: ProjectFunction): void {
  const problem = codeFolderProblem(fn);
  if (problem) throw new FcSimError('E_PROJECT', problem, 'build the code first, or point the code path at the folder that holds the handler');
}
