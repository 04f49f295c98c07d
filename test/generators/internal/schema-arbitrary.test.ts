import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryAt, arbitraryFor, schemaArbitrary } from '../../../generators/internal/schema-arbitrary.js';
import { loadSchema, schemaNames } from '../../../src/schema/catalog.js';
import { formatIssue } from '../../../src/schema/issues.js';
import { validate } from '../../../src/schema/validate.js';

interface SchemaProperties {
  properties: Record<string, { pattern: string; enum: string[] }>;
  definitions: Record<string, SchemaProperties>;
}
const schemaOf = (name: Parameters<typeof loadSchema>[0]) => loadSchema(name) as unknown as SchemaProperties;

const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns = 200) => fc.sample(arbitrary, { numRuns, seed: 7 });

describe('schemaArbitrary: generated values always validate, also in strict mode', () => {
  it.each(schemaNames)('%s', (name) => {
    fc.assert(
      fc.property(arbitraryFor(name), (value) => {
        // Strict mode closes every open object: the compiler invents no key the schema does not declare.
        const result = validate(name, value, { strict: true });
        if (!result.valid) throw new Error(result.issues.slice(0, 3).map(formatIssue).join('\n'));
      }),
      // Each trigger's generator has its own tests and the shared battery on top: 120 values per schema here.
      { numRuns: 120 },
    );
  });
});

describe('schemaArbitrary: conditionals and constraints', () => {
  it('draws every CDN eventName, so every eventParameter branch is generated', () => {
    const eventNames = sample(arbitraryFor('cdn')).flatMap((event) => event.events.map((record) => record.eventName));
    expect(new Set(eventNames)).toEqual(new Set(schemaOf('cdn').definitions.record!.properties.eventName!.enum));
  });

  it('draws every EventBridge type that selects a data layout, and other types too', () => {
    const types = sample(arbitraryFor('eventbridge'))
      .flatMap((event) => (Array.isArray(event) ? event : [event]))
      .map((event) => event.type);
    const selecting = ['mns:Queue:SendMessage', 'mq:Topic:SendMessage', 'amqp:Queue:SendMessage', 'alikafka:Topic:Message'];
    expect(types).toEqual(expect.arrayContaining(selecting));
    expect(types.some((type) => !type.includes(':'))).toBe(true);
  });

  it('draws both forms of a value-level if/then/else (JWT tokenLookup: string or list)', () => {
    const lookups = sample(arbitraryAt('http-trigger-config', '/authConfig/tokenLookup'));
    expect(lookups.some((lookup) => typeof lookup === 'string')).toBe(true);
    expect(lookups.some((lookup) => Array.isArray(lookup))).toBe(true);
  });

  it('satisfies `not` and `dependencies` by dropping keys, so both alternatives still appear', () => {
    const filters = sample(arbitraryFor('oss-trigger-config')).map((config) => config.filter);
    expect(filters.some((filter) => 'key' in filter)).toBe(true);
    expect(filters.some((filter) => 'Key' in filter)).toBe(true);
    const jwtConfigs = sample(arbitraryAt('http-trigger-config', '/authConfig'), 500).filter(
      (config): config is Record<string, unknown> => typeof config === 'object' && config !== null,
    );
    expect(jwtConfigs.some((config) => 'whitelist' in config)).toBe(true);
    expect(jwtConfigs.some((config) => 'blacklist' in config)).toBe(true);
  });
});

describe('schemaArbitrary: time formats follow each trigger pattern', () => {
  const years = (times: readonly string[]) => times.map((time) => new Date(time).getUTCFullYear());

  it('EventBridge: 0 to 3 fraction digits, real dates in 2000–2099', () => {
    const times = sample(arbitraryAt('eventbridge', '/time') as fc.Arbitrary<string>, 300);
    expect(new Set(times.map((time) => /\.(\d+)Z$/.exec(time)?.[1]?.length ?? 0))).toEqual(new Set([0, 1, 2, 3]));
    expect(years(times).every((year) => year >= 2000 && year <= 2099)).toBe(true);
  });

  it('CDN: China time with +08:00', () => {
    const times = sample(arbitraryAt('cdn', '/events/0/eventTime') as fc.Arbitrary<string>);
    expect(times.every((time) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/.test(time))).toBe(true);
  });
});

