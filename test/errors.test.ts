import { describe, expect, it } from 'vitest';
import { exitStatusOf, FcSimError } from '../src/errors.js';

describe('FcSimError', () => {
  it('carries a stable code, the message, a hint and the error it reports', () => {
    const parseError = new SyntaxError('Unexpected token');
    const error = new FcSimError('E_NOT_JSON', 'event.json:1:1: not valid JSON', 'fix the JSON', { cause: parseError });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'FcSimError', code: 'E_NOT_JSON', message: 'event.json:1:1: not valid JSON', hint: 'fix the JSON' });
    expect(error.cause).toBe(parseError);
  });

  it('has no cause unless it wraps one', () => {
    expect('cause' in new FcSimError('E_USAGE', 'no handler')).toBe(false);
  });
});

describe('exitStatusOf', () => {
  it('is 2 for usage and input errors', () => {
    for (const code of ['E_USAGE', 'E_NOT_JSON', 'E_INVALID_EVENT', 'E_INVALID_PARAMS', 'E_TIMER_EXPRESSION', 'E_HANDLER_LOAD', 'E_CONFIG'] as const) {
      expect(exitStatusOf(new FcSimError(code, 'x'))).toBe(2);
    }
  });

  it('is 1 for a failed contract check', () => {
    expect(exitStatusOf(new FcSimError('E_CONTRACT_FAILED', 'no-unhandled-error failed'))).toBe(1);
  });

  it('is what exitCode reads', () => {
    const error = new FcSimError('E_CONTRACT_FAILED', 'failed');
    expect(error.exitCode).toBe(exitStatusOf(error));
    expect(error).toMatchObject({ exitCode: 1 });
  });
});
