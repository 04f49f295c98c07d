/**
 * The URL scheme of `fc-sim serve`, without a server: which function a path goes to and what path it sees.
 */
import { describe, expect, it } from 'vitest';
import type { Project, ProjectFunction } from '../../src/project/model.js';
import type { RouteMatch } from '../../src/serve/routes.js';
import { buildRouteTable, matchRoute } from '../../src/serve/routes.js';

const location = { file: '/p/s.yaml', path: '' };

function fn(name: string, extra: Partial<ProjectFunction> & { http?: boolean; methods?: string[] } = {}): ProjectFunction {
  const { http = true, methods = ['GET'], ...rest } = extra;
  return {
    name,
    codeDir: '/p/code',
    handler: `index.${name}`,
    runtime: 'nodejs20',
    platform: rest.service ? 'fc2' : 'fc3',
    environment: {},
    location,
    triggers: http
      ? [{ name: 'http', type: 'http', config: { authType: 'anonymous', methods }, location }]
      : [{ name: 't', type: 'timer', config: {}, location }],
    ...rest,
  };
}

const project: Project = {
  format: 'fc3',
  file: '/p/s.yaml',
  root: '/p',
  functions: [fn('a'), fn('b', { methods: ['GET', 'POST', 'PUT'] }), fn('exact'), fn('all'), fn('timer', { http: false }), fn('other')],
  customDomains: [
    {
      domainName: 'one.example.com',
      protocol: 'HTTP',
      location,
      routes: [
        { path: '/a/*', functionName: 'a' },
        { path: '/a/b/*', functionName: 'b', methods: ['POST', 'DELETE'] },
        { path: '/a/b/exact', functionName: 'exact' },
        { path: '/*', functionName: 'all' },
        { path: '/t/*', functionName: 'timer' },
      ],
    },
    { domainName: 'two.example.com', protocol: 'HTTP', location, routes: [{ path: '/a/*', functionName: 'other' }] },
  ],
  problems: [],
};

const table = buildRouteTable(project);
const target = (match: RouteMatch) => (match.kind === 'function' ? [match.served.key, match.functionPath] : [match.errorCode]);

describe('custom-domain routes', () => {
  it('takes an exact path first, then the longest wildcard, then /*', () => {
    expect(target(matchRoute(table, '/a/b/exact'))).toEqual(['exact', '/a/b/exact']);
    expect(target(matchRoute(table, '/a/b/exactly'))).toEqual(['b', '/a/b/exactly']);
    expect(target(matchRoute(table, '/a/b'))).toEqual(['b', '/a/b']);
    expect(target(matchRoute(table, '/a/x'))).toEqual(['a', '/a/x']);
    expect(target(matchRoute(table, '/a'))).toEqual(['a', '/a']);
    expect(target(matchRoute(table, '/ab'))).toEqual(['all', '/ab']);
    expect(target(matchRoute(table, '/'))).toEqual(['all', '/']);
  });

  it("uses only the Host's domain when the Host names one, else every domain (the first wins)", () => {
    expect(target(matchRoute(table, '/a/x', 'two.example.com:9000'))).toEqual(['other', '/a/x']);
    expect(target(matchRoute(table, '/a/x', 'localhost:9000'))).toEqual(['a', '/a/x']);
    expect(matchRoute(table, '/zzz', 'two.example.com').kind).toBe('not-found');
  });

  it('allows the methods of both the route and the trigger', () => {
    const match = matchRoute(table, '/a/b/c');
    expect(match.kind === 'function' && match.methods).toEqual(['POST']);
  });

  it('FC 3.0: routes to a function without an HTTP trigger too (no trigger URL of its own); FC 2.0: 404, noted', () => {
    expect(target(matchRoute(table, '/t/1'))).toEqual(['timer', '/t/1']);
    expect(table.notes).toEqual([]);
    expect(target(matchRoute(table, '/2023-03-30/functions/timer/'))).toEqual(['FunctionNotFound']);
    const fc2 = buildRouteTable({
      ...project,
      format: 'fc',
      functions: [fn('job', { service: 'svc', http: false })],
      customDomains: [{ domainName: 'auto', protocol: 'HTTP', location, routes: [{ path: '/j/*', functionName: 'job', service: 'svc' }] }],
    });
    expect(fc2.notes).toEqual(['not served (no HTTP trigger): svc/job', 'custom domain auto /j/*: svc/job has no HTTP trigger; requests there get 404']);
    expect(target(matchRoute(fc2, '/j/1'))).toEqual(['FunctionNotFound']);
  });

  it("a function's URL stands for its LATEST HTTP trigger, whatever the order (devsapp/fc3 e2e trigger/http)", () => {
    const trigger = (name: string, authType: string, qualifier?: string) => ({
      name,
      type: 'http',
      config: { authType, methods: ['GET'] },
      location,
      ...(qualifier ? { qualifier } : {}),
    });
    const two = fn('two', { triggers: [trigger('t2', 'function', 'test'), trigger('t', 'anonymous')] });
    const only = fn('only', { triggers: [trigger('t2', 'function', 'test')] });
    const served = buildRouteTable({ ...project, functions: [two, only], customDomains: [] }).functions;
    expect(served.map((entry) => [entry.key, entry.trigger.name, entry.authType])).toEqual([
      ['two', 't', 'anonymous'],
      ['only', 't2', 'function'],
    ]);
  });
});

