import type { Json } from '../../io/json-values.js';
import { isJsonObject, stringIn } from '../../io/json-values.js';
import type { ApigwMethod, ApigwStage } from './build.js';
import { APIGW_METHODS, GATEWAY_HEADERS } from './build.js';

/** An API Gateway API routed to a function, from its config (schemas/trigger-config/apigw.schema.json). */
export interface ApigwApi {
  requestPath: string;
  /** The methods the API answers: its method, or all for ANY. */
  methods: ApigwMethod[];
  /** The environment it is published to; undefined: not said, any. */
  stage: ApigwStage | undefined;
  apiName: string | undefined;
  /** REQUIRED query parameters: API Gateway refuses a request without them. */
  requiredQuery: string[];
  /** REQUIRED headers the client sends (the gateway's own headers are always there). */
  requiredHeaders: string[];
}

const STAGES: readonly string[] = ['RELEASE', 'PRE', 'TEST'];

function requiredNames(config: Json, location: string): string[] {
  const parameters = Array.isArray(config.requestParameters) ? config.requestParameters : [];
  return [
    ...new Set(
      parameters.flatMap((parameter) =>
        isJsonObject(parameter) && parameter.location === location && parameter.required === 'REQUIRED' && typeof parameter.apiParameterName === 'string'
          ? [parameter.apiParameterName]
          : [],
      ),
    ),
  ];
}

export function apiOf(config: Json): ApigwApi {
  const method = stringIn(config.method)?.toUpperCase();
  const stage = stringIn(config.stageName);
  return {
    requestPath: stringIn(config.requestPath) ?? '/',
    methods: method === 'ANY' ? APIGW_METHODS : APIGW_METHODS.filter((known) => known === method),
    stage: stage !== undefined && STAGES.includes(stage) ? (stage as ApigwStage) : undefined,
    apiName: stringIn(config.apiName),
    requiredQuery: requiredNames(config, 'QUERY'),
    requiredHeaders: requiredNames(config, 'HEAD').filter((name) => !GATEWAY_HEADERS.has(name.toLowerCase())),
  };
}
