import { encodeCbor } from '../io/cbor.js';
import type { Json } from '../io/json-values.js';
import { isJsonObject } from '../io/json-values.js';
import type { InvokeOptions } from '../runtime/instance.js';
import type { Fc2HttpRequest } from '../types/generated.js';

/**
 * How an event reaches the handler: as the bytes of the event (`handler(event, context)`), as the CBOR bytes of
 * the event (Tablestore: the event is its JSON form, src/io/cbor.ts), as an FC 3.0 HTTP trigger event whose answer
 * is an HTTP response, or as an FC 2.0 HTTP call `(request, response, context)` with the body bytes;
 * `apigw`: as an API Gateway call of an event function, whose answer API Gateway turns into the HTTP response.
 *
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 * @see README.md#property-based-contract-tests
 */
export type Delivery = 'apigw' | 'event' | 'cbor' | 'fc3-http' | 'fc2-http';

/** An FC 2.0 HTTP event is `{request, body}` (drawn: the body bytes intact) or the request alone (a kind, a saved file). */
function fc2Parts(event: unknown): { request: Fc2HttpRequest; body: string | Uint8Array } {
  const value = event as { request?: Fc2HttpRequest; body?: string | Uint8Array };
  if (value.request) return { request: value.request, body: value.body ?? '' };
  const request = event as Fc2HttpRequest;
  return { request, body: request.body ?? '' };
}

/**
 * The bytes FC hands the handler for an event, and how it calls the handler.
 *
 * @example
 * ```ts
 * const instance = createInstance('index.handler');
 * const { bytes, options } = deliver(buildHttpEvent({ method: 'POST', path: '/users' }), 'fc3-http');
 * const result = await instance.invoke(bytes, options); // result.http is the HTTP response
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/request-handlers
 * @see README.md#property-based-contract-tests
 */
export function deliver(event: unknown, delivery: Delivery): { bytes: Buffer; options: InvokeOptions } {
  if (delivery === 'fc2-http') {
    const { request, body } = fc2Parts(event);
    return { bytes: Buffer.from(body), options: { http: { kind: 'fc2-http', request } } };
  }
  // Bytes go as they are (a .cbor file's too); a CBOR event's JSON form is encoded.
  if (delivery === 'cbor' && !(event instanceof Uint8Array)) return { bytes: encodeCbor(event), options: {} };
  const bytes = event instanceof Uint8Array ? Buffer.from(event) : Buffer.from(typeof event === 'string' ? event : JSON.stringify(event));
  return { bytes, options: delivery === 'fc3-http' || delivery === 'apigw' ? { http: { kind: delivery } } : {} };
}

/**
 * How an HTTP request written as JSON reaches the handler, by its shape: an FC 3.0 HTTP trigger event (`version`
 * "v1" and a `requestContext`), the FC 2.0 request an HTTP handler sees (`method` and `path`), or an API Gateway call
 * (`httpMethod` and `path`). Looser than the schemas: a hand-written request names what it needs and FC fills the rest.
 *
 * @example
 * ```ts
 * httpRequestDelivery({ method: 'POST', path: '/users', body: '{}' }); // 'fc2-http'
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 */
export function httpRequestDelivery(value: Json): Extract<Delivery, 'fc3-http' | 'fc2-http' | 'apigw'> | undefined {
  if (!isJsonObject(value)) return undefined;
  if (value.version === 'v1' && typeof value.requestContext === 'object') return 'fc3-http';
  if (typeof value.method === 'string' && typeof value.path === 'string') return 'fc2-http';
  if (typeof value.httpMethod === 'string' && typeof value.path === 'string') return 'apigw';
  return undefined;
}

/** How the runtime was asked to call the handler: its invoke options' `http` kind is the delivery. */
export function deliveryOf(options: InvokeOptions): Delivery {
  return options.http?.kind ?? 'event';
}
