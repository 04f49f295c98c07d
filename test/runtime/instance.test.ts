/**
 * The runtime against real handler files in fixtures/handlers, each in its own process as FC runs them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { ExpectStatic } from 'vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FunctionInstance } from '../../src/runtime/instance.js';
import type { Invocation } from '../../src/runtime/invocation.js';
import { resultValue } from '../../src/runtime/invocation.js';
import { systemZoneIsUtc } from '../../src/runtime/node/instance-launch.js';
import type { RuntimeName } from '../../src/runtime/runtimes.js';
import { tempDir } from '../helpers/temp-dir.js';

const codeDir = 'fixtures/handlers';
const instances: FunctionInstance[] = [];

function instance(handler: string, options: Partial<ConstructorParameters<typeof FunctionInstance>[0]> = {}): FunctionInstance {
  const created = new FunctionInstance({ handler, codeDir, timeout: 1, ...options });
  instances.push(created);
  return created;
}

async function invoke(handler: string, event = '', options: Partial<ConstructorParameters<typeof FunctionInstance>[0]> = {}): Promise<Invocation> {
  return instance(handler, options).invoke(Buffer.from(event));
}

/** An instance of one concurrent test, disposed when that test ends (not by afterEach, which other tests share). */
function own(
  onTestFinished: (fn: () => Promise<void>) => void,
  handler: string,
  options: Partial<ConstructorParameters<typeof FunctionInstance>[0]> = {},
): FunctionInstance {
  const created = new FunctionInstance({ handler, codeDir, timeout: 1, ...options });
  onTestFinished(async () => {
    await created.dispose();
  });
  return created;
}

afterEach(async () => {
  await Promise.all(instances.splice(0).map((created) => created.dispose()));
});

describe('invocation: event, callback, async results', () => {
  it('hands the handler a Buffer of the event bytes and answers with its callback', async () => {
    const event = '{"events":[{"eventName":"ObjectCreated:PutObject"}]}';
    const result = await invoke('echo.handler', event);
    expect(result.status).toBe('success');
    expect(resultValue(result)).toEqual({ events: [{ eventName: 'ObjectCreated:PutObject' }] });
    expect(result.logs.some((line) => line.endsWith(`[verbose] got ${event.length} bytes, Buffer: true`))).toBe(true);
  });

  it('counts only the first callback', async () => {
    const result = await invoke('callback-twice.handler');
    expect(result).toMatchObject({ status: 'success' });
    expect(result.body.toString()).toBe('first');
  });

  it('times out a handler that never calls back', async () => {
    const result = await invoke('callback-never.handler');
    expect(result.status).toBe('unhandled-error');
    expect(result.error?.errorMessage).toMatch(/^Function timed out after 1 seconds \(maxMemoryUsage: \d+\.\d\dMB\)$/);
    expect(result.error?.cause).toBe('timeout');
    expect(result.logs.at(-1)).toBe(`FC Invoke End RequestId: ${result.requestId}, Error: Unhandled function error`);
  });

  it('uses what an async handler returns on nodejs20 and ignores it on nodejs16, saying why', async () => {
    const fc3 = await invoke('async-return.handler', 'abc', { runtime: 'nodejs20' });
    expect(resultValue(fc3)).toEqual({ ok: true, bytes: 3 });
    const fc2 = await invoke('async-return.handler', 'abc', { runtime: 'nodejs16' });
    expect(fc2.status).toBe('unhandled-error');
    expect(fc2.error?.errorMessage).toMatch(/^Function timed out after 1 seconds/);
    expect(fc2.warnings[0]).toMatch(/^nodejs16 ignores what an async handler returns/);
  });

  describe('on one warm instance, as FC answers them', () => {
    // The rules are the runtime's, not the instance's: one process answers every kind.
    let results: FunctionInstance;
    beforeAll(() => {
      results = new FunctionInstance({ handler: 'result-types.handler', codeDir, timeout: 1 });
    });
    afterAll(() => results.dispose());

    it.each([
      ['buffer', Buffer.from([0xde, 0xad])],
      ['string', Buffer.from('plain text')],
      ['number', Buffer.from('42')],
      ['boolean', Buffer.from('false')],
      ['object', Buffer.from('{"a":[1,"two"]}')],
      ['array', Buffer.from('[1,2]')],
      ['null', Buffer.alloc(0)],
    ])('serialises a %s result by FC’s rules', async (kind, body) => {
      expect((await results.invoke(Buffer.from(kind))).body).toEqual(body);
      expect(results.starts).toBe(1);
    });
  });
});

