import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertValid, EventValidationError, validate } from '../../src/schema/validate.js';
import { formatIssue } from '../../src/schema/issues.js';

const fixture = (path: string) => JSON.parse(readFileSync(`fixtures/events/${path}`, 'utf8'));
const ossPut = () => fixture('oss/fc3-docs-objectmeta-usermeta.json');

describe('validate: wrong shapes are rejected, saying where and how to fix them', () => {
  it('an OSS eventName with the oss: prefix of trigger configs', () => {
    const event = ossPut();
    event.events[0].eventName = 'oss:ObjectCreated:PutObject';
    const [issue, ...rest] = validate('oss', event).issues;
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ pointer: '/events/0/eventName', keyword: 'enum', found: '"oss:ObjectCreated:PutObject"' });
    expect(issue!.hint).toBe(
      'drop the "oss:" prefix: trigger configs name events "oss:ObjectCreated:PutObject", the payload FC sends says "ObjectCreated:PutObject"',
    );
  });

  it('an OSS config wildcard in a payload, with the closest real name suggested for a typo', () => {
    const event = ossPut();
    event.events[0].eventName = 'ObjectCreated:*';
    expect(validate('oss', event).issues[0]).toMatchObject({ pointer: '/events/0/eventName', keyword: 'enum' });
    event.events[0].eventName = 'ObjectCreated:PutObjekt';
    expect(validate('oss', event).issues[0]!.hint).toBe('did you mean "ObjectCreated:PutObject"?');
  });

  it.each([
    ['2023-12-26 07:49:00', 'a space instead of T'],
    ['2023-12-26T07:49:00.000Z', 'milliseconds: FC sends whole seconds'],
    ['2023-12-26T15:49:00+08:00', 'an offset: FC sends UTC'],
    ['2023-02-30T07:49:00Z', 'a day February does not have'],
  ])('a timer triggerTime %j (%s)', (triggerTime) => {
    const result = validate('timer', { ...fixture('timer/fc3-docs-timer.json'), triggerTime });
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ pointer: '/triggerTime', found: JSON.stringify(triggerTime) });
  });

  it('a CDN event whose eventParameter belongs to another eventName', () => {
    const event = fixture('cdn/fc3-docs-CdnDomainStarted.json');
    event.events[0].eventParameter = fixture('cdn/fc3-docs-CachedObjectsRefreshed.json').events[0].eventParameter;
    const result = validate('cdn', event);
    expect(result.valid).toBe(false);
    const pointers = result.issues.map((issue) => `${issue.pointer} ${issue.keyword}`);
    expect(pointers).toContain('/events/0/eventParameter/status required');
    expect(pointers).toContain('/events/0/eventParameter/objectPath additionalProperties');
  });

  it('an FC 3.0 HTTP event whose isBase64Encoded is the string "true"', () => {
    const event = fixture('http/hono-fc3-test-post-base64-body.json');
    event.isBase64Encoded = 'true';
    const [issue, ...rest] = validate('http', event).issues;
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ pointer: '/isBase64Encoded', keyword: 'type', expected: 'boolean', found: '"true" (string)' });
    expect(issue!.hint).toBe('write the JSON boolean true without quotes, as FC sends it');
  });

  it('an FC 3.0 HTTP event flagged base64 whose body is not base64', () => {
    const event = fixture('http/hono-fc3-test-post-base64-body.json');
    event.body = 'Request Body';
    expect(validate('http', event).issues.map((issue) => issue.pointer)).toEqual(['/body']);
  });

  it('an MNS JSON event with PublishTime in seconds instead of milliseconds', () => {
    const event = fixture('mns/midway-mns-json-with-context.json');
    event.PublishTime = Math.floor(event.PublishTime / 1000);
    expect(validate('mns-json', event).issues.map((issue) => issue.pointer)).toEqual(['/PublishTime']);
  });

  it('a missing field, named with its pointer and what it is', () => {
    const event = fixture('sls/fc3-docs-masked.json');
    delete event.source.logstoreName;
    const [issue] = validate('sls', event).issues;
    expect(issue).toMatchObject({ pointer: '/source/logstoreName', keyword: 'required', message: 'is required', found: '(missing)' });
    expect(formatIssue(issue!)).toBe('/source/logstoreName: is required');
  });
});

describe('validate --strict', () => {
  it('reports fields the schema does not list, with the field meant', () => {
    const event = ossPut();
    event.events[0].resposeElements = { requestId: '58F9FF2D3DF792092E12044C' };
    expect(validate('oss', event).valid).toBe(true);
    const strict = validate('oss', event, { strict: true });
    expect(strict.issues).toEqual([
      expect.objectContaining({ pointer: '/events/0/resposeElements', keyword: 'additionalProperties', hint: 'did you mean "responseElements"?' }),
    ]);
  });

  it('leaves open what is open by definition (MNS message attributes, OSS user metadata)', () => {
    const event = fixture('mns/midway-mns-json-with-context.json');
    event.anotherAttribute = 'value';
    expect(validate('mns-json', event, { strict: true }).issues).toEqual([]);
    const oss = ossPut();
    oss.events[0].oss.object.objectMeta.userMeta['x-oss-meta-owner'] = 'alice';
    expect(validate('oss', oss, { strict: true }).issues).toEqual([]);
  });

  it('keeps fields declared in conditional branches (CDN eventParameter per eventName)', () => {
    for (const file of ['cdn/fc3-docs-LogFileCreated.json', 'cdn/fc3-docs-CachedObjectsRefreshed.json', 'cdn/fc3-docs-CdnDomainAdded.json']) {
      expect(validate('cdn', fixture(file), { strict: true }).issues).toEqual([]);
    }
  });
});

describe('assertValid', () => {
  it('returns the typed value', () => {
    const event = assertValid('timer', fixture('timer/fc3-docs-timer.json'));
    expect(event.triggerName).toBe('timer-trigger');
  });

  it('throws one error type that says which schema and where', () => {
    let thrown: unknown;
    try {
      assertValid('timer', { triggerTime: 'now', triggerName: 't', payload: '' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EventValidationError);
    const error = thrown as EventValidationError;
    expect(error.schema).toBe('timer');
    expect(error.issues.map((issue) => issue.pointer)).toEqual(['/triggerTime']);
    expect(error.message).toMatch(/^not a valid timer value:\n {2}\/triggerTime: must be a string matching /);
  });
});
