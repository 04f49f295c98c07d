import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { runCli } from '../helpers/run-cli.js';
import { cleanUp, serve } from '../serve/helpers.js';

const folder = resolve('fixtures/projects/sdevs-environments');
const temp = mkdtempSync(join(tmpdir(), 'fc-sim-environments-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
afterEach(cleanUp);

/** A Serverless Devs home (`serverless_devs_config_home`) whose default-env.json says `s env default` chose `name`. */
function homeWithDefault(name: string, project = 'env-app'): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(temp, 'home-'));
  mkdirSync(join(home, '.s', 'cache'), { recursive: true });
  writeFileSync(join(home, '.s', 'cache', 'default-env.json'), JSON.stringify([{ project, default: name, path: join(folder, 'env.yaml') }]));
  return { serverless_devs_config_home: home };
}

const byName = (project: ReturnType<typeof loadProject>) => Object.fromEntries(project.functions.map((fn) => [fn.name, fn]));

describe('env.yaml environments, as s --env applies them (fixtures/projects/sdevs-environments)', () => {
  it('without --env or a default: the s.yaml as written, the resource template under its props less ignored keys', () => {
    const { 'env-api': api, 'env-worker': worker } = byName(loadProject(folder, { env: homeWithDefault('none', 'another-project') }));
    expect(api).toMatchObject({ memorySize: 256, timeout: 5, region: 'cn-hangzhou', environment: { STAGE: 'local', NAME: 'env-api' } });
    expect(worker).toMatchObject({ memorySize: 512, timeout: 3, environment: { STAGE: 'local' } });
    expect(api!.environment).not.toHaveProperty('FROM_TEMPLATE');
  });

  it('--env testing: overlays.components (every fc3 resource) under overlays.resources.<name>, source, this and project resolved, infraStack.region', () => {
    const project = loadProject(folder, { environment: 'testing', env: homeWithDefault('prod') });
    const { 'env-api-testing': api, 'env-worker': worker } = byName(project);
    expect(api).toMatchObject({
      memorySize: 256,
      timeout: 10,
      region: 'cn-shanghai',
      // ${this.props.functionName} in s.yaml sees the overlaid name; ${this.*} in env.yaml is the environment.
      environment: { STAGE: 'testing', PROJECT: 'env-app', NAME: 'env-api-testing', HOME_REGION: 'cn-shanghai' },
    });
    expect(worker).toMatchObject({ timeout: 10, region: 'cn-shanghai', environment: { STAGE: 'local' } });
    expect(api!.environment).not.toHaveProperty('FROM_TEMPLATE');
    expect(project.problems).toEqual([expect.objectContaining({ kind: 'note', message: expect.stringContaining('environment testing of') })]);
  });

  // As parse-spec 0.0.29 (s 3.1.10) answers: "${vars.region} not found", and s deploy --env stops.
  it('an overlay naming vars (which env.yaml does not have) stops s: a variable-stops-deploy error in env.yaml', async () => {
    const copy = mkdtempSync(join(temp, 'copy-'));
    cpSync(folder, copy, { recursive: true });
    const envFile = join(copy, 'env.yaml');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Serverless Devs variables
    writeFileSync(envFile, readFileSync(envFile, 'utf8').replace('${this.infraStack.region}', '${vars.region}'));
    const project = loadProject(copy, { environment: 'testing', env: homeWithDefault('none', 'another-project') });
    expect(project.problems.filter((problem) => problem.kind === 'variable-stops-deploy')).toEqual([
      expect.objectContaining({ location: { file: envFile, path: 'overlays.resources.api.environmentVariables.HOME_REGION (environment testing)' } }),
    ]);
    const lint = await runCli(['lint', '--project', copy, '--env', 'testing'], { env: homeWithDefault('none', 'another-project') });
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('✗ error variable-stops-deploy: ');
    expect(lint.stdout).toMatch(
      /env\.yaml overlays\.resources\.api\.environmentVariables\.HOME_REGION \(environment testing\)\n {2}\$\{vars\.region\}: s deploy stops here/,
    );
    // fc-sim test says so too, and tests on.
    const test = await runCli(['test', '--project', copy, '--env', 'testing', '--runs', '1'], { env: homeWithDefault('none', 'another-project') });
    expect(test.stderr).toMatch(
      /^fc-sim: error: .*env\.yaml overlays\.resources\.api\.environmentVariables\.HOME_REGION \(environment testing\): \$\{vars\.region\}: s deploy stops here/m,
    );
    expect(test.stdout).toMatch(/1 passed/);
  });

  it('without --env: the default `s env default` recorded for the project (default-env.json); a stale one is a warning', () => {
    const project = loadProject(folder, { env: homeWithDefault('prod') });
    expect(byName(project)['env-worker']).toMatchObject({ memorySize: 1024, environment: { STAGE: 'prod' } });
    expect(project.problems[0]!.message).toMatch(/environment prod of .*env\.yaml: the default `s env default` set/);
    const stale = loadProject(folder, { env: homeWithDefault('gone') });
    expect(byName(stale)['env-worker']).toMatchObject({ memorySize: 512 });
    expect(stale.problems[0]).toMatchObject({ kind: 'unknown-part', message: expect.stringMatching(/default environment gone .* is not in .*env\.yaml/) });
  });

  it('ls, lint, test, invoke <function> and <kind> --function take --env; a bare --env name is refused without a function', async () => {
    const env = homeWithDefault('none', 'another-project');
    const ls = await runCli(['ls', '--project', folder, '--env', 'testing'], { env });
    expect(ls.status).toBe(0);
    expect(ls.stdout).toMatch(/env-api-testing\s+nodejs18\s+index\.handler\s+256 MB\s+10 s/);
    expect((await runCli(['lint', '--project', folder, '--env', 'prod'], { env })).status).toBe(0);
    const test = await runCli(['test', '--project', folder, '--env', 'testing', '--runs', '3'], { env });
    expect(test.stdout).toMatch(/✓ env-api-testing ← http/);
    const invoke = await runCli(['invoke', 'env-api-testing', '--project', folder, '--env', 'testing', '--event', '-'], { env, input: '{}' });
    expect(JSON.parse(invoke.stdout)).toEqual({ function: 'env-api-testing', stage: 'testing', project: 'env-app', name: 'env-api-testing' });
    // NAME=value stays a variable beside the environment's name.
    const worker = await runCli(['invoke', 'env-worker', '--project', folder, '--env', 'prod', '--env', 'PROJECT=p', '--event', '-'], { env, input: '{}' });
    expect(JSON.parse(worker.stdout)).toMatchObject({ stage: 'prod', project: 'p' });
    const timer = await runCli(['timer', '--function', 'env-worker', '--project', folder, '--env', 'prod'], { env });
    expect(JSON.parse(timer.stdout)).toMatchObject({ function: 'env-worker', stage: 'prod' });
    const refused = await runCli(['invoke', '--handler', 'index.handler', '--env', 'prod'], { env });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--env prod: an environment of the project's env\.yaml, for a function of the project/);
  });

  it('serve answers with the environment applied', async () => {
    const server = await serve(loadProject(folder, { environment: 'testing', env: {} }));
    const response = await fetch(`${server.url}/2023-03-30/functions/env-api-testing/`);
    expect(await response.json()).toMatchObject({ function: 'env-api-testing', stage: 'testing' });
  });

  it('an unknown environment, a missing env.yaml, --env on a Fun or 1.0.0 project: exit 2 naming the file, no stack trace', async () => {
    const unknown = await runCli(['ls', '--project', folder, '--env', 'staging']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(`--env staging: ${join(folder, 'env.yaml')} has no such environment (it has testing, prod)`);
    const bare = join(temp, 'bare');
    mkdirSync(bare);
    writeFileSync(join(bare, 's.yaml'), 'edition: 3.0.0\nname: bare\nenv: envs/multi.yaml\nresources: {}\n');
    const missing = await runCli(['test', '--project', bare, '--env', 'dev']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`--env dev: no ${join(bare, 'envs', 'multi.yaml')}`);
    for (const other of ['fun-code-forms', 'fc-app']) {
      const refused = await runCli(['ls', '--project', resolve('fixtures/projects', other), '--env', 'dev']);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/environments \(env\.yaml\) are Serverless Devs 3\.x's/);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
