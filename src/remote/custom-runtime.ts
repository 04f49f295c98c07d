import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { FunctionConfig } from '../runtime/function-config.js';
import type { InvokeOptions, StreamSink } from '../runtime/instance.js';
import type { Invocation } from '../runtime/invocation.js';
import type { HeaderMap } from './headers.js';
import { headerValue, joinPath, queryText } from './headers.js';
import type { HttpAnswer, HttpFailure, TransportOptions } from './http-client.js';
import { HttpClient } from './http-client.js';
import { requestFromEvent } from './http-request.js';
import type { RemoteResult } from './outcome.js';
import { errorFromBody, failedResult, httpResponse, remoteInvocation, resultOf } from './outcome.js';
import { RemoteInstanceBase } from './remote-instance.js';

/**
 * A custom runtime or custom container as a target: the server's URL and the function configuration FC's headers
 * tell it.
 *
 * @example
 * ```ts
 * const config: FunctionConfig = {
 *   handler: 'index.handler', initializer: 'index.init', codeDir: '/code', runtime: 'nodejs20', platform: 'fc2', timeout: 3, memorySize: 512,
 *   initializationTimeout: 3, functionName: 'fn', serviceName: 'svc', region: 'cn-hangzhou', accountId: '1234567890123456',
 *   qualifier: 'LATEST', versionId: '', logProject: '', logStore: '', environment: {},
 *   credentials: { accessKeyId: 'STS.test', accessKeySecret: 'secret', securityToken: 'token' },
 * };
 * const runtime: CustomRuntimeSpec = { url: 'http://127.0.0.1:9000', config };
 * const target = createRemoteTarget({ kind: 'custom-runtime', ...runtime });
 * ```
 * @see https://help.aliyun.com/en/functioncompute/fc-2-0/user-guide/custom-runtime-specification-details
 */
export interface CustomRuntimeSpec {
  /** The server: `http://127.0.0.1:9000` (FC's CAPort is 9000). A path is a prefix of /invoke, /initialize, …. */
  url: string;
  /** What FC's headers tell the server: handler, memory, timeout, initializer, names, region, credentials, …. */
  config: FunctionConfig;
}

/**
 * A custom runtime or custom container speaking FC's protocol (runtime.md §5): `POST /initialize` once before the
 * first invocation when an initializer is configured (again after it fails), `POST /invoke` with the event bytes
 * and FC's `x-fc-*` headers, HTTP events forwarded as the original request with `x-fc-control-path: /http-invoke`,
 * `GET /pre-stop` on dispose when a PreStop hook is configured. The answer's `x-fc-status` (else its status
 * code) says success (200) or failure (404, or any other error status).
 */
export class CustomRuntimeTarget extends RemoteInstanceBase {
  readonly description: string;
  /** Initialization in progress or done; reset when it fails, so that the next invocation tries again. */
  private initialized: Promise<RemoteResult | undefined> | undefined;
  private readonly base: URL;
  private readonly client: HttpClient;

  constructor(
    private readonly spec: CustomRuntimeSpec,
    transport: TransportOptions = {},
  ) {
    super();
    this.base = new URL(spec.url);
    this.redactor.add(spec.config.credentials.accessKeySecret).add(spec.config.credentials.securityToken);
    this.client = new HttpClient(this.base.origin, transport);
    this.description = `custom runtime ${this.base.origin}${this.base.pathname}`;
  }

