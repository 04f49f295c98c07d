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
 * Splits one input into its events as its bytes come, chunk by chunk. A file whose first line is a JSON value and
 * which has another line after it is NDJSON (one event per line, each at most the limit); anything else is one
 * event, the whole file as it is (pretty JSON, a one-line JSON file, a raw MNS STREAM body, CBOR), at most the limit.
 * Either way nothing is read beyond the limit + 1 byte of one event: a larger event is refused, not held.
 */
class EventSplitter {
  // Until the input shows it is NDJSON, every byte is kept: it may be one event, delivered as it is.
  private mode: 'detect' | 'whole' | 'lines';
  private whole: Buffer[] = [];
  private wholeBytes = 0;
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private lineNumber = 0;
  private first: { line: number; bytes: Buffer; json: { value: unknown } } | undefined;

  constructor(
    private readonly source: string,
    private readonly options: EventInputOptions,
    binary: boolean,
  ) {
    this.mode = binary ? 'whole' : 'detect';
  }

  private *onLine(raw: Buffer): Generator<InputEvent> {
    this.lineNumber += 1;
    const line = withoutCr(raw);
    if (isBlank(line)) return;
    if (this.mode === 'lines') {
      const json = parsed(line);
      if (!json) {
        throw new FcSimError(
          'E_NOT_JSON',
          `${this.source}:${this.lineNumber}: not valid JSON (an NDJSON input has one JSON value per line)`,
          'fix that line, or give a pretty-printed event its own file',
        );
      }
      yield { label: `${this.source}:${this.lineNumber}`, bytes: line, json };
      return;
    }
    if (this.first === undefined) {
      const json = parsed(line);
      if (json) this.first = { line: this.lineNumber, bytes: line, json };
      else this.mode = 'whole';
      return;
    }
    this.lineNumber -= 1;
    yield* this.becomeLines();
    yield* this.onLine(raw);
  }

  /** A second value after the first line: NDJSON. The bytes kept for a whole-file event are not needed any more. */
  private *becomeLines(): Generator<InputEvent> {
    this.mode = 'lines';
    this.whole = [];
    this.wholeBytes = 0;
    if (this.first) yield { label: `${this.source}:${this.first.line}`, bytes: this.first.bytes, json: this.first.json };
  }

  /** The events that end in this chunk. */
  *push(chunk: Buffer): Generator<InputEvent> {
    const { limit } = this.options;
    if (this.mode !== 'lines') {
      this.whole.push(chunk);
      this.wholeBytes += chunk.length;
    }
    if (this.mode !== 'whole') {
      let start = 0;
      for (;;) {
        const end = chunk.indexOf(NEWLINE, start);
        if (end === -1) {
          if (start < chunk.length) {
            this.carry.push(chunk.subarray(start));
            this.carryBytes += chunk.length - start;
          }
          break;
        }
        const piece = chunk.subarray(start, end);
        const line = this.carry.length === 0 ? piece : Buffer.concat([...this.carry, piece]);
        this.carry = [];
        this.carryBytes = 0;
        start = end + 1;
        if (line.length > limit + 1) throw this.tooLarge(this.mode === 'lines' || this.first ? `${this.source}:${this.lineNumber + 1}` : this.source);
        yield* this.onLine(line);
        // The mode changes inside onLine: TypeScript would keep the narrowing of the loop's start.
        if ((this.mode as string) === 'whole') break;
      }
      // More than blanks after a first line that is a JSON value: NDJSON, before that second line has ended.
      if (this.mode === 'detect' && this.first && this.carry.some((piece) => !isBlank(piece))) yield* this.becomeLines();
      if (this.mode === 'lines' && this.carryBytes > limit + 1) throw this.tooLarge(`${this.source}:${this.lineNumber + 1}`);
    }
    if (this.mode !== 'lines' && this.wholeBytes > limit) throw this.tooLarge(this.source);
  }

