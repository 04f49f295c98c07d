/**
 * Handler functions run in the test's process share its console: each invocation must get the log lines its own
 * code wrote, however many run at once, and the console must be the test's own again afterwards.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInstance, invoke } from '../../src/runtime/invoke.js';
import type { Invocation } from '../../src/runtime/invocation.js';

/** The message part of a handler's log lines (`<time> <requestId> [<level>] <message>`), FC's markers left out. */
const messages = (invocation: Invocation) => invocation.logs.filter((line) => !line.startsWith('FC ')).map((line) => line.replace(/^\S+ \S+ /, ''));

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
type ConsoleTable = Record<(typeof CONSOLE_METHODS)[number], (...args: unknown[]) => void>;

describe('console output of handler functions', () => {
  /** What reaches the console itself (its functions replaced by recorders for the test; the real ones after). */
  let printed: string[];
  let ownFunctions: ConsoleTable;
  let realFunctions: ConsoleTable;

  beforeEach(() => {
    printed = [];
    const table = console as unknown as ConsoleTable;
    realFunctions = { ...table };
    for (const method of CONSOLE_METHODS) table[method] = (...args: unknown[]) => void printed.push(`${method}: ${args.join(' ')}`);
    ownFunctions = { ...table };
  });

  afterEach(() => {
    Object.assign(console, realFunctions);
  });

  it('stays with its own invocation when two instances run at once, their awaits interleaved', async () => {
    const aLogged = deferred();
    const bLogged = deferred();
    const aAgain = deferred();
    const a = createInstance(async () => {
      console.log('a: first');
      aLogged.resolve();
      await bLogged.promise;
      console.info('a: after b logged');
      aAgain.resolve();
      await new Promise((resolve) => setTimeout(resolve, 5));
      console.error('a: from a timer');
      return 'a';
    });
    const b = createInstance(async () => {
      console.warn('b: first');
      bLogged.resolve();
      await aAgain.promise;
      console.log('b: after a logged again');
      return 'b';
    });
    try {
      const first = a.invoke(Buffer.from('{}'));
      await aLogged.promise;
      const second = b.invoke(Buffer.from('{}'));
      const [ran, alsoRan] = await Promise.all([first, second]);
      expect(messages(ran)).toEqual(['[verbose] a: first', '[info] a: after b logged', '[error] a: from a timer']);
      expect(messages(alsoRan)).toEqual(['[warn] b: first', '[verbose] b: after a logged again']);
      expect(printed).toEqual([]);
    } finally {
      await Promise.all([a.dispose(), b.dispose()]);
    }
  });

  it('leaves the console with the very same functions once the instances are disposed', async () => {
    let patchedWhileRunning = false;
    const a = createInstance(async () => {
      patchedWhileRunning = console.log !== ownFunctions.log;
      console.log('a');
    });
    const b = createInstance(async () => void console.log('b'));
    await Promise.all([a.invoke(Buffer.from('1')), b.invoke(Buffer.from('2'))]);
    expect(patchedWhileRunning).toBe(true);
    await Promise.all([a.dispose(), b.dispose()]);
    for (const method of CONSOLE_METHODS) expect((console as unknown as ConsoleTable)[method]).toBe(ownFunctions[method]);
  });

  it('does not capture what code outside every invocation logs while one runs', async () => {
    const entered = deferred();
    const release = deferred();
    const running = invoke(async () => {
      console.log('inside');
      entered.resolve();
      await release.promise;
      return 'done';
    }, {});
    await entered.promise;
    console.log('outside, during the invocation');
    release.resolve();
    const result = await running;
    console.log('outside, after');
    expect(messages(result)).toEqual(['[verbose] inside']);
    expect(printed).toEqual(['log: outside, during the invocation', 'log: outside, after']);
  });

  it('sends what a handler logs after its timeout to the console, not into the finished invocation', async () => {
    const late = deferred();
    const result = await invoke(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1100));
        console.log('too late');
        late.resolve();
      },
      {},
      { timeout: 1 },
    );
    await late.promise;
    expect(result.error?.cause).toBe('timeout');
    expect(messages(result)).not.toContain('[verbose] too late');
    expect(printed).toEqual(['log: too late']);
  });

  it('keeps an inner invocation’s logs apart from the handler that started it', async () => {
    const inner = async () => void console.log('inner');
    let innerResult: Invocation | undefined;
    const outer = await invoke(async () => {
      console.log('outer before');
      innerResult = await invoke(inner, {});
      console.log('outer after');
    }, {});
    expect(messages(outer)).toEqual(['[verbose] outer before', '[verbose] outer after']);
    expect(messages(innerResult!)).toEqual(['[verbose] inner']);
  });
});

describe.concurrent('concurrent tests invoking handler functions (test.concurrent)', () => {
  let before: (...args: unknown[]) => void;
  beforeAll(() => {
    before = console.log;
  });
  afterAll(() => {
    expect(console.log).toBe(before);
  });

  const logsOf = (name: string) => async () => {
    for (let step = 0; step < 5; step += 1) {
      console.log(`${name} ${step}`);
      await new Promise((resolve) => setTimeout(resolve, 1 + (step % 3)));
    }
    return name;
  };
  for (const name of ['first', 'second', 'third', 'fourth']) {
    it(`${name} gets its own five lines`, async ({ expect }) => {
      const result = await invoke(logsOf(name), {});
      expect(messages(result)).toEqual([0, 1, 2, 3, 4].map((step) => `[verbose] ${name} ${step}`));
    });
  }
});
