import { closestName } from '../closest-name.js';
import type { JsonSchema } from '../schema/catalog.js';
import { isJsonObject as isObject } from '../io/json-values.js';
import type { LoadContext } from './load.js';

/**
 * The keys Fun's `fun deploy` takes in a `template.yml`: its validation (funcraft `lib/validate/schema/*.js`, run before
 * every deploy that does not go through ROS) closes each of these objects, so any other key makes it refuse the whole
 * template ("Unexpected property"). `Globals` is AWS SAM's: Fun has none.
 * @see https://github.com/alibaba/funcraft/blob/master/docs/specs/2018-04-03.md
 */
export const FUN_KEYS = {
  template: ['ROSTemplateFormatVersion', 'Transform', 'Parameters', 'Resources'],
  service: ['Description', 'Role', 'Policies', 'InternetAccess', 'VpcConfig', 'LogConfig', 'NasConfig', 'TracingConfig'],
  functionResource: ['Type', 'Properties', 'Events'],
  function: [
    'Handler',
    'Initializer',
    'Runtime',
    'CodeUri',
    'Description',
    'Timeout',
    'InitializationTimeout',
    'EnvironmentVariables',
    'InstanceType',
    'InstanceLifecycleConfig',
    'AsyncConfiguration',
    'Layers',
    'MemorySize',
    'CAPort',
    'InstanceConcurrency',
    'CustomContainerConfig',
  ],
  event: ['Type', 'Properties'],
  /** An event's Properties, by its Type. */
  events: {
    Timer: ['InvocationRole', 'Payload', 'CronExpression', 'Enable', 'Qualifier'],
    HTTP: ['InvocationRole', 'AuthType', 'Methods', 'Qualifier'],
    OSS: ['InvocationRole', 'Events', 'BucketName', 'Filter', 'Qualifier', 'events', 'bucketName', 'filter', 'qualifier'],
    Log: ['InvocationRole', 'SourceConfig', 'JobConfig', 'LogConfig', 'FunctionParameter', 'Enable', 'Qualifier'],
    RDS: ['InvocationRole', 'InstanceId', 'SubscriptionObjects', 'Retry', 'Concurrency', 'EventFormat', 'Qualifier'],
    MNSTopic: ['InvocationRole', 'TopicName', 'Region', 'NotifyContentFormat', 'NotifyStrategy', 'FilterTag', 'Qualifier'],
    TableStore: ['InvocationRole', 'InstanceName', 'TableName', 'Qualifier'],
    CDN: ['InvocationRole', 'EventName', 'EventVersion', 'Notes', 'Filter', 'Qualifier'],
    Datahub: ['Topic', 'StartingPosition', 'BatchSize', 'Qualifier'],
    Api: ['Path', 'Method', 'RestApiId', 'Qualifier'],
  } as Readonly<Record<string, readonly string[]>>,
} as const;

/**
 * What Fun's validation requires where fc-sim's own checks (the trigger-config schemas, the runtime and handler
 * rules) would not say it: a function's code, and an MNS topic event's topic.
 */
export const FUN_REQUIRED = {
  /** Not of a `custom-container` function, which takes its CustomContainerConfig instead. */
  function: ['CodeUri'],
  events: { MNSTopic: ['TopicName'] } as Readonly<Record<string, readonly string[]>>,
} as const;

/**
 * The props the fc3 component takes for a function (devsapp/fc3 `src/interface` IProps, its `schema.json`, and the
 * `customDomain` its own end-to-end projects write). The component only logs its schema check at debug level and builds
 * the FC request from the keys it knows, so any other key is dropped without a word: FC deploys without it.
 */
export const FC3_KEYS = {
  function: [
    'region',
    'functionName',
    'description',
    'runtime',
    'handler',
    'code',
    'cpu',
    'memorySize',
    'diskSize',
    'timeout',
    'instanceConcurrency',
    'environmentVariables',
    'initializer',
    'initializationTimeout',
    'instanceLifecycleConfig',
    'customRuntimeConfig',
    'customContainerConfig',
    'customDNS',
    'gpuConfig',
    'layers',
    'logConfig',
    'nasConfig',
    'ossMountConfig',
    'vpcConfig',
    'role',
    'tracingConfig',
    'internetAccess',
    'instanceIsolationMode',
    'sessionAffinity',
    'sessionAffinityConfig',
    'enableLongLiving',
    'resourceGroupId',
    'tags',
    'triggers',
    'asyncInvokeConfig',
    'concurrencyConfig',
    'provisionConfig',
    'scalingConfig',
    'vpcBinding',
    'customDomain',
    'endpoint',
    'supplement',
    'annotations',
    'buildDir',
  ],
  trigger: ['triggerName', 'triggerType', 'triggerConfig', 'description', 'invocationRole', 'qualifier', 'sourceArn'],
} as const;

