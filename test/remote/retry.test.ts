import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY, isIdempotent, shouldRetry, sleep } from '../../src/remote/retry.js';

describe('retry policy', () => {
  it('retries what may not have reached the function, and the rest only for idempotent methods or when asked', () => {
    const safe = DEFAULT_RETRY;
    const unsafe = { ...DEFAULT_RETRY, retryUnsafe: true };
    expect(isIdempotent('get') && isIdempotent('PUT') && isIdempotent('DELETE')).toBe(true);
    expect(isIdempotent('POST') || isIdempotent('PATCH')).toBe(false);
    expect(shouldRetry({ kind: 'not-connected' }, 'POST', safe)).toBe(true);
    expect(shouldRetry({ kind: 'connection' }, 'POST', safe)).toBe(false);
    expect(shouldRetry({ kind: 'connection' }, 'POST', unsafe)).toBe(true);
    expect(shouldRetry({ kind: 'timeout' }, 'GET', safe)).toBe(true);
    expect(shouldRetry({ kind: 'status', statusCode: 429, functionError: false }, 'GET', safe)).toBe(true);
    expect(shouldRetry({ kind: 'status', statusCode: 503, functionError: false }, 'POST', safe)).toBe(false);
    expect(shouldRetry({ kind: 'status', statusCode: 503, functionError: false }, 'POST', unsafe)).toBe(true);
    expect(shouldRetry({ kind: 'status', statusCode: 502, functionError: true }, 'GET', unsafe)).toBe(false);
    expect(shouldRetry({ kind: 'status', statusCode: 404, functionError: false }, 'GET', unsafe)).toBe(false);
  });

  it('backs off exponentially with jitter, capped, and honours a longer Retry-After', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, policy, undefined, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(3, policy, undefined, () => 0)).toBe(200);
    expect(backoffDelay(1, policy, '0', () => 1)).toBe(100);
    expect(backoffDelay(1, policy, '1', () => 1)).toBe(1000);
    expect(backoffDelay(1, policy, '3600', () => 1)).toBe(1000);
  });

  it('sleeps, or stops early when aborted', async () => {
    expect(await sleep(1)).toBe(true);
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort();
    expect(await waiting).toBe(false);
  });
});
