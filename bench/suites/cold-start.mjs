// The first invocation of an isolated instance (a handler string in its own process): what a cold start costs
// locally, next to the bare start of a Node.js process.
import { fcSim, fixturesDir, root } from '../lib/dist.mjs';
import { nodeWallMs } from '../lib/processes.mjs';
import { median } from '../lib/stats.mjs';
import { wallMs } from '../lib/timing.mjs';
import { row } from '../lib/report.mjs';

const SECTION = 'Cold start';
const RUNS = 9;

export async function run() {
  const { createInstance, buildOssEvent } = await fcSim();
  const bytes = Buffer.from(JSON.stringify(buildOssEvent()));
  const coldMs = [];
  const nodeMs = [];
  const firstInvocation = async () => {
    const instance = createInstance('noop.handler', { runtime: 'nodejs20', codeDir: fixturesDir });
    try {
      const invocation = await instance.invoke(bytes);
      if (invocation.status !== 'success') throw new Error(`cold start: ${invocation.error?.errorMessage}`);
    } finally {
      await instance.dispose();
    }
  };
  await firstInvocation();
  await nodeWallMs(['-e', '0'], { cwd: root });
  for (let i = 0; i < RUNS; i++) {
    coldMs.push(await wallMs(firstInvocation));
    nodeMs.push(await nodeWallMs(['-e', '0'], { cwd: root }));
  }
  return [
    row({
      section: SECTION,
      name: 'isolated instance: create + first invocation + dispose',
      value: median(coldMs),
      unit: 'ms',
      reference: { name: '`node -e 0` spawned', value: median(nodeMs), unit: 'ms' },
      ratioLabel: '`node -e 0`',
    }),
  ];
}
