import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { cleanUp, serve, until } from './helpers.js';

afterEach(cleanUp);

describe('serve: a custom runtime that streams its answer (fixtures/projects/sse-stream)', () => {
  it('passes the first server-sent event on before the answer ends, and ends it when the client leaves', async () => {
    const server = await serve(loadProject(resolve('fixtures/projects/sse-stream'), { env: {} }));
    const leave = new AbortController();
    const response = await fetch(`${server.url}/2023-03-30/functions/events/events`, { signal: leave.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-fc-request-id')).toMatch(/^1-/);
    const first = await response.body!.getReader().read();
    expect(Buffer.from(first.value!).toString()).toBe('event: endpoint\ndata: /messages?sessionId=1\n\n');
    leave.abort();
    await until(() => server.logs.some((line) => line.includes('(streamed)')), 5000, 'the access line of the streamed answer');
    // An answer that does not stream is read whole, as before.
    const plain = await fetch(`${server.url}/2023-03-30/functions/events/plain?x=1`);
    expect(await plain.json()).toEqual({ path: '/plain?x=1' });
    expect(plain.headers.get('content-length')).toBe('21');
  });
});
