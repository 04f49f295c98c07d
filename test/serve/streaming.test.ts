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

  // FC's gateway cannot end an answer whose function is gone: the client sees the answer broken off, not a whole one.
  it.skipIf(process.platform !== 'linux')(
    'cuts the client’s connection when the server exits, passes its memory size or times out mid-stream, and logs why; answers 502 when it exits before answering',
    async () => {
      const server = await serve(loadProject(resolve('fixtures/projects/sse-stream'), { env: {} }));
      // A stream that stays open (/events) is cut at the function's timeout: 1 s on a server of its own, so that the
      // others, on a loaded machine, are not cut by the timeout first.
      const shortLived = loadProject(resolve('fixtures/projects/sse-stream'), { env: {} });
      shortLived.functions[0]!.timeout = 1;
      const timingOut = await serve(shortLived);
      for (const [served, path, cause] of [
        [server, 'crash', /Process exited unexpectedly before completing request \(duration: \d+ms, maxMemoryUsage: [1-9]\d*MB\)/],
        [server, 'grow', /Process exited unexpectedly before completing request \(duration: \d+ms, maxMemoryUsage: 1[2-9]\dMB\)/],
        [timingOut, 'events', /Function timed out after 1 seconds/],
      ] as const) {
        const response = await fetch(`${served.url}/2023-03-30/functions/events/${path}`);
        expect(response.status, path).toBe(200);
        await expect(response.text(), path).rejects.toThrow('terminated');
        await until(() => served.logs.some((line) => line.includes(`/events/${path}"`)), 5000, `the access line of /${path}`);
        expect(
          served.logs.find((line) => line.includes(`/events/${path}"`)),
          path,
        ).toMatch(/ 200 45 .* \(streamed, cut off\)$/);
        expect(
          served.logs.some((line) => cause.test(line)),
          path,
        ).toBe(true);
      }
      // Before any answer: FC's 502 with the process's exit, as for a built-in runtime's crash.
      const died = await fetch(`${server.url}/2023-03-30/functions/events/die`);
      expect(died.status).toBe(502);
      expect(((await died.json()) as { errorMessage: string }).errorMessage).toMatch(/^Process exited unexpectedly before completing request/);
    },
    20_000,
  );
});
