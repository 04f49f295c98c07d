import { resolve } from 'node:path';
import type { Document, LoadContext } from './load.js';
import { addFunApiTriggers } from './load-fun-api.js';
import type { CustomDomain, ProjectFunction, ProjectTrigger } from './model.js';
import { apiTriggerConfig, apiTriggerType } from './trigger-config.js';
import { numberOrUndefined, stringMap, stringOrUndefined } from './values.js';
import type { Json } from '../io/json-values.js';
import { isJsonObject as isObject, objectIn } from '../io/json-values.js';

/**
 * Fun's `template.yml` (ROS `Aliyun::Serverless-2018-04-03`): services hold functions, functions hold `Events`,
 * custom domains route paths to functions, API Gateway APIs route calls to them (aliyun/fun `docs/specs/2018-04-03.md`).
 */
export function loadFunTemplate(document: Document, context: LoadContext): { functions: ProjectFunction[]; customDomains: CustomDomain[] } {
  const functions: ProjectFunction[] = [];
  const customDomains: CustomDomain[] = [];
  for (const [name, resource] of Object.entries(objectIn(document.Resources))) {
    if (!isObject(resource)) continue;
    if (resource.Type === 'Aliyun::Serverless::Service') {
      for (const [functionName, item] of Object.entries(resource)) {
        if (!isObject(item) || item.Type !== 'Aliyun::Serverless::Function') continue;
        functions.push(funFunction(name, functionName, item, context));
      }
    } else if (resource.Type === 'Aliyun::Serverless::CustomDomain') {
      const properties = objectIn(resource.Properties);
      const routes = isObject(properties.RouteConfig) && objectIn(properties.RouteConfig.Routes);
      customDomains.push({
        domainName: name,
        protocol: stringOrUndefined(properties.Protocol) ?? 'HTTP',
        routes: Object.entries(routes).flatMap(([path, route]) =>
          isObject(route)
            ? [
                {
                  path,
                  service: stringOrUndefined(route.ServiceName),
                  functionName: String(route.FunctionName ?? ''),
                  ...(Array.isArray(route.Methods) ? { methods: route.Methods.map(String) } : {}),
                  ...(route.Qualifier === undefined ? {} : { qualifier: String(route.Qualifier) }),
                },
              ]
            : [],
        ),
        location: { file: context.file, path: `Resources.${name}` },
      });
    }
  }
  // APIs route to functions defined anywhere in the template: read once every function is known.
  for (const [name, resource] of Object.entries(objectIn(document.Resources))) {
    if (isObject(resource) && resource.Type === 'Aliyun::Serverless::Api') addFunApiTriggers(name, resource, functions, context);
  }
  return { functions, customDomains };
}

function funFunction(service: string, name: string, resource: Json, context: LoadContext): ProjectFunction {
  const properties = objectIn(resource.Properties);
  const path = `Resources.${service}.${name}`;
  const lifecycle = objectIn(properties.InstanceLifecycleConfig);
  const triggers: ProjectTrigger[] = Object.entries(objectIn(resource.Events)).flatMap(([triggerName, event]) => {
    if (!isObject(event)) return [];
    const written = String(event.Type ?? '');
    const type = apiTriggerType(written, 'fun');
    const eventProperties = objectIn(event.Properties);
    return [
      {
        name: triggerName,
        type,
        config: apiTriggerConfig(type, eventProperties, true),
        location: { file: context.file, path: `${path}.Events.${triggerName}` },
      },
    ];
  });
  return {
    name,
    service,
    codeDir: resolve(context.root, stringOrUndefined(properties.CodeUri) ?? '.'),
    handler: String(properties.Handler ?? ''),
    runtime: String(properties.Runtime ?? ''),
    memorySize: numberOrUndefined(properties.MemorySize),
    timeout: numberOrUndefined(properties.Timeout),
    initializer: stringOrUndefined(properties.Initializer),
    initializationTimeout: numberOrUndefined(properties.InitializationTimeout),
    preStop: isObject(lifecycle.PreStop) ? stringOrUndefined(lifecycle.PreStop.Handler) : undefined,
    environment: stringMap(properties.EnvironmentVariables),
    triggers,
    location: { file: context.file, path },
  };
}
