// A 1000-run property test of a no-op OSS handler with checkHandler, end to end (instance start, 1000 generated
// events delivered and checked, dispose), next to fast-check alone calling the same handler directly on the same
// events: what fc-sim's delivery and checks add to a property test.
import fc from 'fast-check';
import { fcSimGenerators, fcSimTesting, fixturesDir, root } from '../lib/dist.mjs';
import { nodeWallMs } from '../lib/processes.mjs';
import { median } from '../lib/stats.mjs';
import { wallMs } from '../lib/timing.mjs';
import { row } from '../lib/report.mjs';

const SECTION = 'Property test: 1000 OSS events against a no-op handler';
const RUNS = 1_000;
const ROUNDS = 3;
const SEED = 42;

export async function run() {
  const { checkHandler } = await fcSimTesting();
  const { ossEvent } = await fcSimGenerators();
  const noop = async () => {};
  const check = (handler) => () =>
    checkHandler({ handler, trigger: 'oss', runs: RUNS, seed: SEED, failuresDir: false, runtime: { runtime: 'nodejs20', codeDir: fixturesDir } });
  const reference = () =>
    fc.assert(
      fc.asyncProperty(ossEvent(), async (event) => {
        await noop(Buffer.from(JSON.stringify(event)), {});
      }),
      { numRuns: RUNS, seed: SEED },
    );
  const times = { fn: [], string: [], reference: [] };
  // The first round is measured too: a test suite runs its property test once, not warmed up.
  for (let round = 0; round < ROUNDS; round++) {
    times.fn.push(await wallMs(check(noop)));
    times.string.push(await wallMs(check('noop.handler')));
    times.reference.push(await wallMs(reference));
  }
  // And in a process of its own: `node` start, imports, the test: what `vitest` pays for one such test file.
  const script = `const { checkHandler } = await import(${JSON.stringify(new URL('../../dist/src/testing/index.js', import.meta.url).href)});
    await checkHandler({ handler: async () => {}, trigger: 'oss', runs: ${RUNS}, seed: ${SEED}, failuresDir: false });`;
  const processMs = [];
  const nodeMs = [];
  for (let round = 0; round < ROUNDS; round++) {
    processMs.push(await nodeWallMs(['--input-type=module', '-e', script], { cwd: root }));
    nodeMs.push(await nodeWallMs(['-e', '0'], { cwd: root }));
  }
  const ref = { name: 'fast-check alone, same events, handler called directly', value: median(times.reference), unit: 'ms' };
  const target = (ms) => ({ text: '< 1,500 ms', met: ms < 1_500 });
  return [
    row({
      section: SECTION,
      name: 'checkHandler, handler function (in-process runner)',
      value: median(times.fn),
      unit: 'ms',
      reference: ref,
      ratioLabel: 'fast-check alone',
      target: target(median(times.fn)),
    }),
    row({
      section: SECTION,
      name: 'checkHandler, handler string (isolated instance, own process)',
      value: median(times.string),
      unit: 'ms',
      reference: ref,
      ratioLabel: 'fast-check alone',
      target: target(median(times.string)),
    }),
    row({
      section: SECTION,
      name: 'a fresh `node` process: imports + checkHandler (handler function)',
      value: median(processMs),
      unit: 'ms',
      reference: { name: '`node -e 0`', value: median(nodeMs), unit: 'ms' },
      ratioLabel: '`node -e 0`',
      target: target(median(processMs)),
    }),
  ];
}
