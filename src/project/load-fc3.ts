import { codeFolder } from './code-location.js';
import { componentOf } from './components.js';
import type { Document, LoadContext } from './load.js';
import type { CustomDomain, CustomDomainRoute, ProjectFunction, ProjectTrigger } from './model.js';
import { instanceSettings } from './instance-settings.js';
import { FC3_KEYS, reportUnknownKeys, schemaKeys } from './known-properties.js';
import { mergeLikeServerlessDevs } from './merge.js';
import { apiTriggerConfig } from './trigger-config.js';
import { listSetting, methodsIn, numberOrUndefined, numberSetting, stringMap, stringOrUndefined } from './values.js';
import type { Json } from '../io/json-values.js';
import { loadSchema } from '../schema/catalog.js';
import { moduleOfTrigger } from '../triggers/modules.js';
import { isJsonObject as isObject, objectIn } from '../io/json-values.js';

/** What the fc3 component deploys when props leave them out (devsapp/fc3 `src/default/config.ts` FUNCTION_DEFAULT_CONFIG). */
const FC3_DEFAULTS = { memorySize: 512, timeout: 3 };

function routeOf(route: Json, at: string, defaultFunction: string | undefined, context: LoadContext): CustomDomainRoute {
  const methods = methodsIn(route.methods, { file: context.file, path: `${at}.methods` });
  return {
    path: String(route.path ?? '/*'),
    functionName: String(route.functionName ?? defaultFunction ?? ''),
    ...(methods === undefined ? {} : { methods }),
    ...(route.qualifier === undefined ? {} : { qualifier: String(route.qualifier) }),
  };
}

/** `routeConfig: {routes: [...]}` (fc3-domain, and an fc3 function's `customDomain`), or an fc3 function's one `route: {...}`. */
function routesOf(domain: Json, at: string, defaultFunction: string | undefined, context: LoadContext): CustomDomainRoute[] {
  if (isObject(domain.route)) return [routeOf(domain.route, `${at}.route`, defaultFunction, context)];
  const routes = isObject(domain.routeConfig) && Array.isArray(domain.routeConfig.routes) ? domain.routeConfig.routes : [];
  return routes.flatMap((route, index) => (isObject(route) ? [routeOf(route, `${at}.routeConfig.routes[${index}]`, defaultFunction, context)] : []));
}

/**
 * `extend: {name, ignore}` takes the named entry of the top-level `template:`, less the `ignore`d keys, under the
 * resource's props (parse-spec `ParseContent.getSteps`: `omit(template, extend.ignore)`, then extend2).
 */
function propsOf(entry: Json, document: Document): Json {
  const template = isObject(entry.extend) && isObject(document.template) ? objectIn(document.template[String(entry.extend.name)]) : {};
  const ignored = isObject(entry.extend) && Array.isArray(entry.extend.ignore) ? entry.extend.ignore.map(String) : [];
  return mergeLikeServerlessDevs(Object.fromEntries(Object.entries(template).filter(([key]) => !ignored.includes(key))), objectIn(entry.props)) as Json;
}

/**
 * Serverless Devs `s.yaml` edition 3.0.0: `component: fc3` resources are functions (devsapp/fc3
 * `src/interface`), `component: fc3-domain` resources are custom domains; an fc3 resource may carry its own
 * `customDomain` too. Resources of other components are reported, not dropped silently.
 */
