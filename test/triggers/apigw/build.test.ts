import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FcSimError } from '../../../src/errors.js';
import { packageRoot } from '../../../src/package-root.js';
import { validate } from '../../../src/schema/validate.js';
import type { ApigwRequestParams } from '../../../src/triggers/apigw/build.js';
import { buildApigwEvent } from '../../../src/triggers/apigw/build.js';
import { fillPath, pathMatches, pathParameterNames } from '../../../src/triggers/apigw/path.js';

/** The captured events, as fixtures/events/apigw holds them (verbatim copies of the reference payloads): a checkout alone has them. */
const payload = (name: string) => JSON.parse(readFileSync(join(packageRoot, 'fixtures', 'events', 'apigw', name), 'utf8')) as Record<string, unknown>;

const GATEWAY = new Set(['X-Ca-Api-Gateway', 'X-Forwarded-For', 'X-Real-IP', 'X-Forwarded-Proto', 'CA-Host']);

/** The builder's parameters for a captured event: its client headers, and the gateway's values as captured. */
function paramsOf(event: Record<string, unknown>): Partial<ApigwRequestParams> {
  const headers = event.headers as Record<string, string>;
  return {
    method: event.httpMethod as ApigwRequestParams['method'],
    path: event.path as string,
    headers: Object.fromEntries(Object.entries(headers).filter(([name]) => !GATEWAY.has(name))),
    requestId: headers['X-Ca-Api-Gateway']!,
    host: headers['CA-Host']!,
    sourceIp: headers['X-Real-IP']!,
    protocol: headers['X-Forwarded-Proto'] as 'http' | 'https',
  };
}

function invalidParams(build: () => unknown): FcSimError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(FcSimError);
    expect((error as FcSimError).code).toBe('E_INVALID_PARAMS');
    return error as FcSimError;
  }
  throw new Error('expected the builder to refuse the parameters');
}

