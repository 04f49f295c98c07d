import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UnsupportedSchemaError } from '../generators/internal/schema-context.js';
import { schemaArbitrary } from '../generators/internal/schema-arbitrary.js';
import { exitStatusOf, FcSimError } from '../src/errors.js';
import { matchingEvents } from '../src/project/matching-events.js';
import { HttpTriggerTarget } from '../src/remote/http-trigger.js';
import { InvokeApiTarget } from '../src/remote/invoke-api.js';
import { createInstance } from '../src/runtime/invoke.js';
import { timerSchedule } from '../src/timer/schedule.js';
import { buildMnsEvent } from '../src/triggers/mns/build.js';
import { httpRequest } from '../src/triggers/http/arbitrary.js';
import { HandlerLoadError, parseHandlerName } from '../src/runtime/handler-path.js';
import { assertValid, EventValidationError } from '../src/schema/validate.js';
import { readBody, RequestRefused } from '../src/serve/request.js';
import { checkHandler, ContractFailure } from '../src/testing/index.js';
import { prepareSource, UnknownKindError } from '../src/testing/triggers.js';
import { parseTimerExpression } from '../src/timer/expression.js';
import { TimerExpressionError } from '../src/timer/timer-expression-error.js';

describe('FcSimError', () => {
  it('carries a stable code, the message, a hint and the error it reports', () => {
    const parseError = new SyntaxError('Unexpected token');
    const error = new FcSimError('E_NOT_JSON', 'event.json:1:1: not valid JSON', 'fix the JSON', { cause: parseError });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'FcSimError', code: 'E_NOT_JSON', message: 'event.json:1:1: not valid JSON', hint: 'fix the JSON' });
    expect(error.cause).toBe(parseError);
  });

  it('has no cause unless it wraps one', () => {
    expect('cause' in new FcSimError('E_USAGE', 'no handler')).toBe(false);
  });
});

describe('exitStatusOf', () => {
  it('is 2 for usage and input errors', () => {
    for (const code of ['E_USAGE', 'E_NOT_JSON', 'E_INVALID_EVENT', 'E_INVALID_PARAMS', 'E_TIMER_EXPRESSION', 'E_HANDLER_LOAD', 'E_CONFIG'] as const) {
      expect(exitStatusOf(new FcSimError(code, 'x'))).toBe(2);
    }
  });

  it('is 1 for a failed contract check', () => {
    expect(exitStatusOf(new FcSimError('E_CONTRACT_FAILED', 'no-unhandled-error failed'))).toBe(1);
  });

  it('is what exitCode reads', () => {
    const error = new FcSimError('E_CONTRACT_FAILED', 'failed');
    expect(error.exitCode).toBe(exitStatusOf(error));
    expect(error).toMatchObject({ exitCode: 1 });
  });
});

