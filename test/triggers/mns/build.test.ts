import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildMnsEvent } from '../../../src/triggers/mns/build.js';

describe('buildMnsEvent', () => {
  it('puts the MD5 of the message in MessageMD5 and merges attributes at the top level (JSON)', () => {
    const event = buildMnsEvent({ message: '多字节 message', attributes: { tenant: 't1' } }) as Record<string, unknown>;
    expect(event.MessageMD5).toBe(createHash('md5').update('多字节 message').digest('hex').toUpperCase());
    expect(event.tenant).toBe('t1');
  });

  it('delivers STREAM as the raw body, or {body, attrs} with attributes', () => {
    expect(buildMnsEvent({ format: 'STREAM', message: 'hello topic' })).toBe('hello topic');
    expect(buildMnsEvent({ format: 'STREAM', message: 'hi', attributes: { Extend: '{}' } })).toEqual({ body: 'hi', attrs: { Extend: '{}' } });
  });

  it('refuses an attribute that would overwrite an MNS field', () => {
    expect(() => buildMnsEvent({ attributes: { MessageId: 'x' } })).toThrow(/would overwrite the MNS field/);
  });
});
