import { getEventListeners } from 'node:events';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/remote/http-client.js';
import { startServer } from './helpers/servers.js';

const require = createRequire(import.meta.url);

describe('http-client: undici from its own modules', () => {
  // src/remote/http-client.ts requires undici's pool, errors and header parser by path (its index loads fetch,
  // WebSocket and more, which cost start-up): the paths must stay the very classes and functions the index exports.
  it("the pool, errors and parseHeaders required by path are the index's own", () => {
    const undici = require('undici') as typeof import('undici');
    expect(require('undici/lib/dispatcher/pool.js')).toBe(undici.Pool);
    expect((require('undici/lib/core/errors.js') as typeof undici.errors).RequestAbortedError).toBe(undici.errors.RequestAbortedError);
    expect((require('undici/lib/core/util.js') as typeof undici.util).parseHeaders).toBe(undici.util.parseHeaders);
  });
});

describe('http-client: one abort listener per signal', () => {
  it('requests in flight share one listener on the signal; an abort interrupts each, and finished ones stop listening', async () => {
    const held: Array<() => void> = [];
    const server = await startServer((request, response) => {
      if (request.url === '/now') return response.end('ok');
      held.push(() => response.end('late'));
    });
    const client = new HttpClient(server.origin, { connections: 4 });
    const controller = new AbortController();
    try {
      const request = (path: string) => client.exchange(() => ({ method: 'GET', path, headers: {} }), controller.signal);
      expect((await request('/now')).answer?.statusCode).toBe(200);
      const inFlight = [request('/held'), request('/held'), request('/held')];
      while (server.received < 4) await new Promise((resolve) => setImmediate(resolve));
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
      controller.abort();
      const ended = await Promise.all(inFlight);
      expect(ended.map((exchange) => exchange.failure?.reason)).toEqual(['interrupted', 'interrupted', 'interrupted']);
    } finally {
      for (const end of held) end();
      await client.close(true);
      await server.close();
    }
  });
});
