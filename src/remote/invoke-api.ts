import { FcSimError } from '../errors.js';
import type { InvokeOptions } from '../runtime/instance.js';
import { attachFc3HttpResponse } from '../runtime/fc3-http.js';
import { attachApigwResponse } from '../triggers/apigw/response.js';
import type { Invocation } from '../runtime/invocation.js';
import { errorBody } from '../runtime/invocation.js';
import { signAcs3 } from './acs3-signature.js';
import type { AccessKey } from './credentials.js';
import { FC2_API_VERSION, signFc2 } from './fc2-signature.js';
import type { HeaderMap } from './headers.js';
import { headerValue, joinPath, queryText, rfc3986 } from './headers.js';
import type { HttpAnswer, HttpRequest, TransportOptions } from './http-client.js';
import { HttpClient } from './http-client.js';
import type { RemoteResult } from './outcome.js';
import { errorFromBody, fcErrorKind, logTail, remoteInvocation, reportedTimings, resultOf } from './outcome.js';
import { RemoteInstanceBase } from './remote-instance.js';

export const FC3_API_VERSION = '2023-03-30';

/**
 * FC's InvokeFunction API as a target: the API version, the endpoint, the function and the caller's AccessKey.
 *
 * @example
 * ```ts
 * const credentials = accessKeyFromEnv();
 * if (!credentials) throw new Error('set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET');
 * const api: InvokeApiSpec = { api: 'fc3', endpoint: 'https://1234567890123456.cn-hangzhou.fc.aliyuncs.com', functionName: 'nightly', credentials };
 * const target = createRemoteTarget({ kind: 'invoke', ...api });
 * ```
 * @see https://help.aliyun.com/en/functioncompute/fc/developer-reference/api-fc-2023-03-30-invokefunction
 * @see https://alibabacloud.com/help/en/functioncompute/fc-2-0/developer-reference/api-invokefunction
 */
export interface InvokeApiSpec {
  /** `fc2`: 2016-08-15 with FC's signature; `fc3`: 2023-03-30 with ACS3-HMAC-SHA256. */
  api: 'fc2' | 'fc3';
  /** `https://<account>.<region>.fc.aliyuncs.com` (see {@link invokeEndpoint}), or any server that answers like FC. */
  endpoint: string;
  /** Sent as `x-fc-account-id` (FC 2.0). */
  accountId?: string;
  /** FC 2.0 only: functions live in services. */
  serviceName?: string;
  functionName: string;
  /** A version or alias (`LATEST` by default on FC's side). */
  qualifier?: string;
  /** Sync (the result and a log tail come back) or async (FC queues the event and answers 202). Default sync. */
  invocationType?: 'sync' | 'async';
  credentials: AccessKey;
}

/** FC's invoke endpoint: `https://<account>.<region>.fc.aliyuncs.com` (`-internal` inside the region's VPC). */
export function invokeEndpoint(accountId: string, region: string, internal = false): string {
  return `https://${accountId}.${region}${internal ? '-internal' : ''}.fc.aliyuncs.com`;
}

/**
 * FC's InvokeFunction API (runtime.md §6.1, §6.3): the event bytes as the body, `x-fc-invocation-type`,
 * `x-fc-log-type: Tail` for synchronous calls (the log tail comes back base64 in `x-fc-log-result` and becomes
 * the Invocation's logs), `x-fc-error-type` for function errors; FC's error JSON on any other non-2xx answer
 * makes a `rejected` Invocation. FC 3.0 HTTP events are sent as the event (the function answers
 * `{statusCode, headers, body}`, mapped to `http`); FC 2.0 HTTP handlers are only reachable through their trigger.
 */
export class InvokeApiTarget extends RemoteInstanceBase {
  readonly description: string;
  private readonly base: URL;
  private readonly client: HttpClient;
  private readonly path: string;
  private readonly query: Array<[string, string]>;

