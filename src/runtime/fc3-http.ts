import { returnedResponse } from './http-answer.js';
import type { Invocation } from './invocation.js';

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
    invocation.http = read.response;
    return;
  }
  const { problems } = read;
  invocation.httpResponseProblem = `the handler's result is not an FC 3.0 HTTP response ({statusCode, headers?, isBase64Encoded?, body?}): ${problems}. FC is understood to answer 200 with the raw result as body; return {statusCode: 200, body: "…"} to say what you mean.`;
  invocation.warnings.push(invocation.httpResponseProblem);
  invocation.http = { statusCode: 200, headers: {}, body: invocation.body };
}
