import { resolve } from 'node:path';
import type { Document, LoadContext } from './load.js';
import type { CustomDomain, ProjectFunction, ProjectTrigger } from './model.js';
import { apiTriggerConfig, apiTriggerType } from './trigger-config.js';
import { numberOrUndefined, stringMap, stringOrUndefined } from './values.js';
import { isJsonObject as isObject, objectIn } from '../io/json-values.js';

/** `component: fc` (or devsapp/fc, fc-deploy): an FC 2.0 service and function per entry of `services`. */
const isFcComponent = (component: unknown) => typeof component === 'string' && /(^|\/)(fc|fc-deploy)(@.*)?$/.test(component);

/** Serverless Devs `s.yaml` edition 1.0.0 with the fc 2.x component (devsapp/fc `docs/en/yaml`). */
export function loadFcTemplate(document: Document, context: LoadContext): { functions: ProjectFunction[]; customDomains: CustomDomain[] } {
  const functions: ProjectFunction[] = [];
  const customDomains: CustomDomain[] = [];
  for (const [name, entry] of Object.entries(objectIn(document.services))) {
    if (!isObject(entry) || !isFcComponent(entry.component)) continue;
    const props = objectIn(entry.props);
    const path = `services.${name}.props`;
    const service = objectIn(props.service);
    const fn = objectIn(props.function);
    const lifecycle = objectIn(fn.instanceLifecycleConfig);
    const triggers: ProjectTrigger[] = (Array.isArray(props.triggers) ? props.triggers : []).flatMap((trigger, index) => {
      if (!isObject(trigger)) return [];
      const written = String(trigger.type ?? '');
      const type = apiTriggerType(written, 'fc');
      const config = apiTriggerConfig(type, trigger.config, false);
      return [
        {
          name: String(trigger.name ?? `${type}-${index}`),
          type,
          config,
          ...(trigger.sourceArn === undefined ? {} : { sourceArn: String(trigger.sourceArn) }),
          ...(trigger.qualifier === undefined ? {} : { qualifier: String(trigger.qualifier) }),
          location: { file: context.file, path: `${path}.triggers[${index}]` },
        },
      ];
    });
    functions.push({
      name: String(fn.name ?? name),
      service: stringOrUndefined(service.name) ?? name,
      codeDir: resolve(context.root, stringOrUndefined(fn.codeUri) ?? '.'),
      handler: String(fn.handler ?? ''),
      runtime: String(fn.runtime ?? ''),
      memorySize: numberOrUndefined(fn.memorySize),
      timeout: numberOrUndefined(fn.timeout),
      initializer: stringOrUndefined(fn.initializer),
      initializationTimeout: numberOrUndefined(fn.initializationTimeout),
      preStop: isObject(lifecycle.preStop) ? stringOrUndefined(lifecycle.preStop.handler) : undefined,
      environment: stringMap(fn.environmentVariables),
      region: stringOrUndefined(props.region),
      triggers,
      location: { file: context.file, path: `${path}.function` },
    });
    (Array.isArray(props.customDomains) ? props.customDomains : []).forEach((domain, index) => {
      if (!isObject(domain)) return;
      customDomains.push({
        domainName: String(domain.domainName ?? 'auto'),
        protocol: String(domain.protocol ?? 'HTTP'),
        routes: (Array.isArray(domain.routeConfigs) ? domain.routeConfigs : []).filter(isObject).map((route) => ({
          path: String(route.path ?? '/*'),
          service: stringOrUndefined(route.serviceName) ?? stringOrUndefined(service.name) ?? name,
          functionName: String(route.functionName ?? fn.name ?? name),
          ...(Array.isArray(route.methods) ? { methods: route.methods.map(String) } : {}),
          ...(route.qualifier === undefined ? {} : { qualifier: String(route.qualifier) }),
        })),
        location: { file: context.file, path: `${path}.customDomains[${index}]` },
      });
    });
  }
  return { functions, customDomains };
}
