import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apigwEvent } from '../../../src/triggers/apigw/arbitrary.js';

describe('the API Gateway event generator', () => {
  it('draws the values of a fixed path’s parameters, and fills them in', () => {
    fc.assert(
      fc.property(apigwEvent({ path: '/users/[id]/files/[name]' }), (event) => {
        expect(Object.keys(event.pathParameters).sort()).toEqual(['id', 'name']);
        expect(event.path).toBe(`/users/${event.pathParameters.id}/files/${event.pathParameters.name}`);
      }),
      { numRuns: 100 },
    );
  });

  it('draws paths with parameters of their own, which the events fill in', () => {
    const events = fc.sample(apigwEvent(), { seed: 5, numRuns: 300 });
    expect(events.some((event) => Object.keys(event.pathParameters).length > 0)).toBe(true);
    for (const event of events) for (const value of Object.values(event.pathParameters)) expect(event.path.split('/')).toContain(value);
  });

  it('keeps to the methods and body kinds asked for; binary bodies are always base64', () => {
    fc.assert(
      fc.property(apigwEvent({ methods: ['PUT', 'PATCH'], bodyKinds: ['binary'] }), (event) => {
        expect(['PUT', 'PATCH']).toContain(event.httpMethod);
        expect(event.isBase64Encoded).toBe(true);
        expect(Buffer.from(event.body, 'base64').includes(0xff)).toBe(true);
        expect(event.headers['Content-Type']).toBe('application/octet-stream');
      }),
      { numRuns: 50 },
    );
  });

  it('draws bodies base64 mostly and as text sometimes, system parameters and stages now and then', () => {
    const events = fc.sample(apigwEvent({ bodyKinds: ['json'], methods: ['POST'] }), { seed: 9, numRuns: 300 });
    const text = events.filter((event) => !event.isBase64Encoded);
    expect(text.length).toBeGreaterThan(20);
    expect(text.length).toBeLessThan(150);
    for (const event of text) expect(() => JSON.parse(event.body)).not.toThrow();
    expect(events.some((event) => 'CaClientIp' in event.headers || 'CaRequestId' in event.headers)).toBe(true);
    expect(events.some((event) => event.headers['X-Ca-Stage'] === 'TEST' || event.headers['X-Ca-Stage'] === 'PRE')).toBe(true);
  });
});
