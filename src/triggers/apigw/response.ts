import type { HttpResponse, Invocation } from '../../runtime/invocation.js';
import { formatIssue } from '../../schema/issues.js';
import { validate } from '../../schema/validate.js';
import type { ApiGatewayResponse } from '../../types/generated.js';

/**
 * The HTTP response API Gateway sends for what an FC event function answered an API call: the returned
 * `{isBase64Encoded, statusCode, headers, body}`, body decoded when base64. Any other answer makes API Gateway
 * answer 503 Service Unavailable although the function succeeded (FC doc on API Gateway triggers, FAQ): that
 * response, and the reason in `httpResponseProblem` and the warnings.
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export function attachApigwResponse(invocation: Invocation): void {
  if (invocation.status !== 'success') return;
  let value: unknown;
  try {
    value = JSON.parse(invocation.body.toString());
  } catch {
    value = undefined;
  }
  const result = value === undefined ? undefined : validate('apigw-response', value);
  if (result?.valid) {
    const response = result.value as ApiGatewayResponse;
    const body = response.body ?? '';
    invocation.http = {
      statusCode: response.statusCode,
      headers: Object.fromEntries(Object.entries(response.headers ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined)),
      body: response.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body),
    } satisfies HttpResponse;
    return;
  }
  const problems = result ? result.issues.map((issue) => formatIssue(issue)).join('; ') : 'it is not JSON';
  invocation.httpResponseProblem = `the handler's result is not an API Gateway response ({isBase64Encoded, statusCode, headers, body}): ${problems}. API Gateway answers 503 Service Unavailable to it; return {isBase64Encoded: false, statusCode: 200, headers: {}, body: "…"}.`;
  invocation.warnings.push(invocation.httpResponseProblem);
  invocation.http = { statusCode: 503, headers: {}, body: Buffer.alloc(0) };
}
