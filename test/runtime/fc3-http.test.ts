/**
 * FC 3.0 HTTP functions (events.md, Corrections): header names arrive in canonical case whatever the client sent, and
 * FC sets the reserved response headers itself.
 */
import { describe, expect, it } from 'vitest';
import { buildHttpEvent } from '../../src/index.js';
import { invoke } from '../../src/runtime/invoke.js';

describe('FC 3.0 HTTP functions', () => {
  it('see canonical header names, and cannot set content-length or date', async () => {
    const event = buildHttpEvent({ headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', accept: ['a/b', 'c/d'] } });
    const result = await invoke('fc3-http-headers.handler', event, { codeDir: 'fixtures/handlers', http: { kind: 'fc3-http' } });
    expect(JSON.parse(result.http!.body.toString())).toEqual(['Content-Type', 'X-Forwarded-Proto', 'Accept']);
    expect(result.http?.headers).toEqual({ 'X-Names': 'listed' });
    expect(result.warnings).toEqual(['response header Content-Length is reserved: FC sets its own', 'response header Date is reserved: FC sets its own']);
  });
});
