import type { ApiGatewayEvent } from '../../types/generated.js';
import type { TriggerBasics } from '../types.js';
import type { ApigwRequestParams } from './build.js';
import { apigwRequestDefaults, buildApigwEvent } from './build.js';
import { apigwFlags, withOwnPathParameters } from './flags.js';
import { apigwKinds } from './kinds.js';

/**
 * API Gateway: an API whose backend is an FC event function calls it with `{path, httpMethod, headers,
 * queryParameters, pathParameters, body, isBase64Encoded}` and turns its answer `{isBase64Encoded, statusCode,
 * headers, body}` into the HTTP response (delivery `apigw`). Not an FC trigger type: no tool but Fun
 * (`Aliyun::Serverless::Api`) declares it, and `apigw` is fc-sim's own name for it.
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export const apigwBasics: TriggerBasics<'apigw', ApigwRequestParams, ApiGatewayEvent> = {
  id: 'apigw',
  apiType: 'apigw',
  spellings: {},
  schemas: { events: ['apigw'], config: 'apigw-trigger-config' },
  delivery: 'apigw',
  defaults: apigwRequestDefaults,
  build: (params) => buildApigwEvent(params),
  kinds: apigwKinds,
  flags: apigwFlags,
  adjustParams: withOwnPathParameters,
  schemaOf: () => 'apigw',
  detect: (value) => ('httpMethod' in value ? { schema: 'apigw', because: 'it has httpMethod' } : undefined),
};
