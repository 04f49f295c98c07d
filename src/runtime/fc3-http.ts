import { returnedResponse } from './http-answer.js';
import type { Invocation } from './invocation.js';
import { isReservedResponseHeader } from './reserved-headers.js';

/**
 * The HTTP response FC 3.0 sends for what a handler returned to an HTTP trigger event: the returned
 * `{statusCode, headers, isBase64Encoded, body}`, body decoded when base64. FC's handling of a value that is not
 * such an object is not documented (the doc section could not be read): fc-sim answers 200 with the raw result
 * as body, as FC is understood to, and adds a warning that names what does not conform.
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
  invocation.httpResponseProblem = `the handler's result is not an FC 3.0 HTTP response ({statusCode, headers?, isBase64Encoded?, body?}): ${problems}. FC is understood to answer 200 with the raw result as body; return {statusCode: 200, body: "…"} to say what you mean.`;
  invocation.warnings.push(invocation.httpResponseProblem);
  invocation.http = { statusCode: 200, headers: {}, body: invocation.body };
}
