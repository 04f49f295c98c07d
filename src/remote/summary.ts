import { OUTCOMES } from './outcome.js';
import type { LoadSummary } from './load-run.js';

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value)} ms`;

/**
 * The end of a run, for people:
 *
 *   10000 events to HTTP trigger http://127.0.0.1:8080/: 9990 passed, 10 failed in 2.31 s (4329/s, concurrency 32)
 *     outcomes: success 9990, http-error 5, timeout 3, connection-error 2
 *     HTTP status: 200 ×9990, 500 ×5
 *     latency: p50 1.21 ms, p90 2.30 ms, p99 8.10 ms, max 40.2 ms (10000 events sent, 10012 requests)
 */
export function formatSummary(summary: LoadSummary, description: string, concurrency: number): string {
  const { stats, latency, total } = summary;
  const seconds = summary.elapsedMs / 1000;
  const sent = latency.count;
  const rate = seconds > 0 ? Math.round(sent / seconds) : sent;
  const lines = [
    `${total} event${total === 1 ? '' : 's'} to ${description}: ${total - stats.failed} passed, ${stats.failed} failed in ${seconds.toFixed(2)} s (${rate}/s, concurrency ${concurrency})`,
  ];
  const outcomes = OUTCOMES.filter((outcome) => stats.outcomes[outcome] > 0).map((outcome) => `${outcome} ${stats.outcomes[outcome]}`);
  lines.push(`  outcomes: ${outcomes.join(', ') || 'none'}`);
  const codes = Object.entries(stats.statusCodes).sort(([a], [b]) => Number(a) - Number(b));
  if (codes.length > 0) lines.push(`  HTTP status: ${codes.map(([code, count]) => `${code} ×${count}`).join(', ')}`);
  if (sent > 0) {
    lines.push(
      `  latency: p50 ${ms(latency.p50)}, p90 ${ms(latency.p90)}, p99 ${ms(latency.p99)}, max ${ms(latency.max)} (${sent} event${sent === 1 ? '' : 's'} sent, ${stats.requests} request${stats.requests === 1 ? '' : 's'})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