export function loadFc3Template(document: Document, context: LoadContext): { functions: ProjectFunction[]; customDomains: CustomDomain[] } {
  const functions: ProjectFunction[] = [];
  const customDomains: CustomDomain[] = [];
  for (const [name, entry] of Object.entries(objectIn(document.resources))) {
    if (!isObject(entry)) continue;
    const props = propsOf(entry, document);
    const path = `resources.${name}.props`;
    const kind = componentOf(entry.component, props, `resources.${name}`, context, { function: 'fc3', domain: 'fc3-domain' });
    if (kind === 'domain') {
      customDomains.push({
        domainName: String(props.domainName ?? 'auto'),
        protocol: String(props.protocol ?? 'HTTP'),
        routes: routesOf(props, path, undefined, context),
        location: { file: context.file, path },
      });
      continue;
    }
    if (kind !== 'function') continue;
    reportUnknownKeys(props, { known: FC3_KEYS.function, what: 'function prop', path, outcome: 'fc3-drops' }, context);
    const functionName = String(props.functionName ?? name);
    const lifecycle = objectIn(props.instanceLifecycleConfig);
    const hook = (key: string) => objectIn(lifecycle[key]);
    const code = isObject(props.code) ? props.code.src : props.code;
    const logConfig = objectIn(props.logConfig);
    const triggers: ProjectTrigger[] = listSetting(props.triggers, { file: context.file, path: `${path}.triggers` }).flatMap((trigger, index) => {
      if (!isObject(trigger)) return [];
      const type = String(trigger.triggerType ?? '');
      const at = `${path}.triggers[${index}]`;
      reportUnknownKeys(trigger, { known: FC3_KEYS.trigger, what: 'trigger key', path: at, outcome: 'fc3-drops' }, context);
      const config = apiTriggerConfig(type, trigger.triggerConfig, false);
      const module = moduleOfTrigger({ type, config });
      if (module) {
        const known = schemaKeys(loadSchema(module.schemas.config));
        reportUnknownKeys(trigger.triggerConfig, { known, what: `${type} triggerConfig key`, path: `${at}.triggerConfig`, outcome: 'fc-drops' }, context);
      }
      if (type === 'http') methodsIn(config.methods, { file: context.file, path: `${at}.triggerConfig.methods` });
      return [
        {
          name: String(trigger.triggerName ?? `${type}-${index}`),
          type,
          config,
          ...(trigger.sourceArn === undefined ? {} : { sourceArn: String(trigger.sourceArn) }),
          ...(trigger.qualifier === undefined ? {} : { qualifier: String(trigger.qualifier) }),
          location: { file: context.file, path: at },
        },
      ];
    });
    functions.push({
      name: functionName,
      platform: 'fc3',
      codeDir: codeFolder(stringOrUndefined(code), isObject(props.code) ? `${path}.code.src` : `${path}.code`, context),
      codeField: isObject(props.code) ? `${path}.code.src` : `${path}.code`,
      // A custom runtime's server reads its handler only from a header, and the fc3 component sends `index.handler`
      // for one that has none (devsapp/fc3 src/subCommands/local/impl/baseLocal.ts getHandler; start-fc's custom/nodejs
      // template has none).
      handler: String(props.handler ?? (String(props.runtime ?? '').startsWith('custom') ? 'index.handler' : '')),
      runtime: String(props.runtime ?? ''),
      memorySize: numberSetting(props.memorySize, { file: context.file, path: `${path}.memorySize` }) ?? FC3_DEFAULTS.memorySize,
      timeout: numberSetting(props.timeout, { file: context.file, path: `${path}.timeout` }) ?? FC3_DEFAULTS.timeout,
      initializer: stringOrUndefined(hook('initializer').handler),
      initializationTimeout: numberOrUndefined(hook('initializer').timeout),
      preStop: stringOrUndefined(hook('preStop').handler),
      ...(logConfig.project === undefined && logConfig.logstore === undefined
        ? {}
        : { logConfig: { project: stringOrUndefined(logConfig.project), logstore: stringOrUndefined(logConfig.logstore) } }),
      environment: stringMap(props.environmentVariables),
      region: stringOrUndefined(props.region),
      ...instanceSettings('fc3', props, {}, { path, servicePath: path }, context),
      triggers,
      location: { file: context.file, path },
    });
    if (isObject(props.customDomain)) {
      customDomains.push({
        domainName: String(props.customDomain.domainName ?? 'auto'),
        protocol: String(props.customDomain.protocol ?? 'HTTP'),
        routes: routesOf(props.customDomain, `${path}.customDomain`, functionName, context),
        location: { file: context.file, path: `${path}.customDomain` },
      });
    }
  }
  return { functions, customDomains };
}
