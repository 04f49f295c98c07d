/**
 * Fun's `Aliyun::Serverless::Api` resources (alibaba/funcraft examples/api-gateway): each path and method that
 * routes to a function of the template is an `apigw` trigger of it, which ls describes, lint checks and
 * `fc-sim test` runs with calls the API lets through.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintProject } from '../../src/project/lint.js';
import { loadProject } from '../../src/project/load.js';
import { deliveredBy, matchingEvents, rejectedEvents } from '../../src/project/matching-events.js';
import type { ApiGatewayEvent } from '../../src/types/generated.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const app = resolve('fixtures/projects/fun-apigw');

describe('Fun API Gateway APIs', () => {
  it('become apigw triggers of the functions their x-aliyun-apigateway-fc ARN names, from DefinitionBody and DefinitionUri', () => {
    const project = loadProject(app);
    const triggers = Object.fromEntries(
      project.functions.map((fn) => [fn.name, fn.triggers.map(({ name, type, config, location }) => ({ name, type, config, path: location.path }))]),
    );
    expect(triggers.apigateway).toEqual([
      {
        name: 'hello_get',
        type: 'apigw',
        config: {
          requestPath: '/',
          method: 'GET',
          stageName: 'RELEASE',
          group: 'HelloworldGroup',
          apiName: 'hello_get',
          timeout: 10000,
          requestMode: 'MAPPING',
          requestParameters: [
            { apiParameterName: 'token', location: 'QUERY', parameterType: 'String', required: 'REQUIRED' },
            { apiParameterName: 'token2', location: 'QUERY', parameterType: 'String', required: 'REQUIRED' },
          ],
        },
        path: 'Resources.HelloworldGroup.Properties.DefinitionBody./.get',
      },
    ]);
    // The DELETE routes to a function of another template: not one of these.
    expect(triggers.users!.map(({ name, config }) => [name, config.method, config.requestPath, config.stageName])).toEqual([
      ['users_id_put', 'PUT', '/users/[id]', 'TEST'],
      ['users_any', 'ANY', '/users', 'TEST'],
    ]);
    // fc-sim resolved ${fc.Arn} and ${apigateway.Arn}: no unresolved-variable warning for them.
    expect(project.problems).toEqual([]);
  });

  it('lint finds nothing in the sample, and names a PATH parameter the path lacks', () => {
    expect(lintProject(loadProject(app))).toEqual([]);
    const dir = tempDir('fc-sim-fun-apigw-');
    const template = readFileSync(join(app, 'template.yml'), 'utf8')
      .replace("location: 'Query'", "location: 'Path'")
      .replace('StageName: RELEASE', 'StageName: prod')
      .replace('DefinitionUri: ./swagger.yml', 'DefinitionBody: {}');
    writeFileSync(join(dir, 'template.yml'), template);
    const findings = lintProject(loadProject(dir)).filter(({ rule }) => rule === 'trigger-config');
    expect(findings.map(({ message }) => message)).toEqual([
      'apigateway/hello_get: /stageName: must be one of "RELEASE", "PRE", "TEST"; found "prod" (did you mean "PRE"?)',
      'apigateway/hello_get: PATH parameter token is no [token] segment of /',
    ]);
    expect(findings.map(({ location }) => location.path)).toEqual(Array(2).fill('Resources.HelloworldGroup.Properties.DefinitionBody./.get'));
  });

  it("gives a parameter Fun's defaults for what it leaves out (funcraft examples/wechat): an optional String in the query", () => {
    const dir = tempDir('fc-sim-fun-apigw-defaults-');
    cpSync(app, dir, { recursive: true });
    writeFileSync(
      join(dir, 'template.yml'),
      readFileSync(join(app, 'template.yml'), 'utf8').replace(
        "- apiParameterName: 'token2'\n                location: 'Query'\n                parameterType: 'String'\n                required: 'REQUIRED'",
        "- apiParameterName: 'token2'",
      ),
    );
    const project = loadProject(dir);
    const trigger = project.functions.flatMap((fn) => fn.triggers).find((candidate) => candidate.name === 'hello_get')!;
    expect(trigger.config.requestParameters).toEqual([
      { apiParameterName: 'token', location: 'QUERY', parameterType: 'String', required: 'REQUIRED' },
      { apiParameterName: 'token2', location: 'QUERY', parameterType: 'String', required: 'OPTIONAL' },
    ]);
    expect(lintProject(project).filter(({ rule }) => rule === 'trigger-config')).toEqual([]);
  });

  it('lint refuses apigw as the triggerType of an s.yaml: no FC trigger type', () => {
    const dir = tempDir('fc-sim-apigw-fc3-');
    writeFileSync(
      join(dir, 's.yaml'),
      [
        'edition: 3.0.0',
        'resources:',
        '  api:',
        '    component: fc3',
        '    props:',
        '      functionName: api',
        '      runtime: nodejs18',
        '      handler: index.handler',
        '      code: ./code',
        '      triggers:',
        '        - triggerName: gw',
        '          triggerType: apigw',
        '          triggerConfig: { requestPath: /, method: GET }',
        '',
      ].join('\n'),
    );
    const [finding] = lintProject(loadProject(dir)).filter(({ rule }) => rule === 'trigger-type');
    expect(finding).toMatchObject({
      severity: 'error',
      message: 'api/gw: "apigw" is no trigger type of fc3 projects',
      location: { path: 'resources.api.props.triggers[0]' },
    });
    expect(finding!.fix).toContain('Aliyun::Serverless::Api');
  });

  it('draws calls the API lets through and calls it turns away, each with the reason', () => {
    const project = loadProject(app);
    const put = project.functions.find((fn) => fn.name === 'users')!.triggers[0]!;
    const matching = matchingEvents(put, { fcVersion: 3 })!;
    expect(matching.delivery).toBe('apigw');
    for (const event of fc.sample(matching.arbitrary, { seed: 3, numRuns: 30 }) as ApiGatewayEvent[]) {
      expect(event).toMatchObject({ httpMethod: 'PUT', path: `/users/${event.pathParameters.id}`, headers: { 'X-Ca-Stage': 'TEST' } });
      expect(event.headers['X-Tenant']).toMatch(/^[a-z0-9]+$/);
      expect(deliveredBy(put, event)).toBe(true);
    }
    const rejected = rejectedEvents(put, { fcVersion: 3 })!;
    expect(rejected.reason).toBe(
      'a method the API does not define (GET, POST, DELETE, HEAD, PATCH, OPTIONS): API Gateway answers 404; a call to another stage (RELEASE, PRE): the API is published to TEST; without the required header X-Tenant: API Gateway answers 400',
    );
    for (const event of fc.sample(rejected.arbitrary, { seed: 3, numRuns: 60 })) expect(deliveredBy(put, event)).toBe(false);
  });

  it('fc-sim ls describes them and fc-sim test runs them, nothing skipped', async () => {
    const ls = await runCli(['ls', '--project', app]);
    expect(ls.status).toBe(0);
    expect(ls.stdout).toMatch(/hello_get.*apigw.*GET \/ RELEASE/);
    expect(ls.stdout).toMatch(/users_any.*apigw.*ANY \/users TEST/);
    const test = await runCli(['test', '--runs', '30'], { cwd: app });
    expect(test.stdout).toMatch(/^✓ fc\/apigateway ← hello_get \(apigw\): 30 events passed in [\d.]+ s; 20 events outside its filter/m);
    expect(test.stdout).toMatch(/^✓ fc\/users ← users_id_put \(apigw\): 30 events passed/m);
    expect(test.stdout).toMatch(/3 passed, 0 failed, 0 skipped\n$/);
    expect(test.status).toBe(0);
  });

  it('a DefinitionUri that cannot be read is a project error naming the file', async () => {
    const dir = tempDir('fc-sim-fun-apigw-');
    writeFileSync(join(dir, 'template.yml'), readFileSync(join(app, 'template.yml'), 'utf8').replace('./swagger.yml', './missing.yml'));
    const run = await runCli(['ls', '--project', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^fc-sim: .*template\.yml: Resources\.UsersGroup\.Properties\.DefinitionUri \.\/missing\.yml: ENOENT: no such file or directory/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