  /** The events the end of the input completes: its last line, or the whole input as one event. */
  *end(): Generator<InputEvent> {
    if (this.mode !== 'whole' && this.carryBytes > 0) {
      yield* this.onLine(this.carry.length === 1 ? this.carry[0]! : Buffer.concat(this.carry));
      if ((this.mode as string) === 'lines') return;
    }
    if (this.mode === 'lines') return;
    // One chunk (a small file read at once) is the event's bytes as they are; pieces are joined.
    const bytes = this.whole.length === 1 ? this.whole[0]! : Buffer.concat(this.whole);
    yield { label: this.source, bytes, ...(this.mode === 'detect' && this.first ? { json: this.first.json } : {}) };
  }

  private tooLarge(where: string): FcSimError {
    return tooLarge(where, this.options);
  }
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
      // join(folder, name) for a name without slashes, normalised once per folder, not once per file (5,000 files: 20 ms).
      const givenPrefix = join(given, 'x').slice(0, -1);
      const pathPrefix = join(path, 'x').slice(0, -1);
      for (const name of names) {
        const file = pathPrefix + name;
        if (!exclude.includes(file)) files.push({ given: givenPrefix + name, path: file });
      }
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

/** Events a batch holds at most, and bytes: past either, the batch is handed on before more is read. */
const BATCH_EVENTS = 32;
const BATCH_BYTES = 1 << 20;

/**
 * Every event of the inputs, in order and streamed, in batches: the events of consecutive small files (read
 * synchronously, up to 32 events or 1 MB), or those a stream's chunk completes. A batch is handed on before any wait
 * for more input, so that an event that arrived on a slow stream is never held back. A file that cannot be read, or an
 * event refused, ends the batch before it: its error comes in its place, after the events read before it.
 * See {@link readEventInputs}.
 */
export async function* readEventBatches(paths: readonly string[], options: EventInputOptions): AsyncGenerator<InputEvent[]> {
  const files = await expand(paths, options.cwd, options.exclude);
  let batch: InputEvent[] = [];
  let batchBytes = 0;
  /** Adds a splitter's events; true when the batch is full. */
  const add = (events: Iterable<InputEvent>): boolean => {
    for (const event of events) {
      batch.push(event);
      batchBytes += event.bytes.length;
    }
    return batch.length >= BATCH_EVENTS || batchBytes >= BATCH_BYTES;
  };
  const take = (): InputEvent[] => {
    const taken = batch;
    batch = [];
    batchBytes = 0;
    return taken;
  };
  try {
    for (const file of files) {
      const binary = /\.cbor$/i.test(file.given);
      const small = file.given === '-' ? undefined : smallFile(file.path, file.given);
      if (small !== undefined) {
        const splitter = new EventSplitter(file.given, options, binary);
        add(splitter.push(small));
        if (add(splitter.end())) yield take();
        continue;
      }
      const [chunks, source] =
        file.given === '-' ? [options.stdin as AsyncIterable<Buffer | string>, '<stdin>'] : [chunksOf(file.path, file.given, options.limit), file.given];
      const splitter = new EventSplitter(source, options, binary);
      // Streamed: what has been read goes on before waiting for the next chunk.
      if (batch.length > 0) yield take();
      for await (const read of chunks) {
        // Standard input in tests (Readable.from) may give strings.
        add(splitter.push(typeof read === 'string' ? Buffer.from(read) : read));
        if (batch.length > 0) yield take();
      }
      if (add(splitter.end())) yield take();
    }
  } catch (error) {
    // The events read before the error go first (a generator's events up to the one that threw are in the batch).
    if (batch.length > 0) yield take();
    throw error;
  }
  if (batch.length > 0) yield take();
}

/**
 * Every event of the inputs, in order and streamed: JSON files (one event each, bytes as they are), NDJSON files and
 * streams (one event per line), folders of them, `-` for standard input. Each event is read up to the limit + 1
 * byte and refused beyond (FcSimError E_TOO_LARGE naming the file, or file:line); a file that cannot be read is an
 * FcSimError naming it. Small files are read in one call each, as their turn comes; others are streamed.
 */
export async function* readEventInputs(paths: readonly string[], options: EventInputOptions): AsyncGenerator<InputEvent> {
  for await (const batch of readEventBatches(paths, options)) yield* batch;
}
