import type { Outcome } from './outcome.js';
import { OUTCOMES } from './outcome.js';

/** Latency percentiles by nearest rank (p50 of [1,2,3,4] is 2): every value is one that was measured. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * Latency percentiles of a load run, in milliseconds (nearest rank: every value is one that was measured).
 *
 * @example
 * ```ts
 * const target = createRemoteTarget({ kind: 'http-trigger', url: 'http://127.0.0.1:9000/' });
 * const { latency }: { latency: LatencySummary } = await runLoad([{ label: 'get', bytes: eventBytes(buildHttpEvent()) }], target);
 * console.log(`p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms over ${latency.count}`);
 * ```
 * @see README.md#replay-against-deployed-functions
 */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export function latencySummary(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    mean: sorted.length ? sum / sorted.length : 0,
  };
}

/** Counts by outcome and by final HTTP status, and the latency of every event that was sent. */
export class LoadStats {
  readonly outcomes = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  readonly statusCodes: Record<string, number> = {};
  private readonly latencies: number[] = [];
  requests = 0;
  failed = 0;

  add(outcome: Outcome, attempts: number, latencyMs: number, statusCode: number | undefined, failed: boolean): void {
    this.outcomes[outcome] += 1;
    if (statusCode !== undefined) this.statusCodes[statusCode] = (this.statusCodes[statusCode] ?? 0) + 1;
    if (attempts > 0) this.latencies.push(latencyMs);
    this.requests += attempts;
    if (failed) this.failed += 1;
  }

  get done(): number {
    return OUTCOMES.reduce((total, outcome) => total + this.outcomes[outcome], 0);
  }

  latency(): LatencySummary {
    return latencySummary(this.latencies);
  }
}
