/**
 * `fc-sim test --junit FILE` stopped by a signal: the JUnit report is written with what ran and the rest skipped as
 * interrupted (as many test cases as were selected), and fc-sim exits as on any stop signal.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { fileText, waitGone } from '../helpers/processes.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const timerFunction = (name: string, handler: string) => `
  ${name}:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: ${name}
      runtime: nodejs20
      code: ./code
      handler: ${handler}
      memorySize: 128
      timeout: 60
      triggers:
        - triggerName: tick
          triggerType: timer
          triggerConfig:
            cronExpression: '@every 1m'
            enable: true
`;

/** Three functions: one that passes at once, one whose handler blocks for good (it writes its process ids), one after it. */
function project(): string {
  const root = join(tempDir('fc-sim-junit-signal-'), 'app');
  mkdirSync(join(root, 'code'), { recursive: true });
  copyFileSync(join(packageRoot, 'fixtures/handlers/echo.js'), join(root, 'code/echo.js'));
  copyFileSync(join(packageRoot, 'fixtures/projects/spinning-app/code/index.js'), join(root, 'code/spin.js'));
  writeFileSync(
    join(root, 's.yaml'),
    `edition: 3.0.0\nname: junit-signal\naccess: default\n\nresources:${timerFunction('quick', 'echo.handler')}${timerFunction('spin', 'spin.handler')}${timerFunction('later', 'echo.handler')}`,
  );
  return root;
}

describe('fc-sim test --junit stopped by a signal', { timeout: 40_000 }, () => {
  it('writes the report of what ran, the rest skipped as interrupted, then exits with the signal status', async () => {
    const root = project();
    const junit = join(root, 'reports', 'fc-sim.xml');
    let pidsFile = '';
    let pids: { instance: number; spawned: number } | undefined;
    const run = await spawnCli(['test', '--project', root, '--runs', '3', '--junit', junit], {
      onStart: (child) => {
        // Instances run without the test run's TMPDIR: the spinning handler writes into /tmp.
        pidsFile = join('/tmp', `fc-sim-spin-${child.pid}.json`);
        fileText(pidsFile, 30_000).then(
          (text) => {
            pids = JSON.parse(text) as { instance: number; spawned: number };
            child.kill('SIGTERM');
          },
          () => child.kill('SIGKILL'),
        );
      },
    });
    rmSync(pidsFile, { force: true });
    expect(pids, run.stderr).toBeDefined();
    expect(run.status, run.stderr).toBe(128 + constants.signals.SIGTERM);
    expect(run.stderr).toMatch(/fc-sim test: interrupted by SIGTERM: 1 of 3 test cases finished, the rest reported as skipped/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(junit)).toBe(true);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="fc-sim" tests="3" failures="0" skipped="2"/);
    expect(xml).toMatch(/<testcase classname="quick" name="tick \(timer\)" time="[\d.]+"\/>/);
    expect(xml).toMatch(
      /<testcase classname="spin" name="tick \(timer\)" time="[\d.]+">\s*<skipped message="interrupted by SIGTERM while running: not finished"\/>/,
    );
    expect(xml).toMatch(/<testcase classname="later" name="tick \(timer\)" time="0\.000">\s*<skipped message="not run: the run was interrupted by SIGTERM"\/>/);
    await waitGone([pids!.instance, pids!.spawned]);
  });
});
