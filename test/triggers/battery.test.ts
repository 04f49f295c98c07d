import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFor } from '../../generators/internal/schema-arbitrary.js';
import { FcSimError } from '../../src/errors.js';
import { parsePath } from '../../src/io/json-pointer.js';
import type { ProjectTrigger } from '../../src/project/model.js';
import { validate } from '../../src/schema/validate.js';
import type { AnyTriggerModule, EventKind } from '../../src/triggers/modules.js';
import { triggerBasics } from '../../src/triggers/basics.js';
import type { TriggerEvents } from '../../src/triggers/types.js';
import {
  buildKind,
  deliveryOfKind,
  deliveryOfSchema,
  eventKinds,
  isFc2SourceName,
  kindArbitrary,
  moduleOfTrigger,
  sourceNameOn,
  triggers,
} from '../../src/triggers/modules.js';

/**
 * The battery every trigger module passes: a new trigger gets these checks by being in the registry.
 */

const RUNS = 60;

const getAtPointer = (value: unknown, pointer: string): unknown =>
  parsePath(pointer).reduce<unknown>((at, segment) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[segment] : undefined), value);

function expectStrictlyValid(module: AnyTriggerModule, event: unknown): void {
  const schema = module.schemaOf(event);
  if (schema === undefined) return; // A raw MNS STREAM body: no schema describes a string.
  // expect() only on a miss: it runs for every drawn event, and an expect costs more than the validation.
  if (!module.schemas.events.includes(schema)) expect(module.schemas.events).toContain(schema);
  const { issues } = validate(schema, event, { strict: true });
  if (issues.length > 0) expect(issues, JSON.stringify(event)).toEqual([]);
}

/** A value for a flag's placeholder (`<bytes>`, `<name=value>`, …) that differs from every default. */
const SAMPLE_VALUES: Readonly<Record<string, string>> = {
  '<bytes>': '7',
  '<id>': '3',
  '<time>': '2024-01-02T03:04:05Z',
  '<name=value>': 'fcsim=sample',
  '<name:value>': 'X-Fc-Sim: sample',
  '<json>': '{"fcSim":"sample"}',
  '<2|3>': '2',
  '<File|Directory>': 'Directory',
  '<method>': 'PUT',
  '<uid>': '1234567890123456',
  '<ip>': '10.1.2.3',
  '<hex>': '0123456789ABCDEF0123456789ABCDEF',
  '<file>': 'package.json',
  '<path>': '/fc-sim/sample',
  '<domain>': 'sample.fc-sim.example.com',
  '<name=version>': 'fcsim=1700000000000',
  '<base64|text>': 'text',
  '<RELEASE|PRE|TEST>': 'TEST',
  '<count>': '3',
  '<n>': '3',
  '<text|json|base64>': 'base64',
  '<INSERT|UPDATE|DELETE>': 'INSERT',
};
const FLAG_SAMPLES: Readonly<Record<string, string>> = {
  '--region': 'cn-shanghai',
  '--event-name': 'ObjectCreated:CopyObject',
  '--status': 'offline',
  '--path-param': 'id=7',
  '--system-param': 'CaClientIp',
};

function sampleText(flags: string): string {
  const [name, placeholder] = flags.split(' ');
  return FLAG_SAMPLES[name!] ?? SAMPLE_VALUES[placeholder ?? ''] ?? 'fc-sim-sample';
}

/**
 * Whether a flag that shows nowhere in the event (Tablestore's --table: FC's event names no table) changes what is
 * drawn for the kind: the same seed, other events.
 */
function changesDrawnEvents(kind: EventKind, param: string, value: unknown): boolean {
  const draw = (fixed: Record<string, unknown>) => JSON.stringify(fc.sample(kindArbitrary(kind, fixed), { seed: 5, numRuns: 5 }));
  return draw({}) !== draw({ [param]: value });
}

