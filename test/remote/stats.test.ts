import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../src/remote/summary.js';
import { latencySummary, LoadStats, percentile } from '../../src/remote/stats.js';
import { progressLine } from '../../src/remote/progress.js';

describe('load statistics', () => {
  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect([percentile(values, 50), percentile(values, 90), percentile(values, 99), percentile(values, 100)]).toEqual([50, 90, 99, 100]);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
    expect(latencySummary([3, 1, 2, 10])).toEqual({ count: 4, p50: 2, p90: 10, p99: 10, max: 10, mean: 4 });
  });

  it('summarises outcomes, statuses and latency', () => {
    const stats = new LoadStats();
    stats.add('success', 1, 2, 200, false);
    stats.add('success', 2, 4, 200, false);
    stats.add('http-error', 3, 9, 500, true);
    stats.add('not-sent', 0, 0, undefined, true);
    const text = formatSummary({ total: 4, stats, latency: stats.latency(), elapsedMs: 1000, interrupted: false }, 'HTTP trigger http://127.0.0.1:1/', 2);
    expect(text).toBe(
      [
        '4 events to HTTP trigger http://127.0.0.1:1/: 2 passed, 2 failed in 1.00 s (3/s, concurrency 2)',
        '  outcomes: success 2, http-error 1, not-sent 1',
        '  HTTP status: 200 ×2, 500 ×1',
        '  latency: p50 4.00 ms, p90 9.00 ms, p99 9.00 ms, max 9.00 ms (3 events sent, 6 requests)',
        '',
      ].join('\n'),
    );
  });

  it('draws the progress line', () => {
    expect(progressLine(45, 100, 1000, 20)).toBe('[#########...........] 45/100 45% 45/s');
  });
});
