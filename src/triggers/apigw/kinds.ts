import type { KindSpec } from '../types.js';
import type { ApigwRequestParams } from './build.js';

/** A browser's request, as both real captured events show it (ltaoo/recordtime_report, awesome-fc/bxjs-base). */
const BROWSER_HEADERS = {
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,image/apng,*/*;q=0.8',
  'Accept-Encoding': 'gzip, deflate, br',
  'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8',
  'Upgrade-Insecure-Requests': '1',
  'User-Agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
};
const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json', 'User-Agent': 'curl/8.5.0' };

export const apigwKinds: readonly KindSpec<ApigwRequestParams>[] = [
  {
    name: 'apigw',
    fixed: {},
    description: 'an API Gateway call of an FC event function: a browser GET of /, as captured events show it',
    params: { headers: BROWSER_HEADERS, protocol: 'http' },
  },
  {
    name: 'apigw:get',
    fixed: { method: 'GET' },
    description: 'an API Gateway GET of /users/[id] with a path parameter and a query parameter',
    params: { path: '/users/[id]', pathParameters: { id: '42' }, query: { expand: 'profile' } },
  },
  {
    name: 'apigw:post',
    fixed: { method: 'POST' },
    description: 'an API Gateway POST with a JSON body (base64, as API Gateway passes it)',
    params: { path: '/users', headers: JSON_HEADERS, body: '{"name":"fc-sim"}' },
  },
  {
    name: 'apigw:put',
    fixed: { method: 'PUT' },
    description: 'an API Gateway PUT of /users/[id] with a JSON body',
    params: { path: '/users/[id]', pathParameters: { id: '42' }, headers: JSON_HEADERS, body: '{"name":"fc-sim"}' },
  },
  {
    name: 'apigw:delete',
    fixed: { method: 'DELETE' },
    description: 'an API Gateway DELETE of /users/[id]',
    params: { path: '/users/[id]', pathParameters: { id: '42' } },
  },
];