describe.each(triggers.map((module) => [module.id, module as AnyTriggerModule] as const))('trigger module %s', (id, module) => {
  const kinds = eventKinds.filter((kind) => kind.trigger === id);

  it('has kinds named after it, and a description for each', () => {
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) {
      // `mns:queue` is the kind of the module mns-queue: the kind spells the id's dash as a colon.
      expect(kind.name === id || kind.name.startsWith(`${id}:`) || kind.name.replace(':', '-') === id, kind.name).toBe(true);
      expect(kind.description.length).toBeGreaterThan(10);
    }
  });

  it("the builder's default event is strictly valid, and so is every kind's", () => {
    expectStrictlyValid(module, module.build());
    for (const kind of kinds) expectStrictlyValid(module, buildKind(kind));
  });

  it("its basics are this module's, with a generator for each variant", () => {
    expect(triggerBasics(id)).toBe(module);
    for (const variant of module.variants ?? []) expect(module.variantArbitraries?.[variant.name]).toBeTypeOf('function');
  });

  it('the builder is deterministic', () => {
    expect(JSON.stringify(module.build())).toBe(JSON.stringify(module.build()));
  });

  it("the arbitrary's events, and every kind's, are strictly valid", () => {
    fc.assert(
      fc.property(module.arbitrary(), (event) => expectStrictlyValid(module, event)),
      { numRuns: RUNS },
    );
    for (const kind of kinds)
      fc.assert(
        fc.property(kindArbitrary(kind, {}), (event) => expectStrictlyValid(module, event)),
        { numRuns: 20 },
      );
  });

  it('the same seed draws the same events', () => {
    const draw = () => JSON.stringify(fc.sample(module.arbitrary(), { seed: 42, numRuns: 20 }));
    expect(draw()).toBe(draw());
  });

  it('a failure shrinks to a small event', () => {
    const details = fc.check(
      fc.property(module.arbitrary(), () => false),
      { numRuns: RUNS, seed: 7 },
    );
    expect(details.failed).toBe(true);
    const [minimal] = details.counterexample as [unknown];
    const biggest = Math.max(...fc.sample(module.arbitrary(), { seed: 7, numRuns: RUNS }).map((event) => JSON.stringify(event).length));
    // Shrinking keeps the event valid, so it cannot be empty; it must come out well under what is drawn.
    expect(JSON.stringify(minimal).length).toBeLessThanOrEqual(biggest);
    expectStrictlyValid(module, minimal);
  });

  it('each flag sets its parameter: the event changes where the flag says it shows', () => {
    for (const flag of module.flags) {
      const text = sampleText(flag.flags);
      const value = flag.parse ? flag.parse(text, undefined, process.cwd()) : text;
      const changed = kinds.some((kind) => {
        const before = buildKind(kind) as object;
        let after: unknown;
        try {
          after = buildKind(kind, { [flag.param]: value });
        } catch (error) {
          // A value that does not fit this kind (e.g. --file-size on a refresh task) is refused by name, not crashed on.
          expect(error, flag.flags).toBeInstanceOf(FcSimError);
          return false;
        }
        if (flag.pointers.length === 0) return JSON.stringify(before) !== JSON.stringify(after) || changesDrawnEvents(kind, flag.param, value);
        return flag.pointers.some((pointer) => JSON.stringify(getAtPointer(before, pointer)) !== JSON.stringify(getAtPointer(after, pointer)));
      });
      expect(changed, `${flag.flags} ${text} changes no kind's event under ${flag.pointers.join(', ') || 'any pointer'}`).toBe(true);
    }
  });

  it('detects its own events, and its kinds validate as what they are detected as', () => {
    for (const kind of kinds) {
      const event = buildKind(kind);
      if (typeof event !== 'object' || event === null) continue;
      expect(module.detect(event as Record<string, unknown>)?.schema, kind.name).toBe(module.schemaOf(event));
    }
  });

  it('a file of its events replays the way its kinds deliver them, on FC 3.0 and on FC 2.0', () => {
    expect(sourceNameOn(id, 'fc3')).toBe(id);
    const fc2Name = sourceNameOn(id, 'fc2');
    expect(isFc2SourceName(id)).toBe(false);
    if (fc2Name !== id) expect(module.variants?.find((variant) => variant.name === fc2Name)?.delivery).toBe('fc2-http');
    if (fc2Name !== id) expect(isFc2SourceName(fc2Name)).toBe(true);
    for (const kind of kinds) {
      for (const fc2 of [false, true]) {
        const event = buildKind(kind, {}, { fc2 });
        expect(deliveryOfSchema(module.schemaOf(event)), `${kind.name}${fc2 ? ' --fc2' : ''}`).toBe(deliveryOfKind(kind, { fc2 }));
      }
    }
  });

  it('within any valid config: matching events are delivered, rejected ones are not', () => {
    // Building a filter's arbitraries costs a few hundred ms for OSS: a handful of configs, FC 2.0 and 3.0 in turn.
    const configs = fc.sample((module.project.configs?.() ?? arbitraryFor(module.schemas.config)) as fc.Arbitrary<unknown>, { seed: 11, numRuns: 4 });
    let drawn = 0;
    for (const [index, config] of configs.entries()) {
      const trigger: ProjectTrigger = {
        name: `t${index}`,
        type: module.apiType,
        config: config as Record<string, unknown>,
        location: { file: 's.yaml', path: `triggers[${index}]` },
      };
      // A module's own configs (modules sharing a schema draw theirs) are valid, and its own.
      expect(validate(module.schemas.config, config).issues, JSON.stringify(config)).toEqual([]);
      expect(moduleOfTrigger(trigger)?.id, JSON.stringify(config)).toBe(module.id);
      const fcVersion = index % 2 === 0 ? 3 : 2;
      let matching: TriggerEvents;
      try {
        matching = module.project.matching(trigger, { fcVersion });
      } catch (error) {
        // A config that lets nothing through (or a cron FC refuses) says so by code.
        expect(['E_CONFIG', 'E_TIMER_EXPRESSION'], JSON.stringify(config)).toContain((error as FcSimError).code);
        continue;
      }
      for (const event of fc.sample(matching.arbitrary, { seed: index, numRuns: 3 })) {
        drawn += 1;
        expect(module.project.delivers(trigger, event), JSON.stringify({ config, event })).toBe(true);
      }
      const rejected = module.project.rejected(trigger, { fcVersion });
      if (rejected) {
        for (const event of fc.sample(rejected.arbitrary, { seed: index, numRuns: 3 })) {
          expect(module.project.delivers(trigger, event), JSON.stringify({ config, event })).toBe(false);
        }
      }
    }
    expect(drawn).toBeGreaterThan(0);
  });

  it('describes any valid config in one line', () => {
    for (const config of fc.sample(arbitraryFor(module.schemas.config), { seed: 3, numRuns: 20 })) {
      expect(module.project.describe(config as Record<string, unknown>)).not.toMatch(/\n/);
    }
  });
});