/** The error a call throws (the test fails when it throws none). */
async function thrownBy(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('the library throws FcSimErrors with a code, and keeps each class and its fields', () => {
  it('an invalid event: EventValidationError, E_INVALID_EVENT, with the schema and issues', async () => {
    const error = await thrownBy(() => assertValid('timer', { triggerTime: 'now', triggerName: 't', payload: '' }));
    expect(error).toBeInstanceOf(EventValidationError);
    expect(error).toBeInstanceOf(FcSimError);
    expect(error).toMatchObject({ name: 'EventValidationError', code: 'E_INVALID_EVENT', exitCode: 2, schema: 'timer' });
    expect((error as EventValidationError).issues.map((issue) => issue.pointer)).toEqual(['/triggerTime']);
  });

  it('a bad handler name: HandlerLoadError, E_HANDLER_LOAD, with the body FC answers', async () => {
    const error = await thrownBy(() => parseHandlerName('nodot'));
    expect(error).toBeInstanceOf(HandlerLoadError);
    expect(error).toBeInstanceOf(FcSimError);
    expect(error).toMatchObject({ code: 'E_HANDLER_LOAD', body: { errorType: 'InvalidHandlerName', errorMessage: "Invalid handler 'nodot'" } });
  });

  it('a body over the limit: RequestRefused, E_REQUEST_REFUSED, with FC status and error code', async () => {
    const request = Readable.from([Buffer.alloc(8), Buffer.alloc(8)]) as unknown as IncomingMessage;
    const error = await thrownBy(() => readBody(request, 10));
    expect(error).toBeInstanceOf(RequestRefused);
    expect(error).toBeInstanceOf(FcSimError);
    expect(error).toMatchObject({ name: 'RequestRefused', code: 'E_REQUEST_REFUSED', statusCode: 400, errorCode: 'InvalidArgument' });
  });

  it('an unknown kind: UnknownKindError, E_UNKNOWN_KIND', async () => {
    const error = await thrownBy(() => prepareSource({ kind: 'oss:nope' }));
    expect(error).toBeInstanceOf(UnknownKindError);
    expect(error).toBeInstanceOf(FcSimError);
    expect(error).toMatchObject({ code: 'E_UNKNOWN_KIND', exitCode: 2 });
  });

  it('a timer expression FC refuses: TimerExpressionError, E_TIMER_EXPRESSION, with the part and span', async () => {
    const error = await thrownBy(() => parseTimerExpression('0 61 * * * *'));
    expect(error).toBeInstanceOf(TimerExpressionError);
    expect(error).toMatchObject({ code: 'E_TIMER_EXPRESSION', part: 'minute', span: { start: 2, end: 4 } });
  });

  it('a schema the arbitrary compiler cannot draw from: UnsupportedSchemaError, E_UNSUPPORTED_SCHEMA', async () => {
    const error = await thrownBy(() => schemaArbitrary({ type: 'string', contentMediaType: 'image/png', not: { const: '' } }));
    expect(error).toBeInstanceOf(UnsupportedSchemaError);
    expect(error).toMatchObject({ code: 'E_UNSUPPORTED_SCHEMA', exitCode: 2 });
  });

  it('a failed contract check: ContractFailure, E_CONTRACT_FAILED (exit status 1), with the report', async () => {
    const error = await thrownBy(() =>
      checkHandler({
        handler: async () => {
          throw new TypeError('boom');
        },
        trigger: 'timer',
        runs: 3,
        failuresDir: false,
      }),
    );
    expect(error).toBeInstanceOf(ContractFailure);
    expect(error).toBeInstanceOf(FcSimError);
    expect(error).toMatchObject({ code: 'E_CONTRACT_FAILED', exitCode: 1, report: { failure: { check: 'no-unhandled-error' } } });
  });
});

describe('what used to be a RangeError or TypeError is an FcSimError with a code', () => {
  const codeOf = async (call: () => unknown) => {
    const error = await thrownBy(call);
    expect(error).toBeInstanceOf(FcSimError);
    return (error as FcSimError).code;
  };

  it('parameters that describe no event: E_INVALID_PARAMS', async () => {
    expect(await codeOf(() => buildMnsEvent({ attributes: { MessageId: 'x' } }))).toBe('E_INVALID_PARAMS');
    expect(await codeOf(() => buildMnsEvent({ time: 'yesterday' }))).toBe('E_INVALID_PARAMS');
    expect(await codeOf(() => httpRequest({ bodyKinds: [] }))).toBe('E_INVALID_PARAMS');
    expect(await codeOf(() => httpRequest({ methods: [] }))).toBe('E_INVALID_PARAMS');
    expect(await codeOf(() => timerSchedule(parseTimerExpression('@every 5m'), { from: new Date() }))).toBe('E_INVALID_PARAMS');
  });

  it('a trigger whose filter lets no event through: E_CONFIG', async () => {
    const getOnly = {
      name: 'get',
      type: 'oss',
      config: { events: ['oss:ObjectDownloaded:GetObject'] },
      sourceArn: 'acs:oss:cn-hangzhou:1234567890123456:b-1',
      location: { file: 's.yaml', path: 'triggers.get' },
    };
    expect(await codeOf(() => matchingEvents(getOnly, { fcVersion: 3 }))).toBe('E_CONFIG');
  });

  it('hooks of the other style than the handler: E_USAGE', async () => {
    expect(await codeOf(() => createInstance(() => 'ok', { initializer: 'index.initialize' }))).toBe('E_USAGE');
  });

  it('a remote target that cannot be called as described: E_REMOTE_TARGET', async () => {
    const credentials = { accessKeyId: 'LTAIunit', accessKeySecret: 'secret' };
    expect(await codeOf(() => new InvokeApiTarget({ api: 'fc2', endpoint: 'http://127.0.0.1:1', functionName: 'f', credentials }))).toBe('E_REMOTE_TARGET');
    expect(await codeOf(() => new HttpTriggerTarget({ url: 'http://127.0.0.1:1/', sign: 'fc3' }))).toBe('E_REMOTE_TARGET');
  });
});
