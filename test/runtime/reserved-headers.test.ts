/**
 * FC's reserved response headers: what an FC 2.0 handler's `response.setHeader` keeps (the runtime) and what
 * `fc-sim serve` sends to the caller must be the same headers, and FC's documented ones must be dropped by both.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFc2HttpRequest } from '../../src/index.js';
import type { Invocation } from '../../src/runtime/invocation.js';
import { invoke } from '../../src/runtime/invoke.js';
import { invocationResponse } from '../../src/serve/response.js';

const documented = ['connection', 'content-length', 'date', 'keep-alive', 'server', 'upgrade', 'x-fc-anything', 'X-Fc-Request-Id', 'Transfer-Encoding'];
const nearMisses = ['x-fc', 'x-fcdummy', 'dates', 'content-type', 'content-disposition', 'x-request-id', 'set-cookie'];

/** Header names: FC's reserved ones in any case, near misses, and any other token. */
const headerNames = fc.uniqueArray(
  fc.oneof(
    fc.constantFrom(...documented, ...nearMisses),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
    fc.tuple(fc.constantFrom(...documented), fc.boolean()).map(([name, upper]) => (upper ? name.toUpperCase() : name)),
  ),
  { minLength: 1, maxLength: 8, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() },
);

/** The names an FC 2.0 handler sets that the runtime keeps in the invocation's response. */
async function keptByRuntime(names: readonly string[]): Promise<string[]> {
  const handler = (_request: unknown, response: { setHeader(name: string, value: string): void; send(body: string): void }) => {
    for (const name of names) response.setHeader(name, 'set-by-the-function');
    response.send('ok');
  };
  const invocation = await invoke(handler, '', {
    runtime: 'nodejs16',
    platform: 'fc2',
    http: { kind: 'fc2-http', request: buildFc2HttpRequest({ method: 'GET', path: '/' }) },
  });
  expect(invocation.status).toBe('success');
  return Object.keys(invocation.http!.headers);
}

/** What `fc-sim serve` would answer for a response carrying all of them. */
function served(names: readonly string[], options: { fromServer?: boolean } = {}) {
  const headers = Object.fromEntries(names.map((name) => [name, 'set-by-the-function']));
  const invocation = {
    requestId: 'r-1',
    status: 'success',
    body: Buffer.from('ok'),
    logs: [],
    warnings: [],
    http: { statusCode: 200, headers, body: Buffer.from('ok') },
  } as unknown as Invocation;
  return invocationResponse(invocation, options);
}

/** The names `fc-sim serve` would send for a response carrying all of them. */
const keptByServe = (names: readonly string[]): string[] => Object.keys(served(names).headers);

describe('reserved response headers', () => {
  it('the runtime and fc-sim serve keep the same headers, whatever their names and case', async () => {
    await fc.assert(
      fc.asyncProperty(headerNames, async (names) => {
        // serve adds its own x-fc-request-id; the function's never survives either path.
        const served = keptByServe(names).filter((name) => name !== 'x-fc-request-id');
        expect(await keptByRuntime(names)).toEqual(served);
      }),
      { numRuns: 200 },
    );
  });

  it("FC's documented reserved headers are dropped by both, and near misses are kept", async () => {
    const names = [...documented, ...nearMisses];
    expect(await keptByRuntime(names)).toEqual(nearMisses);
    expect(keptByServe(names)).toEqual([...nearMisses, 'x-fc-request-id']);
  });

  it("a custom runtime's server framing (content-length, date) is dropped without a warning; a handler's is warned about", () => {
    const names = ['content-length', 'Date', 'x-fc-secret', 'content-type'];
    expect(served(names, { fromServer: true }).warnings).toEqual(['response header x-fc-secret is reserved: FC drops it']);
    expect(served(names).warnings).toEqual(['content-length', 'Date', 'x-fc-secret'].map((name) => `response header ${name} is reserved: FC drops it`));
    expect(Object.keys(served(names, { fromServer: true }).headers)).toEqual(['content-type', 'x-fc-request-id']);
  });
});
