/**
 * One judge: the same target gets the same verdict through checkHandler, `fc-sim fuzz`, `fc-sim replay` and
 * `fc-sim <kind>` (one event, and a load run of several), remote (a real server on 127.0.0.1) or local (a handler
 * file), with the default checks and with the same --check selection.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTimerEvent } from '../../src/index.js';
import { createRemoteTarget } from '../../src/remote/target.js';
import type { CheckHandlerOptions, CheckName } from '../../src/testing/index.js';
import { checkHandler, checkNames, ContractFailure } from '../../src/testing/index.js';
import { runCli } from '../helpers/run-cli.js';
import type { Handler, TestServer } from '../remote/helpers/servers.js';
import { json, startServer } from '../remote/helpers/servers.js';
import { tempDir } from '../helpers/temp-dir.js';

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function server(handler: Handler): Promise<string> {
  const started = await startServer(handler);
  servers.push(started);
  return started.origin;
}

/** What a path said about the target: passed, or the check that failed and why. */
interface Verdict {
  passed: boolean;
  check?: string;
  message?: string;
}

type Paths = 'checkHandler' | 'fuzz' | 'replay' | 'kind' | 'kind --count';

/** `--check a --check b` and the same selection as checkHandler's `checks`. */
function selection(checks: readonly CheckName[] | undefined) {
  return {
    args: (checks ?? []).flatMap((check) => ['--check', check]),
    // --check runs only the named checks; the library's `checks` turns each one on or off.
    option: checks ? { checks: Object.fromEntries(checkNames.map((name) => [name, checks.includes(name)])) } : {},
  };
}

function eventFile(): string {
  const dir = tempDir('fc-sim-judge-');
  const file = join(dir, 'timer.json');
  writeFileSync(file, JSON.stringify(buildTimerEvent({ payload: 'nightly' })));
  return file;
}

/** The verdict of every path on timer events; `target` is how the function is named (`--url …` or `--handler …`). */
/** How the paths name the function: CLI flags, and checkHandler's options (`target` or `handler` + `runtime`). */
interface Target {
  args: string[];
  library: Partial<Pick<CheckHandlerOptions, 'handler' | 'target' | 'runtime'>>;
}

/** The verdict of every path on timer events. */
async function verdicts(target: Target, checks?: readonly CheckName[]): Promise<Record<Paths, Verdict>> {
  const { args, option } = selection(checks);
  const fromReport = (text: string): Verdict => {
    const found = /^fc-sim: the handler failed "([^"]+)" on a timer event[^\n]*\n {2}(.*)$/m.exec(text);
    return found ? { passed: false, check: found[1]!, message: found[2]! } : { passed: true };
  };
  // `✗ <file>: check: message` (replay), `✗ #2: …` (load runs), `fc-sim: ✗ check: message` (events one by one).
  const fromLine = (run: { stdout: string; stderr: string }): Verdict => {
    const found = /^(?:fc-sim: )?✗ (?:\S+: )?([\w-]+): (.*)$/m.exec(`${run.stdout}\n${run.stderr}`);
    return found ? { passed: false, check: found[1]!, message: found[2]! } : { passed: true };
  };

  let library: Verdict;
  try {
    await checkHandler({ handler: 'remote', trigger: 'timer', runs: 3, seed: 1, failuresDir: false, ...option, ...target.library });
    library = { passed: true };
  } catch (error) {
    if (!(error instanceof ContractFailure)) throw error;
    library = { passed: false, check: error.report.failure.check, message: error.report.failure.message };
  }
  const fuzz = await runCli(['fuzz', 'timer', ...target.args, ...args, '--runs', '3', '--seed', '1', '--no-save']);
  const replay = await runCli(['replay', eventFile(), ...target.args, ...args]);
  const kind = await runCli(['timer', '--payload', 'nightly', ...target.args, ...args]);
  const load = await runCli(['timer', '--count', '2', '--seed', '1', ...target.args, ...args]);
  const results: Record<Paths, Verdict> = {
    checkHandler: library,
    fuzz: fromReport(fuzz.stdout),
    replay: fromLine(replay),
    kind: fromLine(kind),
    'kind --count': fromLine(load),
  };
  // The exit status says the same as the verdict.
  for (const [path, run] of [
    ['fuzz', fuzz],
    ['replay', replay],
    ['kind', kind],
    ['kind --count', load],
  ] as const) {
    expect([path, run.status]).toEqual([path, results[path].passed ? 0 : 1]);
  }
  return results;
}

