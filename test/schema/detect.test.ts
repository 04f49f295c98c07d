import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSchema } from '../../src/schema/detect.js';
import { validate } from '../../src/schema/validate.js';
import { loadSchema, schemaCatalog, schemaNames } from '../../src/schema/catalog.js';

const fixturesDir = 'fixtures/events';
const savedEvents = readdirSync(fixturesDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.json'));

describe('detectSchema', () => {
  it.each(savedEvents)('detects and accepts the saved event %s', (file) => {
    const value = JSON.parse(readFileSync(join(fixturesDir, file), 'utf8'));
    const detection = detectSchema(value);
    expect(detection).toBeDefined();
    // fixtures/events/<trigger>/…: mns holds both formats.
    expect(detection!.schema.startsWith(file.split('/')[0]!)).toBe(true);
    expect(validate(detection!.schema, value).issues).toEqual([]);
  });

  it.each(schemaNames.filter((name) => schemaCatalog[name].kind === 'event' || name === 'http-response'))(
    'detects the example of the %s schema as its own',
    (name) => {
      for (const example of loadSchema(name).examples as unknown[]) expect(detectSchema(example)?.schema).toBe(name);
    },
  );

  it('detects an array of JSON-encoded CloudEvents as EventBridge (Kafka samples), to say what is wrong with it', () => {
    expect(detectSchema([JSON.stringify({ specversion: '1.0', id: '1', source: 's', type: 't', data: {} })])?.schema).toBe('eventbridge');
  });

  it.each([[{ hello: 'world' }], [[]], ['hello topic'], [42], [null], [{ events: [] }], [{ events: [{ eventSource: 'acs:unknown' }] }]])(
    'recognises nothing in %j',
    (value) => {
      expect(detectSchema(value)).toBeUndefined();
    },
  );
});
