// Remote replay (what `fc-sim replay --url` runs: a keep-alive undici pool, bounded concurrency, the contract checks
// on each answer) against autocannon on the same local keep-alive server, with as many connections.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, fcSim, fixturesDir, root } from '../lib/dist.mjs';
import { nodeWallMs } from '../lib/processes.mjs';
import { startServer } from '../lib/server.mjs';
import { median } from '../lib/stats.mjs';
import { wallMs } from '../lib/timing.mjs';
import { row, unmeasured } from '../lib/report.mjs';

const SECTION = 'Remote replay against a local keep-alive server';
const REQUESTS = 20_000;
const CONCURRENCY = 8;
const ROUNDS = 3;
const CLI_FILES = 5_000;
// autocannon ends an `amount` run on its next one-second tick, whatever its rate: it runs for a time instead, and
// its rate is the requests it completed over that time.
const AUTOCANNON_SECONDS = 2;
const require = createRequire(import.meta.url);

export async function run() {
  const lib = await fcSim();
  if (typeof lib.runLoad !== 'function' || typeof lib.createRemoteTarget !== 'function') {
    return [
      unmeasured({
        section: SECTION,
        name: 'replay throughput',
        why: 'this build has no remote replay (runLoad, createRemoteTarget)',
        target: '≥ 80% of autocannon',
      }),
    ];
  }
  const autocannon = require('autocannon');
  const { port, stop } = await startServer(join(fixturesDir, 'keep-alive-server.mjs'));
  const url = `http://127.0.0.1:${port}/`;
  const bytes = Buffer.from(JSON.stringify(lib.buildOssEvent()));
  // An event's own bytes each, as events read from files are.
  const events = Array.from({ length: REQUESTS }, (_, i) => ({ label: `#${i + 1}`, bytes: Buffer.from(bytes) }));
  const folder = mkdtempSync(join(tmpdir(), 'fc-sim-bench-'));
  const ndjsonFolder = mkdtempSync(join(tmpdir(), 'fc-sim-bench-ndjson-'));
  try {
    const replay = async () => {
      const target = lib.createRemoteTarget({ kind: 'http-trigger', url }, { connections: CONCURRENCY });
      try {
        // The checks replay runs by default.
        const summary = await lib.runLoad(events, target, { concurrency: CONCURRENCY });
        if (summary.stats.failed > 0) throw new Error(`remote replay: ${summary.stats.failed} of ${REQUESTS} failed`);
      } finally {
        await target.dispose();
      }
    };
    const cannon = () =>
      new Promise((resolve, reject) => {
        const options = {
          url,
          connections: CONCURRENCY,
          duration: AUTOCANNON_SECONDS,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: bytes,
        };
        autocannon(options, (error, result) => {
          if (error) return reject(error);
          if (result.errors || result.non2xx || result.timeouts) return reject(new Error(`autocannon: ${result.errors} errors, ${result.non2xx} non-2xx`));
          resolve(result.requests.total / result.duration);
        });
      });
    // The transport alone: undici's Pool.dispatch, as fc-sim's HTTP client uses it, answers read and dropped.
    const { Pool } = require('undici');
    const transport = async () => {
      const pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONCURRENCY });
      let next = 0;
      const one = (body) =>
        new Promise((resolve, reject) =>
          pool.dispatch(
            { method: 'POST', path: '/', headers: { 'content-type': 'application/json' }, body },
            { onConnect() {}, onHeaders: () => true, onData: () => true, onComplete: resolve, onError: reject },
          ),
        );
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < REQUESTS) await one(events[next++].bytes);
        }),
      );
      await pool.close();
    };
    await replay();
    await transport();
    const replayRates = [];
    const cannonRates = [];
    const transportRates = [];
    for (let round = 0; round < ROUNDS; round++) {
      replayRates.push((REQUESTS / (await wallMs(replay))) * 1000);
      cannonRates.push(await cannon());
      transportRates.push((REQUESTS / (await wallMs(transport))) * 1000);
    }
    const replayRate = median(replayRates);
    const transportRate = median(transportRates);

    // The CLI end to end: start-up, reading the files, the same engine, the summary.
    for (let i = 0; i < CLI_FILES; i++) writeFileSync(join(folder, `${String(i).padStart(5, '0')}.json`), bytes);
    const cliArgs = [cliPath, 'replay', '--url', url, '--concurrency', String(CONCURRENCY), folder];
    // The same events as one NDJSON file (what `--count` prints): one event a line, streamed. Not in the folder of
    // files, which would replay it too (10,000 events counted as 5,000: the files' rate was half what it was).
    const ndjson = join(ndjsonFolder, 'events.ndjson');
    writeFileSync(ndjson, `${Array.from({ length: CLI_FILES }, () => bytes.toString()).join('\n')}\n`);
    const ndjsonArgs = [cliPath, 'replay', '--url', url, '--concurrency', String(CONCURRENCY), ndjson];
    // One event: the CLI's start-up and exit around a single request.
    const oneArgs = [cliPath, 'replay', '--url', url, join(folder, '00000.json')];
    // No fc-sim at all: undici alone from a fresh process, what the CLI's rate can at most approach.
    const undiciArgs = [join(fixturesDir, 'undici-loop.mjs'), url, String(CLI_FILES), String(CONCURRENCY), join(folder, '00000.json')];
    // The first runs write the CLI's code cache.
    for (const args of [cliArgs, ndjsonArgs, oneArgs]) await nodeWallMs(args, { cwd: root });
    const cliMs = [];
    const ndjsonMs = [];
    const versionMs = [];
    const oneMs = [];
    const nodeMs = [];
    const undiciMs = [];
    // Interleaved with autocannon's rounds too: the machine's load moves between the engine's rounds and these.
    for (let round = 0; round < ROUNDS; round++) {
      cliMs.push(await nodeWallMs(cliArgs, { cwd: root }));
      ndjsonMs.push(await nodeWallMs(ndjsonArgs, { cwd: root }));
      versionMs.push(await nodeWallMs([cliPath, '--version'], { cwd: root }));
      oneMs.push(await nodeWallMs(oneArgs, { cwd: root }));
      nodeMs.push(await nodeWallMs(['-e', '0'], { cwd: root }));
      undiciMs.push(await nodeWallMs(undiciArgs, { cwd: root }));
      cannonRates.push(await cannon());
    }
    const cannonRate = median(cannonRates);
    const cliRate = (CLI_FILES / median(cliMs)) * 1000;
    const ndjsonRate = (CLI_FILES / median(ndjsonMs)) * 1000;
    const undiciRate = (CLI_FILES / median(undiciMs)) * 1000;
    // Start-up is in both: the CLI's own, `fc-sim --version`, is what reading and sending add to.
    const steadyRate = (CLI_FILES / Math.max(1, median(cliMs) - median(versionMs))) * 1000;
    const reference = {
      name: `autocannon, same server and connections, ${AUTOCANNON_SECONDS} s (median of ${cannonRates.length} rounds between the others)`,
      value: cannonRate,
      unit: 'req/s',
    };
    return [
      row({
        section: SECTION,
        name: `replay engine (runLoad, http-trigger target, checks on), ${REQUESTS} events, concurrency ${CONCURRENCY}`,
        value: replayRate,
        unit: 'req/s',
        reference,
        ratioLabel: "autocannon's rate",
        target: { text: '≥ 80% of autocannon', met: replayRate >= 0.8 * cannonRate },
      }),
      row({
        section: SECTION,
        name: 'undici Pool.dispatch alone (the transport under fc-sim), same events, answers dropped',
        value: transportRate,
        unit: 'req/s',
        reference,
        ratioLabel: "autocannon's rate",
      }),
      row({
        section: SECTION,
        name: `\`fc-sim replay --url … --concurrency ${CONCURRENCY}\` over ${CLI_FILES} event files, process start to exit`,
        value: cliRate,
        unit: 'req/s',
        reference,
        ratioLabel: "autocannon's rate",
        // The target; undici alone in a fresh process (row below) reaches about half of it, so the CLI's own
        // share is read against that row.
        target: { text: `≥ 0.5× autocannon (issue 16); ${(cliRate / undiciRate).toFixed(2)}× undici alone`, met: cliRate >= 0.5 * cannonRate },
      }),
      row({
        section: SECTION,
        name: `\`fc-sim replay --url … --concurrency ${CONCURRENCY}\` of one ${CLI_FILES}-line NDJSON file, process start to exit`,
        value: ndjsonRate,
        unit: 'req/s',
        reference,
        ratioLabel: "autocannon's rate",
        target: { text: `≥ 0.5× autocannon (issue 16); ${(ndjsonRate / undiciRate).toFixed(2)}× undici alone`, met: ndjsonRate >= 0.5 * cannonRate },
      }),
      row({
        section: SECTION,
        name: `no fc-sim: a fresh \`node\` sending the same ${CLI_FILES} requests through undici alone, process start to exit`,
        value: undiciRate,
        unit: 'req/s',
        reference,
        ratioLabel: "autocannon's rate",
      }),
      row({
        section: SECTION,
        name: '`fc-sim replay --url …` of one event file, process start to exit',
        value: median(oneMs),
        unit: 'ms',
        reference: { name: '`node -e 0`', value: median(nodeMs), unit: 'ms' },
        ratioLabel: '`node -e 0`',
      }),
      row({
        section: SECTION,
        name: `the same ${CLI_FILES} event files without the CLI's start-up (wall time less \`fc-sim --version\`'s)`,
        value: steadyRate,
        unit: 'req/s',
        reference,
        ratioLabel: "autocannon's rate",
      }),
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(ndjsonFolder, { recursive: true, force: true });
    await stop();
  }
}
