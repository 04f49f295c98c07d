import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const project = resolve('fixtures/projects/functions-by-name');
const LAYER = 'acs:fc:cn-shanghai:1234567890123456:layers/greeting/versions/1';

describe('functions by name: fc-sim invoke <function>, --function', () => {
  it('invokes a project function with its own settings: memory, timeout, region, environment, initializer', async () => {
    const run = await runCli(['invoke', 'hello', '--event', '-'], { cwd: project, input: '{"a":1}' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ greeting: 'hi', memory: 256, timeout: 5, name: 'hello', region: 'cn-shanghai', initialized: 1, bytes: 7 });
  });

  it('lets flags change a setting, --env add to its environment, and runs with {} when no event is given', async () => {
    const run = await runCli(['invoke', 'hello', '--timeout', '7', '--env', 'GREETING=yo'], { cwd: project });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('no --event: the function gets {}');
    expect(JSON.parse(run.stdout)).toMatchObject({ greeting: 'yo', timeout: 7, memory: 256, bytes: 2 });
  });

  it('runs a kind through --function, from another folder with --project', async () => {
    const run = await runCli(['timer', '--function', 'hello', '--project', project]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ greeting: 'hi', memory: 256 });
  });

  it('fuzzes a project function: fc-sim fuzz <kind> --function', async () => {
    const run = await runCli(['fuzz', 'timer', '--function', 'hello', '--runs', '5', '--no-save'], { cwd: project });
    expect(run.stdout).toMatch(/✓ hello: 5 timer events passed/);
    expect(run.status).toBe(0);
  });

  it('refuses an unknown function listing the names, and flags that would replace the project’s function', async () => {
    const unknown = await runCli(['invoke', 'nope'], { cwd: project });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no function "nope" in .*s\.yaml\n {2}hint: functions: hello, router, quiet, web, layered/);
    const handler = await runCli(['invoke', 'hello', '--handler', 'index.handler'], { cwd: project });
    expect(handler.status).toBe(2);
    expect(handler.stderr).toContain('--handler: not with --function hello');
  });

  it('maps a layer to a folder (its nodejs/node_modules on NODE_PATH) and a NAS mount to a folder (the variables naming it point there)', async () => {
    const run = await runCli(['invoke', 'layered', '--layer', `${LAYER}=layers/greeting`, '--nas', '/mnt/data=nas'], { cwd: project });
    expect(run.stderr).toContain('NAS /mnt/data is');
    expect(JSON.parse(run.stdout)).toEqual({ greeting: 'greetings, fc, from a layer', nas: 'a file on the NAS' });
    expect(run.status).toBe(0);
    const unmapped = await runCli(['invoke', 'layered'], { cwd: project });
    expect(unmapped.status).toBe(1);
    expect(unmapped.stderr).toContain(`layer ${LAYER} has no local folder`);
    expect(unmapped.stderr).toContain('NAS /mnt/data is not mounted here (--nas /mnt/data=<dir>');
    expect(unmapped.stderr).toContain("Cannot find module 'greeting'");
  });
});

