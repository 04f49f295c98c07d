import { afterEach, describe, expect, it } from 'vitest';
import { buildHttpEvent } from '../../src/index.js';
import { HttpTriggerTarget } from '../../src/remote/http-trigger.js';
import type { LoadEvent, LoadRecord } from '../../src/remote/load-run.js';
import { runLoad } from '../../src/remote/load-run.js';
import type { Outcome } from '../../src/remote/outcome.js';
import { OUTCOMES } from '../../src/remote/outcome.js';
import type { TestServer } from './helpers/servers.js';
import { startServer } from './helpers/servers.js';

let server: TestServer | undefined;
afterEach(async () => server?.close());

const event = (method: 'GET' | 'POST', path: string, index: number): LoadEvent => ({
  label: `${method} ${path}/${index}`,
  bytes: Buffer.from(JSON.stringify(buildHttpEvent({ method, path: `${path}/${index}` }))),
  http: { kind: 'fc3-http' },
});

/** Misbehaves by path: the first segment says how, the rest makes each event's path unique. */
async function faultyServer() {
  const seen = new Map<string, number>();
  return startServer(async (request, response) => {
    const url = request.url!;
    const count = (seen.get(url) ?? 0) + 1;
    seen.set(url, count);
    const kind = url.split('/')[1];
    const ok = () => {
      response.writeHead(200);
      response.end('ok');
    };
    switch (kind) {
      case 'ok':
        return ok();
      case 'drop':
        return request.socket.destroy();
      case 'drop-once':
        return count === 1 ? request.socket.destroy() : ok();
      case 'slow':
        // Three times the client's request timeout: it times out however loaded the machine is.
        await new Promise((resolve) => setTimeout(resolve, 3000));
        return ok();
      case '500':
        response.writeHead(500);
        return response.end('broken');
      case '500-twice':
        if (count <= 2) {
          response.writeHead(500);
          return response.end('broken');
        }
        return ok();
      case '429-once':
        if (count === 1) {
          response.writeHead(429, { 'retry-after': '0' });
          return response.end();
        }
        return ok();
      case 'garbage':
        request.socket.end('HTTP/1.1 ??? nonsense\r\n\r\n');
        return;
    }
  });
}

function countBy(records: LoadRecord[]): Partial<Record<Outcome, number>> {
  const counts: Partial<Record<Outcome, number>> = {};
  for (const record of records) counts[record.result.outcome] = (counts[record.result.outcome] ?? 0) + 1;
  return counts;
}