describe('errors', () => {
  it('refuses a code folder that is missing or a file, naming it, before starting a process', async () => {
    await expect(invoke('index.handler', '', { codeDir: 'fixtures/no-such-folder' })).rejects.toMatchObject({
      code: 'E_USAGE',
      message: expect.stringMatching(/^codeDir \/.*fixtures\/no-such-folder: no such folder$/),
    });
    await expect(invoke('echo.handler', '', { codeDir: 'fixtures/handlers/echo.js' })).rejects.toMatchObject({
      code: 'E_USAGE',
      message: expect.stringMatching(/echo\.js: a file, not a folder$/),
    });
  });

  it.each<[RuntimeName, string]>([
    ['nodejs16', 'FunctionUnhandledError: Error'],
    ['nodejs20', 'Error'],
  ])('a thrown error is unhandled, typed for %s as %s', async (runtime, errorType) => {
    const result = await invoke('throws.handler', '', { runtime });
    expect(result.status).toBe('unhandled-error');
    expect(result.error).toMatchObject({ errorMessage: 'oops', errorType });
    expect(result.error?.stackTrace?.[0]).toBe('Error: oops');
    expect(result.error?.stackTrace?.[1]).toMatch(/at exports\.handler \(.*fixtures\/handlers\/throws\.js:3:9\)$/);
    expect(result.error?.stackTrace?.join('\n')).not.toMatch(/runtime[\\/]|node:internal/);
    expect(result.logs.at(-1)).toMatch(/, Error: Unhandled function error$/);
  });

  it('a rejected promise is unhandled and keeps its error type', async () => {
    expect((await invoke('rejects.handler', '', { runtime: 'nodejs20' })).error).toMatchObject({ errorMessage: 'no such item', errorType: 'RangeError' });
    expect((await invoke('rejects.handler', '', { runtime: 'nodejs16' })).error).toMatchObject({ errorType: 'FunctionUnhandledError: RangeError' });
  });

  it('callback(error) is handled: an Error keeps its type, other values are FunctionHandledError', async () => {
    const typed = await invoke('callback-error.handler', '{}');
    expect(typed.status).toBe('handled-error');
    expect(typed.error).toMatchObject({ errorMessage: 'bad input', errorType: 'TypeError', cause: 'function' });
    expect(typed.logs.at(-1)).toMatch(/, Error: Handled function error$/);
    expect((await invoke('callback-error.handler', '{"kind":"string"}')).error).toEqual({
      errorMessage: 'something went wrong',
      errorType: 'FunctionHandledError',
      cause: 'function',
    });
    expect((await invoke('callback-error.handler', '{"kind":"object"}')).error).toEqual({
      errorMessage: '{"code":"E42","detail":"bad"}',
      errorType: 'FunctionHandledError',
      cause: 'function',
    });
    expect(JSON.parse(typed.body.toString())).not.toHaveProperty('cause');
  });

  it.each([
    ['nodot', { errorMessage: "Invalid handler 'nodot'", errorType: 'InvalidHandlerName' }],
    ['missing.handler', { errorType: 'ImportModuleError', errorMessage: expect.stringMatching(/^Module '.*fixtures\/handlers\/missing\.js' is missing\.$/) }],
    [
      'not-a-function.handler',
      { errorType: 'HandlerNotFound', errorMessage: expect.stringMatching(/^Handler 'handler' is missing on module '.*not-a-function\.js'$/) },
    ],
    ['echo.nothing', { errorType: 'HandlerNotFound' }],
    ['syntax-error.handler', { errorType: 'UserCodeSyntaxError', errorMessage: 'Invalid or unexpected token' }],
  ])('loading %s fails with FC’s error', async (handler, error) => {
    const result = await invoke(handler);
    expect(result.status).toBe('unhandled-error');
    expect(result.error).toMatchObject({ ...error, cause: 'load' });
  });
});

