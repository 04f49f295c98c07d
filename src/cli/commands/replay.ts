import { FcSimError } from '../../errors.js';
import type { CheckFailure } from '../../testing/checks.js';
import { vitestCommand } from '../../testing/replay-command.js';
import type { ContractRunner } from '../../testing/runner.js';
import { summaryLine } from '../../runtime/invocation.js';
import { checksFromFlag } from '../check-flag.js';
import type { FunctionFlags } from '../function-options.js';
import { functionConfigFrom } from '../function-options.js';
import type { CommandIo } from '../io.js';
import type { LoadedEvent } from '../read-events.js';
import { loadedEvent, readEventBatchesOf, readEvents } from '../read-events.js';
import { closeOut, localRecordLine, openOut, writeInTurn } from '../records.js';
import { hasTarget, refuseRemoteFlags } from '../target-options.js';

/** The inputs' events as replay judges them, read as they are used (a saved failure, a plain event, an NDJSON line). */
async function* loadedEvents(paths: readonly string[], options: FunctionFlags, io: CommandIo): AsyncGenerator<LoadedEvent> {
  let count = 0;
  for await (const input of readEvents(paths, options, io)) {
    count += 1;
    yield loadedEvent(input);
  }
  if (count === 0) throw noEventsError(paths);
}

function noEventsError(paths: readonly string[]): FcSimError {
  return new FcSimError('E_USAGE', `no events in ${paths.join(', ')}`, 'failures are saved in fixtures/failures/ by default');
}

/**
 * A saved failure of a test's own property, which fc-sim cannot run: the command that reruns the test (vitest's, or
 * the one the failure was saved with). Never a pass: what decided the failure was not checked.
 */
function propertyFailure(saved: NonNullable<LoadedEvent['saved']>): CheckFailure {
  const test = saved.corpus?.vitest;
  const rerun = test ? vitestCommand(test) : saved.replay;
  return {
    check: 'property',
    message: `it failed the property of ${test ? `test "${test.name}" (${test.file})` : 'the test that saved it'}, which only that test runs; the built-in checks passed${
      rerun ? `. Rerun it: ${rerun}` : ''
    }`,
  };
}

/**
 * `fc-sim replay <files|folders|-> --handler …`: runs each event (a saved failure, an event file, each line of an
 * NDJSON file) through the checks and reports one outcome per event, as it comes: N events in, N outcomes out.
 */
export async function replayCommand(paths: string[], options: FunctionFlags, io: CommandIo): Promise<number> {
  const checks = checksFromFlag(options.check);
  if (hasTarget(options)) {
    // A deployed function: a load run (concurrency, retries, summary, --out), judged the same way.
    const [{ remoteTargetFrom }, { replayAgainstTarget }] = await Promise.all([import('../remote-target.js'), import('../remote-load.js')]);
    const target = remoteTargetFrom(options, io);
    return replayAgainstTarget(readEventBatchesOf(paths, options, io), () => noEventsError(paths), target, options, io, checks);
  }
  const events = loadedEvents(paths, options, io);
  refuseRemoteFlags(options);
  // Loaded here: the local runtime is no part of a remote replay's start-up.
  const { ContractRunner } = await import('../../testing/runner.js');
  // --function: the project's function with its settings, as fuzz and test ran it (the commands they print name it).
  const named = options.function === undefined ? undefined : (await import('../project-target.js')).projectFunctionFrom(options, io);
  const out = options.out === undefined ? undefined : openOut(options.out, io);
  const report = options.json ? io.stderr : io.stdout;
  let count = 0;
  let failed = 0;
  // One runner per delivery mode and platform; each keeps its instance warm across the events.
  const runners = new Map<string, ContractRunner>();
  const configs = new Map<string, ReturnType<typeof functionConfigFrom>>();
  try {
    for await (const { label, event, delivery, platform, saved } of events) {
      count += 1;
      // The platform the event was saved with, unless a flag, FC_SIM_PLATFORM or --config names one.
      const configKey = platform ?? '';
      if (!configs.has(configKey)) configs.set(configKey, named?.config ?? functionConfigFrom(options, io, platform ? { platform } : {}));
      const { handler, ...runtime } = configs.get(configKey)!;
      const key = `${delivery} ${runtime.platform ?? 'fc3'}`;
      const target = named ? { target: named.instance() } : {};
      if (!runners.has(key)) runners.set(key, new ContractRunner(handler, { delivery }, { runtime, ...(checks ? { checks } : {}), ...target }));
      const { invocation, failure: judged } = await runners.get(key)!.run(event);
      // A failure of a test's own property: the built-in checks cannot clear it, only its test can.
      const failure = judged ?? (saved?.check === 'property' ? propertyFailure(saved) : undefined);
      if (failure) failed += 1;
      if (out || options.json) {
        const line = `${localRecordLine(count, label, invocation, failure, io)}\n`;
        if (out) await writeInTurn(out, line);
        if (options.json) await writeInTurn(io.stdout, line);
      }
      if (options.json) continue;
      if (failure) {
        await writeInTurn(io.stdout, `✗ ${label}: ${failure.check}: ${failure.message}\n`);
        await writeInTurn(io.stdout, `${[...invocation.logs, summaryLine(invocation)].map((line) => `    ${line}`).join('\n')}\n`);
      } else {
        await writeInTurn(io.stdout, `✓ ${label}: ${invocation.status} (${invocation.durationMs.toFixed(1)} ms)\n`);
      }
    }
  } finally {
    await Promise.all([...runners.values()].map((runner) => runner.dispose()));
    await closeOut(out);
  }
  report.write(`${count - failed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
