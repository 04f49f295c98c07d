import type { Platform } from '../runtime/runtimes.js';

/**
 * One model of an FC project, whichever tool's file it comes from (Fun `template.yml`, Serverless Devs `s.yaml`
 * with the `fc` 2.x or the `fc3` component): functions with their settings and triggers, and custom domains.
 */

/**
 * Which file format a project was read from: Fun's `template.yml`, or Serverless Devs' `s.yaml` with the `fc` 2.x
 * or the `fc3` component.
 *
 * @see README.md#your-project-ls-lint-test-serve
 */
export type ProjectFormat = 'fun' | 'fc' | 'fc3';

/** Where in the project file something was written: for messages that point at it. */
export interface Location {
  file: string;
  /** A path into the document, e.g. `resources.hello.props.triggers[0]`. */
  path: string;
}

/**
 * One trigger of a project function, its config in the FC API's shape whatever the tool's spelling.
 *
 * @example
 * ```ts
 * const [trigger]: ProjectTrigger[] = loadProject('.').functions[0]?.triggers ?? [];
 * if (trigger?.type === 'oss') console.log(trigger.name, trigger.sourceArn, trigger.config.events);
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-struct-createtriggerinput
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface ProjectTrigger {
  name: string;
  /** The FC API trigger type: oss, timer, mns_topic, log, cdn_events, http, tablestore, eventbridge; anything else is kept as written (lint reports it). */
  type: string;
  /** `triggerConfig` in the FC API / fc3 shape (camelCase; `filter.key.prefix`), as schemas/trigger-config describes it. */
  config: Record<string, unknown>;
  sourceArn?: string;
  qualifier?: string;
  location: Location;
}

/**
 * One function of a project: its code, handler and settings, and its triggers.
 *
 * @example
 * ```ts
 * const functions: ProjectFunction[] = loadProject('.').functions;
 * for (const fn of functions) {
 *   const result = await invoke(fn.handler, buildTimerEvent(), { codeDir: fn.codeDir, timeout: fn.timeout ?? 3, environment: fn.environment });
 * }
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/developer-reference/api-fc-2023-03-30-struct-function
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface ProjectFunction {
  name: string;
  /** FC 2.0 service; FC 3.0 has none. */
  service?: string;
  /** Where the function is deployed: `fc2` for Fun and fc 2.x projects, `fc3` for fc3 ones, on every runtime. */
  platform: Platform;
  /** Absolute path of the code folder. */
  codeDir: string;
  /** Where the code path is set, e.g. `resources.api.props.code`: messages about the code folder point there. */
  codeField?: string;
  handler: string;
  /** As written (lint checks it is a runtime FC has). */
  runtime: string;
  memorySize?: number;
  timeout?: number;
  initializer?: string;
  initializationTimeout?: number;
  preStop?: string;
  /** FC 2.0's PreFreeze hook (fc 2.x `instanceLifecycleConfig.preFreeze`, Fun `InstanceLifecycleConfig.PreFreeze`). */
  preFreeze?: string;
  /** Where the function's logs go: `context.service.logProject` / `logStore`. */
  logConfig?: { project?: string; logstore?: string };
  environment: Record<string, string>;
  region?: string;
  /**
   * A custom runtime's server (runtime `custom`, `custom.debian10`, …): the command and args FC starts in the code
   * folder (default `./bootstrap`), and the port it listens on (default 9000).
   */
  customRuntimeConfig?: CustomRuntimeConfig;
  /** How many requests one instance takes at once (default 1). */
  instanceConcurrency?: number;
  /** Layer ARNs, in the order FC extracts them into /opt (a later layer's files win). */
  layers?: string[];
  /** NAS file systems FC mounts into the instance: each mount's path inside the function (`/mnt/auto`). */
  nasMounts?: NasMount[];
  triggers: ProjectTrigger[];
  location: Location;
}

/**
 * How FC starts a custom runtime's server: `command` and `args` in the code folder, listening on `port`.
 *
 * @example
 * ```ts
 * const config: CustomRuntimeConfig = { command: ['node'], args: ['index.js'], port: 9000 };
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-struct-customruntimeconfig
 * @see README.md#custom-runtimes
 */
export interface CustomRuntimeConfig {
  /** Empty: FC runs `bootstrap` in the code folder. */
  command: string[];
  args: string[];
  port: number;
}

/**
 * One NAS mount of a function: the file system (`serverAddr`) and where the function sees it (`mountDir`).
 *
 * @example
 * ```ts
 * const mount: NasMount = { serverAddr: '0c2d-xx.cn-hangzhou.nas.aliyuncs.com:/fc', mountDir: '/mnt/auto' };
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-struct-nasmountconfig
 * @see README.md#layers-and-nas
 */
export interface NasMount {
  serverAddr?: string;
  mountDir: string;
}

/**
 * One route of a custom domain: a path (`/api/*`) to a function.
 *
 * @example
 * ```ts
 * const routes: CustomDomainRoute[] = loadProject('.').customDomains.flatMap((domain) => domain.routes);
 * const api = routes.find((route) => route.path === '/api/*')?.functionName;
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface CustomDomainRoute {
  /** `/a`, `/a/*`, `/*` */
  path: string;
  service?: string;
  functionName: string;
  methods?: string[];
  qualifier?: string;
}

/**
 * A custom domain of a project and its routes; `fc-sim serve` serves them at `/`.
 *
 * @example
 * ```ts
 * const domains: CustomDomain[] = loadProject('.').customDomains;
 * for (const domain of domains) console.log(domain.domainName, domain.routes.map((route) => route.path));
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface CustomDomain {
  domainName: string;
  protocol: string;
  routes: CustomDomainRoute[];
  location: Location;
}

/**
 * Something the loader could not do: a variable it cannot resolve, a part it does not understand.
 *
 * @example
 * ```ts
 * const problems: ProjectProblem[] = loadProject('.').problems;
 * for (const { message, location } of problems) console.warn(`${location.file} ${location.path}: ${message}`);
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface ProjectProblem {
  message: string;
  location: Location;
  /**
   * `unresolved-variable`: a `${…}` left as written; `variable-stops-deploy`: one `s` itself cannot resolve, so
   * `s deploy` stops there (left as written here too); `unknown-part`: something fc-sim does not read (a component, a
   * resource type, a code location); `unknown-property`: a key the tool does not take (a typo), see `stopsDeploy`;
   * `missing-property`: a key the tool requires (Fun's CodeUri), see `stopsDeploy`;
   * `note`: read, with a stand-in worth knowing (lint leaves notes out). Absent means `unresolved-variable`.
   */
  kind?: 'unresolved-variable' | 'variable-stops-deploy' | 'unknown-part' | 'unknown-property' | 'missing-property' | 'note';
  /** `unknown-property`, `missing-property`: the tool refuses the whole file for it (Fun), rather than dropping the key (fc3). */
  stopsDeploy?: boolean;
  /** How to fix it, when the loader knows better than lint's fix for the kind. */
  fix?: string;
}

/**
 * One FC project whichever tool's file it comes from: its functions, custom domains, and what could not be read.
 *
 * @example
 * ```ts
 * const project: Project = loadProject('template.yml');
 * console.log(project.format, project.functions.length, project.customDomains.length);
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface Project {
  format: ProjectFormat;
  /** Absolute path of the project file. */
  file: string;
  /** Its folder: code paths are relative to it. */
  root: string;
  functions: ProjectFunction[];
  customDomains: CustomDomain[];
  problems: ProjectProblem[];
}