describe('runLoad against a misbehaving server', () => {
  it('ends every event in exactly one record with the expected outcome and attempts (retries 2)', async () => {
    server = await faultyServer();
    const plan: Array<[method: 'GET' | 'POST', path: string, outcome: Outcome, attempts: number]> = [
      ['GET', '/ok', 'success', 1],
      ['GET', '/drop-once', 'success', 2],
      ['GET', '/drop', 'connection-error', 3],
      ['GET', '/slow', 'timeout', 3],
      ['GET', '/500-twice', 'success', 3],
      ['GET', '/500', 'http-error', 3],
      ['GET', '/429-once', 'success', 2],
      ['GET', '/garbage', 'connection-error', 3],
      // Not idempotent: a request that may have reached the function is not sent again.
      ['POST', '/500', 'http-error', 1],
      ['POST', '/drop', 'connection-error', 1],
    ];
    const perKind = 6;
    const events = plan.flatMap(([method, path]) => Array.from({ length: perKind }, (_, index) => event(method, path, index)));
    const records: LoadRecord[] = [];
    // 1 s per request: ample for every answer but /slow's, even on a loaded 2-core machine.
    const target = new HttpTriggerTarget({ url: server.origin }, { connections: 12, requestTimeoutMs: 1000, retry: { retries: 2, baseDelayMs: 5 } });
    const summary = await runLoad(events, target, { concurrency: 12, onRecord: (record) => records.push(record) });
    await target.dispose();

    expect(records).toHaveLength(events.length);
    expect(new Set(records.map((record) => record.index)).size).toBe(events.length);
    for (const record of records) {
      const [, , outcome, attempts] = plan[Math.floor(record.index / perKind)]!;
      expect([record.event.label, record.result.outcome, record.result.attempts]).toEqual([record.event.label, outcome, attempts]);
      expect(record.failure === undefined).toBe(outcome === 'success');
    }
    expect(countBy(records)).toEqual({ success: 4 * perKind, 'connection-error': 3 * perKind, timeout: perKind, 'http-error': 2 * perKind });
    expect(summary.stats.outcomes).toEqual({ ...Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])), ...countBy(records) });
    expect(summary.stats.failed).toBe(6 * perKind);
    expect(summary.latency.count).toBe(events.length);
    expect(summary.latency.p50).toBeGreaterThan(0);
    expect(summary.latency.max).toBeGreaterThanOrEqual(summary.latency.p99);
  });

  it('a server that dies mid-run: the events before succeed, every later one is a connection error, none is lost', async () => {
    let answered = 0;
    server = await startServer((request, response) => {
      if (answered === 30) {
        request.socket.destroy();
        server!.server.close();
        server!.server.closeAllConnections();
        return;
      }
      answered += 1;
      response.writeHead(200);
      response.end('ok');
    });
    const events = Array.from({ length: 60 }, (_, index) => event('POST', '/work', index));
    const records: LoadRecord[] = [];
    const target = new HttpTriggerTarget({ url: server.origin }, { connections: 1, retry: { retries: 2, baseDelayMs: 5 } });
    const summary = await runLoad(events, target, { concurrency: 1, onRecord: (record) => records.push(record) });
    await target.dispose();
    expect(records).toHaveLength(60);
    expect(countBy(records)).toEqual({ success: 30, 'connection-error': 30 });
    expect(records.filter((record) => record.result.outcome === 'success').map((record) => record.index)).toEqual([...Array(30).keys()]);
    // The event in flight when it died was sent once (POST); the next ones were refused: never connected, retried.
    expect(records[30]!.result.attempts).toBe(1);
    expect(records.slice(31).every((record) => record.result.attempts === 3 && /ECONNREFUSED/.test(record.result.invocation.error!.errorMessage))).toBe(true);
    expect(summary.stats.failed).toBe(30);
  });

  it('an interrupt ends requests in flight as interrupted and reports the rest as not-sent', async () => {
    server = await startServer(async (_request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      response.writeHead(200);
      response.end('ok');
    });
    const events = Array.from({ length: 80 }, (_, index) => event('GET', '/slowish', index));
    const controller = new AbortController();
    const records: LoadRecord[] = [];
    const target = new HttpTriggerTarget({ url: server.origin }, { connections: 4 });
    const summary = await runLoad(events, target, {
      concurrency: 4,
      signal: controller.signal,
      onRecord: (record) => {
        records.push(record);
        if (records.length === 8) controller.abort();
      },
    });
    await target.destroy();
    const counts = countBy(records);
    expect(summary.interrupted).toBe(true);
    expect(records).toHaveLength(80);
    expect(counts.success! + (counts.interrupted ?? 0) + counts['not-sent']!).toBe(80);
    expect(counts.success).toBeGreaterThanOrEqual(8);
    expect(counts.interrupted ?? 0).toBeLessThanOrEqual(4);
    expect(counts['not-sent']).toBeGreaterThanOrEqual(80 - 8 - 4 - 4);
    expect(records.filter((record) => record.result.outcome === 'not-sent').every((record) => record.result.attempts === 0)).toBe(true);
  });

  it('judges each answer as checkHandler does: the checks it is given, idempotent by a second request, a property', async () => {
    let count = 0;
    server = await startServer((request, response) => {
      count += 1;
      if (request.url!.startsWith('/handled')) {
        response.writeHead(200, { 'x-fc-error-type': 'HandledInvocationError', 'content-type': 'application/json' });
        return response.end('{"errorMessage":"locked"}');
      }
      response.writeHead(200);
      response.end(request.url!.startsWith('/counter') ? String(count) : 'same');
    });
    const target = new HttpTriggerTarget({ url: server.origin });
    const events = [event('GET', '/counter', 0), event('GET', '/same', 0), event('GET', '/handled', 0)];
    const judged = async (options: Parameters<typeof runLoad>[2]) => {
      const records: LoadRecord[] = [];
      const summary = await runLoad(events, target, { concurrency: 1, ...options, onRecord: (record) => records.push(record) });
      return { requests: summary.stats.requests, checks: records.sort((a, b) => a.index - b.index).map((record) => record.failure?.check ?? 'passed') };
    };
    expect(await judged({})).toEqual({ requests: 3, checks: ['passed', 'passed', 'no-handled-error'] });
    expect(await judged({ checks: { idempotent: true, 'no-handled-error': false } })).toEqual({ requests: 6, checks: ['idempotent', 'passed', 'passed'] });
    const property = (loaded: LoadEvent, invocation: { http?: { body: Buffer } }) =>
      loaded.label.includes('/same') || invocation.http?.body.toString() === 'same';
    expect(await judged({ checks: { 'no-handled-error': false }, property })).toEqual({ requests: 3, checks: ['property', 'passed', 'property'] });
    await target.dispose();
  });

  it('keeps to --rate', async () => {
    server = await startServer((_request, response) => response.end('ok'));
    const target = new HttpTriggerTarget({ url: server.origin });
    const summary = await runLoad(
      Array.from({ length: 10 }, (_, index) => event('GET', '/r', index)),
      target,
      { concurrency: 8, rate: 50 },
    );
    await target.dispose();
    // 10 starts at 50/s: the last one starts 180 ms after the first.
    expect(summary.elapsedMs).toBeGreaterThanOrEqual(175);
    expect(summary.stats.outcomes.success).toBe(10);
  });
});
