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
  const unresolved: { reference: string; path: string; reason: string; stopsDeploy: boolean }[] = [];
  const notes: string[] = [];
  const value = resolveVariables({
    document,
    env,
    root,
    accountId: DEFAULT_ACCOUNT_ID,
    unresolved: (reference, path, reason, stopsDeploy) => unresolved.push({ reference, path, reason, stopsDeploy }),
    note: (_message, path) => notes.push(path),
  });
  return { value, unresolved, notes };
}

describe('Serverless Devs variables', () => {
  it("env('NAME', 'default'), env(NAME): the environment first, then the default; env.NAME on edition 1.0.0 only", () => {
    const env = { BARE: 'set', MODE: 'prod', EMPTY: '' };
    const { value, unresolved } = resolve(
      { vars: { region: "${env('REGION', 'cn-hongkong')}", mode: '${env("MODE", "dev")}', bare: '${env(BARE)}', empty: "${env('EMPTY', 'dflt')}" } },
      env,
    );
    // devs-compile's env(): a variable set to "" is not set.
    expect(value.vars).toEqual({ region: 'cn-hongkong', mode: 'prod', bare: 'set', empty: 'dflt' });
    expect(unresolved).toEqual([]);
    // s 2.x (Serverless-Devs/core) reads env.NAME from the process; s 3.x has no `env` name and stops.
    expect(resolve({ services: {}, vars: { dotted: '${env.BARE}' } }, env).value.vars).toEqual({ dotted: 'set' });
    const s3 = resolve({ resources: {}, vars: { dotted: '${env.BARE}' } }, env);
    expect(s3.value.vars).toEqual({ dotted: '${env.BARE}' });
    expect(s3.unresolved).toEqual([expect.objectContaining({ path: 'vars.dotted', stopsDeploy: true, reason: expect.stringContaining('has no `env`') })]);
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

  it('what has no local value stays as written, each with a reason: output, an unset env() without default, file()', () => {
    const { value, unresolved } = resolve({
      resources: { api: { props: { url: '${resources.api.output.url}', key: '${env(SECRET)}', text: "${file('./none.txt')}" } } },
    });
    expect((value.resources as { api: { props: unknown } }).api.props).toEqual({
      url: '${resources.api.output.url}',
      key: '${env(SECRET)}',
      text: "${file('./none.txt')}",
    });
    expect(unresolved.map((item) => [item.path, item.reason, item.stopsDeploy])).toEqual([
      ['resources.api.props.url', expect.stringContaining('after s deploy'), false],
      ['resources.api.props.key', expect.stringContaining('SECRET is not set'), false],
      ['resources.api.props.text', expect.stringContaining('none.txt'), false],
    ]);
  });

  // Each as @serverless-devs/art-template 4.13.16-beta.39's devs-compile (what s 3.1.10 bundles) answers it: "… not found"
  // or a CompileError, and s deploy stops.
  it.each([
    ['a var the project does not have', '${vars.missing}'],
    ['a name s 3.x does not have (devsapp 1.0.0 docs write it into EventBridge patterns)', '{"source":["MNS-${functionName}-t"]}'],
    ['an index in brackets: the words after `vars.` are keys as they are', '${vars.list[1]}'],
    ['spaces inside the braces', '${ vars.region }'],
    ['|| outside a call (a quote there ends the compiled string early)', "${vars.region || 'cn-hangzhou'}"],
    ['|| between two names outside a call', '${vars.missing || vars.region}'],
    ['a literal on its own', "${'cn-hangzhou'}"],
    ['a function s 3.x does not have', "${upper('x')}"],
    // The art-template betas after the one s 3.1.10 bundles have base64(); the CLI users run does not.
    ['base64(), which s 3.1.10 does not have', "${base64('hi')}"],
  ])('edition 3.0.0, s deploy stops at %s: left as written, reported as stopping it', (_, text) => {
    const { value, unresolved } = resolve({ vars: { region: 'cn-shanghai', list: ['a', 'b'] }, resources: { f: { props: { description: text } } } });
    expect((value.resources as { f: { props: { description: string } } }).f.props.description).toBe(text);
    expect(unresolved).toEqual([
      expect.objectContaining({ path: 'resources.f.props.description', stopsDeploy: true, reason: expect.stringContaining('s deploy stops here') }),
    ]);
  });

  // As the s 3.1.10 CLI answered, deploying these to a local component that recorded its props.
  it('edition 1.0.0: s 2.x writes names as written and resolves the whole twice, so a chain of three vars stops short', () => {
    const { value } = resolve({
      vars: { a: '${vars.b}', b: '${vars.c}', c: '${vars.d}', d: 'deep', nested: { text: '${vars.d}' } },
      services: { f: { props: { A: '${vars.a}', B: 'x-${vars.b}', C: '${vars.c}', N: '${vars.nested}' } } },
    });
    // As s 2.2.2 handed them to its component; s 3.x resolves all three to "deep".
    expect((value.services as { f: { props: unknown } }).f.props).toEqual({ A: '${vars.c}', B: 'x-${vars.d}', C: 'deep', N: { text: 'deep' } });
  });

  it('edition 3.0.0 resolves resources in the order they are written: a later one is read as written, then resolved once more', () => {
    const { value, unresolved } = resolve({
      vars: { region: 'cn-shanghai' },
      resources: {
        first: { props: { functionName: 'f1', description: '${resources.second.props.description}', peer: '${resources.second.props.functionName}' } },
        second: { props: { functionName: 'f2-${vars.region}', description: '${resources.first.props.functionName}-d' } },
      },
    });
    const props = (name: string) => (value.resources as Record<string, { props: unknown }>)[name]!.props;
    // Mutual references: no circle, as s reads the later one as written.
    expect(props('first')).toEqual({ functionName: 'f1', description: 'f1-d', peer: 'f2-cn-shanghai' });
    expect(props('second')).toEqual({ functionName: 'f2-cn-shanghai', description: 'f1-d' });
    expect(unresolved).toEqual([]);
  });

  it("edition 3.0.0: what the parse leaves holding a reference, s's engine resolves once more with every resource parsed", () => {
    const { value, unresolved } = resolve({
      vars: { a: 'va' },
      resources: {
        first: { props: { functionName: 'f1-${vars.a}', description: '${resources.second.props.description}' } },
        second: { props: { functionName: 'f2', description: '${resources.first.props.functionName}' } },
      },
    });
    // parse-spec alone leaves first's description "f1-${vars.a}" (second's text read as written, resolved once).
    expect((value.resources as Record<string, { props: unknown }>).first!.props).toEqual({ functionName: 'f1-va', description: 'f1-va' });
    expect(unresolved).toEqual([]);
  });

  it('edition 3.0.0 stops at `this` in a value another reference gave, and at `this` or `resources` outside resources', () => {
    const { unresolved } = resolve({
      vars: { name: '${this.name}', peer: '${resources.b.props.functionName}' },
      resources: {
        a: { props: { functionName: 'fa', description: '${resources.b.props.description}' } },
        b: { props: { functionName: 'fb', description: '${this.props.functionName}-d' } },
      },
    });
    expect(unresolved.map((item) => [item.path, item.stopsDeploy, item.reason])).toEqual([
      ['vars.name', true, expect.stringContaining('outside resources, Serverless Devs 3.x has no `this`')],
      ['vars.peer', true, expect.stringContaining('outside resources, Serverless Devs 3.x has no `resources`')],
      ['resources.a.props.description', true, expect.stringContaining('`this` in a value written in the project, not in one a reference gave')],
    ]);
  });

  it('edition 1.0.0 leaves what it does not find as written, with a warning: s 2.x carries on', () => {
    const { value, unresolved } = resolve({
      vars: { region: 'cn-shanghai' },
      services: { f: { props: { pattern: '{"source":["MNS-${functionName}-t"]}', region: "${vars.region || 'cn-hangzhou'}" } } },
    });
    expect((value.services as { f: { props: unknown } }).f.props).toEqual({
      pattern: '{"source":["MNS-${functionName}-t"]}',
      region: "${vars.region || 'cn-hangzhou'}",
    });
    expect(unresolved.map((item) => [item.path, item.reason, item.stopsDeploy])).toEqual([
      ['services.f.props.pattern', expect.stringContaining('s leaves it as written too'), false],
      ['services.f.props.region', expect.stringContaining('s leaves it as written too'), false],
    ]);
  });

  // Each as s 2.2.2 (Serverless-Devs/core 0.1.66) handed it to a component that printed its props.
  it("edition 1.0.0 as s 2.x writes it: bare call arguments, core's keys, a value that is not text in place of the whole string", () => {
    writeFileSync(join(root, 'limits.json'), '{"rps":5}');
    const { value, unresolved, notes } = resolve(
      {
        vars: { count: 3, list: ['a', 'b'], limits: { rps: 5 } },
        services: {
          f: {
            props: {
              function: { name: 'fn' },
              pattern: '{"source":["MNS-${this.props.function.name}-EB"]}',
              bare: '${env(STAGE)}',
              quoted: "${env('STAGE')}",
              dotted: '${env.STAGE}',
              second: '${vars.list[1]}',
              keyed: '${vars.list.1}',
              embedded: 'n-${vars.count}',
              object: 'o-${vars.limits}',
              file: '${file(./limits.json)}',
              text: '${file(./banner.txt)}',
              folder: '${path(./code)}',
              other: '${f.props.function.name}',
              unknown: '${upper(x)}',
            },
          },
        },
      },
      { STAGE: 'prod' },
    );
    expect((value.services as { f: { props: unknown } }).f.props).toEqual({
      function: { name: 'fn' },
      pattern: '{"source":["MNS-fn-EB"]}',
      bare: 'prod',
      quoted: "${env('STAGE')}",
      dotted: 'prod',
      second: 'b',
      keyed: '${vars.list.1}',
      embedded: 3,
      object: { rps: 5 },
      file: { rps: 5 },
      text: {},
      folder: join(root, 'code'),
      other: 'fn',
      unknown: '',
    });
    expect(unresolved.map((item) => item.path)).toEqual(['services.f.props.quoted', 'services.f.props.keyed']);
    expect(notes).toEqual(['services.f.props.text', 'services.f.props.unknown']);
  });

  it('edition 3.0.0: a call is JavaScript (|| and members of its value), dotted words are keys, a value in a longer string is its JavaScript text', () => {
    const { value, unresolved } = resolve(
      {
        vars: { list: ['a', 'b'], limits: { rps: 5 }, count: 3 },
        resources: {
          f: {
            props: {
              tier: "${json(file('./config.json')).tier}",
              rps: "${json(file('./config.json')).limits.rps}",
              tag: "${env('FILTER_TAG', '') || 'all'}",
              second: '${vars.list.1}',
              text: 'limits=${vars.limits};list=${vars.list}',
              count: '${str(vars.count)}',
              parsed: "${yaml('a: 1').a}",
              brace: '${vars.count}}',
            },
          },
        },
      },
      { FILTER_TAG: '' },
    );
    expect((value.resources as { f: { props: unknown } }).f.props).toEqual({
      tier: 'gold',
      rps: 5,
      tag: 'all',
      second: 'b',
      text: 'limits=[object Object];list=a,b',
      count: '3',
      parsed: 1,
      brace: '3}',
    });
    expect(unresolved).toEqual([]);
  });

  it('an empty string, 0 and false are values (awesome-fc mns-topic-trigger: filterTag "")', () => {
    const { value, unresolved } = resolve({
      vars: { filterTag: '', retries: 0, on: false },
      resources: { f: { props: { filterTag: '${vars.filterTag}', tagged: 'tag=${vars.filterTag};', retries: '${vars.retries}', on: '${vars.on}' } } },
    });
    expect((value.resources as { f: { props: unknown } }).f.props).toEqual({ filterTag: '', tagged: 'tag=;', retries: 0, on: false });
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
