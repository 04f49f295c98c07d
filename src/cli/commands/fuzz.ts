import { FcSimError } from '../../errors.js';
import { findKind, sourceNames } from '../../triggers/registry.js';
import { checkHandler, ContractFailure } from '../../testing/check-handler.js';
import type { EventSource } from '../../testing/triggers.js';
import { checksFromFlag } from '../check-flag.js';
import type { FunctionFlags } from '../function-options.js';
import { functionConfigFrom } from '../function-options.js';
import type { CliOutput, CommandIo } from '../io.js';
import { pathIn } from '../io.js';
import { hasTarget, refuseRemoteFlags, targetArgs } from '../target-options.js';

export interface FuzzCommandOptions extends FunctionFlags {
  runs?: number;
  seed?: number;
  path?: string;
  fc2?: boolean;
  failures?: string;
  save?: boolean;
}

/** A trigger (`oss`, or a variant such as `fc2-http`) or a kind; `timer` is both, and means the trigger. */
function sourceOf(target: string, fc2: boolean): EventSource {
  if (sourceNames.includes(target)) return { trigger: target } as EventSource;
  if (findKind(target)) return { kind: target, fc2 };
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

/** `fc-sim fuzz <trigger|kind> --handler …`: the contract checks of fc-sim/testing, from the terminal. */
export async function fuzzCommand(target: string, options: FuzzCommandOptions, io: CommandIo): Promise<number> {
  const source = sourceOf(target, options.fc2 ?? false);
  const checks = checksFromFlag(options.check);
  // A deployed function (--url, --target) takes the events instead of a local handler.
  if (!hasTarget(options)) refuseRemoteFlags(options);
  const remote = hasTarget(options) ? (await import('../create-target.js')).remoteTargetFrom(options, io) : undefined;
  const { handler, ...runtime } = remote ? { handler: remote.description } : functionConfigFrom(options, io);
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
      failuresDir: options.save === false ? false : pathIn(io, options.failures ?? 'fixtures/failures'),
      onRun: bar.tick,
      ...(remote ? { target: remote, replayArgs: targetArgs(options) } : {}),
    });
    bar.done();
    const replayed = summary.replayed > 0 ? ` (after replaying ${summary.replayed} saved failure${summary.replayed === 1 ? '' : 's'})` : '';
    io.stdout.write(`✓ ${handler}: ${summary.runs} ${target} events passed${replayed}; seed ${summary.seed}\n`);
    return 0;
  } catch (error) {
    bar.done();
    if (!(error instanceof ContractFailure)) throw error;
    io.stdout.write(`${error.message}\n`);
    return 1;
  }
}
