import { FcSimError } from '../../errors.js';
import { findKind, sourceNames } from '../../triggers/modules.js';
import type { CheckHandlerOptions } from '../../testing/check-handler.js';
import { checkHandler, ContractFailure, FAST_CHECK_PATH } from '../../testing/check-handler.js';
import type { TypedEventSource } from '../../testing/typed-source.js';
import { checksFromFlag } from '../check-flag.js';
import type { FunctionFlags } from '../function-options.js';
import { functionConfigFrom } from '../function-options.js';
import type { CliOutput, CommandIo } from '../io.js';
import { pathIn } from '../io.js';
import { invocationRecord } from '../print-invocation.js';
import { localRecordLine } from '../records.js';
import { checkOutputFolder } from '../output-paths.js';
import { functionLabel } from '../../project/select.js';
import { sourceCorpusKey } from '../../testing/replay-command.js';
import { replayArgsOf } from '../replay-args.js';
import { hasTarget, refuseRemoteFlags } from '../target-options.js';

/** One event of the run, as checkHandler reports it. */
type FuzzEvent = Parameters<NonNullable<CheckHandlerOptions['onEvent']>>[0];

export interface FuzzCommandOptions extends FunctionFlags {
  runs?: number;
  seed?: number;
  path?: string;
  failures?: string;
  save?: boolean;
}

/**
 * A trigger (`oss`, or a variant such as `fc2-http`) or a kind; `timer` is both, and means the trigger. HTTP events
 * follow the function's platform (checkHandler: `--fc2` makes `http` and `http:get` FC 2.0 requests).
 */
function sourceOf(target: string): TypedEventSource {
  // A name read at run time, with no property of the user's to type: any source's type will do.
  if (sourceNames.includes(target)) return { trigger: target } as TypedEventSource;
  if (findKind(target)) return { kind: target } as TypedEventSource;
  throw new FcSimError('E_USAGE', `unknown trigger or kind "${target}"`, `use a trigger (${sourceNames.join(', ')}) or a kind (fc-sim list)`);
}

/** A progress line on a terminal (rewritten in place), nothing in a pipe or CI log. */
function progress(total: number, stderr: CliOutput): { tick: (runs: number) => void; done: () => void } {
  if (!stderr.isTTY) return { tick: () => undefined, done: () => undefined };
  let shown = 0;
  return {
    tick: (runs) => {
      if (runs - shown < Math.max(1, total / 100)) return;
      shown = runs;
      stderr.write(`\rfc-sim fuzz: ${Math.min(runs, total)}/${total} events`);
    },
    done: () => stderr.write('\r\x1b[K'),
  };
}

/** Flags that would do nothing in fuzz's mode: refused, naming the mode (a flag silently ignored hides a mistake). */
function refuseIdleFlags(options: FuzzCommandOptions): void {
  if (options.path !== undefined && options.seed === undefined) {
    throw new FcSimError(
      'E_USAGE',
      '--path: only with --seed (a path is a place in the run of one seed)',
      'copy both from the failure report: --seed S --path P',
    );
  }
  if (options.path !== undefined && !FAST_CHECK_PATH.test(options.path)) {
    throw new FcSimError(
      'E_USAGE',
      `--path: expected numbers separated by colons, e.g. 0:1:3, got ${JSON.stringify(options.path)}`,
      'copy it from the failure report',
    );
  }
  if (options.save === false && options.failures !== undefined) {
    throw new FcSimError('E_USAGE', '--failures: not with --no-save (fuzz neither saves nor replays failures then)', 'drop one of them');
  }
  if (options.out !== undefined && !hasTarget(options)) {
    throw new FcSimError(
      'E_USAGE',
      '--out: not with fuzz: fuzz stops at the first failure and reports it shrunk (--json prints a JSON line per event, then its outcome)',
      'to keep a record per event: fc-sim <kind> --count 1000 --handler … --out results.ndjson',
    );
  }
  for (const [flag, given] of [
    ['--out', options.out],
    ['--concurrency', options.concurrency],
    ['--rate', options.rate],
  ] as const) {
    if (given !== undefined && hasTarget(options)) {
      throw new FcSimError(
        'E_USAGE',
        `${flag}: not with fuzz: fuzz sends one event at a time, stops at the first failure and reports it shrunk`,
        'for a load run: fc-sim <kind> --count 1000 --url … --out results.ndjson, or fc-sim replay <files> --url … --out results.ndjson',
      );
    }
  }
}

