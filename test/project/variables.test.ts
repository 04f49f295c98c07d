// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Serverless Devs variables are what this file tests
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FcSimError } from '../../src/errors.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/triggers/_shared/common.js';
import { resolveVariables } from '../../src/project/variables.js';

const root = mkdtempSync(join(tmpdir(), 'fc-sim-variables-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(join(root, 'banner.txt'), 'hello from a file');
writeFileSync(join(root, 'config.json'), '{"tier":"gold","limits":{"rps":5}}');
mkdirSync(join(root, 'code'));

function resolve(document: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) {
  const unresolved: { reference: string; path: string; reason: string }[] = [];
  const notes: string[] = [];
  const value = resolveVariables({
    document,
    env,
    root,
    accountId: DEFAULT_ACCOUNT_ID,
    unresolved: (reference, path, reason) => unresolved.push({ reference, path, reason }),
    note: (_message, path) => notes.push(path),
  });
  return { value, unresolved, notes };
}

describe('Serverless Devs variables', () => {
  it("env('NAME', 'default'), env(NAME), env.NAME: the environment first, then the default", () => {
    const { value, unresolved } = resolve(
      {
        vars: { region: "${env('REGION', 'cn-hongkong')}", mode: '${env("MODE", "dev")}', bare: '${env(BARE)}', dotted: '${env.BARE}' },
      },
      { BARE: 'set', MODE: 'prod' },
    );
    expect(value.vars).toEqual({ region: 'cn-hongkong', mode: 'prod', bare: 'set', dotted: 'set' });
    expect(unresolved).toEqual([]);
  });

  it('a default may itself be a call, as devsapp writes the component name', () => {
    const { value } = resolve({ resources: { a: { component: "${env('fc_component_version', path('./code'))}" } } });
    expect((value.resources as { a: { component: string } }).a.component).toBe(join(root, 'code'));
  });

  it('vars, resources.<name>.props, this, file, path, json, config: each with its type, composed inside strings', () => {
    const { value, notes } = resolve({
      vars: { region: 'cn-hangzhou', limits: "${json(file('./config.json'))}" },
      resources: {
        api: {
          component: 'fc3',
          props: {
            region: '${vars.region}',
            functionName: 'api-${this.name}',
            memorySize: 256,
            description: '${file("./banner.txt")}',
            code: "${path('./code')}",
            environmentVariables: { RPS: '${vars.limits.limits.rps}', TIER: '${vars.limits.tier}', SIZE: '${this.props.memorySize} MB' },
          },
        },
        domain: {
          component: 'fc3-domain',
          props: {
            routeConfig: { routes: [{ path: '/*', functionName: '${resources.api.props.functionName}' }] },
            role: "acs:ram::${config('AccountID')}:role/fc",
            memory: '${resources.api.props.memorySize}',
          },
        },
      },
    });
    const resources = value.resources as Record<string, { props: Record<string, unknown> }>;
    expect(value.vars).toEqual({ region: 'cn-hangzhou', limits: { tier: 'gold', limits: { rps: 5 } } });
    expect(resources.api!.props).toMatchObject({
      region: 'cn-hangzhou',
      functionName: 'api-api',
      description: 'hello from a file',
      code: join(root, 'code'),
      environmentVariables: { RPS: 5, TIER: 'gold', SIZE: '256 MB' },
    });
    expect(resources.domain!.props).toMatchObject({
      routeConfig: { routes: [{ path: '/*', functionName: 'api-api' }] },
      role: `acs:ram::${DEFAULT_ACCOUNT_ID}:role/fc`,
      memory: 256,
    });
    expect(notes).toEqual(['resources.domain.props.role']);
  });

  it('edition 1.0.0: ${<service>.props.*} reads another service', () => {
    const { value } = resolve({ services: { a: { props: { function: { name: 'first' } } }, b: { props: { url: 'x-${a.props.function.name}' } } } });
    expect((value.services as { b: { props: { url: string } } }).b.props.url).toBe('x-first');
  });

  it('what has no local value stays as written, each with a reason: output, an unset env() without default, unknown names, file()', () => {
    const { value, unresolved } = resolve({
      resources: {
        api: { props: { url: '${resources.api.output.url}', key: '${env(SECRET)}', pattern: '{"source":["${functionName}"]}', text: "${file('./none.txt')}" } },
      },
    });
    expect((value.resources as { api: { props: unknown } }).api.props).toEqual({
      url: '${resources.api.output.url}',
      key: '${env(SECRET)}',
      pattern: '{"source":["${functionName}"]}',
      text: "${file('./none.txt')}",
    });
    expect(unresolved.map((item) => [item.path, item.reason])).toEqual([
      ['resources.api.props.url', expect.stringContaining('after s deploy')],
      ['resources.api.props.key', expect.stringContaining('SECRET is not set')],
      ['resources.api.props.pattern', expect.stringContaining('s leaves it as written too')],
      ['resources.api.props.text', expect.stringContaining('none.txt')],
    ]);
  });

  it('an empty string is a value (awesome-fc mns-topic-trigger: filterTag ""); || gives the right side for any falsy left, as JavaScript', () => {
    const { value, unresolved } = resolve({
      vars: { filterTag: '', retries: 0, on: false },
      resources: {
        f: {
          props: {
            filterTag: '${vars.filterTag}',
            tagged: 'tag=${vars.filterTag};',
            tag: "${vars.filterTag || 'all'}",
            retries: '${vars.retries || 3}',
            on: '${vars.on || true}',
            none: "${vars.missing || 'fallback'}",
          },
        },
      },
    });
    expect((value.resources as { f: { props: unknown } }).f.props).toEqual({
      filterTag: '',
      tagged: 'tag=;',
      tag: 'all',
      retries: 3,
      on: true,
      none: 'fallback',
    });
    expect(unresolved).toEqual([]);
  });

  it('circular variables: an E_PROJECT error naming the chain, never a stack overflow', () => {
    const attempt = () => resolve({ vars: { a: '${vars.b}-x', b: 'y-${vars.c}', c: '${vars.a}' } });
    expect(attempt).toThrow(FcSimError);
    expect(attempt).toThrow('circular variables: vars.a → vars.b → vars.c → vars.a');
    expect(() => resolve({ resources: { f: { props: { name: '${this.props.name}' } } } })).toThrow(
      'circular variables: resources.f.props.name → resources.f.props.name',
    );
  });

  it('a value that resolves to another reference is resolved once more, as the parser does', () => {
    const { value } = resolve({ vars: { a: '${env(INDIRECT)}', b: 'ok' } }, { INDIRECT: '${vars.b}' });
    expect(value.vars).toEqual({ a: 'ok', b: 'ok' });
  });
});
