// `--count` through the CLI as users pipe it: events per second printed, peak memory of a million events, and how
// soon `| head -1` ends a run of a hundred million.
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, fcSimGenerators, root } from '../lib/dist.mjs';
import { nodeWallMs } from '../lib/processes.mjs';
import { row } from '../lib/report.mjs';
import { median } from '../lib/stats.mjs';

const SECTION = '`--count` streaming through the CLI (OSS events, stdout to /dev/null)';
const COUNT = 100_000;
const MILLION = 1_000_000;
const ROUNDS = 3;

/** Peak RSS (MB) of `node <args>`, read by the process itself as it exits. */
function peakRssMb(args, preload) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', preload, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => {
      const match = /maxRSS (\d+)/.exec(stderr);
      if (code !== 0 || !match) reject(new Error(`node ${args.join(' ')}: ${code} ${stderr.slice(0, 300)}`));
      else resolve(Number(match[1]) / 1024);
    });
  });
}

/** Milliseconds from spawn to exit of `--count 100000000`, its stdout closed after the first line (as `| head -1`). */
function headOneMs() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cliPath, 'oss:put', '--count', '100000000', '--seed', '1'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) child.stdout.destroy();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`--count 100000000 | head -1 ended with ${signal ?? code}`));
    });
  });
}

export async function run() {
  const folder = mkdtempSync(join(tmpdir(), 'fc-sim-bench-stream-'));
  try {
    const preload = join(folder, 'max-rss.cjs');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the preload's source, a template literal of its own
    writeFileSync(preload, "process.on('exit', () => process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\\n`));\n");
    // The generator alone, in-process: what the CLI adds to drawing the events is the ratio.
    const [{ ossEvent }, { default: fc }] = await Promise.all([fcSimGenerators(), import('fast-check')]);
    const arbitrary = ossEvent();
    fc.sample(arbitrary, { seed: 1, numRuns: 2_000 });
    const drawMs = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      fc.sample(arbitrary, { seed: round, numRuns: 20_000 });
      drawMs.push(performance.now() - started);
    }
    const drawRate = (20_000 / median(drawMs)) * 1000;

    const args = [cliPath, 'oss:put', '--count', String(COUNT), '--seed', '1'];
    await nodeWallMs(args, { cwd: root });
    const cliMs = [];
    for (let round = 0; round < ROUNDS; round++) cliMs.push(await nodeWallMs(args, { cwd: root, timeoutMs: 300_000 }));
    const cliRate = (COUNT / median(cliMs)) * 1000;

    const nodeRss = await peakRssMb(['-e', '0'], preload);
    const millionRss = await peakRssMb([cliPath, 'oss:put', '--count', String(MILLION), '--seed', '1'], preload);
    const heads = [];
    for (let round = 0; round < ROUNDS; round++) heads.push(await headOneMs());
    const startups = [];
    for (let round = 0; round < ROUNDS; round++) startups.push(await nodeWallMs([cliPath, 'oss:put', '--random', '--seed', '1'], { cwd: root }));
    const startup = median(startups);

    return [
      row({
        section: SECTION,
        name: `\`fc-sim oss:put --count ${COUNT} > /dev/null\`, process start to exit`,
        value: cliRate,
        unit: 'events/s',
        reference: { name: 'fc.sample of the OSS arbitrary in-process (drawing alone)', value: drawRate, unit: 'events/s' },
        ratioLabel: 'the rate of drawing alone',
        target: { text: '≥ 20,000 events/s', met: cliRate >= 20_000 },
      }),
      row({
        section: SECTION,
        name: `peak RSS of \`fc-sim oss:put --count ${MILLION} > /dev/null\``,
        value: millionRss,
        unit: 'MB',
        reference: { name: '`node -e 0`', value: nodeRss, unit: 'MB' },
        ratioLabel: '`node -e 0`',
        target: { text: '< 150 MB', met: millionRss < 150 },
      }),
      row({
        section: SECTION,
        name: '`fc-sim oss:put --count 100000000 | head -1`, process start to exit',
        value: median(heads),
        unit: 'ms',
        reference: { name: '`fc-sim oss:put --random --seed 1`', value: startup, unit: 'ms' },
        ratioLabel: 'one random event',
        target: { text: 'returns at once (< 2× one event)', met: median(heads) < 2 * startup },
      }),
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
