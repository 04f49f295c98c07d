/**
 * Handlers behind API Gateway, run as FC runs them: one answering the API Gateway response shape passes, one
 * answering a shape API Gateway cannot turn into an HTTP response fails the http-response check, through
 * `fc-sim <kind> --handler` and checkHandler alike.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../src/runtime/invoke.js';
import { checkHandler, ContractFailure } from '../../../src/testing/index.js';
import { buildApigwEvent } from '../../../src/triggers/apigw/build.js';
import { deliver } from '../../../src/triggers/delivery.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const runtime = { codeDir: 'fixtures/handlers' };

describe('an API Gateway handler', () => {
  it('answering {isBase64Encoded, statusCode, headers, body} gets that HTTP response, its body decoded', async () => {
    const event = buildApigwEvent({ method: 'POST', path: '/users/[id]', pathParameters: { id: '7' }, body: 'hi' });
    const { bytes, options } = deliver(event, 'apigw');
    const invocation = await invoke('apigw.handler', bytes, { ...runtime, ...options });
    expect(invocation.httpResponseProblem).toBeUndefined();
    expect(invocation.http?.statusCode).toBe(201);
    expect(invocation.http?.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Request-Id': event.headers['X-Ca-Api-Gateway'] });
    expect(JSON.parse(invocation.http!.body.toString())).toEqual({ method: 'POST', path: '/users/7', pathParameters: { id: '7' }, query: {}, bodyBytes: 2 });
  });

  it('answering a body that is no string gets the 503 API Gateway answers, and the reason', async () => {
    const { bytes, options } = deliver(buildApigwEvent({ method: 'POST', body: '{"a":1}' }), 'apigw');
    const invocation = await invoke('planted/apigw-body-object.handler', bytes, { ...runtime, ...options });
    expect(invocation.status).toBe('success');
    expect(invocation.http?.statusCode).toBe(503);
    expect(invocation.httpResponseProblem).toMatch(
      /^the handler's result is not an API Gateway response \(\{isBase64Encoded, statusCode, headers, body\}\): \/body: must be a string; found \{"a":1\} \(object\)\. API Gateway answers 503/,
    );
    expect(invocation.warnings).toContain(invocation.httpResponseProblem);
  });

  it('passes fc-sim apigw:post --handler, and fails it answering a bad shape', async () => {
    const good = await runCli(['apigw:post', '--handler', 'fixtures/handlers/apigw.handler']);
    expect(good.status).toBe(0);
    expect(good.stderr).not.toContain('✗');
    const bad = await runCli(['apigw:post', '--handler', 'fixtures/handlers/planted/apigw-body-object.handler']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(
      /✗ http-response: the handler's result is not an API Gateway response .*\/body: must be a string; found .* \(object\)\. API Gateway answers 503/,
    );
  });

  it('passes checkHandler on drawn calls, and the bad shape is found and shrunk to a small JSON call', async () => {
    await expect(checkHandler({ handler: 'apigw.handler', trigger: 'apigw', runs: 100, runtime, failuresDir: false })).resolves.toMatchObject({ runs: 100 });
    let failure: ContractFailure | undefined;
    try {
      await checkHandler({ handler: 'planted/apigw-body-object.handler', trigger: 'apigw', runs: 200, seed: 1, runtime, failuresDir: false });
    } catch (error) {
      if (!(error instanceof ContractFailure)) throw error;
      failure = error;
    }
    expect(failure?.report.failure.check).toBe('http-response');
    const event = failure!.report.event as ReturnType<typeof buildApigwEvent>;
    expect(event.headers['Content-Type']).toMatch(/^application\/json/);
    expect(Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8').toString().length).toBeLessThanOrEqual(5);
  });

  it('an API Gateway event file is judged the same way by fc-sim invoke --http and fc-sim replay', async () => {
    const file = join(tempDir('fc-sim-apigw-'), 'call.json');
    writeFileSync(file, JSON.stringify(buildApigwEvent({ method: 'POST', body: '[1]' })));
    for (const args of [
      ['invoke', '--event', file, '--http'],
      ['replay', file],
    ]) {
      const good = await runCli([...args, '--handler', 'fixtures/handlers/apigw.handler']);
      expect(good.status, args.join(' ')).toBe(0);
      const bad = await runCli([...args, '--handler', 'fixtures/handlers/planted/apigw-body-object.handler']);
      expect(bad.status, args.join(' ')).toBe(1);
      expect(bad.stdout + bad.stderr).toContain("http-response: the handler's result is not an API Gateway response");
    }
  });
});
