import { randomUUID } from 'node:crypto';
import { FcSimError } from '../errors.js';
import type { Invocation } from '../runtime/invocation.js';
import { signAcs3 } from './acs3-signature.js';
import type { AccessKey } from './credentials.js';
import { signFc2 } from './fc2-signature.js';
import { headerValue, joinPath, queryText } from './headers.js';
import type { HttpAnswer, HttpRequest, TransportOptions } from './http-client.js';
import { HttpClient } from './http-client.js';
import { eventContentType, requestFromEvent } from './http-request.js';
import type { RemoteResult } from './outcome.js';
import { errorFromBody, fcErrorKind, httpResponse, isPlatformError, logTail, remoteInvocation, reportedTimings, resultOf } from './outcome.js';
import type { SendOptions } from './remote-instance.js';
import { RemoteInstanceBase } from './remote-instance.js';

/**
 * A function's HTTP trigger as a target: its URL and, for triggers with signature auth, how to sign.
 *
 * @example
 * ```ts
 * const trigger: HttpTriggerSpec = { url: 'https://my-trigger.cn-hangzhou.fcapp.run/', sign: 'fc3', credentials: accessKeyFromEnv() };
 * const target = createRemoteTarget({ kind: 'http-trigger', ...trigger });
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 * @see https://help.aliyun.com/en/functioncompute/fc/user-guide/configure-signature-authentication-for-http-triggers
 */
export interface HttpTriggerSpec {
  /**
   * The trigger's base URL: FC 2.0 `https://<account>.<region>.fc.aliyuncs.com/2016-08-15/proxy/<service>/<function>/`,
   * FC 3.0 `https://<trigger-id>.<region>.fcapp.run/`, a custom domain, or any server.
   */
  url: string;
  /** Sign requests: `fc2` for FC 2.0 triggers with function auth, `fc3` (ACS3-HMAC-SHA256) for FC 3.0 signature auth. */
  sign?: 'fc2' | 'fc3';
  credentials?: AccessKey;
}

/**
 * An HTTP trigger: an HTTP event becomes the real request (method, path appended to the base URL's path, query,
 * headers, body) and the response is the Invocation's `http`. Any other event is POSTed as the body. FC's own
 * answers are told apart: `x-fc-error-type` (a function error), FC's error JSON on a 4xx/5xx (the platform refused).
 */
export class HttpTriggerTarget extends RemoteInstanceBase {
  readonly description: string;
  private readonly base: URL;
  private readonly client: HttpClient;
  /** The URL's own query, and its path with it: what a plain event is POSTed to (computed once, not per request). */
  private readonly baseQuery: Array<[string, string]>;
  private readonly basePath: string;

  constructor(
    private readonly spec: HttpTriggerSpec,
    transport: TransportOptions = {},
  ) {
    super();
    this.base = new URL(spec.url);
    if (spec.sign && !spec.credentials)
      throw new FcSimError(
        'E_REMOTE_TARGET',
        `signing (${spec.sign}) needs credentials`,
        'pass credentials (an AccessKey pair), or leave out sign for an anonymous trigger',
      );
    this.redactor
      .add(spec.credentials?.accessKeySecret)
      .add(spec.credentials?.securityToken)
      .add(decodeURIComponent(this.base.password) || undefined);
    this.client = new HttpClient(this.base.origin, transport);
    this.description = `HTTP trigger ${this.base.origin}${this.base.pathname}`;
    this.baseQuery = [...this.base.searchParams];
    this.basePath = `${this.base.pathname}${queryText(this.baseQuery)}`;
  }

  async send(event: Uint8Array, options: SendOptions = {}, signal?: AbortSignal): Promise<RemoteResult> {
    // The event's own bytes, not a copy: nothing here writes to them.
    const bytes = Buffer.isBuffer(event) ? event : Buffer.from(event.buffer, event.byteOffset, event.byteLength);
    const fromEvent = requestFromEvent(bytes, options.http);
    const method = fromEvent?.method ?? 'POST';
    const path = fromEvent ? joinPath(this.base.pathname, fromEvent.path) : this.base.pathname;
    const query: Array<[string, string]> = fromEvent ? [...this.baseQuery, ...fromEvent.query] : this.baseQuery;
    const target = fromEvent ? `${path}${queryText(query)}` : this.basePath;
    const body = fromEvent?.body ?? bytes;
    const headers = fromEvent?.headers ?? { 'content-type': options.contentType ?? eventContentType(bytes) };
    const build = (): HttpRequest => {
      const request = { method, path: target, headers: { ...headers }, body };
      if (this.spec.sign && this.spec.credentials) {
        const signable = { method, host: this.base.host, pathname: path, query, headers: request.headers, body };
        if (this.spec.sign === 'fc2') signFc2(signable, this.spec.credentials);
        else signAcs3(signable, this.spec.credentials);
      }
      return request;
    };
    const exchange = await this.client.exchange(build, signal);
    const requestId = (exchange.answer && headerValue(exchange.answer.headers, 'x-fc-request-id')) ?? options.requestId ?? randomUUID();
    return resultOf(exchange, requestId, (answer, latencyMs) => this.answered(answer, requestId, latencyMs));
  }

  private answered(answer: HttpAnswer, requestId: string, latencyMs: number): Invocation {
    const kind = fcErrorKind(answer.headers);
    const status: Invocation['status'] = kind ? `${kind}-error` : answer.statusCode >= 400 && isPlatformError(answer.body) ? 'rejected' : 'success';
    const { durationMs, maxMemoryUsedMb } = reportedTimings(answer.headers, latencyMs);
    // One literal, no spreads: this runs for every answer of a load run.
    return remoteInvocation({
      requestId,
      status,
      body: answer.body,
      error: status === 'success' ? undefined : errorFromBody(answer.body),
      logs: logTail(answer.headers),
      http: httpResponse(answer),
      durationMs,
      maxMemoryUsedMb,
    });
  }

  async dispose(): Promise<undefined> {
    await this.client.close();
    return undefined;
  }

  async destroy(): Promise<void> {
    await this.client.close(true);
  }
}
