/**
 * A sweep of user mistakes across every command: flags, files, configs, environment variables, handler strings and
 * URLs. Each must end in exit 2 with a message that names the problem, never a stack trace, and before anything
 * runs (no server is listening on the URLs below).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'fc-sim-bad-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const event = file('event.json', '{"triggerTime":"2025-03-10T06:45:43Z","triggerName":"t","payload":""}');
const configs = {
  null: file('null.json', 'null'),
  array: file('array.json', '[]'),
  timeoutText: file('timeout-text.json', '{"handler":"echo.handler","timeout":"abc"}'),
  memoryNegative: file('memory-negative.json', '{"handler":"echo.handler","memorySize":-5}'),
  memoryStep: file('memory-step.json', '{"handler":"echo.handler","memorySize":200}'),
  unknownKey: file('unknown-key.json', '{"handler":"echo.handler","hanlder":"x"}'),
  noHandler: file('no-handler.json', '{"timeout":5}'),
  notJson: file('not-json.json', '{handler: echo.handler}'),
  credentials: file('credentials.json', '{"handler":"echo.handler","credentials":{"accessKeyId":"id"}}'),
};
const bomEvent = file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"version":"v1"}')]));
const nullEvent = file('null-event.json', 'null');
const aFile = file('a-file.txt', 'x');
mkdirSync(join(dir, 'folder'));
const handler = ['--handler', 'echo.handler', '--code-dir', 'fixtures/handlers'];
const nowhere = 'http://127.0.0.1:9/';

type Case = [name: string, args: string[], message: string | RegExp, env?: Record<string, string>];

const cases: Case[] = [
  // Event kinds: flags that would make an event FC never sends, or do nothing.
  ['--set past the end', ['oss:put', '--set', '/events/999999999/region=x'], 'index 999999999 is past the end of /events'],
  ['--set without =', ['oss:put', '--set', '__proto__'], '--set: expected path=value'],
  ['--set bad escape', ['oss:put', '--set', '/events/0/a~2b=1'], '"~2" is not a JSON pointer escape'],
  ['--set through a string', ['oss:put', '--set', '/events/0/eventName/x=1'], '/events/0/eventName is not an object or array'],
  ['--account-id letters', ['oss:put', '--account-id', 'abc'], '--account-id: not an Alibaba Cloud account id'],
  ['--account-id on invoke', ['invoke', '--event', event, ...handler, '--account-id', 'abc'], '--account-id: not an Alibaba Cloud account id'],
  ['--domain with spaces', ['cdn:logfile', '--domain', 'not a domain'], '--domain: not a domain name'],
  ['--domain one label', ['cdn:refresh', '--domain', 'localhost'], '--domain: not a domain name'],
  ['--timeout without a handler', ['oss:put', '--timeout', '5'], '--timeout: only when a function runs'],
  ['--env without a handler', ['timer', '--env', 'A=1'], '--env: only when a function runs'],
  ['--concurrency without --url', ['oss:put', '--concurrency', '3'], '--concurrency: only for a deployed function'],
  ['--out where no function runs', ['oss:put', '--out', join(dir, 'out.ndjson')], '--out: only when a function runs'],
  ['--memory 1', ['oss:put', ...handler, '--memory', '1'], '--memory: "1" is not a value FC takes: FC takes 128–32768 MB in steps of 64 MB'],
  ['--memory off step', ['oss:put', ...handler, '--memory', '200'], 'in steps of 64 MB'],
  ['--memory too big', ['oss:put', ...handler, '--memory', '65536'], '128–32768 MB'],
  ['--timeout huge', ['oss:put', ...handler, '--timeout', '99999999999'], '--timeout: "99999999999" is not a value FC takes: FC takes 1–86400 seconds'],
  ['--timeout 0', ['oss:put', ...handler, '--timeout', '0'], 'FC takes 1–86400 seconds'],
  ['--runtime unknown', ['oss:put', ...handler, '--runtime', 'nodejs99'], 'unknown runtime "nodejs99"'],
  [
    '--code-dir missing',
    ['invoke', '--event', event, '--handler', 'echo.handler', '--code-dir', join(dir, 'nowhere')],
    /--code-dir: .*nowhere: no such folder/,
  ],
  ['--code-dir a file', ['oss:put', '--handler', 'echo.handler', '--code-dir', aFile], /--code-dir: .*a-file\.txt: is a file, not a folder/],
  ['FC_SIM_CODE_DIR missing', ['oss:put', '--handler', 'echo.handler'], /FC_SIM_CODE_DIR: .*nowhere: no such folder/, { FC_SIM_CODE_DIR: '/nowhere' }],
  ['--invocation-type', ['oss:put', ...handler, '--invocation-type', 'later'], '--invocation-type: expected sync or async'],
  ['--check unknown', ['oss:put', ...handler, '--check', 'fast'], '--check: unknown check "fast"'],
  // Timer schedules.
  ['--from past Date', ['timer', '--cron', '@every 5m', '--from', '8640000000000000'], '--from "8640000000000000": outside 1970-01-01 … 9999-12-31'],
  ['--to before 1970', ['timer', '--cron', '@every 5m', '--to', '1969-12-31'], /--to "1969-12-31": outside/],
  ['--cron with --timeout only', ['timer', '--cron', '@every 5m', '--count', '1', '--timeout', '5'], '--timeout: only when a function runs'],
  // --config files and FC_SIM_* variables.
  [
    '--config null',
    ['invoke', '--event', event, '--config', configs.null],
    /--config .*null\.json: not a function configuration.*\n.*\(root\): must be an object/,
  ],
  ['--config array', ['invoke', '--event', event, '--config', configs.array], '(root): must be an object'],
  ['--config timeout "abc"', ['invoke', '--event', event, '--config', configs.timeoutText], '/timeout: must be an integer; found "abc"'],
  ['--config memorySize -5', ['invoke', '--event', event, '--config', configs.memoryNegative], '/memorySize: must be >= 128; found -5'],
  ['--config memorySize 200', ['invoke', '--event', event, '--config', configs.memoryStep], '/memorySize: must be multiple of 64'],
  ['--config unknown key', ['oss:put', '--config', configs.unknownKey], /hanlder/],
  ['--config without handler', ['fuzz', 'oss', '--config', configs.noHandler], 'no handler'],
  ['--config not JSON', ['replay', event, '--config', configs.notJson], /--config .*not-json\.json: not JSON/],
  ['--config missing', ['invoke', '--event', event, '--config', join(dir, 'missing.json')], /--config .*missing\.json: cannot read/],
  ['--config half credentials', ['invoke', '--event', event, '--config', configs.credentials], /\/credentials.*accessKeySecret/],
  ['FC_SIM_TIMEOUT abc', ['invoke', '--event', event, ...handler], 'FC_SIM_TIMEOUT: "abc" is not a value FC takes', { FC_SIM_TIMEOUT: 'abc' }],
  ['FC_SIM_MEMORY_SIZE -5', ['oss:put', ...handler], 'FC_SIM_MEMORY_SIZE: "-5" is not a value FC takes', { FC_SIM_MEMORY_SIZE: '-5' }],
  ['FC_SIM_RUNTIME unknown', ['oss:put', ...handler], 'FC_SIM_RUNTIME: "nodejs99" is not one of', { FC_SIM_RUNTIME: 'nodejs99' }],
  ['FC_SIM_ACCOUNT_ID letters', ['oss:put', ...handler], 'FC_SIM_ACCOUNT_ID: not an Alibaba Cloud account id', { FC_SIM_ACCOUNT_ID: 'abc' }],
  // Event files.
  ['a BOM (validate)', ['validate', bomEvent], 'starts with a UTF-8 byte-order mark'],
  ['a BOM (invoke --http)', ['invoke', '--event', bomEvent, '--http', ...handler], 'starts with a UTF-8 byte-order mark'],
  ['null as an HTTP event', ['invoke', '--event', nullEvent, '--http', ...handler], '--http needs an FC 3.0 HTTP event'],
  ['a missing event', ['invoke', '--event', join(dir, 'nope.json'), ...handler], 'no such file'],
  ['an empty folder to validate', ['validate', join(dir, 'folder')], /is a folder, not a file|no JSON files in .*folder/],
  ['validate --type unknown', ['validate', '--type', 'nope', event], /nope/],
  // fuzz: flags that do nothing in its mode, and paths.
  ['fuzz --path without --seed', ['fuzz', 'oss', ...handler, '--path', '0:1'], '--path: only with --seed'],
  ['fuzz --path zz:yy', ['fuzz', 'oss', ...handler, '--seed', '1', '--path', 'zz:yy'], '--path: expected numbers separated by colons'],
  ['fuzz --failures a file', ['fuzz', 'oss', ...handler, '--failures', aFile], 'is a file, not a folder'],
  ['fuzz --failures with --no-save', ['fuzz', 'oss', ...handler, '--no-save', '--failures', dir], '--failures: not with --no-save'],
  ['fuzz --url --out', ['fuzz', 'oss', '--url', nowhere, '--out', join(dir, 'f.ndjson')], '--out: not with fuzz'],
  ['fuzz --url --concurrency', ['fuzz', 'oss', '--url', nowhere, '--concurrency', '4'], '--concurrency: not with fuzz'],
  ['fuzz unknown trigger', ['fuzz', 'nope', ...handler], 'unknown trigger or kind "nope"'],
  ['fuzz --runs 0', ['fuzz', 'oss', ...handler, '--runs', '0'], '--runs'],
  // test, and the other project commands.
  [
    'test --junit below a file',
    ['test', '--project', 'fixtures/examples/timer-cleanup', '--junit', join(aFile, 'report.xml')],
    /--junit .*report\.xml: cannot write there/,
  ],
  ['test --junit a folder', ['test', '--project', 'fixtures/examples/timer-cleanup', '--junit', dir], /--junit .*: cannot write there/],
  ['test --failures a file', ['test', '--project', 'fixtures/examples/timer-cleanup', '--failures', aFile], 'is a file, not a folder'],
  ['ls a missing project', ['ls', '--project', join(dir, 'nowhere')], /nowhere/],
  ['schema unknown', ['schema', 'nope'], /nope/],
  // URLs and targets.
  ['--url not a URL', ['oss:put', '--url', 'not a url'], '--url: not a URL'],
  ['--url ftp', ['oss:put', '--url', 'ftp://x'], '--url: only http: and https: URLs'],
  ['--sign unknown', ['oss:put', '--url', nowhere, '--sign', 'fc9'], '--sign: expected fc2 or fc3'],
  ['--target unknown', ['oss:put', '--target', 'lambda'], '--target: unknown target "lambda"'],
  ['--target invoke without credentials', ['timer', '--target', 'invoke-fc3', '--endpoint', nowhere, '--function-name', 'f'], 'needs credentials'],
  ['--request-timeout text', ['oss:put', '--url', nowhere, '--request-timeout', 'soon'], '--request-timeout: expected a duration'],
  ['--handler and --url', ['oss:put', '--url', nowhere, '--handler', 'echo.handler'], 'choose one'],
];

describe('a user mistake anywhere: exit 2, a message naming it, no stack trace', () => {
  it.concurrent.each(cases)('%s', async (_name, args, message, env) => {
    const run = await runCli(args, { env: { ALIBABA_CLOUD_ACCESS_KEY_ID: '', ALIBABA_CLOUD_ACCESS_KEY_SECRET: '', ...env } });
    expect(run.stderr).not.toMatch(/^ {4}at /m);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).toMatch(typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message);
    expect(run.status).toBe(2);
  });

  it('--set __proto__.polluted=1 leaves Object.prototype alone', async () => {
    await runCli(['oss:put', '--set', '__proto__.polluted=1']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('a handler in --config is used (no --handler needed)', async () => {
    const config = file('handler-only.json', JSON.stringify({ handler: 'echo.handler', codeDir: `${process.cwd()}/fixtures/handlers`, timeout: 10 }));
    const runs = await Promise.all([
      runCli(['invoke', '--event', event, '--config', config]),
      runCli(['timer', '--config', config, '--json']),
      runCli(['replay', event, '--config', config]),
    ]);
    expect(runs.map((run) => run.status)).toEqual([0, 0, 0]);
    expect(JSON.parse(runs[1]!.stdout).status).toBe('success');
  });
});
