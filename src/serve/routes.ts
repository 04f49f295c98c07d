import type { HttpMethod } from '../triggers/http/build.js';
import { allowedMethods, HTTP_METHODS } from '../triggers/http/methods.js';
import { isHttpTriggerType } from '../triggers/modules.js';
import type { CustomDomainRoute, Project, ProjectFunction, ProjectTrigger } from '../project/model.js';

/**
 * Where `fc-sim serve` answers, for one project on one port:
 *
 * - FC 2.0 functions (those with a service): `/2016-08-15/proxy/<service>[.<qualifier>]/<function>/<path…>`, FC 2.0's
 *   own HTTP trigger URL; the function sees `/<path…>`, as under `fun local start` (runtime.md §6.2).
 * - FC 3.0 functions (no service): `/2023-03-30/functions/<function>/<path…>`. FC 3.0 gives each trigger its own
 *   host (`<trigger-id>.<region>.fcapp.run`) where the function sees the whole path; fc-sim puts them under one
 *   prefix on one port instead, and the function sees `/<path…>`, as it would on its own host.
 * - Each served function also on a host of its own, as FC gives each HTTP trigger one: `<function>.localhost` (FC 2.0:
 *   `<function>.<service>.localhost`), where the function sees the whole path, so that the root-relative links,
 *   redirects and endpoints a web app or an MCP server answers with lead back to it. Browsers and curl resolve
 *   `*.localhost` to the loopback address; other clients send the Host header.
 * - The project's custom-domain routes, at `/` of the server: the function sees the whole path, as behind a custom
 *   domain. A request whose Host names one of the domains uses that domain's routes; any other host uses the routes
 *   of every domain (the first domain wins where two route the same path). An exact path (`/a`) wins over a
 *   wildcard; among wildcards (`/a/*` matches `/a` and everything under `/a/`) the longest wins; `/*` matches all.
 *
 * Only functions with an HTTP trigger are served, and FC 3.0 functions a custom domain routes to (see
 * {@link domainOnly}). Allowed methods: the trigger's (and, on a route with its own methods, only those of both).
 */
export const FC2_PROXY_PREFIX = '/2016-08-15/proxy/';
export const FC3_FUNCTIONS_PREFIX = '/2023-03-30/functions/';

export type ServedMethod = HttpMethod;

export type AuthType = 'anonymous' | 'function' | 'jwt';

/** A function with an HTTP trigger, as served. */
export interface ServedFunction {
  fn: ProjectFunction;
  /** `service/function`, or `function` for FC 3.0: unique in a project. */
  key: string;
  trigger: ProjectTrigger;
  methods: ServedMethod[];
  authType: AuthType;
  /** Its own URL's path: the FC 2.0 proxy path or the FC 3.0 prefix, ending with `/`. */
  basePath: string;
}

export interface DomainRoute {
  domainName: string;
  path: string;
  /** Undefined when the route names a function the project does not serve (no such function, or no HTTP trigger). */
  target: ServedFunction | undefined;
  functionName: string;
  methods: ServedMethod[] | undefined;
}

export interface RouteTable {
  functions: ServedFunction[];
  routes: DomainRoute[];
  /** Functions without an HTTP trigger (not served), and routes that lead nowhere: said once at start. */
  notes: string[];
}

/** What a request is for. */
export type RouteMatch =
  | {
      kind: 'function';
      served: ServedFunction;
      /** The path the function sees, still percent-encoded, starting with `/`. */
      functionPath: string;
      methods: ServedMethod[];
      /** How it was reached, for the access log: `proxy`, `functions` or the custom domain's route. */
      via: string;
    }
  | { kind: 'not-found'; errorCode: string; message: string };

const encodeSegment = (text: string) => encodeURIComponent(text);

export function functionKey(fn: Pick<ProjectFunction, 'name' | 'service'>): string {
  return fn.service ? `${fn.service}/${fn.name}` : fn.name;
}

function authTypeOf(trigger: ProjectTrigger): AuthType {
  const value = String(trigger.config.authType ?? 'anonymous').toLowerCase();
  return value === 'function' || value === 'jwt' ? value : 'anonymous';
}

/**
 * The HTTP trigger a function's local URL stands for: the one on LATEST (no qualifier, or `LATEST`), since the local
 * code is what LATEST runs; another qualifier's trigger (devsapp/fc3's e2e trigger/http project puts an authType
 * function trigger on alias `test` first, its anonymous one on LATEST) only when it is the function's only one.
 */