describe('arbitraryAt', () => {
  it('OSS /events/0/eventName yields only the OSS eventName enum', () => {
    const names = schemaOf('oss').definitions.record!.properties.eventName!.enum;
    expect(sample(arbitraryAt('oss', '/events/0/eventName')).every((name) => names.includes(name as string))).toBe(true);
  });

  it('HTTP /requestContext/http/method yields only the methods of the enum', () => {
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'];
    expect(new Set(sample(arbitraryAt('http', '/requestContext/http/method')))).toEqual(new Set(methods));
  });

  it('timer /triggerTime yields strings matching the timer pattern', () => {
    const pattern = new RegExp(schemaOf('timer').properties.triggerTime!.pattern, 'u');
    expect(sample(arbitraryAt('timer', '/triggerTime')).every((time) => pattern.test(time as string))).toBe(true);
  });

  it('finds fields that only an if/then branch declares (a CDN eventParameter field)', () => {
    const filePaths = sample(arbitraryAt('cdn', '/events/0/eventParameter/filePath'));
    expect(filePaths.every((path) => typeof path === 'string' && path.length > 0)).toBe(true);
  });

  it('throws for a pointer the schema does not describe', () => {
    expect(() => arbitraryAt('oss', '/events/0/nope/deeper')).toThrow(/no value at "\/events\/0\/nope\/deeper"/);
  });

  it('compiles each schema field once, and anew when overrides make it another arbitrary', () => {
    expect(arbitraryAt('oss', '/events/0/region')).toBe(arbitraryAt('oss', '/events/0/region'));
    expect(arbitraryFor('timer')).toBe(arbitraryFor('timer'));
    const overridden = arbitraryAt('oss', '/events/0/oss', { overrides: { '/events/0/oss/bucket/name': fc.constant('photos') } });
    expect(overridden).not.toBe(arbitraryAt('oss', '/events/0/oss'));
    expect(sample(overridden, 5).every((oss) => (oss as { bucket: { name: string } }).bucket.name === 'photos')).toBe(true);
  });
});

describe('overrides', () => {
  it('replace exactly the instance location they name', () => {
    const events = sample(arbitraryFor('oss', { overrides: { '/events/*/oss/bucket/name': fc.constant('photos') } }), 100);
    const records = events.flatMap((event) => event.events);
    expect(records.every((record) => record.oss.bucket.name === 'photos')).toBe(true);
    expect(records.some((record) => record.oss.bucket.ownerIdentity !== 'photos' && record.oss.bucket.arn !== 'photos')).toBe(true);
  });

  it('match map values by *, and reach properties that conditionals regenerate', () => {
    const http = sample(arbitraryFor('http', { overrides: { '/headers/*': fc.constant('v'), '/body': fc.constant('') } }), 100);
    expect(http.every((event) => Object.values(event.headers).every((value) => value === 'v') && event.body === '')).toBe(true);
  });

  it('apply to arbitraryAt, and a pointer that matches nothing is an error', () => {
    // '/other' lies outside '/events/0/oss/bucket': irrelevant to arbitraryAt, so not an error there.
    const overrides = { '/events/*/oss/bucket/name': fc.constant('photos'), '/other': fc.constant(1) };
    const at = arbitraryAt('oss', '/events/0/oss/bucket', { overrides });
    expect(sample(at, 20).every((bucket) => (bucket as { name: string }).name === 'photos')).toBe(true);
    expect(() => arbitraryFor('oss', { overrides: { '/events/0/oss/bucket/name': fc.constant('photos') } })).toThrow(/matches no location/);
  });
});

describe('generic keywords (not used by the catalog today)', () => {
  it('type arrays and oneOf', () => {
    const values = sample(schemaArbitrary({ oneOf: [{ type: ['string', 'null'] }, { type: 'integer', minimum: 0 }] }));
    expect(new Set(values.map((value) => (value === null ? 'null' : typeof value)))).toEqual(new Set(['string', 'null', 'number']));
  });

  it('an unsupported keyword throws instead of generating values that may not validate', () => {
    expect(() => schemaArbitrary({ type: 'integer', multipleOf: 5 })).toThrow(/multipleOf/);
  });
});

describe('determinism and shrinking', () => {
  it('the same seed gives the same samples', () => {
    const draw = () => fc.sample(arbitraryFor('cdn'), { seed: 42, numRuns: 20 });
    expect(draw()).toEqual(draw());
  });

  it('a failing OSS property shrinks to a small event (437 JSON characters measured; bound 500)', () => {
    const result = fc.check(
      fc.property(arbitraryFor('oss'), (event) => event.events.length < 1),
      { seed: 42 },
    );
    expect(result.failed).toBe(true);
    const [shrunk] = result.counterexample ?? [];
    expect(shrunk?.events).toHaveLength(1);
    expect(JSON.stringify(shrunk).length).toBeLessThan(500);
  });
});
