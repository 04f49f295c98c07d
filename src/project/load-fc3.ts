import { resolve } from 'node:path';
import type { Document, LoadContext } from './load.js';
import type { CustomDomain, CustomDomainRoute, ProjectFunction, ProjectTrigger } from './model.js';
import { apiTriggerConfig } from './trigger-config.js';
import { numberOrUndefined, stringMap, stringOrUndefined } from './values.js';
import type { Json } from '../io/json-values.js';
import { isJsonObject as isObject, objectIn } from '../io/json-values.js';

const component = (entry: Json, name: string) => typeof entry.component === 'string' && new RegExp(`(^|/)${name}(@.*)?$`).test(entry.component);

function routesOf(routeConfig: unknown, defaultFunction: string | undefined): CustomDomainRoute[] {
  const routes = isObject(routeConfig) && Array.isArray(routeConfig.routes) ? routeConfig.routes : [];
  return routes.filter(isObject).map((route) => ({
    path: String(route.path ?? '/*'),
    functionName: String(route.functionName ?? defaultFunction ?? ''),
    ...(Array.isArray(route.methods) ? { methods: route.methods.map(String) } : {}),
    ...(route.qualifier === undefined ? {} : { qualifier: String(route.qualifier) }),
  }));
}

/**
 * Serverless Devs `s.yaml` edition 3.0.0: `component: fc3` resources are functions (devsapp/fc3
 * `src/interface`), `component: fc3-domain` resources are custom domains; an fc3 resource may carry its own
 * `customDomain` too.
 */
export function loadFc3Template(document: Document, context: LoadContext): { functions: ProjectFunction[]; customDomains: CustomDomain[] } {
  const functions: ProjectFunction[] = [];
  const customDomains: CustomDomain[] = [];
  for (const [name, entry] of Object.entries(objectIn(document.resources))) {
    if (!isObject(entry)) continue;
    const props = objectIn(entry.props);
    const path = `resources.${name}.props`;
    if (component(entry, 'fc3-domain')) {
      customDomains.push({
        domainName: String(props.domainName ?? 'auto'),
        protocol: String(props.protocol ?? 'HTTP'),
        routes: routesOf(props.routeConfig, undefined),
        location: { file: context.file, path },
      });
      continue;
    }
    if (!component(entry, 'fc3')) continue;
    const functionName = String(props.functionName ?? name);
    const lifecycle = objectIn(props.instanceLifecycleConfig);
    const hook = (key: string) => objectIn(lifecycle[key]);
    const code = isObject(props.code) ? props.code.src : props.code;
    const triggers: ProjectTrigger[] = (Array.isArray(props.triggers) ? props.triggers : []).flatMap((trigger, index) => {
      if (!isObject(trigger)) return [];
      const type = String(trigger.triggerType ?? '');
      return [
        {
          name: String(trigger.triggerName ?? `${type}-${index}`),
          type,
          config: apiTriggerConfig(type, trigger.triggerConfig, false),
          ...(trigger.sourceArn === undefined ? {} : { sourceArn: String(trigger.sourceArn) }),
          ...(trigger.qualifier === undefined ? {} : { qualifier: String(trigger.qualifier) }),
          location: { file: context.file, path: `${path}.triggers[${index}]` },
        },
      ];
    });
    functions.push({
      name: functionName,
      codeDir: resolve(context.root, stringOrUndefined(code) ?? '.'),
      handler: String(props.handler ?? ''),
      runtime: String(props.runtime ?? ''),
      memorySize: numberOrUndefined(props.memorySize),
      timeout: numberOrUndefined(props.timeout),
      initializer: stringOrUndefined(hook('initializer').handler),
      initializationTimeout: numberOrUndefined(hook('initializer').timeout),
      preStop: stringOrUndefined(hook('preStop').handler),
      environment: stringMap(props.environmentVariables),
      region: stringOrUndefined(props.region),
      triggers,
      location: { file: context.file, path },
    });
    if (isObject(props.customDomain)) {
      customDomains.push({
        domainName: String(props.customDomain.domainName ?? 'auto'),
        protocol: String(props.customDomain.protocol ?? 'HTTP'),
        routes: routesOf(props.customDomain.route ?? props.customDomain.routeConfig, functionName),
        location: { file: context.file, path: `${path}.customDomain` },
      });
    }
  }
  return { functions, customDomains };
}
