import { formatIssue } from '../schema/issues.js';
import { validate } from '../schema/validate.js';
import type { HttpResponse, Invocation } from './invocation.js';

/** What a handler returned as an HTTP answer: `{statusCode, headers?, isBase64Encoded?, body?}`. */
interface ReturnedResponse {
  statusCode: number;
  headers?: Record<string, string | undefined>;
  isBase64Encoded?: boolean;
  body?: string;
}

/**
 * The HTTP response a successful invocation's result stands for, read against a response schema (FC 3.0's or API
 * Gateway's): the body decoded when base64; or, when the result is not such a response, what is wrong with it.
 */
export function returnedResponse(invocation: Invocation, schema: 'http-response' | 'apigw-response'): { response: HttpResponse } | { problems: string } {
  let value: unknown;
  try {
    value = JSON.parse(invocation.body.toString());
  } catch {
    return { problems: 'it is not JSON' };
  }
  const result = validate(schema, value);
  if (!result.valid) return { problems: result.issues.map((issue) => formatIssue(issue)).join('; ') };
  const returned = result.value as ReturnedResponse;
  const body = returned.body ?? '';
  return {
    response: {
      statusCode: returned.statusCode,
      headers: Object.fromEntries(Object.entries(returned.headers ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined)),
      body: returned.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body),
    },
  };
}
