import { returnedResponse } from '../../runtime/http-answer.js';
import type { Invocation } from '../../runtime/invocation.js';

/**
 * The HTTP response API Gateway sends for what an FC event function answered an API call: the returned
 * `{isBase64Encoded, statusCode, headers, body}`, body decoded when base64. Any other answer makes API Gateway
 * answer 503 Service Unavailable although the function succeeded (FC doc on API Gateway triggers, FAQ): that
 * response, and the reason in `httpResponseProblem` and the warnings.
 * @see https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export function attachApigwResponse(invocation: Invocation): void {
  if (invocation.status !== 'success') return;
  const read = returnedResponse(invocation, 'apigw-response');
  if ('response' in read) {
    invocation.http = read.response;
    return;
  }
  const { problems } = read;
  invocation.httpResponseProblem = `the handler's result is not an API Gateway response ({isBase64Encoded, statusCode, headers, body}): ${problems}. API Gateway answers 503 Service Unavailable to it; return {isBase64Encoded: false, statusCode: 200, headers: {}, body: "…"}.`;
  invocation.warnings.push(invocation.httpResponseProblem);
  invocation.http = { statusCode: 503, headers: {}, body: Buffer.alloc(0) };
}
