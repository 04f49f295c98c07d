import type { InvokeOptions } from '../runtime/instance.js';
import type { Instance } from '../runtime/invoke.js';
import type { Invocation } from '../runtime/invocation.js';
import type { RemoteResult } from './outcome.js';
import { Redactor } from './redact.js';

/**
 * How one event is sent to a remote target: the invocation's options and, for a plain event POSTed to an HTTP
 * trigger, its Content-Type when the caller knows it (a reader that parsed the bytes knows they are JSON text).
 *
 * @example
 * ```ts
 * const target = createRemoteTarget({ kind: 'http-trigger', url: 'http://127.0.0.1:9000/' });
 * const options: SendOptions = { contentType: 'application/json' };
 * const { outcome } = await target.send(eventBytes(buildOssEvent()), options);
 * ```
 * @see README.md#replay-against-deployed-functions
 */
export interface SendOptions extends InvokeOptions {
  /** HTTP triggers: the Content-Type of a plain (non-HTTP) event; by default application/json when the bytes are JSON text, else application/octet-stream. */
  contentType?: string;
}

/**
 * A deployed function (or a server speaking FC's protocol) as an {@link Instance}: `invoke` gives the Invocation
 * the checks and reports read, `send` also says how the request went (attempts, latency, outcome) and can be
 * interrupted. Remote instances take many invocations at once.
 *
 * @example
 * ```ts
 * const target: RemoteInstance = createRemoteTarget({ kind: 'http-trigger', url: 'http://127.0.0.1:9000/' });
 * const { outcome, attempts, latencyMs } = await target.send(eventBytes(buildOssEvent()));
 * console.log(target.description, outcome, attempts, latencyMs);
 * await target.dispose();
 * ```
 * @see README.md#replay-against-deployed-functions
 */
export interface RemoteInstance extends Instance {
  /** What it is, for messages: `HTTP trigger http://127.0.0.1:9000/`. Never holds a credential. */
  readonly description: string;
  send(event: Uint8Array, options?: SendOptions, signal?: AbortSignal): Promise<RemoteResult>;
  /** Stops at once: requests in flight end as interrupted (dispose waits for them). */
  destroy(): Promise<void>;
  /** Text with the credentials this target sends (and any signed Authorization value) replaced by `***`: what fc-sim writes to disk passes it. */
  redact?(text: string): string;
}

export function isRemoteInstance(instance: Instance): instance is RemoteInstance {
  return typeof (instance as Partial<RemoteInstance>).send === 'function' && typeof (instance as Partial<RemoteInstance>).description === 'string';
}

/** invoke() in terms of send(). */
export abstract class RemoteInstanceBase implements RemoteInstance {
  abstract readonly description: string;
  /** Knows the credentials the target sends: each target adds its own. */
  protected readonly redactor = new Redactor();
  abstract send(event: Uint8Array, options?: SendOptions, signal?: AbortSignal): Promise<RemoteResult>;
  abstract dispose(): Promise<Invocation | undefined>;
  abstract destroy(): Promise<void>;

  async invoke(event: Uint8Array, options: InvokeOptions = {}): Promise<Invocation> {
    return (await this.send(event, options)).invocation;
  }

  redact(text: string): string {
    return this.redactor.redact(text);
  }
}
