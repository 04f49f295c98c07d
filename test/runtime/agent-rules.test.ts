/**
 * FC's nodejs12–16 agent against nodejs 18/20 (runtime.md, Corrections 2 and 5–7): thrown non-errors, load errors,
 * uncaught exceptions, unhandled rejections, Uint8Array results and logs, on real handler files.
 */
import { describe, expect, it } from 'vitest';
import { invoke } from '../../src/runtime/invoke.js';
import { resultValue } from '../../src/runtime/invocation.js';

const codeDir = 'fixtures/handlers';
const run = (handler: string, runtime: 'nodejs14' | 'nodejs16' | 'nodejs20', platform: 'fc2' | 'fc3' = 'fc3') =>
  invoke(`agent-rules.${handler}`, '', { codeDir, runtime, platform });
const endLine = (logs: readonly string[]) => logs.at(-1) ?? '';

describe('errors: nodejs ≤ 16 answer what was thrown through the callback', () => {
  it.concurrent('a thrown string or plain object is a handled FunctionHandledError on nodejs16, unhandled on nodejs20', async () => {
    const [text, object, modern] = await Promise.all([run('throwString', 'nodejs16'), run('throwObject', 'nodejs16'), run('throwString', 'nodejs20')]);
    expect(text.status).toBe('handled-error');
    expect(text.error).toEqual({ errorMessage: 'oops', errorType: 'FunctionHandledError', cause: 'function' });
    expect(endLine(text.logs)).toMatch(/, Error: Handled function error$/);
    expect(object.status).toBe('handled-error');
    expect(object.error).toEqual({
      errorMessage: '{"code":"E42","name":"FunctionUnhandledError: undefined"}',
      errorType: 'FunctionHandledError',
      cause: 'function',
    });
    expect(modern.status).toBe('unhandled-error');
    expect(modern.error).toMatchObject({ errorMessage: 'oops', errorType: 'Error' });
  });

  it.concurrent('load errors carry the FunctionUnhandledError prefix on nodejs16, and name the module as the handler does', async () => {
    const [missingExport, missingModule, modern] = await Promise.all([
      invoke('agent-rules.nope', '', { codeDir, runtime: 'nodejs16' }),
      invoke('nosuch.handler', '', { codeDir, runtime: 'nodejs16' }),
      invoke('agent-rules.nope', '', { codeDir, runtime: 'nodejs20' }),
    ]);
    expect(missingExport.error).toMatchObject({
      errorType: 'FunctionUnhandledError: HandlerNotFound',
      errorMessage: "Handler 'nope' is missing on module 'agent-rules'",
    });
    expect(missingModule.error).toMatchObject({
      errorType: 'FunctionUnhandledError: ImportModuleError',
      errorMessage: expect.stringMatching(/nosuch\.js' is missing\.$/),
    });
    expect(modern.error).toMatchObject({ errorType: 'HandlerNotFound', errorMessage: expect.stringMatching(/agent-rules\.js'$/) });
    expect(missingExport.status).toBe('unhandled-error');
  });

  it.concurrent("a package the handler requires and cannot find: ImportModuleError, its Require stack the handler's file once, then the runtime's", async () => {
    const [old, modern] = await Promise.all([
      invoke('missing-dependency.handler', '', { codeDir, runtime: 'nodejs16' }),
      invoke('missing-dependency.handler', '', { codeDir, runtime: 'nodejs20' }),
    ]);
    expect([old.error?.errorType, modern.error?.errorType]).toEqual(['FunctionUnhandledError: ImportModuleError', 'ImportModuleError']);
    for (const { error } of [old, modern]) {
      const [first, stackHeading, handlerLine, ...rest] = error!.errorMessage.split('\n');
      expect([first, stackHeading]).toEqual(["Cannot find module 'fc-sim-no-such-package'", 'Require stack:']);
      expect(handlerLine).toMatch(/^- \/.*\/fixtures\/handlers\/missing-dependency\.js$/);
      expect(rest.length).toBeGreaterThan(0);
      expect(rest.some((line) => line.includes('missing-dependency.js'))).toBe(false);
    }
  });

  it.concurrent('an uncaught exception ends with "Handled function error" on nodejs16', async () => {
    const result = await run('uncaught', 'nodejs16');
    expect(result.error).toMatchObject({ errorMessage: 'FunctionUnhandledError: uncaughtException', errorType: 'FunctionHandledError' });
    expect(result.status).toBe('handled-error');
    expect(endLine(result.logs)).toMatch(/, Error: Handled function error$/);
  });

  it.concurrent('an unhandled rejection only warns on nodejs14 and fails the invocation on nodejs16', async () => {
    const [old, newer] = await Promise.all([run('unhandledRejection', 'nodejs14'), run('unhandledRejection', 'nodejs16')]);
    expect(old.status).toBe('success');
    expect(resultValue(old)).toBe('answered');
    expect(old.logs.some((line) => /UnhandledPromiseRejectionWarning: Error: nobody catches this/.test(line))).toBe(true);
    expect(newer.status).toBe('handled-error');
    expect(newer.error).toMatchObject({ errorMessage: 'FunctionUnhandledError: uncaughtException' });
  });

  it.concurrent('the error JSON is echoed as an [error] line before the End line on nodejs16', async () => {
    const result = await run('fails', 'nodejs16');
    const echo = result.logs.at(-2) ?? '';
    expect(echo).toMatch(/ \[error\] \{"errorMessage":"bad input","errorType":"Error","stackTrace":\[/);
    expect((await run('fails', 'nodejs20')).logs.some((line) => line.includes('[error] {"errorMessage"'))).toBe(false);
  });
});

describe('results and logs', () => {
  it.concurrent('a Uint8Array is JSON on nodejs16 and bytes on nodejs20; a Buffer is bytes on both', async () => {
    const [old, modern, buffer] = await Promise.all([run('uint8Array', 'nodejs16'), run('uint8Array', 'nodejs20'), run('buffer', 'nodejs16')]);
    expect(old.body.toString()).toBe('{"0":104,"1":105}');
    expect(modern.body.toString()).toBe('hi');
    expect(buffer.body.toString()).toBe('hi');
  });

  it.concurrent('console.trace writes an [error] line with the stack', async () => {
    const result = await run('trace', 'nodejs20');
    const line = result.logs.find((entry) => entry.includes('Trace: where am I')) ?? '';
    expect(line).toMatch(/ \[error\] Trace: where am I\r\s+at exports\.trace .*agent-rules\.js/);
  });

  it.concurrent('setLogLevel ignores unknown levels and lower-cases known ones; the FC 2.0 logger carries its level', async () => {
    const [fc2, fc3] = await Promise.all([run('logLevels', 'nodejs16', 'fc2'), run('logLevels', 'nodejs16', 'fc3')]);
    expect(fc2.logs.find((line) => line.endsWith('after an unknown level'))).toMatch(/ \[silly\] after an unknown level$/);
    expect(fc2.logs.find((line) => line.endsWith('after INFO'))).toMatch(/ \[info\] after INFO$/);
    expect(resultValue(fc2)).toEqual({ requestId: fc2.requestId, logLevel: 'info' });
    expect(resultValue(fc3)).toEqual({ requestId: fc3.requestId });
  });
});