describe('instance lifecycle', () => {
  it('keeps module state between invocations of one instance', async () => {
    const counter = instance('counter.handler');
    const first = resultValue(await counter.invoke(Buffer.alloc(0))) as { invocations: number; pid: number };
    const second = resultValue(await counter.invoke(Buffer.alloc(0))) as { invocations: number; pid: number };
    expect(second).toEqual({ invocations: 2, pid: first.pid });
  });

  it('runs the initializer once per instance, and again after it failed', async () => {
    const function_ = instance('initializer.handler', { initializer: 'initializer.initialize' });
    const failed = await function_.invoke(Buffer.alloc(0));
    // The initializer called back with an error: handled, by the callback rule.
    expect(failed.status).toBe('handled-error');
    expect(failed.error).toMatchObject({ errorMessage: 'database not reachable', errorType: 'Error' });
    expect(failed.logs[0]).toBe(`FC Initialize Start RequestId: ${failed.requestId}`);
    expect(failed.logs.at(-1)).toBe(`FC Initialize End RequestId: ${failed.requestId}, Error: Handled function error`);
    const retried = await function_.invoke(Buffer.alloc(0));
    expect(resultValue(retried)).toEqual({ ready: true, attempts: 2 });
    expect(retried.logs.filter((line) => line.startsWith('FC Initialize Start'))).toHaveLength(1);
    const warm = await function_.invoke(Buffer.alloc(0));
    expect(resultValue(warm)).toEqual({ ready: true, attempts: 2 });
    expect(warm.logs[0]).toMatch(/^FC Invoke Start/);
  });

  it('runs PreFreeze after each invocation (FC 2.0) and PreStop when the instance stops', async () => {
    const hooks = new FunctionInstance({
      handler: 'hooks.handler',
      codeDir,
      runtime: 'nodejs16',
      platform: 'fc2',
      initializer: 'hooks.initialize',
      preFreeze: 'hooks.preFreeze',
      preStop: 'hooks.preStop',
    });
    const first = await hooks.invoke(Buffer.alloc(0));
    expect(first.logs.filter((line) => /^FC \w+ (Start|End)/.test(line)).map((line) => line.split(' RequestId')[0])).toEqual([
      'FC Initialize Start',
      'FC Initialize End',
      'FC Invoke Start',
      'FC Invoke End',
      'FC PreFreeze Start',
      'FC PreFreeze End',
    ]);
    expect(first.logs.some((line) => line.endsWith('[verbose] preFreeze after 1'))).toBe(true);
    const stop = await hooks.dispose();
    expect(stop?.logs.some((line) => line.endsWith('[verbose] preStop after 1'))).toBe(true);
  });

  it('ignores PreFreeze on FC 3.0 runtimes, which have no such hook', async () => {
    const result = await invoke('hooks.handler', '', { runtime: 'nodejs20', preFreeze: 'hooks.preFreeze' });
    expect(result.logs.some((line) => line.startsWith('FC PreFreeze'))).toBe(false);
  });
});

