import { describe, expect, it } from 'vitest';
import { formatLogLine } from '../../src/runtime/log-format.js';

describe('formatLogLine', () => {
  const time = new Date('2022-04-01T10:04:19.024Z');

  it('writes FC’s line: time, request id, level, the formatted message, newlines as \\r', () => {
    expect(formatLogLine('info', '19b394a3-4fff-480c-9b5c-cbdfd6952f4e', ['hello,%s', 'fc'], time)).toBe(
      '2022-04-01T10:04:19.024Z 19b394a3-4fff-480c-9b5c-cbdfd6952f4e [info] hello,fc',
    );
    expect(formatLogLine('verbose', 'id', ['a\nb\r\nc'], time)).toBe('2022-04-01T10:04:19.024Z id [verbose] a\rb\rc');
  });

  it('cuts a line at FC’s 32 KB', () => {
    expect(Buffer.byteLength(formatLogLine('info', 'id', ['x'.repeat(40_000)], time))).toBe(32 * 1024);
  });
});
