import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CheckFailure } from './checks.js';
import { FcSimError } from '../errors.js';
import { Redactor } from '../remote/redact.js';
import type { Delivery } from '../triggers/delivery.js';
import type { Platform } from '../runtime/runtimes.js';

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
  /** How the event reaches the handler (the bytes of the event, an FC 3.0 or an FC 2.0 HTTP call). */
  delivery: Delivery;
  /** The platform the function ran on (files saved before fc-sim recorded it: FC 2.0 for FC 2.0 requests, else FC 3.0). */
  platform?: Platform;
  check: CheckFailure['check'];
  message: string;
  seed: number;
  path: string;
  handler: string;
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

export function parseFailureFile(text: string): unknown {
  return JSON.parse(text, decode);
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

/**
 * Writes the failure as `<source>-<check>-<hash of the event>.json`, so the same failure is saved once. The text
 * passes `redact` (a remote target's `redact` masks its credentials) and loses any signed Authorization value.
 *
 * @example
 * ```ts
 * const file = saveFailure('fixtures/failures', {
 *   fcSim: 'failure', source: 'oss', delivery: 'event', check: 'no-unhandled-error', message: 'TypeError: …',
 *   seed: 42, path: '0:1', handler: 'index.handler', savedAt: new Date().toISOString(), event: buildOssEvent({ key: 'a%20b.png' }),
 * });
 * ```
 * @see README.md#property-based-contract-tests
 */
export function saveFailure(dir: string, failure: SavedFailure, redact: (text: string) => string = (text) => text): string {
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha1').update(JSON.stringify(failure.event, encode)).digest('hex').slice(0, 10);
  const file = join(dir, `${failure.source.replace(/[^a-z0-9-]+/gi, '-')}-${failure.check}-${hash}.json`);
  // Saved failures are committed: a secret the function echoed must not reach them (the redactor stdout passes too).
  writeFileSync(file, new Redactor().redact(redact(serializeFailure(failure))));
  return file;
}

/**
 * The events of saved failures of a source, to replay first: a regression corpus.
 *
 * @example
 * ```ts
 * const runner = new ContractRunner('index.handler', { delivery: 'event' });
 * for (const event of savedEvents('fixtures/failures', 'oss')) await runner.assert(event);
 * ```
 * @see README.md#property-based-contract-tests
 */
export function savedEvents(dir: string, source: string): unknown[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory())
    throw new FcSimError('E_USAGE', `${dir}: is a file, not a folder of saved failures`, 'name a folder (created when a failure is saved)');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      try {
        const value = parseFailureFile(readFileSync(join(dir, name), 'utf8'));
        return isSavedFailure(value) && value.source === source ? [value.event] : [];
      } catch {
        return [];
      }
    });
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