/** `fc-sim fuzz <trigger|kind> --handler …`: the contract checks of fc-sim/testing, from the terminal. */
export async function fuzzCommand(target: string, options: FuzzCommandOptions, io: CommandIo): Promise<number> {
  const source = sourceOf(target);
  refuseIdleFlags(options);
  // What is printed passes the redactor saved failures do (a remote target adds its credentials to it).
  io.guard();
  const checks = checksFromFlag(options.check);
  // A deployed function (--url, --target) takes the events instead of a local handler.
  if (!hasTarget(options)) refuseRemoteFlags(options);
  const remote = hasTarget(options) ? (await import('../create-target.js')).remoteTargetFrom(options, io) : undefined;
  // --function: the project's function with its settings (a custom runtime's server too).
  const named = remote || options.function === undefined ? undefined : (await import('../project-target.js')).projectFunctionFrom(options, io);
  const config = remote ? { handler: remote.description } : (named?.config ?? functionConfigFrom(options, io));
  const { handler, ...runtime } = config;
  // A project function by its name: its handler string (index.handler) may be that of every function of the project.
  const subject = named ? functionLabel(named.fn) : handler;
  const failuresDir = options.save === false ? false : pathIn(io, options.failures ?? 'fixtures/failures');
  if (failuresDir) checkOutputFolder('--failures', options.failures ?? 'fixtures/failures', failuresDir);
  const runs = options.runs ?? 100;
  const bar = progress(runs, io.stderr);
  try {
    const summary = await checkHandler({
      ...source,
      handler,
      runtime,
      runs,
      ...(checks ? { checks } : {}),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.path === undefined ? {} : { path: options.path }),
      failuresDir,
      onRun: bar.tick,
      // --json: one line per event as it runs, as replay and `<kind> --count` print them; the run's outcome last.
      ...(options.json
        ? {
            onEvent: ({ index, phase, label, outcome }: FuzzEvent) =>
              io.stdout.write(`${localRecordLine(index, label, outcome.invocation, outcome.failure, io, { phase })}\n`),
          }
        : {}),
      ...(options.invocationType ? { invocationType: options.invocationType } : {}),
      redact: (text) => io.redactor.redact(text),
      replayArgs: replayArgsOf(options, config, checks, io, remote !== undefined),
      // This handler's (or project function's) failures on this trigger or kind, whatever test or command runs it.
      corpus: sourceCorpusKey(named ? `function ${subject}` : handler, target),
      ...(remote ? { target: remote } : named ? { target: named.instance() } : {}),
    });
    bar.done();
    const replayed = summary.replayed > 0 ? ` (after replaying ${summary.replayed} saved failure${summary.replayed === 1 ? '' : 's'})` : '';
    if (options.json) {
      // fuzz stops at the first failure and shrinks it: its outcome is the run's, the last JSON line.
      const line = { passed: true, handler, source: target, runs: summary.runs, seed: summary.seed, replayed: summary.replayed };
      io.stdout.write(`${JSON.stringify(line)}\n`);
    } else io.stdout.write(`✓ ${subject}: ${summary.runs} ${target} events passed${replayed}; seed ${summary.seed}\n`);
    return 0;
  } catch (error) {
    bar.done();
    if (!(error instanceof ContractFailure)) throw error;
    if (options.json) {
      const { failure, event, invocation, runs, shrinks, seed, path, savedTo, rerun } = error.report;
      const line = { passed: false, handler, source: target, check: failure.check, message: failure.message, runs, shrinks, seed, path, event, savedTo, rerun };
      io.stdout.write(`${io.redactor.redact(JSON.stringify({ ...line, invocation: invocationRecord(invocation) }))}\n`);
    } else io.stdout.write(`${error.message}\n`);
    return 1;
  }
}
