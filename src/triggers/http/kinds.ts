import type { KindSpec } from '../types.js';
import type { HttpRequestParams } from './build.js';

/** What curl sends: every kind has its headers written out, so `--header` adds to them (kindParams). */
const CURL_HEADERS = { Accept: '*/*', 'User-Agent': 'curl/8.5.0' };
const JSON_HEADERS = { Accept: '*/*', 'Content-Type': 'application/json', 'User-Agent': 'curl/8.5.0' };

export const httpKinds: readonly KindSpec<HttpRequestParams>[] = [
  {
    name: 'http:get',
    fixed: { method: 'GET' },
    description: 'an HTTP GET to an FC 3.0 HTTP trigger (--fc2: the FC 2.0 request)',
    params: { path: '/users', query: { page: '1' }, headers: CURL_HEADERS },
  },
  {
    name: 'http:post',
    fixed: { method: 'POST' },
    description: 'an HTTP POST with a JSON body',
    params: { path: '/users', headers: JSON_HEADERS, body: '{"name":"fc-sim"}' },
  },
  {
    name: 'http:put',
    fixed: { method: 'PUT' },
    description: 'an HTTP PUT with a JSON body',
    params: { path: '/users/42', headers: JSON_HEADERS, body: '{"name":"fc-sim"}' },
  },
  { name: 'http:delete', fixed: { method: 'DELETE' }, description: 'an HTTP DELETE', params: { path: '/users/42', headers: CURL_HEADERS } },
  { name: 'http:head', fixed: { method: 'HEAD' }, description: 'an HTTP HEAD', params: { path: '/users', headers: CURL_HEADERS } },
  {
    name: 'http:patch',
    fixed: { method: 'PATCH' },
    description: 'an HTTP PATCH with a JSON merge patch',
    params: { path: '/users/42', headers: { ...JSON_HEADERS, 'Content-Type': 'application/merge-patch+json' }, body: '{"name":"fc"}' },
  },
  {
    name: 'http:options',
    fixed: { method: 'OPTIONS' },
    description: 'a CORS preflight (OPTIONS)',
    params: { path: '/users', headers: { Origin: 'https://example.com', 'Access-Control-Request-Method': 'POST' } },
  },
];
