import type { Fc2HttpRequest, HttpTriggerEvent } from '../../types/generated.js';
import type { TriggerBasics } from '../types.js';
import type { HttpRequestParams } from './build.js';
import { buildFc2HttpRequest, buildHttpEvent, httpRequestDefaults } from './build.js';
import { httpCommandOptions, httpFlags, splitPathQuery } from './flags.js';
import { httpKinds } from './kinds.js';

/**
 * HTTP trigger: on FC 3.0 the handler gets an event (`{version, rawPath, headers, requestContext, body, …}`) and
 * answers `{statusCode, headers, body}`; on FC 2.0 it is called `(request, response, context)`.
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/http-triggers-overview
 */
export const httpBasics: TriggerBasics<'http', HttpRequestParams, HttpTriggerEvent | Fc2HttpRequest> = {
  id: 'http',
  apiType: 'http',
  spellings: { fun: 'HTTP' },
  schemas: { events: ['http', 'fc2-http-request'], config: 'http-trigger-config' },
  delivery: 'fc3-http',
  defaults: httpRequestDefaults,
  build: (params, options) => (options?.fc2 ? buildFc2HttpRequest(params) : buildHttpEvent(params)),
  kinds: httpKinds,
  flags: httpFlags,
  commandOptions: httpCommandOptions,
  adjustParams: splitPathQuery,
  schemaOf: (event) => (typeof event === 'object' && event !== null && 'version' in event ? 'http' : 'fc2-http-request'),
  detect: (value) =>
    'rawPath' in value || ('requestContext' in value && 'version' in value) ? { schema: 'http', because: 'it has rawPath and requestContext' } : undefined,
  variants: [{ name: 'fc2-http', delivery: 'fc2-http', schema: 'fc2-http-request' }],
};
