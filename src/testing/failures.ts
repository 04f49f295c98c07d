import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CheckFailure } from './checks.js';
import { FcSimError } from '../errors.js';
import { Redactor } from '../remote/redact.js';
import type { Delivery } from '../triggers/delivery.js';
import type { Platform } from '../runtime/runtimes.js';

/**
 * The test a saved failure belongs to: its regression corpus. A saved failure is replayed only into runs of the
 * same corpus (and source), never into another test whose events are of another domain.
 *
 * @example
 * ```ts
 * const fromVitest: FailureCorpus = { key: 'vitest test/oss.test.ts > uploads are planned', vitest: { file: 'test/oss.test.ts', name: 'uploads are planned' } };
 * const fromProject: FailureCorpus = { key: 'fc-sim test photos/on-upload' };
 * ```
 * @see README.md#property-based-contract-tests
 */
export interface FailureCorpus {
  /** The identity: `vitest <file> > <test name>`, `fc-sim test <function>/<trigger>`, or `<handler> <source> <constraints>`. */
  key: string;
  /** The vitest test that found it: the command that reruns it (its own property runs only there). */
  vitest?: { file: string; name: string };
}

/**
 * A saved failure: the event and what is needed to replay it, by event or by run.
 *
 * @example
 * ```ts
 * const saved: unknown = JSON.parse(readFileSync('fixtures/failures/oss-property-ac64b49f1f.json', 'utf8'));
 * if (isSavedFailure(saved)) console.log(saved.check, saved.message, `--seed ${saved.seed} --path ${saved.path}`);
 * ```
 * @see README.md#property-based-contract-tests
 */
export interface SavedFailure {
  fcSim: 'failure';
  /** The trigger, kind or "custom events" the event came from: saved failures replay for the same source. */
  source: string;
  /**
   * The test it belongs to: replayed only there. Files saved before fc-sim recorded it have none: they replay into
   * runs of the same source and handler whose events are not narrowed (fuzz, checkHandler without constraints).
   */
  corpus?: FailureCorpus;
  /** How the event reaches the handler (the bytes of the event, an FC 3.0 or an FC 2.0 HTTP call). */
  delivery: Delivery;
  /** The platform the function ran on (files saved before fc-sim recorded it: FC 2.0 for FC 2.0 requests, else FC 3.0). */
  platform?: Platform;
  check: CheckFailure['check'];
  message: string;
  seed: number;
  path: string;
  handler: string;
  /** The command that replays the event with the settings of the run that found it. */
  replay?: string;
  savedAt: string;
  event: unknown;
}

/** Bytes (binary HTTP bodies) have no JSON form: saved as `{"$base64": "…"}`. */
function encode(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data)) {
    return { $base64: Buffer.from((value as { data: number[] }).data).toString('base64') };
  }
  return value;
}

function decode(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && typeof (value as { $base64?: unknown }).$base64 === 'string' && Object.keys(value).length === 1) {
    return new Uint8Array(Buffer.from((value as { $base64: string }).$base64, 'base64'));
  }
  return value;
}

/** An event as JSON text, bytes as `{"$base64": …}`. */
export function eventJson(event: unknown): string {
  return JSON.stringify(event, encode, 2) ?? 'undefined';
}

export function serializeFailure(failure: SavedFailure): string {
  return `${JSON.stringify(failure, encode, 2)}\n`;
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/**
 * The one reading of a file fc-sim wrote (replay, invoke and the corpora call it): JSON with bytes as
 * `{"$base64": …}`. With `file`, text that is not JSON is an error naming the file, line and column (a merge
 * conflict in a committed corpus must stop the run, not shrink it); without, JSON.parse's error.
 */
export function parseFailureFile(text: string, file?: string): unknown {
  try {
    return JSON.parse(text, decode);
  } catch (error) {
    if (file === undefined) throw error;
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message)?.[1];
    const conflict = /^(<<<<<<<|=======|>>>>>>>)/m.exec(text);
    const at = conflict ? conflict.index : offset === undefined ? undefined : Number(offset);
    throw new FcSimError(
      'E_NOT_JSON',
      `${file}${at === undefined ? '' : `:${lineAndColumn(text, at)}`}: a damaged saved failure: ${conflict ? 'a merge conflict marker' : message}`,
      conflict ? 'resolve the conflict (keep both sides as two files: each failure is its own file) or delete the file' : 'fix the file or delete it',
    );
  }
}

/**
 * Whether a parsed JSON file is a failure fc-sim saved (rather than a plain event).
 *
 * @example
 * ```ts
 * const value: unknown = JSON.parse(readFileSync('fixtures/failures/oss-property-ac64b49f1f.json', 'utf8'));
 * const event = isSavedFailure(value) ? value.event : value;
 * ```
 * @see README.md#property-based-contract-tests
 */
