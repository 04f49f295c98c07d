import type { CustomRuntimeSpec } from './custom-runtime.js';
import { CustomRuntimeTarget } from './custom-runtime.js';
import type { TransportOptions } from './http-client.js';
import type { HttpTriggerSpec } from './http-trigger.js';
import { HttpTriggerTarget } from './http-trigger.js';
import type { InvokeApiSpec } from './invoke-api.js';
import { InvokeApiTarget } from './invoke-api.js';
import type { RemoteInstance } from './remote-instance.js';

/**
 * Where events go instead of a local handler: a function's HTTP trigger, a custom runtime or container speaking FC's
 * protocol, or FC's InvokeFunction API.
 *
 * @example
 * ```ts
 * const spec: RemoteTargetSpec = { kind: 'http-trigger', url: 'https://my-trigger.cn-hangzhou.fcapp.run/', sign: 'fc3', credentials: accessKeyFromEnv() };
 * const target = createRemoteTarget(spec);
 * ```
 * @see https://help.aliyun.com/en/functioncompute/fc/developer-reference/api-fc-2023-03-30-invokefunction
 * @see README.md#replay-against-deployed-functions
 */
export type RemoteTargetSpec =
  | ({ kind: 'http-trigger' } & HttpTriggerSpec)
  | ({ kind: 'custom-runtime' } & CustomRuntimeSpec)
  | ({ kind: 'invoke' } & InvokeApiSpec);

/**
 * The kind of a remote target: `http-trigger`, `custom-runtime` or `invoke` (InvokeFunction).
 *
 * @see README.md#replay-against-deployed-functions
 */
export type RemoteTargetKind = RemoteTargetSpec['kind'];

/**
 * The remote instance for a target: an {@link Instance} whose invocations are real requests.
 *
 * @example
 * ```ts
 * const target = createRemoteTarget({ kind: 'http-trigger', url: 'http://127.0.0.1:9000/2016-08-15/proxy/svc/fn/' }, { connections: 16 });
 * const result = await target.invoke(eventBytes(buildHttpEvent({ path: '/users/42' })), { http: { kind: 'fc3-http' } });
 * await target.dispose();
 * ```
 * @see https://help.aliyun.com/en/functioncompute/fc/developer-reference/api-fc-2023-03-30-invokefunction
 * @see README.md#replay-against-deployed-functions
 */
export function createRemoteTarget(spec: RemoteTargetSpec, transport: TransportOptions = {}): RemoteInstance {
  switch (spec.kind) {
    case 'http-trigger':
      return new HttpTriggerTarget(spec, transport);
    case 'custom-runtime':
      return new CustomRuntimeTarget(spec, transport);
    case 'invoke':
      return new InvokeApiTarget(spec, transport);
  }
}
