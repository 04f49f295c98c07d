import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import type { Project } from '../../src/project/model.js';
import { funTemplate } from '../helpers/fun-template.js';
import { tempDir } from '../helpers/temp-dir.js';

const projects = resolve('fixtures/projects');
const summary = (project: Project) =>
  project.functions.map((fn) => ({
    name: fn.service ? `${fn.service}/${fn.name}` : fn.name,
    runtime: fn.runtime,
    handler: fn.handler,
    triggers: fn.triggers.map((trigger) => `${trigger.name}:${trigger.type}`),
  }));

describe('loadProject', () => {
  it('reads an fc3 s.yaml: functions, triggers in the API shape, hooks, variables, the fc3-domain routes', () => {
    const project = loadProject(join(projects, 'fc3-app'));
    expect(project.format).toBe('fc3');
    expect(summary(project)).toEqual([
      { name: 'thumbnail', runtime: 'nodejs20', handler: 'index.thumbnail', triggers: ['uploads:oss'] },
      { name: 'cleanup', runtime: 'nodejs18', handler: 'index.cleanup', triggers: ['nightly:timer'] },
      { name: 'consumer', runtime: 'nodejs20', handler: 'index.consume', triggers: ['orders:mns_topic'] },
      { name: 'logs', runtime: 'nodejs20', handler: 'index.logs', triggers: ['etl:log'] },
      { name: 'cdn-events', runtime: 'nodejs20', handler: 'index.cdn', triggers: ['logs-ready:cdn_events'] },
      { name: 'api', runtime: 'nodejs20', handler: 'index.api', triggers: ['http:http'] },
      { name: 'admin', runtime: 'nodejs20', handler: 'index.admin', triggers: ['http:http'] },
    ]);
    const thumbnail = project.functions[0]!;
    expect(thumbnail).toMatchObject({
      codeDir: join(projects, 'fc3-app', 'code'),
      memorySize: 512,
      timeout: 10,
      initializer: 'index.initialize',
      initializationTimeout: 3,
      region: 'cn-hangzhou',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Serverless Devs variable, left as written
      environment: { BUCKET: 'photos-fc3', STAGE: '${env(FC_SIM_FIXTURE_STAGE)}' },
    });
    expect(thumbnail.triggers[0]!.config).toEqual({
      events: ['oss:ObjectCreated:*', 'oss:ObjectRemoved:DeleteObject'],
      filter: { key: { prefix: 'source/', suffix: '.png' } },
    });
    expect(project.customDomains).toEqual([
      expect.objectContaining({
        domainName: 'app.example.com',
        routes: [
          { path: '/api/*', functionName: 'api', methods: ['GET', 'POST'] },
          { path: '/admin/*', functionName: 'admin' },
        ],
      }),
    ]);
  });

  it("reports the variables it cannot resolve, notes config('AccountID') once, and resolves env() when it is set", () => {
    const project = loadProject(join(projects, 'fc3-app'));
    const at = (kind: string) => project.problems.filter((problem) => (problem.kind ?? 'unresolved-variable') === kind).map((problem) => problem.location.path);
    expect(at('unresolved-variable')).toEqual(['resources.thumbnail.props.environmentVariables.STAGE']);
    expect(at('note')).toEqual(['resources.thumbnail.props.triggers[0].sourceArn']);
    expect(project.functions[0]!.triggers[0]!.sourceArn).toBe('acs:oss:cn-hangzhou:1649015465571234:photos-fc3');
    process.env.FC_SIM_FIXTURE_STAGE = 'test';
    try {
      expect(loadProject(join(projects, 'fc3-app')).functions[0]!.environment.STAGE).toBe('test');
    } finally {
      delete process.env.FC_SIM_FIXTURE_STAGE;
    }
  });

  it('a name the project lacks stops s 3.x (edition 3.0.0), while s 2.x and Fun templates leave it as written', () => {
    const kinds = (file: string, text: string) => {
      const dir = tempDir('fc-sim-dialect-');
      writeFileSync(join(dir, file), text);
      return loadProject(dir).problems.map((problem) => `${problem.kind} ${problem.location.path}`);
    };
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Serverless Devs variable with a typo
    const fn = { functionName: 'f', runtime: 'nodejs18', code: '.', handler: 'index.handler', environmentVariables: { REGION: '${vars.regoin}' } };
    expect(kinds('s.yaml', JSON.stringify({ edition: '3.0.0', vars: { region: 'x' }, resources: { f: { component: 'fc3', props: fn } } }))).toEqual([
      'variable-stops-deploy resources.f.props.environmentVariables.REGION',
    ]);
    const fc2 = {
      edition: '1.0.0',
      vars: { region: 'x' },
      services: {
        f: {
          component: 'fc',
          props: {
            service: { name: 's' },
            function: { name: 'f', runtime: fn.runtime, codeUri: fn.code, handler: fn.handler, environmentVariables: fn.environmentVariables },
          },
        },
      },
    };
    expect(kinds('s.yaml', JSON.stringify(fc2))).toEqual(['unresolved-variable services.f.props.function.environmentVariables.REGION']);
    const fun = funTemplate({
      f: {
        Type: 'Aliyun::Serverless::Function',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an ROS-style substitution Fun itself does not resolve
        Properties: { Handler: 'index.handler', Runtime: 'nodejs18', CodeUri: '.', EnvironmentVariables: { REGION: '${AccountId}' } },
      },
    });
    expect(kinds('template.yml', JSON.stringify(fun))).toEqual(['unresolved-variable Resources.s.f.Properties.EnvironmentVariables.REGION']);
  });

  it('reads an fc 2.x s.yaml: services, the capitalised OSS filter made the API’s, several triggers, custom domain routes', () => {
    const project = loadProject(join(projects, 'fc-app', 's.yaml'));
    expect(project.format).toBe('fc');
    expect(summary(project).map((fn) => fn.name)).toEqual(['media/resize', 'media/report', 'media/notify', 'media/web', 'media/docs']);
    expect(project.functions[0]!.triggers[0]!.config).toEqual({
      bucketName: 'media-uploads',
      events: ['oss:ObjectCreated:PutObject', 'oss:ObjectCreated:PostObject'],
      filter: { key: { prefix: 'incoming/', suffix: '.jpg' } },
    });
    expect(project.functions[0]!.environment).toEqual({ QUALITY: '80' });
    expect(summary(project)[2]!.triggers).toEqual(['mnsTrigger:mns_topic', 'logTrigger:log', 'cdnTrigger:cdn_events']);
    expect(project.customDomains[0]!.routes).toEqual([
      { path: '/web/*', service: 'media', functionName: 'web' },
      { path: '/docs/*', service: 'media', functionName: 'docs' },
    ]);
  });

  it('reads a Fun template.yml: PascalCase made the API’s camelCase, Fun’s type names made FC’s', () => {
    const project = loadProject(join(projects, 'fun-app'));
    expect(project.format).toBe('fun');
    const tick = project.functions.find((fn) => fn.name === 'tick')!;
    expect(tick.triggers.map((trigger) => [trigger.type, trigger.config])).toEqual([
      ['timer', { cronExpression: '0 0 8 * * *', enable: true, payload: 'awesome-fc' }],
      ['mns_topic', { topicName: 'test-topic', notifyContentFormat: 'JSON', notifyStrategy: 'BACKOFF_RETRY' }],
      [
        'log',
        {
          sourceConfig: { logstore: 'log' },
          jobConfig: { maxRetryTime: 1, triggerInterval: 30 },
          logConfig: { project: 'sls-log-test', logstore: 'sls-log' },
          enable: true,
        },
      ],
      ['cdn_events', { eventName: 'CdnDomainStarted', eventVersion: '1.0.0', notes: 'domain events', filter: { domain: ['www.example.com'] } }],
    ]);
    expect(project.functions.find((fn) => fn.name === 'hello')!.triggers[0]!.config).toEqual({ authType: 'anonymous', methods: ['GET', 'POST'] });
    expect(project.functions[0]).toMatchObject({ service: 'fun-service', codeDir: join(projects, 'fun-app', 'src'), environment: { TARGET: 'thumbs' } });
    expect(project.customDomains[0]).toMatchObject({
      domainName: 'fun.example.com',
      routes: [
        { path: '/hello/*', functionName: 'hello' },
        { path: '/bye/*', functionName: 'bye' },
      ],
    });
  });

  it.each([
    ['a folder without a project file', () => tempDir('fc-sim-empty-'), /^no project file in /, 'E_FILE_NOT_FOUND'],
    ['a path that does not exist', () => join(tmpdir(), 'fc-sim-no-such-project'), /no such file or folder$/, 'E_FILE_NOT_FOUND'],
    [
      'YAML that is not a project',
      () => {
        const dir = tempDir('fc-sim-other-');
        writeFileSync(join(dir, 's.yaml'), 'name: something else\n');
        return dir;
      },
      /not a project file fc-sim knows$/,
      'E_PROJECT',
    ],
    [
      'an empty project file',
      () => {
        const dir = tempDir('fc-sim-empty-file-');
        writeFileSync(join(dir, 'template.yml'), '');
        return dir;
      },
      /template\.yml: empty: no project in it$/,
      'E_PROJECT',
    ],
    [
      'broken YAML',
      () => {
        const dir = tempDir('fc-sim-broken-');
        writeFileSync(join(dir, 's.yaml'), 'edition: 3.0.0\nresources:\n  a: [\n');
        return dir;
      },
      /s\.yaml:\d+:\d+: not valid YAML/,
      'E_NOT_JSON',
    ],
  ])('refuses %s with a clear error', (_, path, message, code) => {
    const project = path();
    expect(() => loadProject(project)).toThrow(message);
    expect(() => loadProject(project)).toThrow(expect.objectContaining({ name: 'FcSimError', code }));
  });

  it("says a template's own file is one: fun init's {{ projectName }} in a key (awesome-fc/fc-express-nodejs8)", () => {
    const dir = tempDir('fc-sim-template-');
    writeFileSync(
      join(dir, 'template.yml'),
      [
        "ROSTemplateFormatVersion: '2015-09-01'",
        "Transform: 'Aliyun::Serverless-2018-04-03'",
        'Resources:',
        '  {{ projectName }}-service:',
        "    Type: 'Aliyun::Serverless::Service'",
        '',
      ].join('\n'),
    );
    expect(() => loadProject(dir)).toThrow(
      expect.objectContaining({
        code: 'E_NOT_JSON',
        message: expect.stringMatching(/template\.yml:4:\d+: not valid YAML/),
        hint: expect.stringMatching(/^\{\{ projectName \}\} is a template's placeholder, which fun init or s init fills/),
      }),
    );
  });
});
