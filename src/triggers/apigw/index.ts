import type { ApiGatewayEvent } from '../../types/generated.js';
import type { TriggerModule } from '../types.js';
import type { ApigwEventConstraints } from './arbitrary.js';
import { apigwEvent } from './arbitrary.js';
import type { ApigwRequestParams } from './build.js';
import { apigwRequestDefaults, buildApigwEvent } from './build.js';
import { apigwFlags, withOwnPathParameters } from './flags.js';
import { apigwKinds } from './kinds.js';
import { apigwProject } from './project.js';

/**
 * API Gateway: an API whose backend is an FC event function calls it with `{path, httpMethod, headers,
 * queryParameters, pathParameters, body, isBase64Encoded}` and turns its answer `{isBase64Encoded, statusCode,
 * headers, body}` into the HTTP response (delivery `apigw`). Not an FC trigger type: no tool but Fun
 * (`Aliyun::Serverless::Api`) declares it, and `apigw` is fc-sim's own name for it.
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export const apigw: TriggerModule<'apigw', ApigwRequestParams, ApiGatewayEvent, ApigwEventConstraints> = {
  id: 'apigw',
  apiType: 'apigw',
  spellings: {},
  schemas: { events: ['apigw'], config: 'apigw-trigger-config' },
  delivery: 'apigw',
  defaults: apigwRequestDefaults,
  build: (params) => buildApigwEvent(params),
  arbitrary: (constraints) => apigwEvent(constraints),
  kinds: apigwKinds,
  kindArbitrary: (kind, fixed) => apigwEvent({ ...(fixed.method || !kind.fixed.method ? {} : { methods: [kind.fixed.method] }), ...fixed }),
  flags: apigwFlags,
  adjustParams: withOwnPathParameters,
  schemaOf: () => 'apigw',
  detect: (value) => ('httpMethod' in value ? { schema: 'apigw', because: 'it has httpMethod' } : undefined),
  project: apigwProject,
};
