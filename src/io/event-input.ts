import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { FcSimError } from '../errors.js';

/**
 * One event read from the command line's inputs: a whole file (its bytes exactly as they are), or one line of an
 * NDJSON file or stream.
 */
export interface InputEvent {
  /** How reports name it: the file as given, `file:12` for line 12 of an NDJSON file, `<stdin>`, `<stdin>:3`. */
  label: string;
  /** The bytes as read: the whole file, or the line without its line end. */
  bytes: Buffer;
  /** The parsed JSON, when reading had to parse it anyway (NDJSON lines, one-line files); else parse `bytes`. */
  json?: { value: unknown };
}

/** Where the inputs come from and how large one event may be. */
export interface EventInputOptions {
  /** Relative paths are relative to it. */
  cwd: string;
  /** What `-` reads. */
  stdin: NodeJS.ReadableStream;
  /** The most bytes one event (a file, an NDJSON line) may have: FC's payload limit. */
  limit: number;
  /** What the limit is, for the message: `a sync invocation's payload limit`. */
  limitName: string;
  /** Files a folder does not contribute (absolute paths): the run's own `--out` file, written while the folder is read. */
  exclude?: readonly string[];
}

/** File names a folder contributes: events as fc-sim prints and saves them. */
const EVENT_FILE = /\.(json|ndjson|jsonl|cbor)$/i;
/** Files up to this size are read in one call (and several at once); larger ones, devices and pipes are streamed. */
const SMALL_FILE = 1 << 20;
const NEWLINE = 0x0a;

function tooLarge(where: string, options: EventInputOptions): FcSimError {
  return new FcSimError(
    'E_TOO_LARGE',
    `${where}: larger than ${options.limit} bytes, ${options.limitName}: FC refuses it (read no further)`,
    'put large inputs in OSS and pass their key; a sync invocation takes 32 MB, an async one 128 KB',
  );
}

function readError(file: string, error: unknown): FcSimError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return new FcSimError('E_FILE_NOT_FOUND', `${file}: no such file`, 'check the path (relative to the current folder)', { cause: error });
  return new FcSimError('E_READ', `${file}: cannot read: ${(error as Error).message}`, undefined, { cause: error });
}

function isBlank(line: Buffer): boolean {
  for (const byte of line) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  return true;
}

function withoutCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line;
}

function parsed(line: Buffer): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(line.toString('utf8')) };
  } catch {
    return undefined;
  }
}

/**
 * The events of one input, streamed. A file whose first line is a JSON value and which has another line after it is
 * NDJSON (one event per line, each at most the limit); anything else is one event, the whole file as it is (pretty
 * JSON, a one-line JSON file, a raw MNS STREAM body, CBOR), at most the limit. Either way nothing is read beyond the
 * limit + 1 byte of one event: a larger event is refused, not held.
 */
async function* eventsOf(chunks: AsyncIterable<Buffer | string>, source: string, options: EventInputOptions, binary: boolean): AsyncGenerator<InputEvent> {
  const { limit } = options;
  // Until the input shows it is NDJSON, every byte is kept: it may be one event, delivered as it is.
  let mode = (binary ? 'whole' : 'detect') as 'detect' | 'whole' | 'lines';
  let whole: Buffer[] = [];
  let wholeBytes = 0;
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let lineNumber = 0;
  let first: { line: number; bytes: Buffer; json: { value: unknown } } | undefined;

  function* onLine(raw: Buffer): Generator<InputEvent> {
    lineNumber += 1;
    const line = withoutCr(raw);
    if (isBlank(line)) return;
    if (mode === 'lines') {
      const json = parsed(line);
      if (!json) {
        throw new FcSimError(
          'E_NOT_JSON',
          `${source}:${lineNumber}: not valid JSON (an NDJSON input has one JSON value per line)`,
          'fix that line, or give a pretty-printed event its own file',
        );
      }
      yield { label: `${source}:${lineNumber}`, bytes: line, json };
      return;
    }
    if (first === undefined) {
      const json = parsed(line);
      if (json) first = { line: lineNumber, bytes: line, json };
      else mode = 'whole';
      return;
    }
    lineNumber -= 1;
    yield* becomeLines();
    yield* onLine(raw);
  }

  /** A second value after the first line: NDJSON. The bytes kept for a whole-file event are not needed any more. */
  function* becomeLines(): Generator<InputEvent> {
    mode = 'lines';
    whole = [];
    wholeBytes = 0;
    if (first) yield { label: `${source}:${first.line}`, bytes: first.bytes, json: first.json };
  }

  // The mode changes inside onLine: read it afresh after each line (TypeScript would keep an earlier narrowing).
  const now = (): typeof mode => mode;

  for await (const read of chunks) {
    // Standard input in tests (Readable.from) may give strings.
    const chunk = typeof read === 'string' ? Buffer.from(read) : read;
    if (now() !== 'lines') {
      whole.push(chunk);
      wholeBytes += chunk.length;
    }
    if (now() !== 'whole') {
      let start = 0;
      for (;;) {
        const end = chunk.indexOf(NEWLINE, start);
        if (end === -1) {
          if (start < chunk.length) {
            carry.push(chunk.subarray(start));
            carryBytes += chunk.length - start;
          }
          break;
        }
        const piece = chunk.subarray(start, end);
        const line = carry.length === 0 ? piece : Buffer.concat([...carry, piece]);
        carry = [];
        carryBytes = 0;
        start = end + 1;
        if (line.length > limit + 1) throw tooLarge(now() === 'lines' || first ? `${source}:${lineNumber + 1}` : source, options);
        yield* onLine(line);
        if (now() === 'whole') break;
      }
      // More than blanks after a first line that is a JSON value: NDJSON, before that second line has ended.
      if (now() === 'detect' && first && carry.some((piece) => !isBlank(piece))) yield* becomeLines();
      if (now() === 'lines' && carryBytes > limit + 1) throw tooLarge(`${source}:${lineNumber + 1}`, options);
    }
    if (now() !== 'lines' && wholeBytes > limit) throw tooLarge(source, options);
  }
  if (now() !== 'whole' && carryBytes > 0) {
    yield* onLine(Buffer.concat(carry));
    if (now() === 'lines') return;
  }
  if (now() === 'lines') return;
  const bytes = Buffer.concat(whole);
  yield { label: source, bytes, ...(now() === 'detect' && first ? { json: first.json } : {}) };
}

