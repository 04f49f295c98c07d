import { returnedResponse } from './http-answer.js';
import type { Invocation } from './invocation.js';
import { isReservedResponseHeader } from './reserved-headers.js';

/**
 * The HTTP response FC 3.0 sends for what a handler returned to an HTTP trigger event: the returned
 * `{statusCode, headers, isBase64Encoded, body}`, body decoded when base64. A result that is no such object (text,
 * an object without `statusCode`) is answered 200 with the raw result as body, with a warning: FC's doc section on
 * it could not be read (runtime.md §5, UNVERIFIED), but devsapp's fc3 end-to-end projects (trigger/http, jwt,
 * command-api) return text or the event and run on FC, so it is no failure. A result that has a `statusCode` but
 * is not a valid response (`"201"` as a string) is one: what FC makes of it is unknown, and it is a mistake.
 */
export function attachFc3HttpResponse(invocation: Invocation): void {
  if (invocation.status !== 'success') return;
  const read = returnedResponse(invocation, 'http-response');
  if ('response' in read) {
    // FC overrides the reserved headers of an HTTP function's response (a wrong content-length is fixed, not
    // honoured: events.md, Corrections, after the FC 2.0 doc); the function's own never reach the caller.
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(read.response.headers)) {
      if (isReservedResponseHeader(name)) invocation.warnings.push(`response header ${name} is reserved: FC sets its own`);
      else headers[name] = value;
    }
    invocation.http = { ...read.response, headers };
    return;
  }
  const { problems } = read;
  const warning = `the handler's result is not an FC 3.0 HTTP response ({statusCode, headers?, isBase64Encoded?, body?}): ${problems}. FC answers 200 with the raw result as body; return {statusCode: 200, body: "…"} to say what you mean.`;
  if (meantAsResponse(invocation.body)) invocation.httpResponseProblem = warning;
  invocation.warnings.push(warning);
  invocation.http = { statusCode: 200, headers: {}, body: invocation.body };
}

/** Whether a result is a JSON object with a `statusCode`: one written as an HTTP response, right or wrong. */
function meantAsResponse(body: Buffer): boolean {
  try {
    const value: unknown = JSON.parse(body.toString());
    return typeof value === 'object' && value !== null && !Array.isArray(value) && 'statusCode' in value;
  } catch {
    return false;
  }
}
