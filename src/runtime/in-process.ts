import type { Fc2HttpRequest } from '../types/generated.js';
import { contextData, newRequestId } from './context.js';
import { runFc2HttpHandler } from './fc2-http.js';
import { attachFc3HttpResponse } from './fc3-http.js';
import { timeoutError } from './fc-errors.js';
import { functionConfig, type FunctionConfig } from './function-config.js';
import type { InvokeOptions } from './instance.js';
import { completedInvocation, rejectedInvocation, type Invocation } from './invocation.js';
import { payloadTooLarge } from './limits.js';
import { consoleLevels, formatLogLine } from './log-format.js';
import { runHandler, type AnyFunction, type HandlerOutcome } from './run-handler.js';
import { runtimeTraits, type RuntimeTraits } from './runtimes.js';

export interface InProcessOptions extends Partial<Omit<FunctionConfig, 'handler' | 'initializer' | 'preStop' | 'preFreeze'>> {
  /** The initializer function, when the function has one. */
  initializer?: AnyFunction;
  preStop?: AnyFunction;
  preFreeze?: AnyFunction;
  /** How `context.function.handler` reads. Default `index.handler`. */
  handlerName?: string;
}

type ConsoleMethods = Record<keyof typeof consoleLevels, (...args: unknown[]) => void>;

/**
 * A handler function imported by a test, run in the test's own process with FC's semantics: the event as a Buffer,
 * FC's context, callback and async rules, error shapes, log lines, the initializer once per instance, the timeout.
 * What one process cannot do for another is left out: a handler that loops forever or calls process.exit takes
 * the test process with it, memory is not limited, and a handler still running after its timeout keeps running
 * (its late answer is ignored). Handler strings get all of that from {@link FunctionInstance}.
 */
export class InProcessInstance {
  readonly config: FunctionConfig;
  readonly traits: RuntimeTraits;
  private initialized = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly handler: AnyFunction,
    private readonly options: InProcessOptions = {},
  ) {
    const { initializer: _initializer, preStop: _preStop, preFreeze: _preFreeze, handlerName, ...config } = options;
    this.config = functionConfig({ ...config, handler: handlerName ?? 'index.handler' });
    this.traits = runtimeTraits(this.config.runtime);
  }

  invoke(event: Uint8Array, options: InvokeOptions = {}): Promise<Invocation> {
    const run = this.queue.then(() => this.invokeNow(Buffer.from(event), options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async dispose(): Promise<Invocation | undefined> {
    await this.queue;
    if (!this.options.preStop) return undefined;
    return this.call('PreStop', this.options.preStop, undefined, newRequestId(this.traits.generation), 90);
  }

  /** Console output during the call becomes FC log lines of this invocation; the console is restored after. */
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
    const log = (level: string) => (...args: unknown[]) => logs.push(formatLogLine(level, requestId, args));
    const saved = { ...console } as unknown as ConsoleMethods;
    for (const [method, level] of Object.entries(consoleLevels)) (console as unknown as ConsoleMethods)[method as keyof ConsoleMethods] = log(level);
    let loggerLevel = 'silly';
    const logger = {
      requestId,
      log: (...args: unknown[]) => log(loggerLevel)(...args),
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      setLogLevel: (level: string) => {
        loggerLevel = level;
      },
    };
    const context = { ...contextData(this.config, this.traits, { requestId, retryCount }), logger };
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<HandlerOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'unhandled', error: timeoutError(timeoutSeconds, process.memoryUsage().rss) }), timeoutSeconds * 1000);
    });
    let outcome: HandlerOutcome;
    try {
      const answered = fc2Request
        ? runFc2HttpHandler(fn, fc2Request, event ?? Buffer.alloc(0), context, this.traits)
        : runHandler(fn, event === undefined ? [context] : [event, context], this.traits, (text) => warnings.push(text));
      outcome = await Promise.race([answered, timedOut]);
    } finally {
      clearTimeout(timer);
      Object.assign(console, saved);
    }
    const durationMs = performance.now() - started;
    if (outcome.kind !== 'success' && outcome.error.errorMessage.startsWith('Function timed out')) logs.push(outcome.error.errorMessage);
    return completedInvocation({ marker, requestId, outcome, logs, warnings, durationMs, memorySizeMb: this.config.memorySize, maxRssBytes: process.memoryUsage().rss });
  }

  private async invokeNow(event: Buffer, options: InvokeOptions): Promise<Invocation> {
    const requestId = options.requestId ?? newRequestId(this.traits.generation);
    const refused = payloadTooLarge(event.length, options.invocationType ?? 'sync');
    if (refused) return rejectedInvocation(requestId, refused, this.config.memorySize);
    const before: string[] = [];
    if (this.options.initializer && !this.initialized) {
      const init = await this.call('Initialize', this.options.initializer, undefined, requestId, this.config.initializationTimeout);
      before.push(...init.logs);
      if (init.status !== 'success') return { ...init, logs: before };
      this.initialized = true;
    }
    const fc2Request = options.http?.kind === 'fc2-http' ? options.http.request : undefined;
    const invocation = await this.call('Invoke', this.handler, event, requestId, this.config.timeout, options.retryCount, fc2Request);
    invocation.logs.unshift(...before);
    if (options.http?.kind === 'fc3-http') attachFc3HttpResponse(invocation);
    if (this.options.preFreeze && this.traits.generation === 'fc2') {
      invocation.logs.push(...(await this.call('PreFreeze', this.options.preFreeze, undefined, requestId, 90)).logs);
    }
    return invocation;
  }
}
