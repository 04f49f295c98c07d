import type { Fc2HttpRequest, HttpTriggerEvent } from '../../types/generated.js';
import type { TriggerModule } from '../types.js';
import type { HttpRequestConstraints } from './arbitrary.js';
import { fc2HttpCall, fc2HttpRequest, httpEvent } from './arbitrary.js';
import { httpBasics } from './basics.js';
import type { HttpRequestParams } from './build.js';
import { httpProject } from './project.js';

/**
 * {@link httpBasics}, with the generator and the project rules (filter, `fc-sim ls`, lint).
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/http-triggers-overview
 */
export const http: TriggerModule<'http', HttpRequestParams, HttpTriggerEvent | Fc2HttpRequest, HttpRequestConstraints> = {
  ...httpBasics,
  arbitrary: (constraints) => httpEvent(constraints),
  kindArbitrary(kind, fixed, options) {
    const constraints = { ...(fixed.method || !kind.fixed.method ? {} : { methods: [kind.fixed.method] }), ...fixed };
    return options?.fc2 ? fc2HttpRequest(constraints) : httpEvent(constraints);
  },
  variantArbitraries: { 'fc2-http': (constraints) => fc2HttpCall(constraints as HttpRequestConstraints) },
  project: httpProject,
};
