// fc-sim's validators (compiled ahead of time, loaded on first use) against ajv compiling the same schemas at
// run time with the same options: the same code once compiled, so the difference is in starting up.
import fc from 'fast-check';
import { distUrl, fcSim, fcSimGenerators, root } from '../lib/dist.mjs';
import { interleaved } from '../lib/timing.mjs';
import { medianWallMs } from '../lib/processes.mjs';
import { row } from '../lib/report.mjs';

const SECTION = 'Validation: fc-sim validators vs ajv compiled at run time';
const BATCH = 1_000;

/** A fresh process that validates one default OSS event: with fc-sim, or with ajv compiling the schema first. */
function firstValidationScript(how) {
  const load = `const { buildOssEvent } = await import(${JSON.stringify(distUrl('src/triggers/oss/build.js'))});`;
  if (how === 'fc-sim') {
    return `${load} const { validate } = await import(${JSON.stringify(distUrl('src/schema/validate.js'))});
      if (!validate('oss', buildOssEvent()).valid) process.exit(1);`;
  }
  return `${load} const { createAjv } = await import(${JSON.stringify(distUrl('src/schema/ajv-options.js'))});
    const { loadSchema } = await import(${JSON.stringify(distUrl('src/schema/catalog.js'))});
    if (!createAjv().compile(loadSchema('oss'))(buildOssEvent())) process.exit(1);`;
}

export async function run() {
  const { validate, loadSchema } = await fcSim();
  const { createAjv } = await import(distUrl('src/schema/ajv-options.js'));
  const g = await fcSimGenerators();
  const rows = [];
  const schemas = { oss: g.ossEvent(), timer: g.timerEvent(), sls: g.slsEvent(), cdn: g.cdnEvent(), http: g.httpEvent() };
  for (const [name, arbitrary] of Object.entries(schemas)) {
    const events = fc.sample(arbitrary, { seed: 7, numRuns: BATCH });
    const ajvValidate = createAjv().compile(loadSchema(name));
    const cases = {
      fcSim: () => {
        for (const event of events) if (!validate(name, event).valid) throw new Error(`${name}: invalid`);
      },
      ajv: () => {
        for (const event of events) if (!ajvValidate(event)) throw new Error(`${name}: invalid`);
      },
    };
    const ms = await interleaved(cases, { iterations: 5, rounds: 7, warmup: 10, budgetMs: 3_000 });
    rows.push(
      row({
        section: SECTION,
        name: `${name}: valid events`,
        value: (BATCH / ms.fcSim) * 1000,
        unit: 'events/s',
        reference: { name: 'ajv, compiled at run time', value: (BATCH / ms.ajv) * 1000, unit: 'events/s' },
        ratioLabel: "ajv's throughput",
      }),
    );
  }
  // Start-up: what `fc-sim oss:put` pays to validate the event it prints.
  const wall = await medianWallMs(
    {
      nodeOnly: ['-e', '0'],
      fcSim: ['--input-type=module', '-e', firstValidationScript('fc-sim')],
      ajv: ['--input-type=module', '-e', firstValidationScript('ajv')],
    },
    { runs: 7, cwd: root },
  );
  rows.push(
    row({
      section: SECTION,
      name: 'first validation in a fresh process (oss), above `node -e 0`',
      value: wall.fcSim - wall.nodeOnly,
      unit: 'ms',
      reference: { name: 'ajv loaded and compiling the schema', value: wall.ajv - wall.nodeOnly, unit: 'ms' },
      ratioLabel: "ajv's start-up",
      note: `node -e 0: ${Math.round(wall.nodeOnly)} ms`,
    }),
  );
  return rows;
}