/** The files named: a folder stands for its event files (sorted by name), a file for itself. */
async function expand(paths: readonly string[], cwd: string, exclude: readonly string[] = []): Promise<Array<{ given: string; path: string }>> {
  const files: Array<{ given: string; path: string }> = [];
  for (const given of paths) {
    if (given === '-') {
      files.push({ given, path: given });
      continue;
    }
    const path = isAbsolute(given) ? given : resolve(cwd, given);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((name) => EVENT_FILE.test(name)).sort();
      if (names.length === 0)
        throw new FcSimError('E_USAGE', `no JSON files in ${given} (event files: .json, .ndjson, .jsonl, .cbor)`, 'name event files, or a folder of them');
      for (const name of names) if (!exclude.includes(join(path, name))) files.push({ given: join(given, name), path: join(path, name) });
    } else {
      files.push({ given, path });
    }
  }
  return files;
}

/**
 * A small regular file's bytes in one read, or undefined when it is to be streamed (large, a device, a pipe). Read
 * synchronously: for thousands of small files, four system calls each cost less than the thread pool's round trips.
 */
function smallFile(path: string, given: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw readError(given, error);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > SMALL_FILE) return undefined;
    const bytes = Buffer.allocUnsafe(info.size);
    let read = 0;
    while (read < info.size) {
      const got = readSync(fd, bytes, read, info.size - read, read);
      if (got === 0) break;
      read += got;
    }
    return read === info.size ? bytes : bytes.subarray(0, read);
  } catch (error) {
    throw readError(given, error);
  } finally {
    closeSync(fd);
  }
}

async function* chunksOf(path: string, given: string, limit: number): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { highWaterMark: Math.min(1 << 20, limit + 1) });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw readError(given, error);
  } finally {
    stream.destroy();
  }
}

async function* one(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

/**
 * Every event of the inputs, in order and streamed: JSON files (one event each, bytes as they are), NDJSON files and
 * streams (one event per line), folders of them, `-` for standard input. Each event is read up to the limit + 1
 * byte and refused beyond (FcSimError E_TOO_LARGE naming the file, or file:line); a file that cannot be read is an
 * FcSimError naming it. Small files are read in one call each, as their turn comes; others are streamed.
 */
export async function* readEventInputs(paths: readonly string[], options: EventInputOptions): AsyncGenerator<InputEvent> {
  const files = await expand(paths, options.cwd, options.exclude);
  for (const file of files) {
    const small = file.given === '-' ? undefined : smallFile(file.path, file.given);
    const binary = /\.cbor$/i.test(file.given);
    if (file.given === '-') {
      yield* eventsOf(options.stdin as AsyncIterable<Buffer>, '<stdin>', options, false);
    } else if (small !== undefined) {
      yield* eventsOf(one(small), file.given, options, binary);
    } else {
      yield* eventsOf(chunksOf(file.path, file.given, options.limit), file.given, options, binary);
    }
  }
}
