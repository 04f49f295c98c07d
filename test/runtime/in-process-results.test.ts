/**
 * A handler function the test imported runs in the test's own process: a result JSON cannot hold must be the
 * function's error (as a handler string's is), never an exception of the host's.
 */
import { describe, expect, it } from 'vitest';
import { invoke } from '../../src/runtime/invoke.js';
import { checkHandler, ContractFailure } from '../../src/testing/index.js';

const circular = () => {
  const value: Record<string, unknown> = { name: 'loop' };
  value.self = value;
  return value;
};
const throwingGetter = () => ({
  get size(): number {
    throw new RangeError('size is not known yet');
  },
});

const results: Array<[string, () => unknown, RegExp]> = [
  ['a circular object', circular, /circular/i],
  ['a BigInt', () => ({ count: 10n }), /BigInt/],
  ['an object with a throwing getter', throwingGetter, /size is not known yet/],
  ['a toJSON that throws', () => ({ toJSON: () => JSON.parse('{') }), /JSON/],
];

describe('in-process results that JSON cannot hold', () => {
  it.each(results)('an async handler resolving %s: an unhandled function error, the host goes on', async (_, make, message) => {
    const result = await invoke(async () => make(), {});
    expect(result.status).toBe('unhandled-error');
    expect(result.error?.errorMessage).toMatch(message);
    expect(result.error?.cause).toBe('function');
  });

  it.each(results)('callback(null, %s): the same error; the handler is not thrown into', async (_, make, message) => {
    let after = 'not reached';
    const result = await invoke((_event: Buffer, _context: unknown, callback: (error: unknown, data?: unknown) => void) => {
      callback(null, make());
      after = 'reached';
    }, {});
    expect(result.status).toBe('unhandled-error');
    expect(result.error?.errorMessage).toMatch(message);
    expect(after).toBe('reached');
  });

  it('nodejs16 (callback only): the same, with its error type prefix', async () => {
    const result = await invoke((_event: Buffer, _context: unknown, callback: (error: unknown, data?: unknown) => void) => callback(null, circular()), {});
    expect(result.status).toBe('unhandled-error');
    const legacy = await invoke(
      (_event: Buffer, _context: unknown, callback: (error: unknown, data?: unknown) => void) => callback(null, circular()),
      {},
      { runtime: 'nodejs16' },
    );
    expect(legacy.status).toBe('unhandled-error');
    expect(legacy.error?.errorType).toBe('FunctionUnhandledError: TypeError');
  });

  it('checkHandler reports it as a failed no-unhandled-error check', async () => {
    const failure = await checkHandler({ handler: async () => circular(), trigger: 'timer', runs: 3, failuresDir: false }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContractFailure);
    expect((failure as ContractFailure).report.failure.check).toBe('no-unhandled-error');
    expect((failure as ContractFailure).message).toMatch(/circular/i);
  });
});
