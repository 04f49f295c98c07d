import { FcSimError } from '../errors.js';
import type { Handler, Instance, RuntimeOptions } from '../runtime/invoke.js';
import { createInstance } from '../runtime/invoke.js';
import type { Invocation } from '../runtime/invocation.js';
import type { InvocationType } from '../runtime/limits.js';
import type { CheckFailure, CheckName, Property } from './checks.js';
import { deliveryTo, enabledChecks, judge } from './judge.js';
import { deliver } from '../triggers/delivery.js';
import type { PreparedSource } from './triggers.js';

/**
 * The checks every event must pass: built-in ones switched on or off, and your own property.
 *
 * @example
 * ```ts
 * const checks: CheckOptions<TimerEvent> = { checks: { 'no-handled-error': false, idempotent: true }, property: (event, result) => result.durationMs < 500 };
 * const runner = new ContractRunner<TimerEvent>('index.handler', { delivery: 'event' }, checks);
 * ```
 * @see README.md#property-based-contract-tests
 */
export interface CheckOptions<E = unknown> {
  /**
   * Built-in checks to run, or to leave out: `{ 'no-handled-error': false, idempotent: true }`. Default: all but
   * `idempotent`; `http-response` applies to HTTP triggers and API Gateway calls only.
   */
  checks?: Partial<Record<CheckName, boolean>>;
  /** Your own property: return false or throw to fail. */
  property?: Property<E>;
}

/**
 * What one event did: the invocation, and the failed check when it failed one.
 *
 * @example
 * ```ts
 * const runner = new ContractRunner('index.handler', { delivery: 'event' });
 * const outcome: EventOutcome = await runner.run(buildOssEvent());
 * if (outcome.failure) console.error(outcome.failure.check, outcome.failure.message, outcome.invocation.logs);
 * ```
 * @see README.md#property-based-contract-tests
 */
export interface EventOutcome {
  invocation: Invocation;
  failure?: CheckFailure;
}

/**
 * Delivers events to one instance of a handler (warm between events, as FC keeps instances) and checks each. Use
 * it from your own fast-check properties (`@fast-check/vitest`'s `test.prop`) as well as through `checkHandler`.
 *
 * @example
 * ```ts
 * const runner = new ContractRunner('index.handler', { delivery: 'event' }, { runtime: { codeDir: 'src' }, checks: { idempotent: true } });
 * afterAll(() => runner.dispose());
 *
 * test('every upload is planned', async () => {
 *   await fc.assert(fc.asyncProperty(ossEvent({ bucket: 'photos' }), (event) => runner.assert(event)), { numRuns: 500 });
 * });
 * ```
 * @see README.md#property-based-contract-tests
 */
export class ContractRunner<E = unknown> {
  private readonly instance: Instance;
  private readonly checks: CheckName[];

  constructor(
    handler: Handler,
    private readonly source: Pick<PreparedSource, 'delivery'>,
    /** `target`: an instance to deliver to instead of a new local one (a remote target); disposed with the runner. */
    /** `invocationType`: how each event is invoked (default sync; `async` as event triggers invoke, 128 KB at most). */
    private readonly options: CheckOptions<E> & { runtime?: RuntimeOptions; target?: Instance; invocationType?: InvocationType } = {},
  ) {
    // FC 2.0 HTTP requests are for a function on FC 2.0, unless the runtime options name its platform.
    const implied = source.delivery === 'fc2-http' ? { platform: 'fc2' as const } : {};
    this.instance = options.target ?? createInstance(handler, { ...implied, ...options.runtime });
    this.checks = enabledChecks(options.checks);
  }

  async run(event: E): Promise<EventOutcome> {
    const { bytes, options } = deliver(event, this.source.delivery);
    const invocationType = this.options.invocationType;
    const send = deliveryTo(this.instance, bytes, invocationType ? { ...options, invocationType } : options);
    const delivered = await send();
    const failure = await judge(event, delivered, { checks: this.checks, delivery: this.source.delivery, property: this.options.property, deliverAgain: send });
    return failure ? { invocation: delivered.invocation, failure } : { invocation: delivered.invocation };
  }

  /** For fast-check properties: throws a readable error when the event fails a check. */
  async assert(event: E): Promise<void> {
    const { invocation, failure } = await this.run(event);
    if (failure) throw new FcSimError('E_CONTRACT_FAILED', `${failure.check}: ${failure.message}\n${invocation.logs.join('\n')}`);
  }

  dispose(): Promise<unknown> {
    return this.instance.dispose();
  }
}
