// Events drawn from each trigger's generator and validated against their schema, as a property test does.
import fc from 'fast-check';
import { fcSim, fcSimGenerators } from '../lib/dist.mjs';
import { interleaved } from '../lib/timing.mjs';
import { row } from '../lib/report.mjs';

const SECTION = 'Generation + validation (events/s, per trigger)';
const BATCH = 1_000;

export async function run() {
  const g = await fcSimGenerators();
  const { validate } = await fcSim();
  // The schema each event validates against; a STREAM MNS event without attributes is a raw string with none.
  const mnsSchema = (event) => (typeof event === 'string' ? undefined : 'body' in event ? 'mns-stream' : 'mns-json');
  const triggers = {
    oss: [g.ossEvent(), () => 'oss'],
    timer: [g.timerEvent(), () => 'timer'],
    mns: [g.mnsEvent(), mnsSchema],
    sls: [g.slsEvent(), () => 'sls'],
    cdn: [g.cdnEvent(), () => 'cdn'],
    http: [g.httpEvent(), () => 'http'],
  };
  const rows = [];
  for (const [trigger, [arbitrary, schemaOf]] of Object.entries(triggers)) {
    let seed = 1;
    let sample = fc.sample(arbitrary, { seed: 0, numRuns: BATCH });
    const texts = sample.map((event) => JSON.stringify(event));
    const cases = {
      // Draw a batch and validate every event: what a property test of BATCH runs spends on its events.
      generateAndValidate: () => {
        const events = fc.sample(arbitrary, { seed: seed++, numRuns: BATCH });
        for (const event of events) {
          const schema = schemaOf(event);
          if (schema && !validate(schema, event).valid) throw new Error(`a generated ${trigger} event does not validate`);
        }
        sample = events;
      },
      // The reference: a JSON round trip of as many events of the trigger, the least any event pipeline does.
      jsonRoundTrip: () => {
        for (const text of texts) JSON.parse(JSON.stringify(JSON.parse(text)));
      },
    };
    // Warm: the JIT takes thousands of events to settle on code this varied (the first batch runs ~5x slower).
    const ms = await interleaved(cases, { iterations: 1, rounds: 9, warmup: 10, budgetMs: 4_000 });
    const eventsPerSecond = (BATCH / ms.generateAndValidate) * 1000;
    const roundTripsPerSecond = (BATCH / ms.jsonRoundTrip) * 1000;
    rows.push(
      row({
        section: SECTION,
        name: `${trigger}: draw + validate`,
        value: eventsPerSecond,
        unit: 'events/s',
        reference: { name: 'JSON round trip of the same events', value: roundTripsPerSecond, unit: '/s' },
        ratio: ms.generateAndValidate / ms.jsonRoundTrip,
        ratioLabel: 'the time of a JSON round trip',
        target: trigger === 'oss' ? { text: '≥ 20,000 events/s', met: eventsPerSecond >= 20_000 } : undefined,
      }),
    );
  }
  return rows;
}
