import { FcSimError } from '../errors.js';
import { newRequestId } from './context.js';
import { attachApigwResponse } from '../triggers/apigw/response.js';
import { attachFc3HttpResponse } from './fc3-http.js';
import type { FunctionConfig } from './function-config.js';
import type { InvokeOptions } from './instance.js';
import type { Invocation } from './invocation.js';
import { rejectedInvocation } from './invocation.js';
import { payloadTooLarge, payloadTooLargeWarning } from './limits.js';
import type { Platform, RuntimeTraits } from './runtimes.js';

export type HookName = 'Initialize' | 'PreFreeze' | 'PreStop';

/** PreFreeze and PreStop may run 90 s; the initializer has its own configured timeout (runtime.md §3). */
export const HOOK_TIMEOUT_SECONDS = 90;

/**
 * FC 3.0 hands an HTTP function an HTTP trigger event, FC 2.0 calls it with `(request, response, context)`: a
 * function gets only its own platform's convention (runtime.md, Corrections 1).
 */
function refuseOtherPlatformsHttp(options: InvokeOptions, platform: Platform): void {
  const kind = options.http?.kind;
  if (kind === 'fc2-http' && platform === 'fc3') {
    throw new FcSimError(
      'E_USAGE',
      'an FC 2.0 HTTP call (request, response, context) on an FC 3.0 function: FC 3.0 sends HTTP functions an HTTP trigger event',
      "deploy it on FC 2.0: platform: 'fc2' (--platform fc2 or --fc2), or send an FC 3.0 HTTP event (http: { kind: 'fc3-http' })",
    );
  }
  if (kind === 'fc3-http' && platform === 'fc2') {
    throw new FcSimError(
      'E_USAGE',
      'an FC 3.0 HTTP trigger event on an FC 2.0 function: FC 2.0 calls HTTP functions with (request, response, context)',
      "deploy it on FC 3.0: platform: 'fc3' (--platform fc3 or --fc3), or send an FC 2.0 request (http: { kind: 'fc2-http', request })",
    );
  }
}

/**
 * FC's instance lifecycle, the same whichever way the handler runs: one invocation at a time; a payload over the
 * limit refused before anything runs; the initializer before the first invocation (a failure fails that
 * invocation, and the next one tries again); PreFreeze after each invocation on FC 2.0 runtimes (FC 3.0 has no such
 * hook); PreStop when the instance goes.
 */
export abstract class LifecycleInstance {
  abstract readonly config: FunctionConfig;
  abstract readonly traits: RuntimeTraits;
  /** Set once the initializer succeeded (or there is none); cleared when the instance is replaced. */
  protected initialized = false;
  private queue: Promise<unknown> = Promise.resolve();

  /** Runs a lifecycle hook; undefined when the function has none. */
  protected abstract hook(name: HookName, requestId: string): Promise<Invocation | undefined>;
  /** Calls the handler once with the event. */
  protected abstract callHandler(event: Buffer, requestId: string, options: InvokeOptions): Promise<Invocation>;
  /** Frees what the instance holds. */
  protected abstract release(): void;
  /** Whether there is a live instance to freeze or stop (a process that died is gone with its state). */
  protected abstract get alive(): boolean;

  /** Invokes the handler with the event bytes FC would send; invocations queue one after another. */
  invoke(event: Uint8Array, options: InvokeOptions = {}): Promise<Invocation> {
    const run = this.queue.then(() => {
      options.signal?.throwIfAborted();
      return this.invokeNow(Buffer.from(event), options);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Runs PreStop (when configured) and releases the instance, as FC does when it reclaims one. */
  async dispose(): Promise<Invocation | undefined> {
    await this.queue;
    const preStop = this.alive ? await this.hook('PreStop', newRequestId(this.traits.platform)) : undefined;
    this.release();
    return preStop;
  }

  private async invokeNow(event: Buffer, options: InvokeOptions): Promise<Invocation> {
    refuseOtherPlatformsHttp(options, this.traits.platform);
    const requestId = options.requestId ?? newRequestId(this.traits.platform);
    const type = options.invocationType ?? 'sync';
    const refused = payloadTooLarge(event.length, type);
    if (refused) return { ...rejectedInvocation(requestId, refused, this.config.memorySize), warnings: [payloadTooLargeWarning(event.length, type)] };
    const before: string[] = [];
    if (!this.initialized) {
      const init = await this.hook('Initialize', requestId);
      if (init) {
        before.push(...init.logs);
        if (init.status !== 'success') return { ...init, logs: before };
      }
      this.initialized = true;
    }
    const invocation = await this.callHandler(event, requestId, options);
    invocation.logs.unshift(...before);
    if (options.http?.kind === 'fc3-http') attachFc3HttpResponse(invocation);
    if (options.http?.kind === 'apigw') attachApigwResponse(invocation);
    if (this.traits.platform === 'fc2' && this.alive) {
      const freeze = await this.hook('PreFreeze', requestId);
      if (freeze) invocation.logs.push(...freeze.logs);
    }
    return invocation;
  }
}