  constructor(
    private readonly spec: InvokeApiSpec,
    transport: TransportOptions = {},
  ) {
    super();
    this.base = new URL(spec.endpoint);
    this.redactor.add(spec.credentials.accessKeySecret).add(spec.credentials.securityToken);
    this.client = new HttpClient(this.base.origin, transport);
    if (spec.api === 'fc2') {
      if (!spec.serviceName) throw new FcSimError('E_REMOTE_TARGET', 'FC 2.0 InvokeFunction needs a service name', "give serviceName, or use api: 'fc3'");
      const service = spec.qualifier ? `${spec.serviceName}.${spec.qualifier}` : spec.serviceName;
      this.path = joinPath(this.base.pathname, `/${FC2_API_VERSION}/services/${rfc3986(service)}/functions/${rfc3986(spec.functionName)}/invocations`);
      this.query = [];
    } else {
      this.path = joinPath(this.base.pathname, `/${FC3_API_VERSION}/functions/${rfc3986(spec.functionName)}/invocations`);
      this.query = spec.qualifier ? [['qualifier', spec.qualifier]] : [];
    }
    const name = spec.api === 'fc2' ? `${spec.serviceName}/${spec.functionName}` : spec.functionName;
    this.description = `InvokeFunction ${spec.api === 'fc2' ? 'FC 2.0' : 'FC 3.0'} ${name}${spec.qualifier ? `:${spec.qualifier}` : ''} at ${this.base.origin}`;
  }

  private request(body: Buffer, async: boolean): HttpRequest {
    const { spec } = this;
    const headers: HeaderMap = {
      accept: 'application/json',
      'x-fc-invocation-type': async ? 'Async' : 'Sync',
      'x-fc-log-type': async ? 'None' : 'Tail',
    };
    if (body.length > 0 || spec.api === 'fc3') headers['content-type'] = 'application/octet-stream';
    const signable = { method: 'POST', host: this.base.host, pathname: this.path, query: this.query, headers, body };
    if (spec.api === 'fc2') {
      if (spec.accountId) headers['x-fc-account-id'] = spec.accountId;
      signFc2(signable, spec.credentials);
    } else {
      signAcs3(signable, spec.credentials, { action: 'InvokeFunction', version: FC3_API_VERSION });
    }
    return { method: 'POST', path: `${this.path}${queryText(this.query)}`, headers, body };
  }

  async send(event: Uint8Array, options: InvokeOptions = {}, signal?: AbortSignal): Promise<RemoteResult> {
    if (options.http?.kind === 'fc2-http') {
      const error = {
        errorMessage: 'an FC 2.0 HTTP handler (request, response, context) is only reachable through its HTTP trigger',
        errorType: 'ClientError',
      };
      const invocation = remoteInvocation({ requestId: '', status: 'rejected', body: errorBody(error), error, durationMs: 0 });
      invocation.warnings.push('use --url https://<account>.<region>.fc.aliyuncs.com/2016-08-15/proxy/<service>/<function>/ for FC 2.0 HTTP functions');
      return { invocation, outcome: 'client-error', attempts: 0, latencyMs: 0 };
    }
    const body = Buffer.from(event);
    const async = (this.spec.invocationType ?? 'sync') === 'async';
    const exchange = await this.client.exchange(() => this.request(body, async), signal);
    const requestId = (exchange.answer && headerValue(exchange.answer.headers, 'x-fc-request-id')) ?? options.requestId ?? '';
    const result = resultOf(exchange, requestId, (answer, latencyMs) => this.answered(answer, requestId, latencyMs, async));
    if (options.http?.kind === 'fc3-http' && !async) attachFc3HttpResponse(result.invocation);
    if (options.http?.kind === 'apigw' && !async) attachApigwResponse(result.invocation);
    return result;
  }

  private answered(answer: HttpAnswer, requestId: string, latencyMs: number, async: boolean): Invocation {
    const common = { requestId, body: answer.body, logs: logTail(answer.headers), ...reportedTimings(answer.headers, latencyMs) };
    const kind = fcErrorKind(answer.headers);
    if (kind) return remoteInvocation({ ...common, status: `${kind}-error`, error: errorFromBody(answer.body) });
    if (answer.statusCode < 200 || answer.statusCode >= 300) {
      return remoteInvocation({ ...common, status: 'rejected', error: errorFromBody(answer.body, `FC answered ${answer.statusCode}`) });
    }
    const warnings = async ? [`asynchronous invocation accepted (${answer.statusCode}): FC runs the function later; its result and logs are not returned`] : [];
    return remoteInvocation({ ...common, status: 'success', warnings });
  }

  async dispose(): Promise<undefined> {
    await this.client.close();
    return undefined;
  }

  async destroy(): Promise<void> {
    await this.client.close(true);
  }
}
