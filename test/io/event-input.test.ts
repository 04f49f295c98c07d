import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readEventBatches, readEventInputs } from '../../src/io/event-input.js';
import type { EventInputOptions, InputEvent } from '../../src/io/event-input.js';

const dir = mkdtempSync(join(tmpdir(), 'fc-sim-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = (stdin: string | string[] = [], limit = 1024): EventInputOptions => ({
  cwd: dir,
  stdin: Readable.from(typeof stdin === 'string' ? [stdin] : stdin),
  limit,
  limitName: 'the test limit',
});

async function read(paths: string[], opts = options()) {
  const events = [];
  for await (const event of readEventInputs(paths, opts)) events.push({ label: event.label, text: event.bytes.toString() });
  return events;
}

describe('readEventInputs', () => {
  it('a pretty JSON file is one event, its bytes as they are', async () => {
    writeFileSync(join(dir, 'pretty.json'), '{\n  "a": 1\n}\n');
    expect(await read(['pretty.json'])).toEqual([{ label: 'pretty.json', text: '{\n  "a": 1\n}\n' }]);
  });

  it('a one-line JSON file is one event, trailing newline kept', async () => {
    writeFileSync(join(dir, 'one.json'), '{"a":1}\n\n');
    expect(await read(['one.json'])).toEqual([{ label: 'one.json', text: '{"a":1}\n\n' }]);
  });

  it('an NDJSON file is one event per line, named file:line (blank lines and CRLF skipped)', async () => {
    writeFileSync(join(dir, 'events.ndjson'), '{"a":1}\r\n\n{"a":2}\n"text"');
    expect(await read(['events.ndjson'])).toEqual([
      { label: 'events.ndjson:1', text: '{"a":1}' },
      { label: 'events.ndjson:3', text: '{"a":2}' },
      { label: 'events.ndjson:4', text: '"text"' },
    ]);
  });

  it('text that is not JSON is one event (an MNS STREAM body)', async () => {
    writeFileSync(join(dir, 'raw.txt'), 'hello topic\nsecond line\n');
    expect(await read(['raw.txt'])).toEqual([{ label: 'raw.txt', text: 'hello topic\nsecond line\n' }]);
  });

  it('a folder stands for its event files, sorted; - is standard input, streamed in pieces', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'b.json'), '{"b":1}');
    writeFileSync(join(folder, 'a.ndjson'), '{"a":1}\n{"a":2}\n');
    writeFileSync(join(folder, 'notes.md'), 'not an event');
    expect((await read(['folder'])).map((event) => event.label)).toEqual([
      join('folder', 'a.ndjson:1'),
      join('folder', 'a.ndjson:2'),
      join('folder', 'b.json'),
    ]);
    expect(await read(['-'], options(['{"x"', ':1}\n{"x":', '2}\n']))).toEqual([
      { label: '<stdin>:1', text: '{"x":1}' },
      { label: '<stdin>:2', text: '{"x":2}' },
    ]);
  });

  it('an event over the limit is refused, naming the file (or line) and the limit, without reading on', async () => {
    writeFileSync(join(dir, 'big.json'), `{"a":"${'x'.repeat(2000)}"}`);
    await expect(read(['big.json'])).rejects.toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringContaining('big.json: larger than 1024 bytes, the test limit'),
    });
    writeFileSync(join(dir, 'big.ndjson'), `{"a":1}\n{"a":"${'x'.repeat(2000)}"}\n`);
    await expect(read(['big.ndjson'])).rejects.toMatchObject({ code: 'E_TOO_LARGE', message: expect.stringContaining('big.ndjson:2') });
    // An endless stream: refused after limit + 1 bytes (a generator that would never end otherwise).
    let pulled = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          pulled += 1;
          yield Buffer.alloc(256, 0x20);
        }
      })(),
    );
    await expect(read(['-'], { ...options(), stdin: endless })).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
    expect(pulled).toBeLessThan(64);
  });

  it('a line that is not JSON in an NDJSON file is an error naming file:line', async () => {
    writeFileSync(join(dir, 'bad.ndjson'), '{"a":1}\n{"a":\n');
    await expect(read(['bad.ndjson'])).rejects.toMatchObject({ code: 'E_NOT_JSON', message: expect.stringContaining('bad.ndjson:2') });
  });

  it('a missing file is E_FILE_NOT_FOUND naming it', async () => {
    await expect(read(['nope.json'])).rejects.toMatchObject({ code: 'E_FILE_NOT_FOUND', message: 'nope.json: no such file' });
  });
});

describe('readEventBatches', () => {
  const labels = (result: IteratorResult<InputEvent[], void>) => (result.done ? undefined : result.value.map((event) => event.label));
  const batchesOf = async (paths: string[], opts = options()) => {
    const batches: string[][] = [];
    for await (const batch of readEventBatches(paths, opts)) batches.push(batch.map((event) => event.label));
    return batches;
  };

  it('consecutive small files in batches of at most 32 events, in order; a folder given as ./x/ named as join names it', async () => {
    const folder = join(dir, 'many');
    mkdirSync(folder);
    for (let i = 0; i < 70; i++) writeFileSync(join(folder, `${String(i).padStart(3, '0')}.json`), `{"i":${i}}`);
    const batches = await batchesOf(['./many/']);
    expect(batches.map((batch) => batch.length)).toEqual([32, 32, 6]);
    expect(batches.flat()).toEqual(Array.from({ length: 70 }, (_, i) => join('many', `${String(i).padStart(3, '0')}.json`)));
  });

  it("a stream's events go on as its chunks come: a batch is handed on before waiting for the next chunk", async () => {
    let second: (() => void) | undefined;
    const stdin = Readable.from(
      (async function* () {
        yield '{"x":1}\n{"x":2}\n';
        await new Promise<void>((resolve) => {
          second = resolve;
        });
        yield '{"x":3}\n';
      })(),
    );
    const batches = readEventBatches(['-'], { ...options(), stdin });
    // The first chunk's events, while the stream has not given its second.
    expect(labels(await batches.next())).toEqual(['<stdin>:1', '<stdin>:2']);
    expect(second).toBeDefined();
    second?.();
    expect(labels(await batches.next())).toEqual(['<stdin>:3']);
    expect((await batches.next()).done).toBe(true);
  });

  it('an error ends its batch: the events read before it come first, then the error', async () => {
    writeFileSync(join(dir, 'first.json'), '{"a":1}');
    writeFileSync(join(dir, 'lines.ndjson'), '{"a":1}\n{"a":2}\nnot json\n');
    const batches = readEventBatches(['first.json', 'lines.ndjson', 'missing.json'], options());
    expect(labels(await batches.next())).toEqual(['first.json', 'lines.ndjson:1', 'lines.ndjson:2']);
    await expect(batches.next()).rejects.toMatchObject({ code: 'E_NOT_JSON', message: expect.stringContaining('lines.ndjson:3') });
    const missing = readEventBatches(['first.json', 'missing.json'], options());
    expect(labels(await missing.next())).toEqual(['first.json']);
    await expect(missing.next()).rejects.toMatchObject({ code: 'E_FILE_NOT_FOUND' });
  });
});
