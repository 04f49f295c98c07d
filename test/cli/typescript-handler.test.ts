/**
 * A handler string naming TypeScript source nobody built: run through the project's own tsx when it has one (one
 * notice that FC still needs the build), else a usage error that says to build first or install tsx.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../src/index.js';
import { loadProject } from '../../src/project/load.js';
import { buildOssEvent } from '../../src/triggers/oss/build.js';
import { checkHandler } from '../../src/testing/check-handler.js';
import { startServer } from '../../src/serve/server.js';
import { runCli } from '../helpers/run-cli.js';
import { projectWithoutTsx, projectWithTsx } from '../helpers/tsx.js';

const FIXTURE = 'fixtures/handlers-ts';
const NOTICE =
  /src\/oss\.ts is TypeScript: it runs here through the project's tsx \(.*node_modules\/tsx\/dist\/loader\.mjs\); FC runs JavaScript, so build it \(npx tsc\) before deploying/g;

describe('a TypeScript handler string, the project without tsx', () => {
  it('is refused with exit 2, naming the .ts file and both fixes', async () => {
    const project = projectWithoutTsx(FIXTURE);
    const result = await runCli(['oss:put', '--handler', 'src/oss.handler', '--code-dir', project], { cwd: project });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--handler src\/oss\.handler: src\/oss\.ts is TypeScript and FC's Node\.js runtimes load JavaScript \(src\/oss\.js\)/);
    expect(result.stderr).toMatch(/build it first \(npx tsc\).*or install tsx \(npm i -D tsx\)/);
    expect(result.stderr).not.toMatch(/ImportModuleError|\n\s+at /);
    const tested = await runCli(['test', 'uploads/uploads', '--runs', '1'], { cwd: project });
    expect(tested.status).toBe(2);
    expect(tested.stderr).toMatch(/handler src\/oss\.handler: src\/oss\.ts is TypeScript.*\n.*or install tsx \(npm i -D tsx\)/);
  });

  it('is refused by the library too, before any instance starts', async () => {
    const project = projectWithoutTsx(FIXTURE);
    await expect(invoke('src/oss.handler', buildOssEvent(), { codeDir: project })).rejects.toMatchObject({
      code: 'E_USAGE',
      message: expect.stringMatching(/src\/oss\.ts is TypeScript/),
    });
  });

  it('leaves a JavaScript handler and a missing module to the runtime', async () => {
    const missing = await runCli(['oss:put', '--handler', 'nothing.handler', '--code-dir', FIXTURE]);
    expect(missing.status).toBe(1);
    expect(`${missing.stdout}${missing.stderr}`).toMatch(/ImportModuleError/);
  });
});

describe('a TypeScript handler string, the project with tsx', () => {
  let project: string;
  // The first run on a machine installs tsx into fc-sim's cache from the npm registry.
  beforeAll(async () => {
    project = await projectWithTsx(FIXTURE);
  }, 120_000);

  it('runs the handler through tsx on `<kind> --handler`, with one notice', async () => {
    const run = await runCli(['oss:put', '--handler', 'src/oss.handler', '--key', 'a.png'], { cwd: project });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('ts:1:ObjectCreated:PutObject');
    expect(run.stderr.match(NOTICE)).toHaveLength(1);
  });

  // Every standalone command reads --handler in one place (cli/function-options.ts), which the test above goes
  // through; each run through tsx costs ~0.5 s of CPU, so invoke and replay are not run again here.
  it('runs it on fuzz, with one notice for all its events', async () => {
    const fuzzed = await runCli(['fuzz', 'oss', '--handler', 'src/oss.handler', '--runs', '3', '--no-save'], { cwd: project });
    expect(fuzzed.stdout).toMatch(/✓ src\/oss\.handler: 3 oss events passed/);
    expect(fuzzed.stderr.match(NOTICE)).toHaveLength(1);
  });

  it('runs a project function on `fc-sim test` and `serve`, an ES module (.mts) among them', async () => {
    const tested = await runCli(['test', 'uploads/uploads', '--runs', '3'], { cwd: project });
    expect(tested.stderr + tested.stdout).not.toMatch(/ImportModuleError/);
    expect(tested.status).toBe(0);
    expect(tested.stderr.match(NOTICE)).toHaveLength(1);
    const server = await startServer(loadProject(project), { port: 0, host: '127.0.0.1', watch: false, accessKey: null, log: () => undefined });
    try {
      const response = await fetch(`${server.url}/2023-03-30/functions/web/hello`);
      expect(await response.text()).toBe('ts-http:/hello');
    } finally {
      await server.close();
    }
  });

  it('runs it from checkHandler with a handler string', async () => {
    const results: string[] = [];
    const property = (_event: unknown, invocation: { body: Buffer }) => results.push(invocation.body.toString()) > 0;
    const summary = await checkHandler({ trigger: 'oss', handler: 'src/oss.handler', runtime: { codeDir: project }, runs: 3, failuresDir: false, property });
    expect(summary.runs).toBe(3);
    expect(results).toHaveLength(3);
    for (const result of results) expect(result).toMatch(/^ts:1:Object\w+:\w+$/);
  });

  it('refuses a runtime whose Node.js tsx cannot run on, naming it and the fix', async () => {
    const run = await runCli(['oss:put', '--handler', 'src/oss.handler', '--runtime', 'nodejs16'], { cwd: project });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /src\/oss\.ts is TypeScript, and tsx \(which would run it\) needs Node\.js 18 or later: runtime nodejs16 runs on Node\.js v16\.15\.1/,
    );
    expect(run.stderr).toMatch(/build it first \(npx tsc\).*--runtime nodejs20/);
  });
});
