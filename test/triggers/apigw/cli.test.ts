/** `fc-sim apigw…` on the command line: the kinds, their flags, and bad input refused by name with exit 2. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiGatewayEvent } from '../../../src/types/generated.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

async function event(args: string[]): Promise<ApiGatewayEvent> {
  const run = await runCli(args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as ApiGatewayEvent;
}

describe('fc-sim apigw', () => {
  it('lists its kinds', async () => {
    const run = await runCli(['list']);
    for (const kind of ['apigw', 'apigw:get', 'apigw:post', 'apigw:put', 'apigw:delete']) expect(run.stdout).toMatch(new RegExp(`^${kind} `, 'm'));
  });

  it('sets what each flag says', async () => {
    const call = await event([
      'apigw:put',
      '--path',
      '/orders/[order]/items/[item]',
      '--path-param',
      'order=o-1',
      '--path-param',
      'item=7',
      '--query',
      'dry=1',
      '--header',
      'X-Trace: a',
      '--header',
      'X-Trace: b',
      '--body',
      'hello',
      '--body-encoding',
      'text',
      '--stage',
      'pre',
      '--system-param',
      'CaClientIp',
      '--request-id',
      'B276F77B-334E-4857-AE64-65BAFD419E2A',
      '--host',
      'api.example.com',
      '--source-ip',
      '10.1.2.3',
    ]);
    expect(call).toMatchObject({
      path: '/orders/o-1/items/7',
      httpMethod: 'PUT',
      pathParameters: { order: 'o-1', item: '7' },
      queryParameters: { dry: '1' },
      body: 'hello',
      isBase64Encoded: false,
      headers: {
        'X-Trace': 'a,b',
        'X-Ca-Stage': 'PRE',
        CaClientIp: '10.1.2.3',
        'X-Ca-Api-Gateway': 'B276F77B-334E-4857-AE64-65BAFD419E2A',
        'CA-Host': 'api.example.com',
        'X-Real-IP': '10.1.2.3',
      },
    });
  });

  it("replaces the kind's path parameters with --path", async () => {
    expect(await event(['apigw:get', '--path', '/orders'])).toMatchObject({ path: '/orders', pathParameters: {} });
    expect(await event(['apigw:get'])).toMatchObject({ path: '/users/42', pathParameters: { id: '42' } });
  });

  it('draws the same calls from the same seed', async () => {
    const draw = () => runCli(['apigw:post', '--count', '5', '--seed', '11']);
    const [first, second] = [await draw(), await draw()];
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    for (const line of first.stdout.trim().split('\n')) expect((JSON.parse(line) as ApiGatewayEvent).httpMethod).toBe('POST');
  });

  it.each([
    [['apigw', '--stage', 'prod'], '--stage: must be one of RELEASE, PRE, TEST, got prod'],
    [['apigw', '--body-encoding', 'hex'], '--body-encoding: must be base64 or text, got hex'],
    [['apigw', '--system-param', 'CaFoo'], '--system-param: unknown system parameter CaFoo'],
    [['apigw', '--path-param', 'id=1'], 'path parameter id: the path / has no [id] segment'],
    [['apigw:get', '--path', '/orders/[id]'], 'the path /orders/[id] needs a value for [id]'],
    [['apigw:get', '--path-param', 'id=a/b'], 'path parameter id: "a/b" is not one path segment'],
    [['apigw', '--path', 'users'], 'path "users" does not start with /'],
  ])('refuses %j: exit 2, the problem and the fix, no stack trace', async (args, message) => {
    const run = await runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^fc-sim: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n {2}hint: \\S`));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a binary body as text: API Gateway passes binary bodies base64', async () => {
    const file = join(tempDir('fc-sim-apigw-'), 'image.png');
    writeFileSync(file, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0xff]));
    const run = await runCli(['apigw:post', '--body-file', file, '--body-encoding', 'text']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'fc-sim: bodyEncoding "text" with a body that is not UTF-8: API Gateway passes binary bodies base64\n  hint: leave bodyEncoding at "base64" (--body-encoding base64)\n',
    );
    expect(await event(['apigw:post', '--body-file', file])).toMatchObject({
      body: 'iVBOR/8=',
      isBase64Encoded: true,
      headers: { 'Content-Type': 'application/json' },
    });
  });
});