const everywhere = (verdict: Verdict): Record<Paths, Verdict> => ({
  checkHandler: verdict,
  fuzz: verdict,
  replay: verdict,
  kind: verdict,
  'kind --count': verdict,
});
const checksOnly = (all: Record<Paths, Verdict>) =>
  Object.fromEntries(Object.entries(all).map(([path, verdict]) => [path, { passed: verdict.passed, check: verdict.check }]));

describe('one judge for every command, against a server on 127.0.0.1', () => {
  const remote = (url: string): Target => ({ args: ['--url', url], library: { target: createRemoteTarget({ kind: 'http-trigger', url }) } });

  it('a function that answers a repeated event differently fails idempotent wherever idempotent is enabled', async () => {
    let count = 0;
    const url = await server((_request, response) => json(response, 200, { processed: ++count }));
    expect(await verdicts(remote(url))).toEqual(everywhere({ passed: true }));
    const judged = await verdicts(remote(url), ['idempotent']);
    expect(checksOnly(judged)).toEqual(everywhere({ passed: false, check: 'idempotent' }));
    for (const verdict of Object.values(judged))
      expect(verdict.message).toMatch(/^the same event delivered twice answered differently: first success "\{\\"processed\\":\d+\}", then success/);
  });

  it('a 500 that FC does not put down to the function is the same failure everywhere, whatever the checks', async () => {
    const url = await server((_request, response) => {
      response.writeHead(500);
      response.end('gateway broke');
    });
    const failure = everywhere({ passed: false, check: 'http-error', message: 'HTTP 500' });
    expect(await verdicts(remote(url))).toEqual(failure);
    expect(await verdicts(remote(url), ['no-handled-error'])).toEqual(failure);
  });

  it('a handled function error fails no-handled-error everywhere, and passes everywhere when --check leaves it out', async () => {
    const url = await server((_request, response) =>
      json(response, 200, { errorMessage: 'order 7 is locked', errorType: 'Locked' }, { 'x-fc-error-type': 'HandledInvocationError' }),
    );
    expect(await verdicts(remote(url))).toEqual(
      everywhere({ passed: false, check: 'no-handled-error', message: 'handled error (callback) Locked: order 7 is locked' }),
    );
    expect(await verdicts(remote(url), ['no-unhandled-error', 'within-timeout'])).toEqual(everywhere({ passed: true }));
  });
});

describe('one judge for every command, on a local handler', () => {
  const local = (handler: string): Target => ({
    args: ['--handler', handler, '--code-dir', 'fixtures/handlers'],
    library: { handler, runtime: { codeDir: 'fixtures/handlers' } },
  });

  it('a handler whose answer depends on instance state fails idempotent wherever idempotent is enabled', async () => {
    expect(await verdicts(local('planted/counter-result.handler'))).toEqual(everywhere({ passed: true }));
    expect(checksOnly(await verdicts(local('planted/counter-result.handler'), ['idempotent']))).toEqual(everywhere({ passed: false, check: 'idempotent' }));
  });

  it('a callback(error) fails no-handled-error everywhere', async () => {
    const verdict = await verdicts(local('callback-error.handler'));
    expect(checksOnly(verdict)).toEqual(everywhere({ passed: false, check: 'no-handled-error' }));
    expect(new Set(Object.values(verdict).map((judged) => judged.message)).size).toBe(1);
  });
});
