import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { cleanUp, serve, tempDir } from './helpers.js';

afterEach(cleanUp);

/** Found by serving public FC projects (devsapp/start-fc, devsapp/fc3 e2e, funcraft examples): fixtures/projects/serve-routes. */
describe('serve: what public projects expect (fixtures/projects/serve-routes)', () => {
  it('a custom domain reaches an FC 3.0 function without an HTTP trigger; the LATEST trigger is the URL; JWT where tokenLookup says', async () => {
    const server = await serve(loadProject(resolve('fixtures/projects/serve-routes'), { env: {} }));
    const text = async (path: string, init?: RequestInit) => {
      const response = await fetch(`${server.url}${path}`, init);
      return `${response.status} ${await response.text()}`;
    };
    // echo has no HTTP trigger but is served through the domain: no "not served" note.
    expect(server.routes.notes).toEqual([]);
    expect(await text('/a', { method: 'POST' })).toBe('200 POST /a');
    expect(await text('/2023-03-30/functions/echo/')).toMatch(/^404 /);
    expect(await text('/2023-03-30/functions/two-triggers/x')).toBe('200 GET /x');
    expect(await text('/2023-03-30/functions/guarded/public')).toBe('200 GET /public');
    expect(await text('/2023-03-30/functions/guarded/private/x')).toMatch(
      /^401 .*send the token in header Authentication \(after \\"Bearer \\"\), or query token/,
    );
    expect(await text('/2023-03-30/functions/guarded/private/x', { headers: { authentication: 'Bearer aaa.bbb.ccc' } })).toBe('200 GET /private/x');
    expect(await text('/2023-03-30/functions/guarded/private/x?token=aaa.bbb.ccc')).toBe('200 GET /private/x');
  });

  it('JWT claims reach the function where claimPassBy maps them, over what the client sent', async () => {
    const server = await serve(loadProject(resolve('fixtures/projects/serve-routes'), { env: {} }));
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = `${part({ alg: 'RS256' })}.${part({ sub: 'user-42', tenant: 'acme' })}.c2ln`;
    const response = await fetch(`${server.url}/2023-03-30/functions/claims/?uid=forged`, {
      headers: { authorization: `Bearer ${token}`, 'x-tenant': 'other' },
    });
    expect(`${response.status} ${await response.text()}`).toBe('200 uid=user-42 tenant=acme');
  });

  it('a Fun custom domain is its DomainName (Auto: a temporary domain), else its logical id', () => {
    const dir = tempDir('fun-domain');
    mkdirSync(join(dir, 'code'));
    writeFileSync(
      join(dir, 'template.yml'),
      [
        "ROSTemplateFormatVersion: '2015-09-01'",
        "Transform: 'Aliyun::Serverless-2018-04-03'",
        'Resources:',
        '  svc:',
        "    Type: 'Aliyun::Serverless::Service'",
        '    fn:',
        "      Type: 'Aliyun::Serverless::Function'",
        '      Properties: {Handler: index.handler, Runtime: nodejs12, CodeUri: ./code}',
        '  my_domain:',
        "    Type: 'Aliyun::Serverless::CustomDomain'",
        '    Properties: {DomainName: Auto, Protocol: HTTP, RouteConfig: {Routes: {"/": {ServiceName: svc, FunctionName: fn}}}}',
        '  api.example.com:',
        "    Type: 'Aliyun::Serverless::CustomDomain'",
        '    Properties: {Protocol: HTTP, RouteConfig: {Routes: {"/x": {ServiceName: svc, FunctionName: fn}}}}',
      ].join('\n'),
    );
    expect(loadProject(dir).customDomains.map((domain) => domain.domainName)).toEqual(['auto', 'api.example.com']);
  });
});
