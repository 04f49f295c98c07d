import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { guardOutput, Redactor } from '../../src/remote/redact.js';

describe('redaction', () => {
  const redactor = new Redactor(['s3cr3t/value+x=', 'TOKEN-abc', undefined, 'ab']);

  it('masks secrets as they are, URL-encoded and JSON-escaped, and signed Authorization values', () => {
    expect(redactor.redact('key s3cr3t/value+x= and s3cr3t%2Fvalue%2Bx%3D; token TOKEN-abc')).toBe('key *** and ***; token ***');
    expect(redactor.redact('{"authorization":"FC STS.key:AbC+/d3=="}')).toBe('{"authorization":"FC ***"}');
    expect(redactor.redact('Authorization: ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=abc123\n')).toBe(
      'Authorization: ACS3-HMAC-SHA256 ***\n',
    );
    expect(redactor.redact('ab stays: too short to be a secret')).toBe('ab stays: too short to be a secret');
    expect(redactor.headers({ Authorization: 'x', 'x-acs-security-token': 'y', 'content-type': 'z' })).toEqual({
      Authorization: '***',
      'x-acs-security-token': '***',
      'content-type': 'z',
    });
  });

  it('guards a stream: every later write is redacted, until restored', () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    let written = '';
    (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (written += chunk.toString()));
    const restore = guardOutput(redactor, [stream]);
    stream.write('a TOKEN-abc b\n');
    stream.write(Buffer.from('c s3cr3t/value+x= d\n'));
    restore();
    stream.write('TOKEN-abc\n');
    expect(written).toBe('a *** b\nc *** d\nTOKEN-abc\n');
  });
});