/**
 * The keys the fc 2.x component's deployer takes for a service and a function (devsapp/fc-deploy `src/lib/fc/
 * service.ts` ServiceConfig, `function.ts` FunctionConfig): it builds FC's request from these, so any other key
 * (`Timeout` for `timeout`, Fun's `cAPort` for `caPort`, both in public sample projects) deploys the default.
 */
export const FC2_KEYS = {
  service: [
    'name',
    'serviceName',
    'description',
    'internetAccess',
    'logConfig',
    'role',
    'vpcConfig',
    'nasConfig',
    'ossMountConfig',
    'tracingConfig',
    'vpcBinding',
    'import',
    'protect',
  ],
  function: [
    'name',
    'functionName',
    'serviceName',
    'description',
    'codeUri',
    'ossBucket',
    'ossKey',
    'caPort',
    'customRuntimeConfig',
    'customHealthCheckConfig',
    'customContainerConfig',
    'handler',
    'memorySize',
    'gpuMemorySize',
    'runtime',
    'timeout',
    'layers',
    'cpu',
    'diskSize',
    'environmentVariables',
    'initializationTimeout',
    'initializer',
    'instanceConcurrency',
    'instanceSoftConcurrency',
    'instanceType',
    'import',
    'protect',
    'instanceLifecycleConfig',
    'asyncConfiguration',
    'customDNS',
  ],
} as const;

/** What happens to a key nobody takes: Fun refuses the template; the fc3 or fc component, or FC, drops the key. */
export type UnknownKeyOutcome = 'fun-refuses' | 'fc3-drops' | 'fc2-drops' | 'fc-drops';

const OUTCOME: Readonly<Record<UnknownKeyOutcome, { tool: string; effect: string }>> = {
  'fun-refuses': { tool: 'Fun', effect: '`fun deploy` refuses the template ("Unexpected property")' },
  'fc3-drops': { tool: 'the fc3 component', effect: 'the component drops it without a word, and FC deploys without it' },
  'fc2-drops': { tool: 'the fc component', effect: 'fc-deploy, which deploys it, drops it without a word, and FC deploys without it' },
  'fc-drops': { tool: 'FC', effect: "FC's API defines no such key, so the trigger is deployed without it" },
};

/** Where a written object is, what it is, and the keys the tool reading it takes. */
export interface KeySet {
  known: readonly string[];
  /** What the object is, for the message: `function property`, `timer triggerConfig key`. */
  what: string;
  /** Where the object is in the project file (`''` for the file's top level). */
  path: string;
  outcome: UnknownKeyOutcome;
  /** The fix for a key that is a known mistake rather than a typo. */
  advice?: Readonly<Record<string, string>>;
}

/**
 * Reports each key of `written` that is not among the known ones, with the key probably meant: a typo such as
 * `memorySzie` makes FC deploy the default (fc3) or Fun refuse the template, while the project reads as intended. FC's
 * own keys are matched without case: whether FC's decoding tells `Enable` from `enable` is not documented, so only a
 * key no known key matches in any case is reported.
 */
export function reportUnknownKeys(written: unknown, keys: KeySet, context: LoadContext): void {
  if (!isObject(written)) return;
  const { known, what, path, outcome, advice = {} } = keys;
  const { tool, effect } = OUTCOME[outcome];
  const lowerKnown = outcome === 'fc-drops' ? known.map((key) => key.toLowerCase()) : [];
  for (const key of Object.keys(written)) {
    if (known.includes(key) || lowerKnown.includes(key.toLowerCase())) continue;
    const meant = closestName(key, known);
    context.problems.push({
      kind: 'unknown-property',
      stopsDeploy: outcome === 'fun-refuses',
      message: `${key} is no ${what} ${tool} knows${meant ? ` (did you mean ${meant}?)` : ''}: ${effect}`,
      fix: advice[key] ?? (meant ? `rename it ${meant}` : `remove it, or use one of: ${known.join(', ')}`),
      location: { file: context.file, path: path ? `${path}.${key}` : key },
    });
  }
}

/** The keys a trigger-config schema names: at its top level and in its conditional branches (one per source). */
export function schemaKeys(schema: JsonSchema): string[] {
  const keys = new Set<string>();
  const collect = (part: unknown): void => {
    if (!isObject(part)) return;
    for (const key of Object.keys(isObject(part.properties) ? part.properties : {})) keys.add(key);
    for (const branch of [...(Array.isArray(part.allOf) ? part.allOf : []), part.then, part.else]) collect(branch);
  };
  collect(schema);
  return [...keys];
}

/** Reports each of `required` that `written` lacks, where Fun's validation refuses the template for it. */
export function reportMissingFunKeys(written: unknown, required: readonly string[], what: string, path: string, context: LoadContext): void {
  const object = isObject(written) ? written : {};
  for (const key of required) {
    if (object[key] !== undefined) continue;
    context.problems.push({
      kind: 'missing-property',
      stopsDeploy: true,
      message: `${what} has no ${key}: \`fun deploy\` refuses the template ("Missing property ${key}")`,
      fix: `write ${key} into ${path}`,
      location: { file: context.file, path },
    });
  }
}
