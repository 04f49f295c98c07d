import { describe, expect, it } from 'vitest';
import { loadEventOf } from '../../src/cli/remote-load.js';
import type { InputEvent } from '../../src/cli/read-events.js';
import { loadedEvent, preparedOf } from '../../src/cli/read-events.js';
import { buildApigwEvent, buildFc2HttpRequest, buildHttpEvent, buildOssEvent, buildTablestoreEvent, buildTimerEvent } from '../../src/index.js';
import { isJsonText } from '../../src/remote/json-text.js';

const file = (label: string, value: unknown): InputEvent => ({ label, bytes: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)) });

/** Inputs of every way replay delivers: plain JSON, HTTP (FC 3.0, FC 2.0, API Gateway), CBOR's JSON form, not JSON, a saved failure. */
const inputs: InputEvent[] = [
  file('oss.json', buildOssEvent()),
  { ...file('timer.ndjson:1', buildTimerEvent()), json: { value: buildTimerEvent() } },
  file('pretty.json', JSON.stringify(buildOssEvent(), null, 2)),
  file('http.json', buildHttpEvent({ method: 'POST', path: '/a?b=1', body: 'hi' })),
  file('fc2.json', buildFc2HttpRequest({ method: 'PUT', path: '/x' })),
  file('apigw.json', buildApigwEvent()),
  file('tablestore.json', buildTablestoreEvent()),
  file('stream.txt', 'hello topic'),
  file('saved.json', { fcSim: 'failure', source: 'timer', check: 'no-unhandled-error', delivery: 'event', event: buildTimerEvent() }),
];

describe('loadEventOf: what replay --url sends for each input', () => {
  it('the same bytes and HTTP delivery as replay prepares them (preparedOf), for every kind of input', () => {
    for (const input of inputs) {
      const { contentType: _, ...sent } = loadEventOf(input);
      expect(sent, input.label).toEqual(preparedOf(loadedEvent(input)));
    }
  });

  it('a plain JSON event is the bytes read, not a copy, posted as JSON without a second scan; others are left to the bytes', () => {
    for (const input of inputs) {
      const event = loadEventOf(input);
      // A Content-Type given only where the bytes are JSON text, and only for a plain (non-HTTP) event.
      if (event.contentType !== undefined) {
        expect([input.label, event.contentType, isJsonText(event.bytes), event.http]).toEqual([input.label, 'application/json', true, undefined]);
      }
    }
    const oss = inputs[0]!;
    expect(loadEventOf(oss)).toEqual({ label: 'oss.json', bytes: oss.bytes, contentType: 'application/json' });
    expect(loadEventOf(oss).bytes).toBe(oss.bytes);
    const http = inputs[3]!;
    expect(loadEventOf(http)).toEqual({ label: 'http.json', bytes: http.bytes, http: { kind: 'fc3-http' } });
    expect(loadEventOf(http).bytes).toBe(http.bytes);
    expect(loadEventOf(inputs[7]!).contentType).toBeUndefined();
  });
});
