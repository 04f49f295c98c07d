/**
 * The platform is the function's, not the runtime's: project files decide it (fc3 → FC 3.0, fc 2.x and Fun → FC
 * 2.0), standalone commands default to FC 3.0 and take --platform (or --fc2/--fc3), and a replay reproduces it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('official template shapes run as in FC', () => {
  it.concurrent('fc3 + nodejs14 HTTP (start-fc3-nodejs-http) gets the FC 3.0 HTTP event', async () => {
    const run = await runCli(['test', '--project', 'fixtures/projects/start-fc3-nodejs-http', '--runs', '10']);
    expect(run.stdout).toMatch(/^✓ start-nodejs-hello ← httpTrigger \(http\): 10 events passed/m);
    expect(run.status).toBe(0);
  });

  it.concurrent('fc 2.x + nodejs18 HTTP (start-fc-http-nodejs18) gets (request, response, context)', async () => {
    const run = await runCli(['test', '--project', 'fixtures/projects/start-fc-http-nodejs18', '--runs', '10']);
    expect(run.stdout).toMatch(/^✓ start-fc-http\/http-trigger-nodejs18 ← httpTrigger \(http\): 10 events passed/m);
    expect(run.status).toBe(0);
  });
});

describe('--platform on standalone commands', () => {
  const code = resolve('fixtures/projects/start-fc-http-nodejs18/code');

  it.concurrent('--fc2 and --platform fc2 call an HTTP handler with (request, response, context), on any runtime', async () => {
    for (const flag of [['--fc2'], ['--platform', 'fc2']]) {
      const run = await runCli(['http:get', '--path', '/hello', '--handler', 'index.handler', '--code-dir', code, '--runtime', 'nodejs18', ...flag]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('GET /hello (0 bytes) from fc-sim-service');
    }
  });

  it.concurrent('two flags that disagree, or an unknown platform, are usage errors', async () => {
    const both = await runCli(['http:get', '--handler', 'index.handler', '--code-dir', code, '--fc2', '--fc3']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('choose one platform');
    const unknown = await runCli(['invoke', '--handler', 'index.handler', '--code-dir', code, '--event', '-', '--platform', 'fc4']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--platform: expected fc2 or fc3, got "fc4"');
  });

  it.concurrent('a saved failure and the printed replay commands carry the platform; the replay reproduces it', async () => {
    const failures = tempDir('fc-sim-platform-');
    const handlers = ['--code-dir', 'fixtures/handlers', '--runtime', 'nodejs18'];
    const fuzz = await runCli(['fuzz', 'http', '--fc2', '--handler', 'fc2-http-incoming.numberHeader', ...handlers, '--runs', '5', '--failures', failures]);
    expect(fuzz.status).toBe(1);
    expect(fuzz.stdout).toMatch(/this event: npx fc-sim replay .* --handler fc2-http-incoming\.numberHeader .*--platform fc2/);
    expect(fuzz.stdout).toMatch(/this run: +npx fc-sim fuzz fc2-http .*--platform fc2/);
    const [file] = readdirSync(failures);
    expect(JSON.parse(readFileSync(join(failures, file!), 'utf8'))).toMatchObject({ platform: 'fc2', delivery: 'fc2-http', source: 'fc2-http' });
    // No platform flag: the saved one is used, so the fixed handler is called as an FC 2.0 HTTP handler again.
    const replay = await runCli(['replay', failures, '--handler', 'fc2-http-incoming.handler', ...handlers]);
    expect(replay.stdout).toMatch(/^✓ .*: success/m);
    expect(replay.status).toBe(0);
  });
});
