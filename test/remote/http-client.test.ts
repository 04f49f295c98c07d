import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

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