  /** FC's common request headers (runtime.md §5), for one request. */
  private fcHeaders(requestId: string, controlPath: string, retryCount = 0): HeaderMap {
    const { config } = this.spec;
    const headers: Record<string, string | undefined> = {
      'x-fc-request-id': requestId,
      'x-fc-access-key-id': config.credentials.accessKeyId,
      'x-fc-access-key-secret': config.credentials.accessKeySecret,
      'x-fc-security-token': config.credentials.securityToken,
      'x-fc-function-handler': config.handler,
      'x-fc-function-memory': String(config.memorySize),
      'x-fc-function-timeout': String(config.timeout),
      'x-fc-function-initializer': config.initializer,
      'x-fc-initialization-timeout': config.initializer ? String(config.initializationTimeout) : undefined,
      'x-fc-instance-lifecycle-pre-stop-handler': config.preStop,
      'x-fc-instance-lifecycle-pre-freeze-handler': config.preFreeze,
      'x-fc-region': config.region,
      'x-fc-account-id': config.accountId,
      'x-fc-qualifier': config.qualifier,
      'x-fc-version-id': config.versionId,
      'x-fc-function-name': config.functionName,
      'x-fc-service-name': config.serviceName,
      'x-fc-service-logproject': config.logProject,
      'x-fc-service-logstore': config.logStore,
      'x-fc-retry-count': String(retryCount),
      'x-fc-control-path': controlPath,
    };
    return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
  }

  async send(event: Uint8Array, options: InvokeOptions = {}, signal?: AbortSignal): Promise<RemoteResult> {
    const requestId = options.requestId ?? randomUUID();
    if (this.spec.config.initializer) {
      const failed = await this.initialize(requestId, signal);
      if (failed) return failed;
    }
    const bytes = Buffer.from(event);
    const forwarded = requestFromEvent(bytes, options.http);
    if (forwarded) {
      const path = `${joinPath(this.base.pathname, forwarded.path)}${queryText(forwarded.query)}`;
      const headers = { ...forwarded.headers, ...this.fcHeaders(requestId, '/http-invoke', options.retryCount) };
      if (options.stream) return this.sendStreaming({ method: forwarded.method, path, headers, body: forwarded.body }, requestId, options.stream, signal);
      const exchange = await this.client.exchange(() => ({ method: forwarded.method, path, headers, body: forwarded.body }), signal);
      // An HTTP function's response is the HTTP response, whatever its status.
      return resultOf(exchange, requestId, (answer, latencyMs) =>
        remoteInvocation({
          requestId,
          status: 'success',
          body: answer.body,
          http: httpResponse(answer),
          durationMs: latencyMs,
          memorySizeMb: this.spec.config.memorySize,
        }),
      );
    }
    const headers = { 'content-type': 'application/octet-stream', ...this.fcHeaders(requestId, '/invoke', options.retryCount) };
    const exchange = await this.client.exchange(() => ({ method: 'POST', path: joinPath(this.base.pathname, '/invoke'), headers, body: bytes }), signal);
    return resultOf(exchange, requestId, (answer, latencyMs) => this.answered(answer, requestId, latencyMs));
  }

