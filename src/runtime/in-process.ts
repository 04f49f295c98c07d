import type { Fc2HttpRequest } from '../types/generated.js';
import { withConsoleCaptured } from './console-capture.js';
import { contextData } from './context.js';
import { runFc2HttpHandler } from './fc2-http.js';
import { timeoutError } from './fc-errors.js';
import type { FunctionConfig } from './function-config.js';
import { functionConfig } from './function-config.js';
import type { InvokeOptions } from './instance.js';
import type { Invocation } from './invocation.js';
import { completedInvocation } from './invocation.js';
import type { HookName } from './lifecycle.js';
import { HOOK_TIMEOUT_SECONDS, LifecycleInstance } from './lifecycle.js';
import { contextLogger, formatLogLine } from './log-format.js';
import type { AnyFunction, HandlerOutcome } from './run-handler.js';
import { runHandler } from './run-handler.js';
import { recentRss } from './rss.js';
import type { RuntimeTraits } from './runtimes.js';
import { runtimeTraits } from './runtimes.js';

export interface InProcessOptions extends Partial<Omit<FunctionConfig, 'handler' | 'initializer' | 'preStop' | 'preFreeze'>> {
  /** The initializer function, when the function has one. */
  initializer?: AnyFunction;
  preStop?: AnyFunction;
  preFreeze?: AnyFunction;
  /** How `context.function.handler` reads. Default `index.handler`. */
  handlerName?: string;
}

/**
 * A handler function imported by a test, run in the test's own process with FC's semantics: the event as a Buffer,
 * FC's context, callback and async rules, error shapes, log lines, the initializer once per instance, the timeout.
 * What one process cannot do for another is left out: a handler that loops forever or calls process.exit takes
 * the test process with it, memory is not limited, and a handler still running after its timeout keeps running
 * (its late answer is ignored). An exception thrown after the handler answered, outside its call (in a timer, an
 * event listener, a promise nobody awaits), is the host's uncaught exception and kills the test process, where FC
 * would only recycle the instance. A result JSON cannot hold (a cycle, a BigInt, a getter that throws) is FC's
 * function error, as for a throw. Handler strings get all of that from {@link FunctionInstance}.
 */
export class InProcessInstance extends LifecycleInstance {
  readonly config: FunctionConfig;
  readonly traits: RuntimeTraits;

  constructor(
    private readonly handler: AnyFunction,
    private readonly options: InProcessOptions = {},
  ) {
    super();
    const { initializer: _initializer, preStop: _preStop, preFreeze: _preFreeze, handlerName, ...config } = options;
    this.config = functionConfig({ ...config, handler: handlerName ?? 'index.handler' });
    this.traits = runtimeTraits(this.config.runtime, this.config.platform);
  }

  protected get alive(): boolean {
    return true;
  }

  protected release(): void {
    // Nothing to free: the handler lives in this process.
  }

  protected async hook(name: HookName, requestId: string): Promise<Invocation | undefined> {
    const fn = { Initialize: this.options.initializer, PreFreeze: this.options.preFreeze, PreStop: this.options.preStop }[name];
    if (!fn) return undefined;
    return this.call(name, fn, undefined, requestId, name === 'Initialize' ? this.config.initializationTimeout : HOOK_TIMEOUT_SECONDS);
  }

  protected callHandler(event: Buffer, requestId: string, options: InvokeOptions): Promise<Invocation> {
    const fc2Request = options.http?.kind === 'fc2-http' ? options.http.request : undefined;
    return this.call('Invoke', this.handler, event, requestId, this.config.timeout, options.retryCount, fc2Request);
  }

  /** The call's console output becomes FC log lines of this invocation, even with other calls running at the same time. */
  private async call(
    marker: string,
    fn: AnyFunction,
    event: Buffer | undefined,
    requestId: string,
    timeoutSeconds: number,
    retryCount = 0,
    fc2Request?: Fc2HttpRequest,
  ): Promise<Invocation> {
    const logs = [`FC ${marker} Start RequestId: ${requestId}`];
    const warnings: string[] = [];
    const log = (level: string, args: unknown[]) => logs.push(formatLogLine(level, requestId, args));
    const context = {
      ...contextData(this.config, this.traits, { requestId, retryCount }),
      logger: contextLogger(requestId, (line) => logs.push(line), this.traits.platform),
    };
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<HandlerOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'unhandled', error: timeoutError(timeoutSeconds, process.memoryUsage.rss()) }), timeoutSeconds * 1000);
    });
    let outcome: HandlerOutcome;
    try {
      outcome = await withConsoleCaptured(log, () => {
        const answered = fc2Request
          ? runFc2HttpHandler(fn, fc2Request, event ?? Buffer.alloc(0), context, this.traits)
          : runHandler(fn, event === undefined ? [context] : [event, context], this.traits, (text) => warnings.push(text));
        return Promise.race([answered, timedOut]);
      });
    } finally {
      clearTimeout(timer);
    }
    const durationMs = performance.now() - started;
    if (outcome.kind !== 'success' && outcome.error.cause === 'timeout') logs.push(outcome.error.errorMessage);
    const echoError = this.traits.legacyAgent && outcome.kind !== 'success' && outcome.error.cause !== 'timeout';
    return completedInvocation({
      marker,
      requestId,
      outcome,
      logs,
      warnings,
      durationMs,
      memorySizeMb: this.config.memorySize,
      maxRssBytes: recentRss(),
      echoError,
    });
  }
}
