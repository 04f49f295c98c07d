// `npm run bench`: every suite in turn (or those named: `node bench/run.mjs cli remote`), then bench/results.md and
// bench/results.json. The figures are ratios to references measured in the same run; nothing here gates on time.
import { fileURLToPath } from 'node:url';
import { machine } from './lib/machine.mjs';
import { markdown, unmeasured, writeResults } from './lib/report.mjs';

const SUITES = ['generation', 'validation', 'invocation', 'cold-start', 'property', 'cli', 'remote', 'streaming'];

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !SUITES.includes(name));
if (unknown.length > 0) {
  console.error(`unknown suite ${unknown.join(', ')}; the suites: ${SUITES.join(', ')}`);
  process.exit(2);
}
const chosen = asked.length > 0 ? asked : SUITES;
const started = performance.now();
const measuredOn = machine();
const rows = [];
for (const name of chosen) {
  const suiteStarted = performance.now();
  process.stderr.write(`bench: ${name} … `);
  try {
    const { run } = await import(`./suites/${name}.mjs`);
    rows.push(...(await run()));
    process.stderr.write(`${((performance.now() - suiteStarted) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    // One suite failing (a port in use, a handler error) leaves the others' figures standing, and says why.
    process.stderr.write(`failed: ${error instanceof Error ? error.message : String(error)}\n`);
    rows.push(unmeasured({ section: name, name: `${name} suite`, why: `failed: ${error instanceof Error ? error.message : String(error)}` }));
  }
}
const results = { machine: { ...measuredOn, loadAverageAfter: machine().loadAverage }, suites: chosen, durationS: (performance.now() - started) / 1000, rows };
writeResults(results, {
  markdownFile: fileURLToPath(new URL('./results.md', import.meta.url)),
  jsonFile: fileURLToPath(new URL('./results.json', import.meta.url)),
});
process.stdout.write(`${markdown(results)}\n`);
if (rows.some((r) => r.value === null)) process.exitCode = 1;
