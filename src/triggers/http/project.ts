import { objectIn, stringIn } from '../../io/json-values.js';
import { drawable } from '../_shared/project-events.js';
import type { FcVersion, TriggerEvents, TriggerProjectRules } from '../types.js';
import { fc2HttpCall, httpEvent } from './arbitrary.js';
import type { HttpMethod } from './build.js';
import { allowedMethods, HTTP_METHODS } from './methods.js';

/** FC 3.0 HTTP events, or FC 2.0 requests with their body bytes, as the contract kit feeds them. */
function httpEvents(methods: readonly HttpMethod[], fcVersion: FcVersion): TriggerEvents {
  return fcVersion === 3 ? { arbitrary: httpEvent({ methods }), delivery: 'fc3-http' } : { arbitrary: fc2HttpCall({ methods }), delivery: 'fc2-http' };
}

/** An FC 3.0 event (`requestContext.http.method`), an FC 2.0 request, or `{request, body}` as the contract kit feeds it. */
function httpMethodOf(event: unknown): string | undefined {
  const value = objectIn(event);
  return stringIn(objectIn(objectIn(value.requestContext).http).method) ?? stringIn(objectIn(value.request).method) ?? stringIn(value.method);
}

/** Fun writes ANONYMOUS/FUNCTION and lower-cases them on deploy. */
const lowerAuthType = (config: Record<string, unknown>) =>
  typeof config.authType === 'string' ? { ...config, authType: config.authType.toLowerCase() } : config;

export const httpProject: TriggerProjectRules = {
  normaliseConfig: lowerAuthType,
  matching: (trigger, { fcVersion }) => httpEvents(drawable(trigger, allowedMethods(trigger.config), 'methods names no HTTP method'), fcVersion),
  rejected(trigger, { fcVersion }) {
    const allowed = allowedMethods(trigger.config);
    const others = HTTP_METHODS.filter((method) => !allowed.includes(method));
    if (others.length === 0) return undefined;
    return { ...httpEvents(others, fcVersion), reason: `a method it does not allow (${others.join(', ')})` };
  },
  delivers: (trigger, event) => allowedMethods(trigger.config).some((allowed) => allowed === httpMethodOf(event)),
  describe: (config) => `${(config.methods as string[] | undefined)?.join(',') ?? ''} ${String(config.authType ?? '')}`.trim(),
};