function httpTriggerOf(fn: ProjectFunction): ProjectTrigger | undefined {
  const triggers = fn.triggers.filter((candidate) => isHttpTriggerType(candidate.type));
  return triggers.find((trigger) => trigger.qualifier === undefined || trigger.qualifier.toUpperCase() === 'LATEST') ?? triggers[0];
}

function served(fn: ProjectFunction): ServedFunction | undefined {
  const trigger = httpTriggerOf(fn);
  if (!trigger) return undefined;
  const basePath = fn.service
    ? `${FC2_PROXY_PREFIX}${encodeSegment(fn.service)}/${encodeSegment(fn.name)}/`
    : `${FC3_FUNCTIONS_PREFIX}${encodeSegment(fn.name)}/`;
  return { fn, key: functionKey(fn), trigger, methods: allowedMethods(trigger.config), authType: authTypeOf(trigger), basePath };
}

/**
 * An FC 3.0 function without an HTTP trigger that a custom domain routes to: FC 3.0 routes a domain to any function
 * (its custom-domain guide asks for "a function or an application", where FC 2.0's says requests from a custom domain
 * "can only trigger HTTP functions"; devsapp/start-fc's fc-custom-domain template routes `/a` to a function with no
 * trigger). It gets the HTTP trigger's event, with no trigger auth to pass; it has no trigger URL of its own.
 */
function domainOnly(fn: ProjectFunction): ServedFunction {
  const trigger: ProjectTrigger = { name: 'custom-domain', type: 'http', config: { authType: 'anonymous' }, location: fn.location };
  return { fn, key: functionKey(fn), trigger, methods: allowedMethods(trigger.config), authType: 'anonymous', basePath: '' };
}

function routeMethods(route: CustomDomainRoute, target: ServedFunction | undefined): ServedMethod[] | undefined {
  if (!route.methods || route.methods.length === 0) return target?.methods;
  const upper = new Set(route.methods.map((method) => method.toUpperCase()));
  return (target?.methods ?? [...HTTP_METHODS]).filter((method) => upper.has(method));
}

export function buildRouteTable(project: Project): RouteTable {
  const functions: ServedFunction[] = [];
  const notes: string[] = [];
  for (const fn of project.functions) {
    const entry = served(fn);
    if (entry) functions.push(entry);
  }
  const routes: DomainRoute[] = [];
  const byDomainOnly = new Map<ProjectFunction, ServedFunction>();
  for (const domain of project.customDomains) {
    for (const route of domain.routes) {
      const named = (fn: ProjectFunction) => fn.name === route.functionName && (route.service === undefined || fn.service === route.service);
      let target = functions.find((entry) => named(entry.fn));
      const routed = target ? undefined : project.functions.find((fn) => named(fn) && fn.platform === 'fc3');
      if (routed) {
        target = byDomainOnly.get(routed) ?? domainOnly(routed);
        byDomainOnly.set(routed, target);
      }
      if (!target) {
        const exists = project.functions.some(named);
        notes.push(
          `custom domain ${domain.domainName} ${route.path}: ${route.service ? `${route.service}/` : ''}${route.functionName} ${exists ? 'has no HTTP trigger' : 'is not a function of the project'}; requests there get 404`,
        );
      }
      routes.push({
        domainName: domain.domainName,
        path: route.path.startsWith('/') ? route.path : `/${route.path}`,
        target,
        functionName: route.functionName,
        methods: routeMethods(route, target),
      });
    }
  }
  const unserved = project.functions.filter((fn) => !fn.triggers.some((trigger) => isHttpTriggerType(trigger.type)) && !byDomainOnly.has(fn)).map(functionKey);
  if (unserved.length > 0) notes.unshift(`not served (no HTTP trigger): ${unserved.join(', ')}`);
  return { functions, routes, notes };
}

/** How well a route path matches a (decoded) request path: undefined when it does not, higher is better. */
function routeScore(routePath: string, path: string): number | undefined {
  if (routePath.endsWith('/*')) {
    const prefix = routePath.slice(0, -2);
    if (path === prefix || path.startsWith(`${prefix}/`) || (prefix === '' && path.startsWith('/'))) return prefix.length * 2;
    return undefined;
  }
  if (routePath === '*' || routePath === '/*') return 0;
  return path === routePath ? Number.MAX_SAFE_INTEGER : undefined;
}

