import { formatIssue } from '../schema/issues.js';
import { validate } from '../schema/validate.js';
import type { HttpTriggerResponse } from '../types/generated.js';
import type { HttpResponse, Invocation } from './invocation.js';

/**
 * The HTTP response FC 3.0 sends for what a handler returned to an HTTP trigger event: the returned
 * `{statusCode, headers, isBase64Encoded, body}`, body decoded when base64. FC's handling of a value that is not
 * such an object is not documented (the doc section could not be read): fc-sim answers 200 with the raw result
 * as body, as FC is understood to, and adds a warning that names what does not conform.
 */
export function attachFc3HttpResponse(invocation: Invocation): void {
  if (invocation.status !== 'success') return;
  const text = invocation.body.toString();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const result = value === undefined ? undefined : validate('http-response', value);
  if (result?.valid) {
    const response = result.value as HttpTriggerResponse;
    const body = response.body ?? '';
    invocation.http = {
      statusCode: response.statusCode,
      headers: Object.fromEntries(Object.entries(response.headers ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined)),
      body: response.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body),
    } satisfies HttpResponse;
    return;
  }
  const problems = result ? result.issues.map((issue) => formatIssue(issue)).join('; ') : 'it is not JSON';
  invocation.httpResponseProblem = `the handler's result is not an FC 3.0 HTTP response ({statusCode, headers?, isBase64Encoded?, body?}): ${problems}. FC is understood to answer 200 with the raw result as body; return {statusCode: 200, body: "…"} to say what you mean.`;
  invocation.warnings.push(invocation.httpResponseProblem);
  invocation.http = { statusCode: 200, headers: {}, body: invocation.body };
}
