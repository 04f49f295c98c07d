import type { TestServer } from './servers.js';
import { startServer, json } from './servers.js';
import { verifyAcs3, verifyFc2 } from './verifier.js';

/**
 * A local stand-in for FC's invoke endpoint: it verifies the FC 2.0 or ACS3 signature (403 SignatureNotMatch
 * otherwise), then "runs" the event: `{"fail":"handled"|"unhandled"}` answers a function error, `{"busy":n}`
 * answers 503 the first n times it sees that event, anything else echoes the event. Sync calls with
 * `x-fc-log-type: Tail` get a base64 log tail; async calls get 202.
 */
export async function startFcApi(secrets: Record<string, string>): Promise<TestServer & { calls: Array<{ url: string; headers: Record<string, unknown> }> }> {
  const calls: Array<{ url: string; headers: Record<string, unknown> }> = [];
  const nonces = new Set<string>();
  const busy = new Map<string, number>();
  const server = await startServer((request, response, body) => {
    const received = { method: request.method!, url: request.url!, headers: request.headers, body };
    calls.push({ url: request.url!, headers: request.headers });
    const fc3 = request.url!.startsWith('/2023-03-30/');
    const verdict = fc3 ? verifyAcs3(received, secrets, Date.now(), nonces) : verifyFc2(received, secrets);
    if (!verdict.ok) return json(response, 403, { ErrorCode: 'SignatureNotMatch', ErrorMessage: verdict.reason }, { 'x-fc-request-id': 'denied' });
    const requestId = `req-${calls.length}`;
    if (request.headers['x-fc-invocation-type'] === 'Async') {
      response.writeHead(202, { 'x-fc-request-id': requestId });
      return response.end();
    }
    const event = JSON.parse(body.toString() || '{}') as { fail?: string; busy?: number; statusCode?: number };
    const text = body.toString();
    if (event.busy !== undefined && (busy.get(text) ?? 0) < event.busy) {
      busy.set(text, (busy.get(text) ?? 0) + 1);
      return json(response, 503, { ErrorCode: 'ResourceExhausted', ErrorMessage: 'try again' }, { 'x-fc-request-id': requestId });
    }
    const tail =
      request.headers['x-fc-log-type'] === 'Tail'
        ? {
            'x-fc-log-result': Buffer.from(
              `FC Invoke Start RequestId: ${requestId}\n2025-01-01T00:00:00.000Z ${requestId} [info] got ${text}\nFC Invoke End RequestId: ${requestId}\n`,
            ).toString('base64'),
          }
        : {};
    const headers = { 'x-fc-request-id': requestId, 'x-fc-invocation-duration': '7', 'x-fc-max-memory-usage': '30.2', ...tail };
    if (event.fail) {
      return json(
        response,
        200,
        { errorMessage: `${event.fail} failure`, errorType: 'Error' },
        { ...headers, 'x-fc-error-type': event.fail === 'handled' ? 'HandledInvocationError' : 'UnhandledInvocationError' },
      );
    }
    response.writeHead(200, headers);
    response.end(event.statusCode ? JSON.stringify({ statusCode: event.statusCode, headers: { 'x-from': 'fn' }, body: 'from the function' }) : body);
  });
  return Object.assign(server, { calls });
}
