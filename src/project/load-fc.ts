import { dirname, relative } from 'node:path';
import { codeFolder } from './code-location.js';
import { componentOf } from './components.js';
import { fcBuildEnvironment, fcBuildOutput } from './fc-build-output.js';
import type { Document, LoadContext } from './load.js';
import type { CustomDomain, ProjectFunction, ProjectTrigger } from './model.js';
import { instanceSettings } from './instance-settings.js';
import { FC2_KEYS, reportUnknownKeys } from './known-properties.js';
import { apiTriggerConfig, apiTriggerType } from './trigger-config.js';
import { listSetting, methodsIn, numberOrUndefined, numberSetting, stringMap, stringOrUndefined } from './values.js';
import { isJsonObject as isObject, objectIn } from '../io/json-values.js';

/** What the fc component deploys when props leave them out (devsapp/fc `src/entry-public-method/set-default-value.ts`). */
const FC_DEFAULTS = { runtime: 'nodejs10', handler: 'index.handler', memorySize: 128, timeout: 3 };

/** Serverless Devs `s.yaml` edition 1.0.0 with the fc 2.x component (devsapp/fc `docs/en/yaml`). */
export function loadFcTemplate(document: Document, context: LoadContext): { functions: ProjectFunction[]; customDomains: CustomDomain[] } {
  const functions: ProjectFunction[] = [];
  const customDomains: CustomDomain[] = [];
  for (const [name, entry] of Object.entries(objectIn(document.services))) {
    if (!isObject(entry)) continue;
    const props = objectIn(entry.props);
    const path = `services.${name}.props`;
    // `component: fc` (or devsapp/fc, fc-deploy): an FC 2.0 service and function per entry of `services`.
    if (componentOf(entry.component, props, `services.${name}`, context, { function: ['fc', 'fc-deploy'] }) !== 'function') continue;
    const service = objectIn(props.service);
    const fn = objectIn(props.function);
    reportUnknownKeys(props.service, { known: FC2_KEYS.service, what: 'service key', path: `${path}.service`, outcome: 'fc2-drops' }, context);
    reportUnknownKeys(props.function, { known: FC2_KEYS.function, what: 'function key', path: `${path}.function`, outcome: 'fc2-drops' }, context);
    const lifecycle = objectIn(fn.instanceLifecycleConfig);
    const triggers: ProjectTrigger[] = listSetting(props.triggers, { file: context.file, path: `${path}.triggers` }).flatMap((trigger, index) => {
      if (!isObject(trigger)) return [];
      const written = String(trigger.type ?? '');
      const type = apiTriggerType(written, 'fc');
      const config = apiTriggerConfig(type, trigger.config, false);
      if (type === 'http') methodsIn(config.methods, { file: context.file, path: `${path}.triggers[${index}].config.methods` });
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
    const logConfig = objectIn(service.logConfig);
    const serviceName = stringOrUndefined(service.name) ?? name;
    const functionName = String(fn.name ?? name);
    const runtime = String(fn.runtime ?? FC_DEFAULTS.runtime);
    const built = fcBuildOutput(dirname(context.file), serviceName, functionName, runtime);
    if (built)
      context.problems.push({
        kind: 'note',
        message: `s deploy deploys what s build left in ${relative(dirname(context.file), built)}, not codeUri, with the search paths fc-deploy adds for it: fc-sim runs that`,
        location: { file: context.file, path: `${path}.function.codeUri` },
      });
    const environment = stringMap(fn.environmentVariables);
    functions.push({
      name: functionName,
      service: serviceName,
      platform: 'fc2',
      codeDir: built ?? codeFolder(stringOrUndefined(fn.codeUri), `${path}.function.codeUri`, context),
      codeField: `${path}.function.codeUri`,
      handler: String(fn.handler ?? FC_DEFAULTS.handler),
      runtime,
      memorySize: numberSetting(fn.memorySize, { file: context.file, path: `${path}.function.memorySize` }) ?? FC_DEFAULTS.memorySize,
      timeout: numberSetting(fn.timeout, { file: context.file, path: `${path}.function.timeout` }) ?? FC_DEFAULTS.timeout,
      initializer: stringOrUndefined(fn.initializer),
      initializationTimeout: numberOrUndefined(fn.initializationTimeout),
      preStop: isObject(lifecycle.preStop) ? stringOrUndefined(lifecycle.preStop.handler) : undefined,
      preFreeze: isObject(lifecycle.preFreeze) ? stringOrUndefined(lifecycle.preFreeze.handler) : undefined,
      ...(isObject(service.logConfig) ? { logConfig: { project: stringOrUndefined(logConfig.project), logstore: stringOrUndefined(logConfig.logstore) } } : {}),
      environment: built ? fcBuildEnvironment(environment, runtime) : environment,
      region: stringOrUndefined(props.region),
      ...instanceSettings('fc', fn, service, { path: `${path}.function`, servicePath: `${path}.service` }, context),
      triggers,
      location: { file: context.file, path: `${path}.function` },
    });
    (Array.isArray(props.customDomains) ? props.customDomains : []).forEach((domain, index) => {
      if (!isObject(domain)) return;
      customDomains.push({
        domainName: String(domain.domainName ?? 'auto'),
        protocol: String(domain.protocol ?? 'HTTP'),
        routes: (Array.isArray(domain.routeConfigs) ? domain.routeConfigs : []).flatMap((route, routeIndex) => {
          if (!isObject(route)) return [];
          const methods = methodsIn(route.methods, { file: context.file, path: `${path}.customDomains[${index}].routeConfigs[${routeIndex}].methods` });
          return [
            {
              path: String(route.path ?? '/*'),
              service: stringOrUndefined(route.serviceName) ?? stringOrUndefined(service.name) ?? name,
              functionName: String(route.functionName ?? fn.name ?? name),
              ...(methods === undefined ? {} : { methods }),
              ...(route.qualifier === undefined ? {} : { qualifier: String(route.qualifier) }),
            },
          ];
        }),
        location: { file: context.file, path: `${path}.customDomains[${index}]` },
      });
    });
  }
  return { functions, customDomains };
}
