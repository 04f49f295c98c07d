/**
 * Issue 13's Done-when, end to end: an fc3 project with a Tablestore trigger, an MNS queue through EventBridge and a
 * Kafka event-streaming trigger. The handlers decode CBOR and refuse any event their config would not deliver.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('fc-sim test on a data pipeline (Tablestore, MNS queue, Kafka)', () => {
  it('runs all three triggers, nothing skipped, each with events its config delivers', async () => {
    const run = await runCli(['test', '--project', 'fixtures/projects/data-pipeline', '--runs', '10', '--seed', '3']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/✓ sync-orders ← orders-stream \(tablestore\): 10 events passed/);
    expect(run.stdout).toMatch(/✓ orders ← orders-queue \(eventbridge\): 10 events passed .*outside eventRuleFilterPattern/);
    expect(run.stdout).toMatch(/✓ clicks ← clicks-stream \(eventbridge\): 10 events passed .*outside eventRuleFilterPattern/);
    expect(run.stdout).toContain('3 passed, 0 failed, 0 skipped');
  });
});
