import { createInstance, type Handler, type Instance, type RuntimeOptions } from '../runtime/invoke.js';
import type { Invocation } from '../runtime/invocation.js';
import { checkNames, idempotencyFailure, singleInvocationFailure, type CheckFailure, type CheckName, type Property } from './checks.js';
import { deliver, type PreparedSource } from './triggers.js';

export interface CheckOptions<E = unknown> {
  /**
   * Built-in checks to run, or to leave out: `{ 'no-handled-error': false, idempotent: true }`. Default: all but
   * `idempotent`; `http-response` applies to HTTP triggers only.
   */
  checks?: Partial<Record<CheckName, boolean>>;
  /** Your own property: return false or throw to fail. */
  property?: Property<E>;
}

/** What one event did. */
export interface EventOutcome {
  invocation: Invocation;
  failure?: CheckFailure;
}

export function enabledChecks(checks: CheckOptions['checks'] = {}): CheckName[] {
  return checkNames.filter((name) => checks[name] ?? name !== 'idempotent');
}

/**
 * Delivers events to one instance of a handler (warm between events, as FC keeps instances) and checks each. Use
 * it from your own fast-check properties (`@fast-check/vitest`'s `test.prop`) as well as through `checkHandler`.
 */
export class ContractRunner<E = unknown> {
  private readonly instance: Instance;
  private readonly checks: CheckName[];

  constructor(
    handler: Handler,
    private readonly source: Pick<PreparedSource, 'http'>,
    /** `target`: an instance to deliver to instead of a new local one (a remote target); disposed with the runner. */
    private readonly options: CheckOptions<E> & { runtime?: RuntimeOptions; target?: Instance } = {},
  ) {
    this.instance = options.target ?? createInstance(handler, options.runtime ?? {});
    this.checks = enabledChecks(options.checks);
  }

  async run(event: E): Promise<EventOutcome> {
    const { bytes, options } = deliver(event, this.source.http);
    const invocation = await this.instance.invoke(bytes, options);
    for (const check of this.checks) {
      if (check === 'idempotent') continue;
      const failure = singleInvocationFailure(check, invocation, this.source.http);
      if (failure) return { invocation, failure };
    }
    if (this.checks.includes('idempotent')) {
      const again = await this.instance.invoke(bytes, options);
      const failure = idempotencyFailure(invocation, again);
      if (failure) return { invocation, failure };
    }
    if (this.options.property) {
      let verdict: boolean | void;
      try {
        verdict = await this.options.property(event, invocation, invocation.logs);
      } catch (error) {
        return { invocation, failure: { check: 'property', message: error instanceof Error ? error.message : String(error) } };
      }
      if (verdict === false) return { invocation, failure: { check: 'property', message: 'the property returned false' } };
    }
    return { invocation };
  }

  /** For fast-check properties: throws a readable error when the event fails a check. */
  async assert(event: E): Promise<void> {
    const { invocation, failure } = await this.run(event);
    if (failure) throw new Error(`${failure.check}: ${failure.message}\n${invocation.logs.join('\n')}`);
  }

  dispose(): Promise<unknown> {
    return this.instance.dispose();
  }
}
