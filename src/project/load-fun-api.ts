import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { FcSimError } from '../errors.js';
import type { Json } from '../io/json-values.js';
import { isJsonObject as isObject, objectIn } from '../io/json-values.js';
import type { LoadContext } from './load.js';
import type { ProjectFunction } from './model.js';
import { numberOrUndefined, stringOrUndefined } from './values.js';

/** Keys of a Swagger document that are not request paths (Fun skips them too). */
const NOT_PATHS = new Set(['openapi', 'swagger', 'info', 'components']);

/** `${name.Arn}` is Fun's reference to the resource `name`; anything else is a name as written. */
const referenced = (text: string) => /^\$\{\s*([^}]+?)\.Arn\s*\}$/.exec(text)?.[1] ?? text;

/** The service and function an `x-aliyun-apigateway-fc` ARN names: `acs:fc:::services/${svc.Arn}/functions/${fn.Arn}/`. */
function functionOf(arn: unknown): { service: string; name: string } | undefined {
  const match = typeof arn === 'string' ? /services\/([^/]+)\/functions\/([^/]+)/.exec(arn) : null;
  return match ? { service: referenced(match[1]!), name: referenced(match[2]!) } : undefined;
}

/** The Swagger document of the API: `DefinitionBody`, or the file `DefinitionUri` names, relative to the template. */
function definitionOf(name: string, properties: Json, context: LoadContext): Json {
  if (isObject(properties.DefinitionBody)) return properties.DefinitionBody;
  const uri = stringOrUndefined(properties.DefinitionUri);
  if (uri === undefined) return {};
  const file = resolve(context.root, uri);
  try {
    return objectIn(parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new FcSimError(
      'E_PROJECT',
      `${context.file}: Resources.${name}.Properties.DefinitionUri ${uri}: ${(error as Error).message.split('\n')[0]}`,
      'point DefinitionUri at the API’s Swagger file (relative to the template), or write the API under DefinitionBody',
      { cause: error },
    );
  }
}

/** The `${name.Arn}` references of an ARN fc-sim has resolved to a function are no problem: the variable pass reported them. */
function forgetArnReferences(context: LoadContext, path: string): void {
  for (let index = context.problems.length - 1; index >= 0; index--) if (context.problems[index]!.location.path === path) context.problems.splice(index, 1);
}

const upper = (value: unknown) => (typeof value === 'string' ? value.toUpperCase() : value);

/** What Fun deploys for a request parameter's missing fields (funcraft src/lib/deploy/deploy-support-api.js). */
const FUN_PARAMETER_DEFAULTS = { location: 'QUERY', parameterType: 'String', required: 'OPTIONAL' } as const;

/**
 * Fun's `Aliyun::Serverless::Api` resource: an API group whose Swagger paths route methods to functions with
 * `x-aliyun-apigateway-fc.arn`. Each path and method that names a function of the template becomes an `apigw`
 * trigger of that function (schemas/trigger-config/apigw.schema.json); one naming a function the template does not
 * define is another project's, and is not tested here.
 * @see https://github.com/alibaba/funcraft/blob/master/docs/specs/2018-04-03.md#aliyunserverlessapi
 */
export function addFunApiTriggers(name: string, resource: Json, functions: readonly ProjectFunction[], context: LoadContext): void {
  const properties = objectIn(resource.Properties);
  const definition = definitionOf(name, properties, context);
  const at = isObject(properties.DefinitionBody) ? `Resources.${name}.Properties.DefinitionBody` : `Resources.${name}.Properties.DefinitionUri`;
  for (const [requestPath, methods] of Object.entries(definition)) {
    if (NOT_PATHS.has(requestPath) || !isObject(methods)) continue;
    for (const [method, api] of Object.entries(methods)) {
      if (!isObject(api) || !isObject(api['x-aliyun-apigateway-fc'])) continue;
      const backend = api['x-aliyun-apigateway-fc'];
      const target = functionOf(backend.arn);
      const fn = target && functions.find((candidate) => candidate.service === target.service && candidate.name === target.name);
      if (!fn) continue;
      forgetArnReferences(context, `${at}.${requestPath}.${method}.x-aliyun-apigateway-fc.arn`);
      const parameters = Array.isArray(api['x-aliyun-apigateway-request-parameters']) ? api['x-aliyun-apigateway-request-parameters'] : undefined;
      const apiName = stringOrUndefined(api['x-aliyun-apigateway-api-name']);
      const timeout = numberOrUndefined(backend.timeout);
      const requestMode = objectIn(api['x-aliyun-apigateway-request-config']).requestMode;
      const stage = stringOrUndefined(properties.StageName);
      fn.triggers.push({
        // Fun's own name for an API it is not given one for.
        name: apiName ?? `${requestPath.replace(/^\//, '').replace(/[[\]]/g, '').replace(/\//g, '_')}_${method}`,
        type: 'apigw',
        config: {
          requestPath,
          method: method.toUpperCase(),
          ...(stage === undefined ? {} : { stageName: stage }),
          group: name,
          ...(apiName === undefined ? {} : { apiName }),
          ...(timeout === undefined ? {} : { timeout }),
          ...(requestMode === undefined ? {} : { requestMode: upper(requestMode) }),
          ...(parameters === undefined
            ? {}
            : {
                requestParameters: parameters.map((parameter) => {
                  if (!isObject(parameter)) return parameter;
                  // Fun's defaults for what a parameter leaves out (funcraft deploy-support-api.js
                  // getDefaultRequestParameter): an optional String in the query.
                  const full = { ...FUN_PARAMETER_DEFAULTS, ...parameter };
                  return { ...full, location: upper(full.location), required: upper(full.required) };
                }),
              }),
        },
        location: { file: context.file, path: `${at}.${requestPath}.${method}` },
      });
    }
  }
}