describe('custom runtimes without Docker', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('starts the declared command in the code folder and speaks FC’s protocol: /invoke, its output as the logs', async () => {
    const run = await runCli(['invoke', 'web', '--event', '-'], { cwd: project, input: 'ping' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ invocations: 1, memory: '512', event: 'ping', pid: expect.any(Number) });
    expect(run.stderr).toContain('event of 4 bytes');
    expect(run.stderr).toMatch(/FC Invoke Start RequestId: \S+/);
  });

  it('sends an HTTP function GET / when invoked without --event', async () => {
    const run = await runCli(['invoke', 'web'], { cwd: project });
    expect(run.stderr).toContain("no --event: the function gets GET / (its HTTP trigger's FC 3.0 event)");
    expect(run.stdout).toContain('hello from web');
    expect(run.status).toBe(0);
  });

  it('forwards HTTP requests to the server: fc-sim http:get --function', async () => {
    const run = await runCli(['http:get', '--function', 'web', '--path', '/'], { cwd: project });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('hello from web');
    const user = await runCli(['http:post', '--function', 'web', '--path', '/users/7', '--body', 'x'], { cwd: project });
    expect(user.stdout).toContain('{"id":"7","body":"x"}');
  });

  it('is fuzzed: fc-sim fuzz http --function', async () => {
    const run = await runCli(['fuzz', 'http', '--function', 'web', '--runs', '5', '--no-save'], { cwd: project });
    expect(run.stdout).toMatch(/✓ web: 5 http events passed/);
    expect(run.status).toBe(0);
  });

  it('is tested by fc-sim test: its HTTP statuses counted', async () => {
    const run = await runCli(['test', 'web', '--runs', '6'], { cwd: project });
    expect(run.stdout).toMatch(/✓ web ← http \(http\): 6 events passed/);
    expect(run.stdout).toMatch(/HTTP status: (200|404) ×\d/);
    expect(run.status).toBe(0);
  });

  it('says why a server that never listens failed, and points custom containers at --target custom-runtime', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-sim-custom-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'code'));
    writeFileSync(join(dir, 'code', 'crash.js'), "console.error('no config'); process.exit(3);\n");
    writeFileSync(
      join(dir, 's.yaml'),
      [
        'edition: 3.0.0',
        'name: custom',
        'resources:',
        '  crash:',
        '    component: fc3',
        '    props: { functionName: crash, runtime: custom, code: ./code, handler: x, customRuntimeConfig: { command: [node, crash.js] } }',
        '  image:',
        '    component: fc3',
        '    props: { functionName: image, runtime: custom-container, handler: x, customContainerConfig: { image: registry/x:1 } }',
      ].join('\n'),
    );
    const crash = await runCli(['invoke', 'crash'], { cwd: dir });
    expect(crash.status).toBe(1);
    expect(crash.stderr).toMatch(/the custom runtime \(node crash\.js\) exited with code 3 before listening on port \d+/);
    expect(crash.stderr).toContain('no config');
    const image = await runCli(['invoke', 'image'], { cwd: dir });
    expect(image.status).toBe(2);
    expect(image.stderr).toContain('a custom container runs its image, which fc-sim does not build or run');
    expect(image.stderr).toContain('--target custom-runtime --url http://127.0.0.1:9000');
  });
});

describe('fuzz --function keeps each function its own saved failures', () => {
  it('a failure saved for one function is not replayed into another with the same handler string', async () => {
    const root = tempDir('fc-sim-fuzz-functions-');
    for (const [name, body] of [
      ['bad', 'exports.handler = async () => { throw new Error("always"); };'],
      ['good', 'exports.handler = async () => "ok";'],
    ] as const) {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, 'index.js'), body);
    }
    const resource = (name: string) =>
      `  ${name}:\n    component: fc3\n    props:\n      functionName: ${name}\n      runtime: nodejs20\n      code: ./${name}\n      handler: index.handler\n`;
    writeFileSync(join(root, 's.yaml'), `edition: 3.0.0\nname: two\nresources:\n${resource('bad')}${resource('good')}`);
    const failures = join(root, 'failures');
    const bad = await runCli(['fuzz', 'oss', '--function', 'bad', '--runs', '5', '--failures', failures], { cwd: root });
    expect(bad.status).toBe(1);
    const good = await runCli(['fuzz', 'oss', '--function', 'good', '--runs', '5', '--failures', failures], { cwd: root });
    expect(good.stdout).toMatch(/^✓ good: 5 oss events passed; seed /m);
    // bad's saved failure is still its own.
    const again = await runCli(['fuzz', 'oss', '--function', 'bad', '--runs', '5', '--failures', failures], { cwd: root });
    expect(again.stdout).toContain('saved oss event');
  });
});