function decoded(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

function matchProxy(table: RouteTable, pathname: string, prefix: string, fc2: boolean): RouteMatch {
  const rest = pathname.slice(prefix.length);
  const segments = rest.split('/');
  const count = fc2 ? 2 : 1;
  const names = segments.slice(0, count).map((segment) => decoded(segment) ?? segment);
  const functionPath = `/${segments.slice(count).join('/')}`;
  if (fc2) {
    // `<service>.<qualifier>`: one version of the code here, whatever the qualifier.
    const service = (names[0] ?? '').replace(/\.[^.]*$/, '');
    const name = names[1] ?? '';
    const fn = table.functions.find((entry) => entry.fn.service === service && entry.fn.name === name);
    if (fn) return { kind: 'function', served: fn, functionPath, methods: fn.methods, via: 'proxy' };
    if (!table.functions.some((entry) => entry.fn.service === service))
      return { kind: 'not-found', errorCode: 'ServiceNotFound', message: `service '${service}' has no function with an HTTP trigger in this project` };
    return {
      kind: 'not-found',
      errorCode: 'FunctionNotFound',
      message: `function '${name}' of service '${service}' is not in this project or has no HTTP trigger`,
    };
  }
  const name = names[0] ?? '';
  const fn = table.functions.find((entry) => entry.fn.service === undefined && entry.fn.name === name);
  if (fn) return { kind: 'function', served: fn, functionPath, methods: fn.methods, via: 'functions' };
  return { kind: 'not-found', errorCode: 'FunctionNotFound', message: `function '${name}' is not an FC 3.0 function of this project with an HTTP trigger` };
}

/**
 * The host a served function has to itself: `<function>.localhost`, or `<function>.<service>.localhost` (FC 2.0);
 * none for a function only a custom domain reaches (no trigger URL of its own).
 */
export function ownHost(served: ServedFunction): string | undefined {
  if (served.basePath === '') return undefined;
  return `${served.fn.name}${served.fn.service ? `.${served.fn.service}` : ''}.localhost`.toLowerCase();
}

/** The function a request goes to: by its percent-encoded pathname and its Host header. */
export function matchRoute(table: RouteTable, pathname: string, host?: string): RouteMatch {
  const hostname = host?.replace(/:\d+$/, '').toLowerCase();
  // A custom domain of the project named *.localhost keeps its routes.
  if (hostname?.endsWith('.localhost') && !table.routes.some((route) => route.domainName.toLowerCase() === hostname)) {
    const own = table.functions.find((entry) => ownHost(entry) === hostname);
    if (own) return { kind: 'function', served: own, functionPath: pathname, methods: own.methods, via: hostname };
  }
  if (pathname.startsWith(FC2_PROXY_PREFIX)) return matchProxy(table, pathname, FC2_PROXY_PREFIX, true);
  if (pathname.startsWith(FC3_FUNCTIONS_PREFIX)) return matchProxy(table, pathname, FC3_FUNCTIONS_PREFIX, false);
  const path = decoded(pathname) ?? pathname;
  const own = table.routes.filter((route) => route.domainName.toLowerCase() === hostname);
  const candidates = own.length > 0 ? own : table.routes;
  let best: { route: DomainRoute; score: number } | undefined;
  for (const route of candidates) {
    const score = routeScore(route.path, path);
    if (score !== undefined && (best === undefined || score > best.score)) best = { route, score };
  }
  if (!best) {
    const known = table.routes.length > 0 ? `; routes: ${table.routes.map((route) => route.path).join(', ')}` : '';
    return {
      kind: 'not-found',
      errorCode: 'PathNotFound',
      message: `no route for ${path}: use ${FC2_PROXY_PREFIX}<service>/<function>/… or ${FC3_FUNCTIONS_PREFIX}<function>/…${known}`,
    };
  }
  const { route } = best;
  if (!route.target)
    return {
      kind: 'not-found',
      errorCode: 'FunctionNotFound',
      message: `route ${route.path} of ${route.domainName} goes to ${route.functionName}, which this project does not serve (no such function, or no HTTP trigger)`,
    };
  return {
    kind: 'function',
    served: route.target,
    functionPath: pathname,
    methods: route.methods ?? route.target.methods,
    via: `${route.domainName}${route.path}`,
  };
}
