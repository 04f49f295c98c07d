// CLI start-up: `fc-sim oss:put` (parse the flags, build the event, validate it, print it) as a person waits for
// it, next to starting Node.js itself. The unmeasured first spawn of each case writes the bin's code cache for that
// kind of run, as a user's first run does.
import { cliPath, root } from '../lib/dist.mjs';
import { medianWallMs } from '../lib/processes.mjs';
import { row } from '../lib/report.mjs';

const SECTION = 'CLI start-up (wall time, median of 11 spawns)';

export async function run() {
  const ms = await medianWallMs(
    {
      node: ['-e', '0'],
      ossPut: [cliPath, 'oss:put'],
      version: [cliPath, '--version'],
      random: [cliPath, 'oss:put', '--random', '--seed', '1'],
    },
    { runs: 11, cwd: root },
  );
  const node = { name: '`node -e 0`', value: ms.node, unit: 'ms' };
  return [
    row({
      section: SECTION,
      name: '`fc-sim oss:put`',
      value: ms.ossPut,
      unit: 'ms',
      reference: node,
      ratioLabel: '`node -e 0`',
      target: { text: '< 3× `node -e 0`', met: ms.ossPut < 3 * ms.node },
    }),
    row({ section: SECTION, name: '`fc-sim --version` (the command line alone)', value: ms.version, unit: 'ms', reference: node, ratioLabel: '`node -e 0`' }),
    row({
      section: SECTION,
      name: '`fc-sim oss:put --random --seed 1` (loads the generators)',
      value: ms.random,
      unit: 'ms',
      reference: node,
      ratioLabel: '`node -e 0`',
      target: { text: '≤ 2× `node -e 0`', met: ms.random <= 2 * ms.node },
    }),
  ];
}