describe('the API Gateway event builder', () => {
  it.each(['ltaoo-recordtime-report-real.json', 'awesome-fc-bxjs-base-real-get-cookies.json'])('rebuilds the captured event %s from its parameters', (name) => {
    const captured = payload(name);
    expect(buildApigwEvent(paramsOf(captured))).toEqual(captured);
  });

  it('fills the path parameters into the path, and keeps them in pathParameters', () => {
    const event = buildApigwEvent({ path: '/users/[id]/files/[name]', pathParameters: { id: '42', name: '报告 1.pdf' } });
    expect(event).toMatchObject({ path: '/users/42/files/报告 1.pdf', pathParameters: { id: '42', name: '报告 1.pdf' } });
    expect(validate('apigw', event, { strict: true }).issues).toEqual([]);
  });

  it('refuses path parameters the path has no segment for, segments without a value, and values that are not one segment', () => {
    expect(invalidParams(() => buildApigwEvent({ path: '/orders', pathParameters: { id: '1' } })).message).toBe(
      'path parameter id: the path /orders has no [id] segment',
    );
    expect(invalidParams(() => buildApigwEvent({ path: '/users/[id]' })).message).toBe('the path /users/[id] needs a value for [id]');
    expect(invalidParams(() => buildApigwEvent({ path: '/users/[id]', pathParameters: { id: 'a/b' } })).message).toBe(
      'path parameter id: "a/b" is not one path segment',
    );
    expect(invalidParams(() => buildApigwEvent({ path: 'users' })).hint).toContain('/users/[id]');
  });

  it('passes bodies base64 by default, as captured events show, and labels an unlabelled body', () => {
    const json = buildApigwEvent({ method: 'POST', body: '{"name":"fc-sim"}' });
    expect(json).toMatchObject({ body: Buffer.from('{"name":"fc-sim"}').toString('base64'), isBase64Encoded: true });
    expect(json.headers['Content-Type']).toBe('application/json; charset=UTF-8');
    expect(buildApigwEvent({ method: 'POST', body: 'hello' }).headers['Content-Type']).toBe('text/plain; charset=UTF-8');
    const labelled = buildApigwEvent({ method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(labelled.headers).not.toHaveProperty('Content-Type');
    expect(buildApigwEvent({}).headers).not.toHaveProperty('Content-Type');
  });

  it('passes text as is with bodyEncoding text, and binary bodies only base64', () => {
    expect(buildApigwEvent({ method: 'POST', body: new TextEncoder().encode('héllo'), bodyEncoding: 'text' })).toMatchObject({
      body: 'héllo',
      isBase64Encoded: false,
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const binary = buildApigwEvent({ method: 'POST', body: png });
    expect(binary).toMatchObject({ body: 'iVBORw==', isBase64Encoded: true });
    expect(binary.headers['Content-Type']).toBe('application/octet-stream');
    expect(validate('apigw', binary, { strict: true }).issues).toEqual([]);
    expect(invalidParams(() => buildApigwEvent({ body: png, bodyEncoding: 'text' })).message).toContain('not UTF-8');
  });

  it("keeps the gateway's headers its own, and derives the mapped system parameters from the request", () => {
    const event = buildApigwEvent({
      headers: { 'x-real-ip': '1.1.1.1', 'X-Ca-Stage': 'PRE', 'User-Agent': 'okhttp/4.12.0' },
      sourceIp: '10.0.0.8',
      stage: 'TEST',
      protocol: 'http',
      apiName: 'get_user',
      time: '2024-05-06T07:08:09Z',
      systemParameters: ['CaRequestId', 'CaClientIp', 'CaDomain', 'CaHttpSchema', 'CaClientUa', 'CaApiName', 'CaRequestHandleTime', 'CaProxy', 'CaAppId'],
    });
    const { headers } = event;
    expect(headers).not.toHaveProperty('x-real-ip');
    expect(headers).toMatchObject({
      'X-Real-IP': '10.0.0.8',
      'X-Forwarded-For': '10.0.0.8',
      'X-Ca-Stage': 'TEST',
      CaRequestId: headers['X-Ca-Api-Gateway'],
      CaClientIp: '10.0.0.8',
      CaDomain: headers['CA-Host'],
      CaHttpSchema: 'HTTP',
      CaClientUa: 'okhttp/4.12.0',
      CaApiName: 'get_user',
      CaRequestHandleTime: '2024-05-06T07:08:09Z',
      CaProxy: 'AliCloudAPIGateway',
      CaAppId: 'null',
    });
    expect(headers['X-Ca-Api-Gateway']).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(headers['CA-Host']).toMatch(/^[0-9a-f]{32}-cn-hangzhou\.alicloudapi\.com$/);
    expect(buildApigwEvent({}).headers).not.toHaveProperty('X-Ca-Stage');
  });

  it('derives the request id from the request: the same call the same id, another call another', () => {
    const id = (params: Partial<ApigwRequestParams>) => buildApigwEvent(params).headers['X-Ca-Api-Gateway'];
    expect(id({})).toBe(id({}));
    expect(id({ time: '2024-01-01T00:00:00Z' })).not.toBe(id({}));
    expect(id({ requestId: 'B276F77B-334E-4857-AE64-65BAFD419E2A' })).toBe('B276F77B-334E-4857-AE64-65BAFD419E2A');
  });
});

describe('API paths', () => {
  it('name their parameters once each, and match the paths they fill', () => {
    expect(pathParameterNames('/a/[x]/b/[y]/[x]')).toEqual(['x', 'y']);
    expect(fillPath('/a/[x]/[x]', { x: '1' })).toBe('/a/1/1');
    expect(pathMatches('/users/[id]', '/users/42')).toBe(true);
    expect(pathMatches('/users/[id]', '/users/')).toBe(false);
    expect(pathMatches('/users/[id]', '/users/42/x')).toBe(false);
    expect(pathMatches('/a/[x]/[x]', '/a/1/2')).toBe(false);
    expect(pathMatches('/', '/')).toBe(true);
    expect(pathMatches('/users', '/Users')).toBe(false);
  });
});
