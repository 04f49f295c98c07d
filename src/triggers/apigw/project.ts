import fc from 'fast-check';
import type { Json } from '../../io/json-values.js';
import { objectIn, stringIn } from '../../io/json-values.js';
import { anyOf, drawable } from '../_shared/project-events.js';
import type { ProjectTrigger } from '../../project/model.js';
import type { RejectedEvents, TriggerEvents, TriggerProjectRules } from '../types.js';
import type { ApigwApi } from './api.js';
import { apiOf } from './api.js';
import type { ApigwEventConstraints } from './arbitrary.js';
import { apigwRequest } from './arbitrary.js';
import type { ApigwRequestParams, ApigwStage } from './build.js';
import { APIGW_METHODS, buildApigwEvent } from './build.js';
import { pathMatches, pathParameterNames } from './path.js';

const STAGES: readonly ApigwStage[] = ['RELEASE', 'PRE', 'TEST'];
const requiredValue = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 12 });

const withoutHeader = (headers: Readonly<Record<string, string>>, name: string) =>
  Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== name.toLowerCase()));

/**
 * Calls of the API: its path with drawn parameters, its stage, and every REQUIRED query parameter and header the
 * client must send (API Gateway refuses the call otherwise); `missing` leaves one of them out.
 */
function calls(api: ApigwApi, constraints: ApigwEventConstraints, missing?: { query?: string; header?: string }): fc.Arbitrary<unknown> {
  const query = api.requiredQuery.filter((name) => name !== missing?.query);
  const headers = api.requiredHeaders.filter((name) => name !== missing?.header);
  // A body makes the builder label it: a call without a required Content-Type has no body.
  const bodyless = missing?.header?.toLowerCase() === 'content-type' ? { bodyKinds: ['empty' as const] } : {};
  const request = apigwRequest({
    path: api.requestPath,
    ...(api.stage ? { stage: api.stage } : {}),
    ...(api.apiName ? { apiName: api.apiName } : {}),
    ...bodyless,
    ...constraints,
  });
  return fc
    .tuple(
      request,
      fc.record(Object.fromEntries(query.map((name) => [name, requiredValue]))),
      fc.record(Object.fromEntries(headers.map((name) => [name, requiredValue]))),
    )
    .map(([params, requiredQuery, requiredHeaders]): ApigwRequestParams => {
      let clientHeaders = Object.entries(requiredHeaders).reduce((all, [name]) => withoutHeader(all, name), params.headers);
      if (missing?.header) clientHeaders = withoutHeader(clientHeaders, missing.header);
      const drawnQuery = Object.fromEntries(Object.entries(params.query).filter(([name]) => name !== missing?.query));
      return { ...params, query: { ...drawnQuery, ...requiredQuery }, headers: { ...clientHeaders, ...requiredHeaders } };
    })
    .map((params) => buildApigwEvent(params));
}

function apigwEvents(trigger: ProjectTrigger): TriggerEvents {
  const api = apiOf(trigger.config);
  return { arbitrary: calls(api, { methods: drawable(trigger, api.methods, 'method names no HTTP method') }), delivery: 'apigw' };
}

function rejectedCalls(trigger: ProjectTrigger): RejectedEvents | undefined {
  const api = apiOf(trigger.config);
  if (api.methods.length === 0) return undefined;
  const rejections: RejectedEvents[] = [];
  const others = APIGW_METHODS.filter((method) => !api.methods.includes(method));
  if (others.length > 0)
    rejections.push({
      arbitrary: calls(api, { methods: others }),
      delivery: 'apigw',
      reason: `a method the API does not define (${others.join(', ')}): API Gateway answers 404`,
    });
  const otherStages = api.stage ? STAGES.filter((stage) => stage !== api.stage) : [];
  if (otherStages.length > 0) {
    rejections.push({
      arbitrary: fc.constantFrom(...otherStages).chain((stage) => calls(api, { methods: api.methods, stage })),
      delivery: 'apigw',
      reason: `a call to another stage (${otherStages.join(', ')}): the API is published to ${api.stage}`,
    });
  }
  for (const name of api.requiredQuery)
    rejections.push({
      arbitrary: calls(api, { methods: api.methods }, { query: name }),
      delivery: 'apigw',
      reason: `without the required query parameter ${name}: API Gateway answers 400`,
    });
  for (const name of api.requiredHeaders)
    rejections.push({
      arbitrary: calls(api, { methods: api.methods }, { header: name }),
      delivery: 'apigw',
      reason: `without the required header ${name}: API Gateway answers 400`,
    });
  return anyOf(rejections);
}

const headerIn = (headers: Json, name: string) => Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

/** Whether API Gateway hands this call to the function: the API's method, path and stage, every required parameter sent. */
function delivers(trigger: ProjectTrigger, event: unknown): boolean {
  const api = apiOf(trigger.config);
  const value = objectIn(event);
  const headers = objectIn(value.headers);
  const query = objectIn(value.queryParameters);
  const path = stringIn(value.path);
  return (
    api.methods.some((method) => method === value.httpMethod) &&
    path !== undefined &&
    pathMatches(api.requestPath, path) &&
    (api.stage === undefined || (stringIn(headerIn(headers, 'X-Ca-Stage')) ?? 'RELEASE') === api.stage) &&
    api.requiredQuery.every((name) => typeof query[name] === 'string') &&
    api.requiredHeaders.every((name) => typeof headerIn(headers, name) === 'string')
  );
}

/** PATH parameters that are no `[name]` segment of the path: API Gateway has nowhere to take them from. */
function lint(config: Json) {
  const api = apiOf(config);
  const segments = pathParameterNames(api.requestPath);
  const parameters = Array.isArray(config.requestParameters) ? config.requestParameters : [];
  return parameters.flatMap((parameter) => {
    const { location, apiParameterName: name } = objectIn(parameter);
    if (location !== 'PATH' || typeof name !== 'string' || segments.includes(name)) return [];
    return [
      {
        rule: 'trigger-config',
        message: `PATH parameter ${name} is no [${name}] segment of ${api.requestPath}`,
        fix: `write [${name}] into the request path, or make ${name} a QUERY parameter`,
      },
    ];
  });
}

/**
 * API Gateway APIs routed to a function (Fun's `Aliyun::Serverless::Api`): calls with the API's method (any for
 * ANY), its path with drawn parameters, its stage and every required query parameter and header. Turned away:
 * another method, another stage, a required parameter missing, all answered by API Gateway itself.
 */
export const apigwProject: TriggerProjectRules = {
  matching: (trigger) => apigwEvents(trigger),
  rejected: (trigger) => rejectedCalls(trigger),
  delivers,
  describe: (config) =>
    `${String(config.method ?? '')} ${String(config.requestPath ?? '')}${config.stageName === undefined ? '' : ` ${String(config.stageName)}`}`.trim(),
  lint,
  declaredIn: {
    formats: ['fun'],
    fix: "API Gateway is no FC trigger type: create the API on API Gateway's side with the function as its backend (Serverless Devs' apigateway component), or declare it in a Fun template as an Aliyun::Serverless::Api resource",
  },
};