// Concurrent: these tests wait on real timeouts and dying processes; each owns its instances and disposes them itself.
describe.concurrent('limits: the instance dies, the next invocation gets a fresh one', () => {
  async function thenFresh(dying: FunctionInstance, expect: ExpectStatic): Promise<void> {
    const starts = dying.starts;
    // The same instance object answers again, from a new process.
    expect((await dying.invoke(Buffer.from('{"ms":1}'))).status).not.toBe('rejected');
    expect(dying.starts).toBe(starts + 1);
  }

  it('kills a handler that never yields (an endless loop) at the timeout', async ({ expect, onTestFinished }) => {
    const looping = own(onTestFinished, 'never-yields.handler');
    const result = await looping.invoke(Buffer.alloc(0));
    // The invocation's own duration: the cold start, which a loaded machine stretches, does not count against it.
    // libuv schedules timers from its cached loop time, so one may fire up to a millisecond before performance.now says.
    expect(result.durationMs).toBeGreaterThanOrEqual(999);
    expect(result.durationMs).toBeLessThan(2000);
    expect(result.error?.errorMessage).toMatch(/^Function timed out after 1 seconds/);
    expect(result.error?.cause).toBe('timeout');
    await thenFresh(looping, expect);
  });

  it('reports process.exit as FC does', async ({ expect, onTestFinished }) => {
    const exiting = own(onTestFinished, 'process-exit.handler');
    const result = await exiting.invoke(Buffer.alloc(0));
    expect(result.status).toBe('unhandled-error');
    expect(result.error?.errorMessage).toMatch(/^Process exited unexpectedly before completing request \(duration: \d+ms, maxMemoryUsage: \d+MB\)$/);
    expect(result.error?.cause).toBe('exit');
    expect(result.logs.some((line) => line.endsWith('[verbose] exiting'))).toBe(true);
    await thenFresh(exiting, expect);
  });

  it('ends an instance that runs out of its memory size', async ({ expect, onTestFinished }) => {
    const hungry = own(onTestFinished, 'out-of-memory.handler', { memorySize: 128, timeout: 20 });
    const result = await hungry.invoke(Buffer.alloc(0));
    expect(result.error?.errorMessage).toMatch(/^Process exited unexpectedly before completing request/);
    expect(result.error?.cause).toBe('oom');
    await thenFresh(hungry, expect);
  }, 30_000);

  it('reports an exception thrown outside the handler: nodejs20 ends the instance, nodejs16 keeps it', async ({ expect, onTestFinished }) => {
    const fc3 = own(onTestFinished, 'async-throw.handler', { runtime: 'nodejs20' });
    const thrown = await fc3.invoke(Buffer.alloc(0));
    expect(thrown.error).toMatchObject({ errorMessage: 'thrown later', errorType: 'Error', cause: 'uncaught' });
    await thenFresh(fc3, expect);
    const fc2 = own(onTestFinished, 'async-throw.handler', { runtime: 'nodejs16' });
    expect((await fc2.invoke(Buffer.alloc(0))).error).toEqual({
      errorMessage: 'FunctionUnhandledError: uncaughtException',
      errorType: 'FunctionHandledError',
      cause: 'uncaught',
    });
    const starts = fc2.starts;
    await fc2.invoke(Buffer.alloc(0));
    expect(fc2.starts).toBe(starts);
  });

  it('refuses a payload over 32 MB (sync) or 128 KB (async) before running anything', async ({ expect, onTestFinished }) => {
    const echo = own(onTestFinished, 'echo.handler');
    const big = await echo.invoke(Buffer.alloc(32 * 2 ** 20 + 1, 0x20));
    expect(big.status).toBe('rejected');
    expect(big.error).toEqual({ errorCode: 'EntityTooLarge', errorMessage: 'payload size exceeds maximum allowed size (33554432 bytes)', cause: 'rejected' });
    expect(JSON.parse(big.body.toString())).toEqual({
      errorCode: 'EntityTooLarge',
      errorMessage: 'payload size exceeds maximum allowed size (33554432 bytes)',
    });
    expect(big.logs).toEqual([]);
    expect(echo.starts).toBe(0);
    const asyncBig = await echo.invoke(Buffer.from(JSON.stringify('x'.repeat(128 * 1024))), { invocationType: 'async' });
    expect(asyncBig.status).toBe('rejected');
    // At the limit it runs, and all of it arrives (answered with its size, not echoed: that doubled the test's cost).
    const sized = own(onTestFinished, 'payload-size.handler', { timeout: 15 });
    const atLimit = await sized.invoke(Buffer.alloc(32 * 2 ** 20, 0x20));
    expect(atLimit.status).toBe('success');
    expect(JSON.parse(atLimit.body.toString())).toEqual({ bytes: 32 * 2 ** 20 });
  }, 20_000);
});

// Apart from the concurrent limits above: filling memory beside a timer they measure could delay it on a loaded machine.
describe('the memory of what the handler started', () => {
  it.skipIf(process.platform !== 'linux')(
    'counts the memory of what the handler started: a child past the memory size ends the instance',
    async () => {
      const hungry = instance('child-memory.handler', { memorySize: 128, timeout: 20 });
      const result = await hungry.invoke(Buffer.alloc(0));
      expect(result.status).toBe('unhandled-error');
      expect(result.error?.cause).toBe('oom');
    },
    30_000,
  );
});

describe('an answer that comes after the memory watch killed its process', () => {
  /** Blocks this thread (without using a core) until `done()`, up to 20 s: fc-sim reads no message and runs no timer meanwhile. */
  function blockUntil(done: () => boolean, what: string): void {
    const deadline = Date.now() + 20_000;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }

  /** Whether the process is gone or a zombie: its memory is released, and /proc tells nothing more of it. */
  function ended(pid: number): boolean {
    try {
      return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
    } catch {
      return true;
    }
  }

  // FC kills an instance the moment it passes its memory size, so a function that does is never a success. fc-sim
  // watches every 25 ms; when the watch kills the process after it answered but before fc-sim read that answer, the
  // answer must not turn the invocation into a success (a loaded machine made this happen: the dead process's peak
  // memory reads as 0). The test orders it so: the watch's tick, then the process's death, then the answer.
  it.skipIf(process.platform !== 'linux')('is an out-of-memory end, not a success', async () => {
    const hungry = instance('over-memory-answers.handler', { memorySize: 128, timeout: 20 });
    expect((await hungry.invoke(Buffer.alloc(0))).status).toBe('success');
    const pidFile = join(tempDir('fc-sim-over-memory-'), 'pid');
    const pending = hungry.invoke(Buffer.from(pidFile));
    // The call is sent and its memory watch set (a 25 ms interval); this timer comes due after the watch's next tick.
    await new Promise((resolve) => setImmediate(resolve));
    setTimeout(() => {
      const pid = Number(readFileSync(pidFile, 'utf8'));
      blockUntil(() => ended(pid), 'the instance killed for its memory to end');
    }, 26);
    blockUntil(() => existsSync(pidFile), 'the handler to answer');
    const result = await pending;
    expect(result.status).toBe('unhandled-error');
    expect(result.error?.cause).toBe('oom');
    expect(hungry.starts).toBe(1);
  });
});

