import { codeFolder } from './code-location.js';
import type { Document, LoadContext } from './load.js';
import { funDeployEnvironment } from './fun-environment.js';
import { addFunApiTriggers } from './load-fun-api.js';
import type { CustomDomain, ProjectFunction, ProjectTrigger } from './model.js';
import { instanceSettings } from './instance-settings.js';
import { FUN_KEYS, FUN_REQUIRED, reportMissingFunKeys, reportUnknownKeys } from './known-properties.js';
import { apiTriggerConfig, apiTriggerType } from './trigger-config.js';
import { methodsIn, numberOrUndefined, numberSetting, stringMap, stringOrUndefined } from './values.js';
import type { Json } from '../io/json-values.js';
import { isJsonObject as isObject, objectIn } from '../io/json-values.js';

/** What Fun deploys when a function leaves them out (funcraft `docs/specs/2018-04-03.md`: MemorySize 128, Timeout 3). */
const FUN_DEFAULTS = { memorySize: 128, timeout: 3 };

/** Resource types that are infrastructure, not code: fc-sim has nothing to run or serve for them. */
const INFRASTRUCTURE = new Set(['Aliyun::Serverless::Log', 'Aliyun::Serverless::TableStore', 'Aliyun::Serverless::MNSTopic', 'Aliyun::Serverless::Flow']);

/**
 * Fun's `template.yml` (ROS `Aliyun::Serverless-2018-04-03`): services hold functions, functions hold `Events`,
 * custom domains route paths to functions, API Gateway APIs route calls to them (aliyun/fun `docs/specs/2018-04-03.md`).
 */
export function loadFunTemplate(document: Document, context: LoadContext): { functions: ProjectFunction[]; customDomains: CustomDomain[] } {
  const functions: ProjectFunction[] = [];
  const customDomains: CustomDomain[] = [];
  const advice = { Globals: "write its properties into each function: Globals is AWS SAM's, Fun has none (and fc-sim does not apply it)" };
  reportUnknownKeys(document, { known: FUN_KEYS.template, what: 'template section', path: '', outcome: 'fun-refuses', advice }, context);
  for (const [name, resource] of Object.entries(objectIn(document.Resources))) {
    if (!isObject(resource)) continue;
    if (resource.Type === 'Aliyun::Serverless::Service') {
      const at = `Resources.${name}.Properties`;
      reportUnknownKeys(resource.Properties, { known: FUN_KEYS.service, what: 'service property', path: at, outcome: 'fun-refuses' }, context);
      const logConfig = objectIn(objectIn(resource.Properties).LogConfig);
      for (const [functionName, item] of Object.entries(resource)) {
        if (functionName === 'Type' || functionName === 'Properties') continue;
        if (!isObject(item) || item.Type !== 'Aliyun::Serverless::Function') {
          context.problems.push({
            kind: 'unknown-part',
            message: `${isObject(item) ? `type ${String(item.Type)}` : 'a value'} is not a function: fc-sim reads Aliyun::Serverless::Function here`,
            location: { file: context.file, path: `Resources.${name}.${functionName}` },
          });
          continue;
        }
        const fn = funFunction(name, functionName, item, document, context);
        if (Object.keys(logConfig).length > 0)
          fn.logConfig = { project: stringOrUndefined(logConfig.Project), logstore: stringOrUndefined(logConfig.Logstore) };
        functions.push(fn);
      }
    } else if (resource.Type === 'Aliyun::Serverless::CustomDomain') {
      const properties = objectIn(resource.Properties);
      const routes = isObject(properties.RouteConfig) && objectIn(properties.RouteConfig.Routes ?? properties.RouteConfig.routes);
      // The domain is Properties.DomainName, else the logical id; `Auto` is a temporary domain (funcraft deploy-by-tpl.js
      // processTemporaryDomainIfNecessary), fc-sim's `auto`.
      const domainName = stringOrUndefined(properties.DomainName);
      customDomains.push({
        domainName: domainName === undefined ? name : domainName === 'Auto' ? 'auto' : domainName,
        protocol: stringOrUndefined(properties.Protocol) ?? 'HTTP',
        routes: Object.entries(routes).flatMap(([path, route]) =>
          isObject(route)
            ? [
                {
                  path,
                  service: stringOrUndefined(route.ServiceName),
                  functionName: String(route.FunctionName ?? ''),
                  ...(route.Methods === undefined
                    ? {}
                    : { methods: methodsIn(route.Methods, { file: context.file, path: `Resources.${name}.Properties.RouteConfig.Routes.${path}.Methods` }) }),
                  ...(route.Qualifier === undefined ? {} : { qualifier: String(route.Qualifier) }),
                },
              ]
            : [],
        ),
        location: { file: context.file, path: `Resources.${name}` },
      });
    }
  }
  for (const [name, resource] of Object.entries(objectIn(document.Resources))) {
    const type = isObject(resource) ? String(resource.Type) : '';
    if (['Aliyun::Serverless::Service', 'Aliyun::Serverless::CustomDomain', 'Aliyun::Serverless::Api'].includes(type) || INFRASTRUCTURE.has(type)) continue;
    context.problems.push({
      kind: 'unknown-part',
      message: `resource type ${type || '(none)'} is not one fc-sim reads: Resources.${name} is not tested or served`,
      location: { file: context.file, path: `Resources.${name}` },
    });
  }
  // APIs route to functions defined anywhere in the template: read once every function is known.
  for (const [name, resource] of Object.entries(objectIn(document.Resources))) {
    if (isObject(resource) && resource.Type === 'Aliyun::Serverless::Api') addFunApiTriggers(name, resource, functions, context);
  }
  return { functions, customDomains };
}

