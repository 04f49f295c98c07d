import { relative } from 'node:path';
import type { RuntimeOptions } from '../runtime/invoke.js';
import type { CheckName } from './checks.js';
import { checkNames } from './checks.js';
import type { FailureCorpus } from './failures.js';

/** A word as a POSIX shell reads it back: plain words as they are, anything else in single quotes. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Environment variable names whose values are secrets: a command names them, the shell supplies the value. */
const SECRET_NAME = /secret|token|password|passwd|credential|private|access_?key|api_?key/i;

/** Whether an environment variable's name says its value is a secret (printed commands leave it to the shell). */
export const isSecretName = (name: string): boolean => SECRET_NAME.test(name);

/** `--env`'s value in a printed command: `NAME=value`, or `NAME=$NAME` for a secret (the shell supplies it). */
export function envWord(name: string, value: string): string {
  return SECRET_NAME.test(name) ? `${name}=$${name}` : `${name}=${value}`;
}

/** The settings a `--config` file can hold that no flag sets (a command that names them must name the file). */
const CONFIG_ONLY: ReadonlyArray<keyof RuntimeOptions> = [
  'serviceName',
  'region',
  'accountId',
  'qualifier',
  'versionId',
  'logProject',
  'logStore',
  'credentials',
  'initializationTimeout',
];

/**
 * The flags that give a function these settings, in the order `--help` lists them: what a printed command needs to
 * run the same function. `complete` is false when a setting has no flag (a hook given as a function, a region):
 * then only a `--config` file (or the test itself) reproduces it. Secret-looking environment values are left to the
 * shell (`--env "DB_PASSWORD=$DB_PASSWORD"`), never printed.
 */
export function functionFlags(handler: string, runtime: RuntimeOptions, cwd = process.cwd()): { args: string[]; complete: boolean } {
  const args = ['--handler', handler];
  let complete = true;
  const hook = (flag: string, value: RuntimeOptions['initializer']) => {
    if (typeof value === 'string') args.push(flag, value);
    else if (value !== undefined) complete = false;
  };
  if (runtime.codeDir !== undefined && relative(cwd, runtime.codeDir) !== '') args.push('--code-dir', relative(cwd, runtime.codeDir));
  if (runtime.runtime !== undefined) args.push('--runtime', runtime.runtime);
  if (runtime.platform !== undefined) args.push('--platform', runtime.platform);
  if (runtime.nodePath !== undefined) args.push('--node', runtime.nodePath);
  if (runtime.builtinModules === false) args.push('--no-builtin-modules');
  if (runtime.timeout !== undefined) args.push('--timeout', String(runtime.timeout));
  if (runtime.memorySize !== undefined) args.push('--memory', String(runtime.memorySize));
  hook('--initializer', runtime.initializer);
  hook('--pre-stop', runtime.preStop);
  hook('--pre-freeze', runtime.preFreeze);
  if (runtime.functionName !== undefined) args.push('--function-name', runtime.functionName);
  for (const [name, value] of Object.entries(runtime.environment ?? {})) args.push('--env', envWord(name, value));
  if (CONFIG_ONLY.some((key) => runtime[key] !== undefined)) complete = false;
  return { args, complete };
}

/** `--check` flags for a selection of checks; none for the default selection (all but idempotent). */
export function checkFlags(selection: Partial<Record<CheckName, boolean>> | undefined): string[] {
  const chosen = checkNames.filter((name) => selection?.[name] ?? name !== 'idempotent');
  const byDefault = checkNames.filter((name) => name !== 'idempotent');
  return chosen.join() === byDefault.join() ? [] : chosen.flatMap((name) => ['--check', name]);
}

/** Words as a command line: shell-quoted, except `--env "NAME=$NAME"` (the shell fills in the secret). */
export function commandLine(words: readonly string[]): string {
  return words.map((word) => (/^\w+=\$\w+$/.test(word) ? `"${word}"` : shellWord(word))).join(' ');
}

/** What vitest keeps of the running test (expect's state): the test file and its full name, when in one. */
interface VitestState {
  testPath?: string;
  currentTestName?: string;
}

/**
 * The vitest test running this code, if any: read from expect's state, which vitest keeps on `globalThis` (the
 * symbols of @vitest/expect) whether or not the test file imports `expect`. Concurrent tests share it: the name is
 * then the last one started.
 */
export function currentVitestTest(cwd = process.cwd()): { file: string; name: string } | undefined {
  const states = (globalThis as Record<symbol, unknown>)[Symbol.for('matchers-object')];
  const expect = (globalThis as Record<symbol, unknown>)[Symbol.for('expect-global')];
  if (!(states instanceof WeakMap) || expect === undefined) return undefined;
  const state = states.get(expect as object) as VitestState | undefined;
  if (!state?.testPath || !state.currentTestName) return undefined;
  return { file: relative(cwd, state.testPath) || state.testPath, name: state.currentTestName };
}

/** `npx vitest run <file> -t <name>`: -t is a regular expression over the names joined with spaces. */
export function vitestCommand(test: { file: string; name: string }): string {
  const pattern = test.name
    .split(' > ')
    .join(' ')
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `npx vitest run ${shellWord(test.file)} -t ${shellWord(pattern)}`;
}

/** The corpus of runs of a handler on a source's events (`fc-sim fuzz`, checkHandler outside vitest). */
export function sourceCorpusKey(handler: string, source: string, constraints?: unknown): string {
  return `${handler} ${source}${constraints === undefined ? '' : ` ${JSON.stringify(constraints)}`}`;
}

/** The corpus of a checkHandler run: the vitest test running it, else the handler, the source and its constraints. */
export function corpusOf(handler: string, source: string, constraints: unknown, cwd = process.cwd()): FailureCorpus {
  const vitest = currentVitestTest(cwd);
  if (vitest) return { key: `vitest ${vitest.file} > ${vitest.name}`, vitest };
  return { key: sourceCorpusKey(handler, source, constraints) };
}