  /**
   * An HTTP function's request whose answer may stream: a `text/event-stream` answer goes to `sink` as it arrives
   * (an MCP or SSE server never ends its answer, and its first event must reach the client at once, as through FC's
   * HTTP trigger); any other answer is read whole, as `send` reads it. Sent once, on a connection of its own.
   */
  private async sendStreaming(
    outgoing: { method: string; path: string; headers: HeaderMap; body: Buffer | undefined },
    requestId: string,
    sink: StreamSink,
    signal: AbortSignal | undefined,
  ): Promise<RemoteResult> {
    const started = performance.now();
    let answer: IncomingMessage;
    try {
      answer = await new Promise<IncomingMessage>((resolve, reject) => {
        const request = httpRequest(new URL(outgoing.path, this.base.origin), { method: outgoing.method, headers: outgoing.headers, signal }, resolve);
        request.once('error', reject);
        request.end(outgoing.body);
      });
    } catch (error) {
      const failure: HttpFailure = { reason: signal?.aborted ? 'interrupted' : 'connection', message: (error as Error).message };
      return failedResult(requestId, failure, 1, performance.now() - started);
    }
    const statusCode = answer.statusCode ?? 502;
    const memorySizeMb = this.spec.config.memorySize;
    if (!String(answer.headers['content-type'] ?? '').startsWith('text/event-stream')) {
      const chunks: Buffer[] = [];
      for await (const chunk of answer) chunks.push(chunk as Buffer);
      const latencyMs = performance.now() - started;
      const whole: HttpAnswer = { statusCode, headers: answer.headers, body: Buffer.concat(chunks) };
      return resultOf({ answer: whole, attempts: 1, latencyMs }, requestId, (read, ms) =>
        remoteInvocation({ requestId, status: 'success', body: read.body, http: httpResponse(read), durationMs: ms, memorySizeMb }),
      );
    }
    const headers = Object.fromEntries(Object.entries(answer.headers).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined));
    try {
      await sink(statusCode, headers, answer);
    } catch (error) {
      // The server's side broke off before the answer's end: no answer, as when it drops the connection at once.
      const failure: HttpFailure = { reason: signal?.aborted ? 'interrupted' : 'connection', message: `the answer broke off: ${(error as Error).message}` };
      return failedResult(requestId, failure, 1, performance.now() - started);
    } finally {
      answer.destroy();
    }
    const latencyMs = performance.now() - started;
    const empty = Buffer.alloc(0);
    const invocation = remoteInvocation({
      requestId,
      status: 'success',
      body: empty,
      http: httpResponse({ statusCode, headers: answer.headers, body: empty }),
      durationMs: latencyMs,
      memorySizeMb,
    });
    return { invocation, outcome: 'success', attempts: 1, latencyMs, statusCode };
  }

  /** success or failure by `x-fc-status`, else the status code: 2xx succeeds; 404 (or any other) is a function error. */
  private answered(answer: HttpAnswer, requestId: string, latencyMs: number): Invocation {
    const status = Number(headerValue(answer.headers, 'x-fc-status') ?? answer.statusCode);
    const common = { requestId, body: answer.body, durationMs: latencyMs, memorySizeMb: this.spec.config.memorySize };
    if (status >= 200 && status < 300) return remoteInvocation({ ...common, status: 'success' });
    return remoteInvocation({ ...common, status: 'unhandled-error', error: errorFromBody(answer.body, `the server answered ${answer.statusCode}`) });
  }

  /** One initialization for every invocation that waits for it; a failure fails them and is retried by the next. */
  private initialize(requestId: string, signal?: AbortSignal): Promise<RemoteResult | undefined> {
    if (!this.initialized) {
      const attempt = this.runInitializer(requestId, signal);
      this.initialized = attempt;
      void attempt.then((failed) => {
        if (failed && this.initialized === attempt) this.initialized = undefined;
      });
    }
    return this.initialized;
  }

  private async runInitializer(requestId: string, signal?: AbortSignal): Promise<RemoteResult | undefined> {
    const headers = this.fcHeaders(requestId, '/initialize');
    const exchange = await this.client.exchange(() => ({ method: 'POST', path: joinPath(this.base.pathname, '/initialize'), headers }), signal);
    const result = resultOf(exchange, requestId, (answer, latencyMs) => this.answered(answer, requestId, latencyMs));
    if (result.invocation.status === 'success') return undefined;
    result.invocation.warnings.push('the initializer (POST /initialize) failed: the invocation was not sent; the next one initializes again');
    return result;
  }

  async dispose(): Promise<Invocation | undefined> {
    let preStop: Invocation | undefined;
    if (this.spec.config.preStop) {
      const requestId = randomUUID();
      const exchange = await this.client.exchange(() => ({
        method: 'GET',
        path: joinPath(this.base.pathname, '/pre-stop'),
        headers: this.fcHeaders(requestId, '/pre-stop'),
      }));
      preStop = resultOf(exchange, requestId, (answer, latencyMs) => this.answered(answer, requestId, latencyMs)).invocation;
    }
    await this.client.close();
    return preStop;
  }

  async destroy(): Promise<void> {
    await this.client.close(true);
  }
}
