// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Serverless Devs variables in the project files these tests write
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FcSimError } from '../../src/errors.js';
import { runtimeConfigOf } from '../../src/project/function-runtime.js';
import { lintProject } from '../../src/project/lint.js';
import { loadProject } from '../../src/project/load.js';
import { testProject } from '../../src/project/project-test.js';
import { runCli } from '../helpers/run-cli.js';
import { cleanUp, inlineProject, serve } from '../serve/helpers.js';

const projects = resolve('fixtures/projects');
const temp = mkdtempSync(join(tmpdir(), 'fc-sim-real-projects-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
afterEach(cleanUp);

/** A project file written on the spot, in a folder of its own. */
function projectFile(name: string, text: string, file = 's.yaml'): string {
  const folder = join(temp, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, file), text);
  return folder;
}

describe('an fc3 project written as devsapp writes them (fixtures/projects/sdevs-variables)', () => {
  const folder = join(projects, 'sdevs-variables');

  it("resolves env() defaults, .env, this, resources.<name>.props; reads both HTTP triggers; merges one domain's routes", () => {
    const project = loadProject(folder, { env: {} });
    const [hello, api] = project.functions;
    expect(hello).toMatchObject({
      name: 'hello-vars',
      region: 'cn-hongkong',
      memorySize: 512,
      timeout: 3,
      environment: { MODE: 'dev', GREETING: 'hello from .env', SELF: 'hello-nodejs18' },
    });
    expect(api!.name).toBe('api-hello-vars');
    expect(api!.triggers.map((trigger) => `${trigger.name}@${trigger.qualifier ?? 'LATEST'}`)).toEqual(['http-test@test', 'http@LATEST']);
    expect(project.customDomains).toEqual([
      expect.objectContaining({
        domainName: 'app.example.com',
        routes: [
          { path: '/api/*', functionName: 'api-hello-vars', methods: ['GET'] },
          { path: '/hello/*', functionName: 'hello-vars' },
        ],
      }),
    ]);
    // Go's JSON field names match in any case: `queueName` is FC's `QueueName`.
    expect(hello!.triggers[0]!.config).toMatchObject({
      eventRuleFilterPattern: '{"source":["MNS-hello-vars"]}',
      eventSourceConfig: { eventSourceParameters: { sourceMNSParameters: { RegionId: 'cn-hongkong', QueueName: 'orders', IsBase64Decode: true } } },
    });
  });

  it('the environment wins over .env and the defaults', () => {
    const project = loadProject(folder, { env: { FC_SIM_FIXTURE_MODE: 'prod', FC_SIM_DOTENV_GREETING: 'from the shell' } });
    expect(project.functions[0]!.environment).toMatchObject({ MODE: 'prod', GREETING: 'from the shell' });
  });

  it('names the component it does not read; lint warns, and finds no error in two HTTP triggers of two qualifiers on FC 3.0', () => {
    const project = loadProject(folder, { env: {} });
    const findings = lintProject(project);
    expect(findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.location.path}`)).toEqual([
      'warning unknown-part resources.website.component',
    ]);
    expect(findings[0]!.message).toContain('"nodejs-runtime"');
  });

  it('-t picks s_en.yaml; without it, a note says s_en.yaml is there', async () => {
    const chosen = await runCli(['ls', '--project', folder, '-t', 's_en.yaml']);
    expect(chosen.status).toBe(0);
    expect(chosen.stdout).toContain('hello-vars-en');
    const plain = await runCli(['ls', '--project', folder]);
    expect(plain.stderr).toContain('s_en.yaml beside it: pick one with -t FILE');
    const missing = await runCli(['ls', '--project', folder, '--template', 's_prod.yaml']);
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringContaining('--template s_prod.yaml: no such file')]);
  });
});

describe('Fun code forms (fixtures/projects/fun-code-forms)', () => {
  const project = loadProject(join(projects, 'fun-code-forms'));
  const [single, packaged, unbuilt] = project.functions;

  it("Fun's defaults, preFreeze and the service's LogConfig reach the runtime config", () => {
    expect(single).toMatchObject({
      runtime: 'nodejs8',
      memorySize: 128,
      timeout: 10,
      preFreeze: 'single.preFreeze',
      environment: { SHARED: 'function' },
    });
    expect(packaged).toMatchObject({ runtime: 'nodejs16', memorySize: 256, timeout: 3, environment: { SHARED: 'packaged' } });
    expect(runtimeConfigOf(single!)).toMatchObject({ runtime: 'nodejs12', preFreeze: 'single.preFreeze', logProject: 'forms-logs', logStore: 'function-logs' });
  });

  it('CodeUri as a file is its folder; as a zip, unpacked to a temporary folder', () => {
    expect(single!.codeDir).toBe(join(projects, 'fun-code-forms'));
    expect(packaged!.codeDir).not.toContain('fun-code-forms');
    expect(readdirSync(packaged!.codeDir)).toEqual(['index.js']);
  });

  it('a code folder not built yet: a lint error at CodeUri, and test refuses it naming the file, resource and field', async () => {
    const finding = lintProject(project).find((item) => item.rule === 'code-folder');
    expect(finding).toMatchObject({ severity: 'error', location: { path: 'Resources.forms.unbuilt.Properties.CodeUri' } });
    const attempt = testProject({ ...project, functions: [unbuilt!] }, { runs: 1 });
    await expect(attempt).rejects.toThrow(FcSimError);
    await expect(attempt).rejects.toThrow(/template\.yml Resources\.forms\.unbuilt\.Properties\.CodeUri: the code folder .*dist does not exist/);
  });

  it('the file and the zip run, nodejs8 on nodejs12', async () => {
    const results = await testProject({ ...project, functions: [single!, packaged!] }, { runs: 2 });
    expect(results.map((result) => result.outcome)).toEqual(['passed', 'passed']);
  });
});

describe('serve with a function whose code folder is missing', () => {
  it("answers that function with FC's ImportModuleError and keeps serving the others", async () => {
    const project = inlineProject({ 'index.js': "exports.handler = async () => ({ statusCode: 200, body: 'up' });" }, [
      { name: 'up', handler: 'index.handler', runtime: 'nodejs20' },
      { name: 'unbuilt', handler: 'index.handler', runtime: 'nodejs20', codeDir: join(temp, 'dist-not-built') },
    ]);
    const { url } = await serve(project);
    const broken = await fetch(`${url}/2023-03-30/functions/unbuilt/`);
    expect(broken.status).toBe(502);
    expect(broken.headers.get('x-fc-error-type')).toBe('UnhandledInvocationError');
    expect(await broken.json()).toMatchObject({ errorType: 'ImportModuleError', errorMessage: expect.stringContaining('dist-not-built does not exist') });
    const fine = await fetch(`${url}/2023-03-30/functions/up/`);
    expect([fine.status, await fine.text()]).toEqual([200, 'up']);
  });
});

describe('defaults and bad input', () => {
  it("fc 2.x: the component's defaults (nodejs10, index.handler, 128 MB, 3 s)", () => {
    const folder = projectFile(
      'fc-defaults',
      'edition: 1.0.0\nservices:\n  svc:\n    component: devsapp/fc\n    props:\n      service: { name: svc }\n      function: { name: fn }\n',
    );
    expect(loadProject(folder).functions[0]).toMatchObject({ runtime: 'nodejs10', handler: 'index.handler', memorySize: 128, timeout: 3 });
  });

  it('a project with no functions: lint warns, and does not print ✓', async () => {
    const folder = projectFile('empty', 'edition: 3.0.0\nresources: {}\n');
    const result = await runCli(['lint', '--project', folder]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('warning no-functions');
    expect(result.stdout).toMatch(/^! \S*s\.yaml: 0 functions/m);
  });

  const refused = [
    ['a YAML syntax error', 'edition: 3.0.0\nresources:\n  a: [\n', /s\.yaml:\d+:\d+: not valid YAML/],
    [
      'Methods: GET as a string',
      "ROSTemplateFormatVersion: '2015-09-01'\nTransform: 'Aliyun::Serverless-2018-04-03'\nResources:\n  svc:\n    Type: 'Aliyun::Serverless::Service'\n    web:\n      Type: 'Aliyun::Serverless::Function'\n      Properties: { Handler: index.handler, Runtime: nodejs18 }\n      Events:\n        http:\n          Type: HTTP\n          Properties: { AuthType: ANONYMOUS, Methods: GET }\n",
      /Resources\.svc\.web\.Events\.http\.Properties\.Methods: methods "GET" is not a list/,
    ],
    [
      'a field of the wrong type',
      'edition: 3.0.0\nresources:\n  f:\n    component: fc3\n    props: { functionName: f, runtime: nodejs18, handler: index.handler, memorySize: 512MB }\n',
      /resources\.f\.props\.memorySize: "512MB" is not a number/,
    ],
    ['circular variables', 'edition: 3.0.0\nvars:\n  a: ${vars.b}\n  b: x-${vars.a}\nresources: {}\n', /circular variables: vars\.a → vars\.b → vars\.a/],
    [
      'a YAML alias bomb',
      `edition: 3.0.0\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(9)}*a]\nc: &c [${'*b, '.repeat(9)}*b]\nd: [${'*c, '.repeat(9)}*c]\nresources: {}\n`,
      /alias/i,
    ],
  ] as const;
  for (const [what, text, message] of refused) {
    it(`${what}: exit 2 with a message naming where, never a stack trace`, async () => {
      const file = what === 'Methods: GET as a string' ? 'template.yml' : 's.yaml';
      const folder = projectFile(what.replace(/\W+/g, '-'), text, file);
      for (const command of ['lint', 'test']) {
        const result = await runCli([command, '--project', folder]);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(message);
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
    });
  }
});