describe('function URLs', () => {
  it('FC 3.0: /2023-03-30/functions/<function>/<path>, the function sees /<path>', () => {
    expect(target(matchRoute(table, '/2023-03-30/functions/b/x/y%20z'))).toEqual(['b', '/x/y%20z']);
    expect(target(matchRoute(table, '/2023-03-30/functions/b'))).toEqual(['b', '/']);
    expect(target(matchRoute(table, '/2023-03-30/functions/timer/'))).toEqual(['FunctionNotFound']);
  });

  it('FC 2.0: /2016-08-15/proxy/<service>[.<qualifier>]/<function>/<path>', () => {
    const fc2 = buildRouteTable({ ...project, format: 'fc', functions: [fn('web', { service: 'svc' })], customDomains: [] });
    expect(target(matchRoute(fc2, '/2016-08-15/proxy/svc/web/a/b'))).toEqual(['svc/web', '/a/b']);
    expect(target(matchRoute(fc2, '/2016-08-15/proxy/svc.prod/web/'))).toEqual(['svc/web', '/']);
    expect(target(matchRoute(fc2, '/2016-08-15/proxy/nope/web/'))).toEqual(['ServiceNotFound']);
    expect(target(matchRoute(fc2, '/2016-08-15/proxy/svc/nope/'))).toEqual(['FunctionNotFound']);
    expect(fc2.functions[0]!.basePath).toBe('/2016-08-15/proxy/svc/web/');
  });

  it('each function on a host of its own, <function>[.<service>].localhost, sees the whole path (root-relative links work)', () => {
    expect(target(matchRoute(table, '/login?next=%2F', 'b.localhost:9000'))).toEqual(['b', '/login?next=%2F']);
    expect(target(matchRoute(table, '/2023-03-30/functions/a/x', 'B.LOCALHOST'))).toEqual(['b', '/2023-03-30/functions/a/x']);
    // A function without a trigger URL has no host; another *.localhost host falls back to the other routes.
    expect(target(matchRoute(table, '/a/x', 'timer.localhost'))).toEqual(['a', '/a/x']);
    const fc2 = buildRouteTable({ ...project, format: 'fc', functions: [fn('web', { service: 'svc' })], customDomains: [] });
    expect(target(matchRoute(fc2, '/messages', 'web.svc.localhost:8080'))).toEqual(['svc/web', '/messages']);
    // A custom domain of the project named *.localhost keeps its own routes.
    const named = buildRouteTable({
      ...project,
      customDomains: [{ domainName: 'b.localhost', protocol: 'HTTP', location, routes: [{ path: '/*', functionName: 'other' }] }],
    });
    expect(target(matchRoute(named, '/x', 'b.localhost'))).toEqual(['other', '/x']);
  });
});
