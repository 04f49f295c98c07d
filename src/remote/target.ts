import { CustomRuntimeTarget, type CustomRuntimeSpec } from './custom-runtime.js';
import type { TransportOptions } from './http-client.js';
import { HttpTriggerTarget, type HttpTriggerSpec } from './http-trigger.js';
import { InvokeApiTarget, type InvokeApiSpec } from './invoke-api.js';
import type { RemoteInstance } from './remote-instance.js';

/** Where events go instead of a local handler. */
export type RemoteTargetSpec =
  | ({ kind: 'http-trigger' } & HttpTriggerSpec)
  | ({ kind: 'custom-runtime' } & CustomRuntimeSpec)
  | ({ kind: 'invoke' } & InvokeApiSpec);

export type RemoteTargetKind = RemoteTargetSpec['kind'];

/** The remote instance for a target: an {@link Instance} whose invocations are real requests. */
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
