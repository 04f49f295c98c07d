import { describe, expect, it } from 'vitest';
import { buildKind, findKind } from '../../src/triggers/basics.js';
import { httpRequestDelivery } from '../../src/triggers/delivery.js';

describe('httpRequestDelivery', () => {
  it('tells the three HTTP request shapes apart, built and hand-written', () => {
    expect(httpRequestDelivery(buildKind(findKind('http:post')!) as never)).toBe('fc3-http');
    expect(httpRequestDelivery(buildKind(findKind('http:post')!, {}, { fc2: true }) as never)).toBe('fc2-http');
    expect(httpRequestDelivery(buildKind(findKind('apigw')!) as never)).toBe('apigw');
    expect(httpRequestDelivery({ method: 'GET', path: '/' })).toBe('fc2-http');
    expect(httpRequestDelivery({ httpMethod: 'GET', path: '/' })).toBe('apigw');
  });

  it('names none for anything else', () => {
    for (const value of [{}, [], 'GET /', null, { method: 'GET' }, { version: 'v1' }, buildKind(findKind('oss:put')!)])
      expect(httpRequestDelivery(value as never)).toBeUndefined();
  });
});