describe('context and environment', () => {
  it('gives the FC 3.0 context, environment and UTC clock', async () => {
    const result = await invoke('context.handler', '', { runtime: 'nodejs20', functionName: 'thumbnails', environment: { GREETING: 'hi' } });
    const { context, env, hasLogger, localHour } = resultValue(result) as Record<string, any>;
    expect(context.requestId).toMatch(/^1-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{12}$/);
    expect(context).toMatchObject({
      function: { name: 'thumbnails', handler: 'context.handler', memory: 512, timeout: 1 },
      region: 'cn-hangzhou',
      retryCount: 0,
      callbackWaitsForEmptyEventLoop: false,
      credentials: { accessKeyId: 'STS.FcSimFakeAccessKeyId' },
    });
    expect(context.service).not.toHaveProperty('name');
    expect(hasLogger).toBe(true);
    expect(localHour).toBe(0);
    // FC sets no TZ: its zone is UTC; fc-sim sets TZ only on a machine whose zone is not.
    expect(env.TZ).toBe(systemZoneIsUtc ? undefined : 'UTC');
    expect(env.FC_FUNC_CODE_PATH).toBe(`${resolve(codeDir)}${sep}`);
    expect(env).toMatchObject({
      GREETING: 'hi',
      FC_FUNCTION_NAME: 'thumbnails',
      FC_FUNCTION_HANDLER: 'context.handler',
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'STS.FcSimFakeAccessKeyId',
    });
  });

  it('gives the FC 2.0 context, with a UUID request id and the service', async () => {
    const { context } = resultValue(await invoke('context.handler', '', { runtime: 'nodejs16', platform: 'fc2' })) as Record<string, any>;
    expect(context.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(context.service).toMatchObject({ name: 'fc-sim-service', qualifier: 'LATEST' });
    expect(context.waitsForEmptyEventLoopBeforeCallback).toBe(false);
  });
});

describe('module formats', () => {
  it('loads ES modules on nodejs20 (.mjs, or "type": "module") and not on nodejs16', async () => {
    expect(resultValue(await invoke('esm-mjs/index.handler'))).toMatchObject({ format: 'esm' });
    expect(resultValue(await invoke('esm-package/index.handler', 'abc'))).toBe('esm from a .js file, 3 bytes');
    expect((await invoke('esm-mjs/index.handler', '', { runtime: 'nodejs16' })).error?.errorType).toBe('FunctionUnhandledError: ImportModuleError');
    expect((await invoke('esm-package/index.handler', '', { runtime: 'nodejs16' })).error).toMatchObject({
      errorType: 'FunctionUnhandledError: Error',
      errorMessage: expect.stringMatching(/^require\(\) of ES Module .* not supported\.$/),
    });
  });
});

describe('logs', () => {
  it('writes console and context.logger lines in FC’s format, between the markers', async () => {
    const result = await invoke('logs.handler');
    const id = result.requestId;
    const line = (level: string, message: string) => new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z ${id} \\[${level}\\] ${message}$`);
    expect(result.logs[0]).toBe(`FC Invoke Start RequestId: ${id}`);
    expect(result.logs[1]).toBe('load code for handler:logs.handler');
    expect(result.logs.slice(2, 8)).toEqual([
      expect.stringMatching(line('verbose', 'line one\\rline two')),
      expect.stringMatching(line('info', 'info formatted')),
      expect.stringMatching(line('warn', 'warn')),
      expect.stringMatching(line('error', 'error \\{ code: 42 \\}')),
      expect.stringMatching(line('debug', 'debug')),
      expect.stringMatching(line('info', 'from the context logger')),
    ]);
    expect(result.logs).toContain('raw stdout');
    expect(result.logs.at(-1)).toBe(`FC Invoke End RequestId: ${id}`);
  });
});
