import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Invocation } from '../runtime/invocation.js';
import { isReservedResponseHeader } from '../runtime/reserved-headers.js';

/** FC answers 502 BadResponse when a function's response headers pass 8 KB (runtime.md §4.1). */
export const MAX_RESPONSE_HEADER_BYTES = 8 * 1024;

export interface ResponsePlan {
  statusCode: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** Things the access log should say (dropped headers). */
  warnings: string[];
}

export function fcErrorResponse(statusCode: number, errorCode: string, message: string, requestId: string, extra: OutgoingHttpHeaders = {}): ResponsePlan {
  const body = Buffer.from(JSON.stringify({ ErrorCode: errorCode, ErrorMessage: message }));
  return { statusCode, headers: { 'content-type': 'application/json', 'x-fc-request-id': requestId, ...extra }, body, warnings: [] };
}

function headerSize(headers: Record<string, string | string[]>): number {
  let total = 0;
  for (const [name, value] of Object.entries(headers))
    for (const item of Array.isArray(value) ? value : [value]) total += Buffer.byteLength(name) + Buffer.byteLength(item) + 4;
  return total;
}

/** The headers an HTTP server (a custom runtime's) sends with every response, whatever the code answers. */
const SERVER_FRAMING = /^(content-length|date)$/i;

/**
 * What the HTTP trigger answers for an invocation:
 *
 * - success: the function's response (FC 2.0: what `response.send` sent; FC 3.0: the returned
 *   `{statusCode, headers, isBase64Encoded, body}`, or 200 with the raw result), without the headers FC does not let
 *   a function set (src/runtime/reserved-headers.ts); response headers over 8 KB → 502 BadResponse, as FC.
 * - a function error (a throw, a rejection, `callback(error)`, a timeout, a crash), FC 2.0 or FC 3.0 alike: 502 with
 *   the error JSON (`{errorMessage, errorType, stackTrace}`) and `x-fc-error-type: UnhandledInvocationError` (or
 *   `HandledInvocationError`), as FC's invocation API reports function errors; what a deployed HTTP trigger shows
 *   a browser in that case is not documented.
 * - a request FC refuses before running anything: its status with `{"ErrorCode", "ErrorMessage"}`.
 *
 * Every answer carries `x-fc-request-id`.
 */
export function invocationResponse(invocation: Invocation, options: { fromServer?: boolean } = {}): ResponsePlan {
  const { requestId } = invocation;
  if (invocation.status === 'rejected') {
    return fcErrorResponse(400, 'InvalidArgument', invocation.error?.errorMessage ?? 'the request was refused', requestId);
  }
  if (invocation.status !== 'success') {
    return {
      statusCode: 502,
      headers: {
        'content-type': 'application/json',
        'x-fc-request-id': requestId,
        'x-fc-error-type': invocation.status === 'handled-error' ? 'HandledInvocationError' : 'UnhandledInvocationError',
      },
      body: invocation.body,
      warnings: [],
    };
  }
  const http = invocation.http ?? { statusCode: 200, headers: {}, body: invocation.body };
  const warnings: string[] = [];
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(http.headers)) {
    if (!isReservedResponseHeader(name)) kept[name] = value;
    // Every HTTP server writes these itself, and FC answers with its own: only a handler's are worth a warning.
    else if (!(options.fromServer && SERVER_FRAMING.test(name))) warnings.push(`response header ${name} is reserved: FC drops it`);
  }
  if (headerSize(kept) > MAX_RESPONSE_HEADER_BYTES) {
    return fcErrorResponse(
      502,
      'BadResponse',
      `the function's response headers are ${headerSize(kept)} bytes; FC accepts ${MAX_RESPONSE_HEADER_BYTES}`,
      requestId,
    );
  }
  if (!Number.isInteger(http.statusCode) || http.statusCode < 100 || http.statusCode > 599) {
    return fcErrorResponse(502, 'BadResponse', `the function answered status code ${http.statusCode}, which is not an HTTP status`, requestId);
  }
  return { statusCode: http.statusCode, headers: { ...kept, 'x-fc-request-id': requestId }, body: http.body, warnings };
}

/** Sends a planned response; headers Node refuses (invalid characters) make it a 502 BadResponse instead. */
export function sendResponse(response: ServerResponse, plan: ResponsePlan, requestId: string): ResponsePlan {
  let sent = plan;
  try {
    for (const [name, value] of Object.entries(plan.headers)) if (value !== undefined) response.setHeader(name, value);
  } catch (error) {
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    sent = fcErrorResponse(502, 'BadResponse', `the function's response has a header Node.js cannot send: ${(error as Error).message}`, requestId);
    for (const [name, value] of Object.entries(sent.headers)) if (value !== undefined) response.setHeader(name, value);
  }
  response.setHeader('content-length', sent.body.length);
  response.writeHead(sent.statusCode);
  response.end(sent.body);
  return sent;
}

/**
 * A function whose code folder is missing (`codeUri: ./dist` before a build): FC's answer for a handler module it
 * cannot load, an unhandled `ImportModuleError` (runtime.md, Corrections 6), naming where the code path is set.
 */
export function missingCodeResponse(problem: string, requestId: string): ResponsePlan {
  return {
    statusCode: 502,
    headers: { 'content-type': 'application/json', 'x-fc-request-id': requestId, 'x-fc-error-type': 'UnhandledInvocationError' },
    body: Buffer.from(JSON.stringify({ errorMessage: problem, errorType: 'ImportModuleError' })),
    warnings: [],
  };
}
