import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/io/read-json.js';
import type { FcSimError } from '../../src/errors.js';

function failure(text: string): FcSimError {
  try {
    parseJson(text, 'event.json');
  } catch (error) {
    return error as FcSimError;
  }
  throw new Error('expected a parse failure');
}

describe('parseJson', () => {
  it('parses JSON', () => {
    expect(parseJson('{"a": [1, "x"]}', 'event.json')).toEqual({ a: [1, 'x'] });
  });

  it('names the line and column of a trailing comma', () => {
    const error = failure('{\n  "a": 1,\n  "b": 2,\n}');
    expect(error.code).toBe('E_NOT_JSON');
    expect(error.message).toBe('event.json:4:1: not valid JSON: expected a property name in double quotes (a trailing comma?)');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('finds the place when V8 does not say it', () => {
    expect(failure('hello topic').message).toBe('event.json:1:1: not valid JSON: unexpected character');
    expect(failure('{"a": 1,\n "b": tru }').message).toMatch(/^event\.json:2:7: not valid JSON: unexpected character$/);
  });

  it('reports a file that ends too soon at its end', () => {
    expect(failure('{"events": [\n').message).toBe("event.json:2:1: not valid JSON: expected ']' (does the file end too soon?)");
  });
});

describe('parseJson hints', () => {
  it('says how to fix broken JSON, and what a raw MNS body is', () => {
    expect(failure('{"a": 1,}').hint).toMatch(/^fix the JSON at that place/);
    expect(failure('hello topic').hint).toMatch(/^an MNS STREAM event without message attributes is the raw message body/);
  });
});