export function isSavedFailure(value: unknown): value is SavedFailure {
  return typeof value === 'object' && value !== null && (value as { fcSim?: unknown }).fcSim === 'failure' && 'event' in value;
}

const fileSafe = (text: string) => text.replace(/[^a-z0-9-]+/gi, '-');

/**
 * Writes the failure as `<source>-<check>-<hash>.json`, the hash of its corpus and event: the same failure of the
 * same test is saved once, and two tests that shrink to the same event keep a file each (a file is never
 * overwritten). The text passes `redact` (a remote target's `redact` masks its credentials) and loses any signed
 * Authorization value.
 *
 * @example
 * ```ts
 * const file = saveFailure('fixtures/failures', {
 *   fcSim: 'failure', source: 'oss', corpus: { key: 'fc-sim test photos/on-upload' }, delivery: 'event', check: 'no-unhandled-error',
 *   message: 'TypeError: …', seed: 42, path: '0:1', handler: 'index.handler', savedAt: new Date().toISOString(), event: buildOssEvent({ key: 'a%20b.png' }),
 * });
 * ```
 * @see README.md#property-based-contract-tests
 */
export function saveFailure(dir: string, failure: SavedFailure, redact: (text: string) => string = (text) => text): string {
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha1')
    .update(`${failure.corpus?.key ?? ''}\n${JSON.stringify(failure.event, encode)}`)
    .digest('hex')
    .slice(0, 10);
  const file = join(dir, `${fileSafe(failure.source)}-${failure.check}-${hash}.json`);
  // Saved failures are committed: a secret the function echoed must not reach them (the redactor stdout passes too).
  try {
    writeFileSync(file, new Redactor().redact(redact(serializeFailure(failure))), { flag: 'wx' });
  } catch (error) {
    // Saved before (same test, same event): the file that exists is this failure; it is never rewritten.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return file;
}

/**
 * Every failure saved in a folder, each with its file (sorted by name). A file that is not JSON (a merge conflict)
 * is an `E_NOT_JSON` error naming it and the line; JSON files that are not saved failures are left alone.
 *
 * @example
 * ```ts
 * for (const { file, failure } of readSavedFailures('fixtures/failures')) console.log(file, failure.corpus?.key ?? '(no test recorded)');
 * ```
 * @see README.md#property-based-contract-tests
 */
export function readSavedFailures(dir: string): Array<{ file: string; failure: SavedFailure }> {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory())
    throw new FcSimError('E_USAGE', `${dir}: is a file, not a folder of saved failures`, 'name a folder (created when a failure is saved)');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      const file = join(dir, name);
      const value = parseFailureFile(readFileSync(file, 'utf8'), file);
      return isSavedFailure(value) ? [{ file, failure: value }] : [];
    });
}

/**
 * What a run replays from a folder of saved failures: its source, its corpus, and the handler (for files saved
 * before corpora were recorded, replayed only where the events are not narrowed: `legacy`).
 *
 * @example
 * ```ts
 * const domain: CorpusDomain = { source: 'oss', key: 'fc-sim test photos/on-upload', handler: 'index.handler', legacy: false };
 * ```
 * @see README.md#property-based-contract-tests
 */
export interface CorpusDomain {
  source: string;
  key?: string;
  handler?: string;
  /** Replay files without a recorded corpus when their source and handler match (an un-narrowed trigger or kind). */
  legacy?: boolean;
}

/** Whether a saved failure belongs to a run's domain. */
export function inDomain(failure: SavedFailure, domain: CorpusDomain): boolean {
  if (failure.source !== domain.source) return false;
  if (failure.corpus) return domain.key === undefined || failure.corpus.key === domain.key;
  return domain.key === undefined || (domain.legacy === true && failure.handler === domain.handler);
}

/**
 * The events of saved failures of a source (and, with `key`, of one corpus only), to replay first: a regression
 * corpus. A damaged file is an error naming it.
 *
 * @example
 * ```ts
 * const runner = new ContractRunner('index.handler', { delivery: 'event' });
 * for (const event of savedEvents('fixtures/failures', 'oss', 'fc-sim test photos/on-upload')) await runner.assert(event);
 * ```
 * @see README.md#property-based-contract-tests
 */
export function savedEvents(dir: string, source: string, key?: string): unknown[] {
  return readSavedFailures(dir)
    .filter(({ failure }) => inDomain(failure, { source, ...(key === undefined ? {} : { key }) }))
    .map(({ failure }) => failure.event);
}

/** Files named on the command line: JSON files, and the JSON files in named folders (relative paths against `cwd`, kept as given). */
export function expandFiles(paths: readonly string[], cwd = process.cwd()): string[] {
  return paths.flatMap((path) => {
    const at = resolve(cwd, path);
    return existsSync(at) && statSync(at).isDirectory()
      ? readdirSync(at)
          .filter((name) => name.endsWith('.json'))
          .sort()
          .map((name) => join(path, name))
      : [path];
  });
}
