import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('fc-sim test', () => {
  it('tests every function and trigger of the project in the current folder, with no flags', async () => {
    const run = await runCli(['test'], { cwd: resolve('fixtures/projects/fun-app') });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^fc-sim test: template\.yml, 4 functions\n/);
    expect(run.stdout).toMatch(/^✓ fun-service\/on-upload ← oss-trigger \(oss\): 100 events passed in [\d.]+ s; 20 events outside its filter/m);
    // Each trigger whose config filters (OSS, HTTP, CDN): 20 events it turns away, none of them delivered.
    expect(run.stdout.match(/^✓ .* \((oss|http|cdn_events)\): 100 events passed in [\d.]+ s; 20 events outside its filter/gm)).toHaveLength(4);
    expect(run.stdout).toMatch(/7 passed, 0 failed, 0 skipped\n$/);
  });

  it('exits 1 on a failure, and writes JUnit XML with --junit', async () => {
    const junit = join(tempDir('fc-sim-junit-'), 'report.xml');
    const run = await runCli(['test', '--runs', '20', '--junit', junit], { cwd: resolve('fixtures/projects/failing-app') });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^✗ job ← every-hour \(timer\):\n {4}fc-sim: the handler failed "no-unhandled-error"/m);
    expect(run.stdout).toContain('- ok ← devices (eventbridge): skipped: no events for eventbridge triggers yet');
    expect(run.stdout).toContain('0 passed, 1 failed, 1 skipped');
    expect(readFileSync(junit, 'utf8')).toContain('tests="2" failures="1" skipped="1"');
  });
});
