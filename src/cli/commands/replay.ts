import { readFileSync } from 'node:fs';
import { FcSimError } from '../../errors.js';
import { detectSchema } from '../../schema/detect.js';
import { expandFiles, isSavedFailure, parseFailureFile } from '../../testing/failures.js';
import { ContractRunner } from '../../testing/runner.js';
import type { Delivery } from '../../triggers/delivery.js';
import type { Platform } from '../../runtime/runtimes.js';
import { deliveryOfSchema } from '../../triggers/delivery.js';
import { summaryLine } from '../../runtime/invocation.js';
import { checksFromFlag } from '../check-flag.js';
import type { FunctionFlags } from '../function-options.js';
import { functionConfigFrom } from '../function-options.js';
import type { CommandIo } from '../io.js';
import { pathIn } from '../io.js';
import { hasTarget, refuseRemoteFlags } from '../target-options.js';

/**
 * A saved failure names how its event reaches the handler and the platform it ran on; a plain event file is
 * recognised by its shape (an FC 2.0 request is for a function on FC 2.0).
 */
function load(file: string, io: CommandIo): { event: unknown; delivery: Delivery; platform?: Platform } {
  let text: string;
  try {
    text = readFileSync(pathIn(io, file), 'utf8');
  } catch (error) {
    throw new FcSimError(
      'E_FILE_NOT_FOUND',
      `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      'name saved failures (fixtures/failures/*.json) or a folder of them',
    );
  }
  let value: unknown;
  try {
    value = parseFailureFile(text);
  } catch {
    // Not JSON: a raw event (an MNS STREAM body), delivered as it is.
    return { event: text, delivery: 'event' };
  }
  const saved = isSavedFailure(value) ? value : undefined;
  const delivery = saved ? saved.delivery : deliveryOfSchema(detectSchema(value)?.schema);
  const platform = saved?.platform ?? (delivery === 'fc2-http' ? 'fc2' : undefined);
  return { event: saved ? saved.event : value, delivery, ...(platform ? { platform } : {}) };
}

/** `fc-sim replay <files|folders> --handler …`: runs each saved event through the checks and reports each outcome. */
export async function replayCommand(paths: string[], options: FunctionFlags, io: CommandIo): Promise<number> {
  const files = expandFiles(paths, io.cwd);
  if (files.length === 0) throw new FcSimError('E_USAGE', `no JSON files in ${paths.join(', ')}`, 'failures are saved in fixtures/failures/ by default');
  const events = files.map((file) => ({ file, ...load(file, io) }));
  const checks = checksFromFlag(options.check);
  if (hasTarget(options)) {
    // A deployed function: a load run (concurrency, retries, summary, --out), judged the same way.
    const [{ remoteTargetFrom }, { replayAgainstTarget }] = await Promise.all([import('../create-target.js'), import('../remote-load.js')]);
    return replayAgainstTarget(events, remoteTargetFrom(options, io), options, io, checks);
  }
  refuseRemoteFlags(options);
  let failed = 0;
  // One runner per delivery mode and platform; each keeps its instance warm across the files.
  const runners = new Map<string, ContractRunner>();
  try {
    for (const { file, event, delivery, platform } of events) {
      // The platform the event was saved with, unless a flag, FC_SIM_PLATFORM or --config names one.
      const { handler, ...runtime } = functionConfigFrom(options, io, platform ? { platform } : {});
      const key = `${delivery} ${runtime.platform ?? 'fc3'}`;
      if (!runners.has(key)) runners.set(key, new ContractRunner(handler, { delivery }, { runtime, ...(checks ? { checks } : {}) }));
      const { invocation, failure } = await runners.get(key)!.run(event);
      if (failure) {
        failed += 1;
        io.stdout.write(`✗ ${file}: ${failure.check}: ${failure.message}\n`);
        io.stdout.write(`${[...invocation.logs, summaryLine(invocation)].map((line) => `    ${line}`).join('\n')}\n`);
      } else {
        io.stdout.write(`✓ ${file}: ${invocation.status} (${invocation.durationMs.toFixed(1)} ms)\n`);
      }
    }
  } finally {
    await Promise.all([...runners.values()].map((runner) => runner.dispose()));
  }
  io.stdout.write(`${files.length - failed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
