import type { ApiGatewayEvent } from '../../types/generated.js';
import type { TriggerModule } from '../types.js';
import type { ApigwEventConstraints } from './arbitrary.js';
import { apigwEvent } from './arbitrary.js';
import { apigwBasics } from './basics.js';
import type { ApigwRequestParams } from './build.js';
import { apigwProject } from './project.js';

/**
 * API Gateway calls of an FC event function (see {@link apigwBasics}), with their generator and Fun's API rules.
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export const apigw: TriggerModule<'apigw', ApigwRequestParams, ApiGatewayEvent, ApigwEventConstraints> = {
  ...apigwBasics,
  arbitrary: (constraints) => apigwEvent(constraints),
  kindArbitrary: (kind, fixed) => apigwEvent({ ...(fixed.method || !kind.fixed.method ? {} : { methods: [kind.fixed.method] }), ...fixed }),
  project: apigwProject,
};
