import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { eventKinds, kindArbitrary, schemaOfKind } from '../../src/triggers/modules.js';
import { validate } from '../../src/schema/validate.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Runs `fc-sim <args>` and parses the printed event. */
async function event(...args: string[]): Promise<any> {
  const run = await runCli(args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

describe('fc-sim <kind>', () => {
  it.each(eventKinds.map((kind) => [kind.name, kind] as const))('%s prints a valid default event', async (_, kind) => {
    const run = await runCli([kind.name]);
    expect(run.status).toBe(0);
    if (kind.name === 'mns:stream') {
      expect(run.stdout).toBe('hello topic\n');
      return;
    }
    const printed = JSON.parse(run.stdout);
    expect(validate(schemaOfKind(kind, printed)!, printed).issues).toEqual([]);
    if (kind.fixed.eventName !== undefined) expect(printed.events[0].eventName).toBe(kind.fixed.eventName);
    // The method of an FC 3.0 HTTP event, or of an API Gateway call.
    if (kind.fixed.method !== undefined) expect(printed.httpMethod ?? printed.requestContext.http.method).toBe(kind.fixed.method);
  });

  it('oss:put --bucket photos --key "a b/图片.jpg" is valid and coherent', async () => {
    const printed = await event('oss:put', '--bucket', 'photos', '--key', 'a b/图片.jpg');
    expect(validate('oss', printed).issues).toEqual([]);
    const record = printed.events[0];
    expect(record.oss.bucket).toMatchObject({ name: 'photos', arn: 'acs:oss:cn-hangzhou:1649015465571234:photos' });
    expect(record.oss.object.key).toBe('a b/图片.jpg');
  });

  it('takes every OSS flag', async () => {
    const record = (
      await event(
        'oss:append',
        '--bucket',
        'logs',
        '--key',
        'app.log',
        '--size',
        '4096',
        '--delta-size',
        '1024',
        '--etag',
        '0123456789ABCDEF0123456789ABCDEF',
        '--mime-type',
        'text/plain',
        '--user-meta',
        'owner=alice',
        '--user-meta',
        'x-oss-meta-team=infra',
        '--source-ip',
        '10.0.0.1',
        '--region',
        'cn-shanghai',
        '--account-id',
        '1234567890123456',
        '--time',
        '2024-02-29T23:59:59Z',
        '--fc-version',
        '2',
      )
    ).events[0];
    expect(record).toMatchObject({
      eventName: 'ObjectCreated:AppendObject',
      eventTime: '2024-02-29T23:59:59.000Z',
      region: 'cn-shanghai',
      requestParameters: { sourceIPAddress: '10.0.0.1' },
      oss: {
        bucket: { arn: 'acs:oss:cn-shanghai:1234567890123456:logs', name: 'logs', ownerIdentity: '1234567890123456', virtualBucket: '' },
        object: {
          key: 'app.log',
          size: 4096,
          deltaSize: 1024,
          position: 3072,
          eTag: '0123456789ABCDEF0123456789ABCDEF',
          objectMeta: { mimeType: 'text/plain', userMeta: { 'x-oss-meta-owner': 'alice', 'x-oss-meta-team': 'infra' } },
        },
      },
    });
    expect((await event('oss:put', '--event-name', 'ObjectCreated:UploadPart')).events[0].eventName).toBe('ObjectCreated:UploadPart');
    expect((await event('oss:delete')).events[0].oss.object).toMatchObject({ size: 122539, deltaSize: -122539 });
  });

  it('takes the timer flags', async () => {
    expect(await event('timer', '--payload', '{"s":"ss"}', '--trigger-name', 'nightly', '--time', '1700000000000')).toEqual({
      triggerTime: '2023-11-14T22:13:20Z',
      triggerName: 'nightly',
      payload: '{"s":"ss"}',
    });
    expect((await event('timer', '--payload', '')).payload).toBe('');
  });

  it('takes the MNS flags, in both formats', async () => {
    const json = await event(
      'mns:json',
      '--message',
      '你好',
      '--topic',
      'orders',
      '--attr',
      'source=shop',
      '--subscription',
      'sub-1',
      '--account-id',
      '1234567890123456',
      '--time',
      '2024-01-01T00:00:00Z',
    );
    expect(json).toMatchObject({
      Message: '你好',
      TopicName: 'orders',
      SubscriptionName: 'sub-1',
      TopicOwner: '1234567890123456',
      Subscriber: '1234567890123456',
      PublishTime: 1704067200000,
      source: 'shop',
      MessageMD5: createHash('md5').update('你好').digest('hex').toUpperCase(),
    });
    expect(await event('mns:stream', '--message', 'hello', '--attr', 'Extend={"key":"value"}')).toEqual({
      body: 'hello',
      attrs: { Extend: '{"key":"value"}' },
    });
    expect((await runCli(['mns:stream', '--message', 'raw body'])).stdout).toBe('raw body\n');
  });

  it('takes the SLS flags', async () => {
    const sls = await event(
      'sls',
      '--project',
      'p1',
      '--logstore',
      'l1',
      '--shard',
      '3',
      '--parameter',
      '{"target":{"logstore":"out"}}',
      '--region',
      'cn-beijing',
      '--time',
      '2024-01-01T00:00:00Z',
    );
    expect(sls).toMatchObject({
      parameter: { target: { logstore: 'out' } },
      source: { endpoint: 'http://cn-beijing-intranet.log.aliyuncs.com', projectName: 'p1', logstoreName: 'l1', shardId: 3 },
      cursorTime: 1704067200,
    });
  });

  it('takes the CDN flags', async () => {
    const refresh = (
      await event(
        'cdn:refresh',
        '--domain',
        'cdn.example.org',
        '--object-path',
        '/a.js',
        '--object-path',
        '/b/',
        '--object-type',
        'Directory',
        '--account-id',
        '1234567890123456',
        '--time',
        '2024-01-01T00:00:00Z',
      )
    ).events[0];
    expect(refresh).toMatchObject({
      eventTime: '2024-01-01T08:00:00+08:00',
      resource: { domain: 'cdn.example.org' },
      userIdentity: { aliUid: '1234567890123456' },
      eventParameter: { domain: 'cdn.example.org', objectPath: ['/a.js', '/b/'], objectType: 'Directory' },
    });
    expect((await event('cdn:logfile', '--file-size', '42')).events[0].eventParameter.fileSize).toBe(42);
    expect((await event('cdn:domain-stopped', '--status', 'offline')).events[0].eventParameter).toEqual({ domain: 'example.com', status: 'offline' });
  });

  it('takes the HTTP flags, and prints the FC 2.0 request with --fc2', async () => {
    const dir = tempDir('fc-sim-http-');
    const binary = join(dir, 'body.bin');
    writeFileSync(binary, Buffer.from([0xff, 0x00, 0xfe]));
    const http = await event(
      'http:post',
      '--path',
      '/files/报告 1.pdf?lang=zh&tag=a',
      '--query',
      'tag=b',
      '--header',
      'X-Trace: 1',
      '--header',
      'X-Trace: 2',
      '--body-file',
      binary,
      '--source-ip',
      '10.1.2.3',
      '--trigger-id',
      'my-trigger',
      '--region',
      'cn-shanghai',
      '--account-id',
      '1234567890123456',
      '--time',
      '2024-01-01T00:00:00.123Z',
    );
    expect(http).toMatchObject({
      rawPath: '/files/%E6%8A%A5%E5%91%8A%201.pdf',
      queryParameters: { lang: 'zh', tag: 'a,b' },
      body: '/wD+',
      isBase64Encoded: true,
      requestContext: {
        accountId: '1234567890123456',
        domainName: 'my-trigger.cn-shanghai.fcapp.run',
        http: { method: 'POST', path: '/files/报告 1.pdf', sourceIp: '10.1.2.3' },
        time: '2024-01-01T00:00:00Z',
        timeEpoch: '1704067200123',
      },
    });
    expect(http.headers['X-Trace']).toBe('1,2');
    expect((await event('http:get', '--method', 'options')).requestContext.http.method).toBe('OPTIONS');
    expect((await event('http:put', '--body', 'plain')).body).toBe('plain');

    const fc2 = await event(
      'http:get',
      '--fc2',
      '--path',
      '/users',
      '--query',
      'tag=a',
      '--query',
      'tag=b',
      '--header',
      'X-Trace: 1',
      '--header',
      'X-Trace: 2',
    );
    expect(validate('fc2-http-request', fc2).issues).toEqual([]);
    expect(fc2).toMatchObject({ method: 'GET', path: '/users', url: '/users?tag=a&tag=b', queries: { tag: ['a', 'b'] } }); // --query replaces the kind's default query
    expect(fc2.headers['x-trace']).toBe('1, 2');
  });

  it('--set changes any field, by JSON pointer or dotted path', async () => {
    const printed = await event('oss:put', '--set', '/events/0/oss/object/size=0', '--set', 'events.0.xVars={"x:tenant":"t1"}');
    expect(printed.events[0].oss.object.size).toBe(0);
    expect(printed.events[0].xVars).toEqual({ 'x:tenant': 't1' });
  });

  it('--set to an event FC would not send warns and prints it anyway', async () => {
    const run = await runCli(['timer', '--set', '/triggerTime=yesterday']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).triggerTime).toBe('yesterday');
    expect(run.stderr).toContain('warning: after --set the event is not a valid timer event');
    expect(run.stderr).toContain('/triggerTime: must be a string matching');
  });
});

describe('fc-sim <kind> --random / --seed / --count', () => {
  it('draws from the generator, the same event for the same seed, keeping the flags and the kind', async () => {
    const first = await event('oss:put', '--random', '--seed', '7', '--bucket', 'photos');
    expect(await event('oss:put', '--random', '--seed', '7', '--bucket', 'photos')).toEqual(first);
    expect(validate('oss', first).issues).toEqual([]);
    expect(first.events[0]).toMatchObject({ eventName: 'ObjectCreated:PutObject', oss: { bucket: { name: 'photos' } } });
    expect(await event('oss:put', '--seed', '8')).not.toEqual(first);
  });

  it('prints --count events as NDJSON, every one valid', async () => {
    const run = await runCli(['http:patch', '--count', '20', '--seed', '3', '--path', '/items']);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(20);
    for (const line of lines) {
      expect(validate('http', line).issues).toEqual([]);
      expect(line.requestContext.http).toMatchObject({ method: 'PATCH', path: '/items' });
    }
    const stream = (await runCli(['mns:stream', '--count', '10', '--seed', '2'])).stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(stream.every((item) => typeof item === 'string' || validate('mns-stream', item).valid)).toBe(true);
  });

  it("--count with no flag prints the kind generator's own draws, unchanged and every one valid", async () => {
    // HTTP kinds draw FC 2.0 requests too: --fc2 picks the generator's variant, it pins nothing in the event.
    const runs = [
      ...eventKinds.map((kind) => ({ kind, fc2: false })),
      ...eventKinds.filter((kind) => kind.trigger === 'http').map((kind) => ({ kind, fc2: true })),
    ];
    for (const { kind, fc2 } of runs) {
      // Ten draws of each kind show the same stream; the battery holds many more of them to the schemas.
      const run = await runCli([kind.name, '--count', '10', '--seed', '11', ...(fc2 ? ['--fc2'] : [])]);
      expect(run.status, kind.name).toBe(0);
      const drawn = fc.sample(kindArbitrary(kind, {}, { fc2 }), { seed: 11, numRuns: 10 });
      expect(run.stdout, kind.name).toBe(drawn.map((event) => `${JSON.stringify(event)}\n`).join(''));
      for (const event of drawn) {
        const schema = schemaOfKind(kind, event);
        // A raw MNS STREAM body: no schema describes a string.
        if (schema) expect(validate(schema, event).issues, kind.name).toEqual([]);
      }
    }
  });

  it('--count still checks every event a flag pins: refused naming the flag, or with --set a warning each', async () => {
    const refused = await runCli(['oss:put', '--count', '5', '--seed', '1', '--bucket', 'My_Bucket']);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('these values make an event FC would not send:\n  --bucket: /events/0/oss/bucket/arn: must be a string matching');
    const set = await runCli(['oss:put', '--count', '3', '--seed', '1', '--set', '/events/0/oss/object/size=-1']);
    expect(set.status).toBe(0);
    expect(set.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(set.stderr.match(/warning: after --set the event is not a valid oss event/g)).toHaveLength(3);
  });

  it('says the seed it drew with, so that the same events can be drawn again', async () => {
    const run = await runCli(['cdn:logfile', '--random']);
    const seed = /--seed (\d+)/.exec(run.stderr)?.[1];
    expect(seed).toBeDefined();
    expect((await runCli(['cdn:logfile', '--seed', seed!])).stdout).toBe(run.stdout);
  });
});

describe('fc-sim <kind>: bad input', () => {
  it.each([
    [['oss:put', '--size', 'big'], '--size: not a whole number ≥ 0: "big"'],
    [['oss:put', '--bucket', 'My_Bucket'], '--bucket: /events/0/oss/bucket/arn: must be a string matching'],
    [['oss:put', '--time', 'yesterday'], 'not a time: "yesterday"'],
    [['sls', '--parameter', '{oops'], '--parameter: not JSON'],
    [['http:get', '--header', 'no-colon'], '--header: expected name:value'],
    [['http:get', '--method', 'TRACE'], '--method: /requestContext/http/method: must be one of'],
    [['mns:json', '--attr', 'Message=x'], 'message attribute "Message" would overwrite'],
    [['oss:put', '--set', 'nothing'], '--set: expected path=value'],
    [['oss:put', '--count', '0'], '--count: expected a whole number ≥ 1'],
  ])('%j exits 2 with a message naming the problem', async (args, message) => {
    const run = await runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers an unknown kind with "did you mean"', async () => {
    const run = await runCli(['oss:pt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'oss:pt'");
    expect(run.stderr).toContain('Did you mean oss:put?');
  });
});

describe('fc-sim list', () => {
  it('lists every kind with a description', async () => {
    const run = await runCli(['list']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(eventKinds.map((kind) => kind.name));
    for (const line of lines) expect(line).toMatch(/^\S+\s{2,}\S.{10,}$/);
  });
});
