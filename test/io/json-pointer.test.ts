import { describe, expect, it } from 'vitest';
import { FcSimError } from '../../src/errors.js';
import { parsePath, setAtPath } from '../../src/io/json-pointer.js';
import { runCli } from '../helpers/run-cli.js';

const refused = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FcSimError);
    return (error as FcSimError).message;
  }
  throw new Error('not refused');
};

describe('--set paths', () => {
  it('an index past the end of an array is refused at once (it made a sparse array of a billion items)', async () => {
    expect(refused(() => setAtPath({ events: [{}] }, '/events/999999999/region', 'x'))).toBe(
      '--set /events/999999999/region: index 999999999 is past the end of /events (1 item)',
    );
    const started = performance.now();
    const run = await runCli(['oss:put', '--set', '/events/999999999/region=x']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('index 999999999 is past the end of /events');
    // Refused before any work: a sparse array of a billion items took minutes; the bound leaves room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('the length and - append; leading zeros, signs and exponents are not indexes', () => {
    expect(setAtPath({ a: [1] }, '/a/1', 2)).toEqual({ a: [1, 2] });
    expect(setAtPath({ a: [1] }, 'a.-', 2)).toEqual({ a: [1, 2] });
    for (const index of ['01', '-1', '1e0', ' 1']) expect(refused(() => setAtPath({ a: [1] }, `/a/${index}`, 2))).toContain('is not an array index');
  });

  it('__proto__ and constructor are keys like any other: Object.prototype stays clean', async () => {
    const event = setAtPath({}, '__proto__.polluted', 1) as Record<string, unknown>;
    setAtPath(event, '/constructor/prototype/polluted', 1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(event))).toEqual(JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}'));
    const run = await runCli(['oss:put', '--set', '__proto__.polluted=1', '--set', 'constructor.prototype.polluted=1']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(run.stdout).toContain('"__proto__": {');
  });

  it('RFC 6901 escapes: ~0 and ~1 decode, any other ~ is refused naming it', async () => {
    expect(parsePath('/a~1b/c~0d/~01')).toEqual(['a/b', 'c~d', '~1']);
    expect(refused(() => parsePath('/events/0/a~2b'))).toBe('--set /events/0/a~2b: "~2" is not a JSON pointer escape');
    expect(refused(() => parsePath('/a~'))).toContain('"~" is not a JSON pointer escape');
    const run = await runCli(['oss:put', '--set', '/events/0/a~2b=1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('hint: write ~0 for a tilde and ~1 for a slash (RFC 6901)');
  });
});