function funFunction(service: string, name: string, resource: Json, document: Document, context: LoadContext): ProjectFunction {
  const properties = objectIn(resource.Properties);
  const path = `Resources.${service}.${name}`;
  reportUnknownKeys(resource, { known: FUN_KEYS.functionResource, what: 'function key', path, outcome: 'fun-refuses' }, context);
  reportUnknownKeys(properties, { known: FUN_KEYS.function, what: 'function property', path: `${path}.Properties`, outcome: 'fun-refuses' }, context);
  if (properties.Runtime !== 'custom-container') reportMissingFunKeys(properties, FUN_REQUIRED.function, `${service}/${name}`, `${path}.Properties`, context);
  const lifecycle = objectIn(properties.InstanceLifecycleConfig);
  const triggers: ProjectTrigger[] = Object.entries(objectIn(resource.Events)).flatMap(([triggerName, event]) => {
    if (!isObject(event)) return [];
    const written = String(event.Type ?? '');
    const type = apiTriggerType(written, 'fun');
    const eventProperties = objectIn(event.Properties);
    const at = `${path}.Events.${triggerName}`;
    reportUnknownKeys(event, { known: FUN_KEYS.event, what: 'event key', path: at, outcome: 'fun-refuses' }, context);
    const known = FUN_KEYS.events[written];
    if (known) reportUnknownKeys(event.Properties, { known, what: `${written} event property`, path: `${at}.Properties`, outcome: 'fun-refuses' }, context);
    const required = FUN_REQUIRED.events[written];
    if (required) reportMissingFunKeys(event.Properties, required, `${name}/${triggerName}`, `${at}.Properties`, context);
    if (type === 'http') methodsIn(eventProperties.Methods, { file: context.file, path: `${at}.Properties.Methods` });
    return [
      {
        name: triggerName,
        type,
        config: apiTriggerConfig(type, eventProperties, true),
        location: { file: context.file, path: at },
      },
    ];
  });
  return {
    name,
    service,
    platform: 'fc2',
    codeDir: codeFolder(stringOrUndefined(properties.CodeUri), `${path}.Properties.CodeUri`, context),
    codeField: `${path}.Properties.CodeUri`,
    handler: String(properties.Handler ?? ''),
    runtime: String(properties.Runtime ?? ''),
    memorySize: numberSetting(properties.MemorySize, { file: context.file, path: `${path}.Properties.MemorySize` }) ?? FUN_DEFAULTS.memorySize,
    timeout: numberSetting(properties.Timeout, { file: context.file, path: `${path}.Properties.Timeout` }) ?? FUN_DEFAULTS.timeout,
    initializer: stringOrUndefined(properties.Initializer),
    initializationTimeout: numberOrUndefined(properties.InitializationTimeout),
    preStop: isObject(lifecycle.PreStop) ? stringOrUndefined(lifecycle.PreStop.Handler) : undefined,
    preFreeze: isObject(lifecycle.PreFreeze) ? stringOrUndefined(lifecycle.PreFreeze.Handler) : undefined,
    environment: funDeployEnvironment(stringMap(properties.EnvironmentVariables)),
    ...instanceSettings(
      'fun',
      properties,
      objectIn(objectIn(objectIn(document.Resources)[service]).Properties),
      {
        path: `${path}.Properties`,
        servicePath: `Resources.${service}.Properties`,
      },
      context,
    ),
    triggers,
    location: { file: context.file, path },
  };
}
