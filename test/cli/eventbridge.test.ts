/**
 * The EventBridge sources on the command line and in a project: the kinds, --batch, the handler getting the JSON
 * FC sends, and `fc-sim ls / lint / test` on an fc3 project with an MNS queue trigger and a Kafka event-streaming
 * trigger; configs fc-sim cannot read are refused with the file and field, exit 2, no stack trace.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { deliveredBy, matchingEvents, rejectedEvents } from '../../src/project/matching-events.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const project = 'fixtures/projects/eventbridge-app';

describe('fc-sim <eventbridge kind>', () => {
  it('lists the kinds', async () => {
    const run = await runCli(['list']);
    for (const kind of ['mns:queue', 'rocketmq', 'rabbitmq', 'kafka', 'dts', 'eventbridge:oss', 'eventbridge:custom'])
      expect(run.stdout).toMatch(new RegExp(`^${kind} `, 'm'));
  });

  it('mns:queue: one CloudEvent, the body base64 unless --base64-decode; --batch N: an array of N', async () => {
    const encoded = JSON.parse((await runCli(['mns:queue', '--message', 'order:42', '--queue', 'orders'])).stdout);
    expect(encoded.data.messageBody).toBe(Buffer.from('order:42').toString('base64'));
    expect(encoded.subject).toMatch(/:queues\/orders$/);
    const decoded = JSON.parse((await runCli(['mns:queue', '--message', 'order:42', '--base64-decode'])).stdout);
    expect(decoded.data.messageBody).toBe('order:42');
    const batch = JSON.parse((await runCli(['mns:queue', '--batch', '3'])).stdout);
    expect(batch).toHaveLength(3);
  });

  it('kafka: always an array; the value as the format says', async () => {
    const run = await runCli(['kafka', '--batch', '2', '--value', '{"clicks":3}', '--value-format', 'json', '--topic', 'clicks']);
    const records = JSON.parse(run.stdout);
    expect(records.map((record: { data: { value: unknown; topic: string } }) => [record.data.topic, record.data.value])).toEqual([
      ['clicks', { clicks: 3 }],
      ['clicks', { clicks: 3 }],
    ]);
    expect(JSON.parse((await runCli(['kafka'])).stdout)).toHaveLength(1);
  });

  it("--batch beyond FC's limit: exit 2, the flag and the limit named, no stack trace", async () => {
    for (const kind of ['kafka', 'mns:queue', 'dts']) {
      const run = await runCli([kind, '--batch', '10001']);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/--batch: "10001" is beyond FC's limit: it pushes 1–10000 events per invocation/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await runCli(['eventbridge:oss', '--batch', '2'])).status).toBe(2);
  });

  it('eventbridge:custom: --source, --type and --data; --data must be JSON', async () => {
    const event = JSON.parse((await runCli(['eventbridge:custom', '--source', 'my.app', '--type', 'my.app:Order:Paid', '--data', '{"id":7}'])).stdout);
    expect(event).toMatchObject({ source: 'my.app', type: 'my.app:Order:Paid', data: { id: 7 }, specversion: '1.0' });
    const bad = await runCli(['eventbridge:custom', '--data', 'nope']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--data: not JSON');
  });

  it('--handler gets the JSON array FC sends for a batch', async () => {
    const run = await runCli(['rocketmq', '--batch', '2', '--body', 'hi', '--handler', 'echo.handler', '--code-dir', 'fixtures/handlers']);
    expect(run.status).toBe(0);
    const answered = JSON.parse(run.stdout);
    expect(answered.map((event: { data: { body: string } }) => event.data.body)).toEqual(['hi', 'hi']);
    expect(run.stderr).toMatch(/got \d+ bytes, Buffer: true/);
  });

  it('fuzz draws a source by its id', async () => {
    const run = await runCli(['fuzz', 'kafka', '--handler', 'echo.handler', '--code-dir', 'fixtures/handlers', '--runs', '10', '--seed', '1', '--no-save']);
    expect(run.status, run.stderr).toBe(0);
  });
});

describe('an fc3 project with EventBridge triggers', () => {
  it('fc-sim ls describes the source, the mode and batch window, and the pattern', async () => {
    const run = await runCli(['ls', '--project', project]);
    expect(run.stdout).toContain('orders-queue (eventbridge: queue orders, decoded (event-driven), pattern {"data":{"messageBody":[{"prefix":"order:"}]}})');
    expect(run.stdout).toContain(
      'clicks-stream (eventbridge: topic clicks group clicks-fc (event-streaming, batches of 1–5), pattern {"data":{"partition":[{"numeric":[">=",0,"<",4]}]}})',
    );
  });

  it('fc-sim lint finds nothing wrong', async () => {
    const run = await runCli(['lint', '--project', project]);
    expect(run.stdout).toContain('0 errors, 0 warnings');
    expect(run.status).toBe(0);
  });

  it('fc-sim test runs both triggers, nothing skipped, and shows what their filters turn away', async () => {
    const run = await runCli(['test', '--project', project, '--runs', '20', '--seed', '5']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /✓ orders ← orders-queue \(eventbridge\): 20 events passed .*; 20 events outside its filter \(events of its MNS source outside eventRuleFilterPattern: data\.messageBody outside \[\{"prefix":"order:"\}\]\) would not invoke it/,
    );
    expect(run.stdout).toMatch(/✓ clicks ← clicks-stream \(eventbridge\): 20 events passed .*data\.partition outside/);
    expect(run.stdout).toContain('2 passed, 0 failed, 0 skipped');
  });

  it('draws what the config delivers: decoded "order:" messages one at a time; Kafka batches of 1–5 from partitions 0–3', () => {
    const [orders, clicks] = loadProject(project).functions.map((fn) => fn.triggers[0]!);
    const messages = fc.sample(matchingEvents(orders!, { fcVersion: 3 })!.arbitrary, { seed: 2, numRuns: 50 }) as { data: { messageBody: string } }[];
    for (const message of messages) {
      expect(Array.isArray(message)).toBe(false);
      expect(message.data.messageBody.startsWith('order:')).toBe(true);
    }
    const batches = fc.sample(matchingEvents(clicks!, { fcVersion: 3 })!.arbitrary, { seed: 2, numRuns: 50 }) as {
      data: { partition: number; value: unknown };
    }[][];
    const sizes = new Set(batches.map((batch) => batch.length));
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
    expect(sizes.size).toBeGreaterThan(1);
    for (const record of batches.flat()) expect(record.data.partition).toBeLessThan(4);
    for (const [trigger, options] of [
      [orders!, {}],
      [clicks!, {}],
    ] as const) {
      const rejected = rejectedEvents(trigger, { fcVersion: 3, ...options })!;
      for (const event of fc.sample(rejected.arbitrary, { seed: 3, numRuns: 30 })) expect(deliveredBy(trigger, event)).toBe(false);
    }
    // A batch larger than the window is not what FC sends.
    expect(deliveredBy(clicks!, [...batches[0]!, ...batches[0]!, ...batches[0]!, ...batches[0]!, ...batches[0]!, ...batches[0]!])).toBe(false);
  });
});

/** The eventbridge-app project with one change to its Kafka trigger's config. */
function variant(change: (yaml: string) => string): string {
  const folder = tempDir('fc-sim-eb-');
  mkdirSync(join(folder, 'code'));
  for (const file of ['index.js', 'package.json']) writeFileSync(join(folder, 'code', file), readFileSync(resolve(project, 'code', file)));
  writeFileSync(join(folder, 's.yaml'), change(readFileSync(resolve(project, 's.yaml'), 'utf8')));
  return folder;
}

describe('configs fc-sim cannot read: exit 2 naming the file and field, no stack trace; lint says the same', () => {
  const kafkaPattern = `eventRuleFilterPattern: '{"data":{"partition":[{"numeric":[">=",0,"<",4]}]}}'`;
  it.each([
    [
      'a pattern that is not JSON',
      (yaml: string) => yaml.replace(kafkaPattern, `eventRuleFilterPattern: '{data: partition}'`),
      /triggers\[0\]\.triggerConfig: eventRuleFilterPattern is not JSON/,
    ],
    [
      'an unknown operator',
      (yaml: string) => yaml.replace(kafkaPattern, `eventRuleFilterPattern: '{"data":{"partition":[{"between":[0,4]}]}}'`),
      /eventRuleFilterPattern: data\.partition: unknown operator "between"/,
    ],
    [
      "a batch beyond FC's limit",
      (yaml: string) => yaml.replace('CountBasedWindow: 5', 'CountBasedWindow: 20000'),
      /runOptions\.batchWindow\.CountBasedWindow 20000 is beyond FC's limit/,
    ],
    [
      'an unknown eventSourceType',
      (yaml: string) => yaml.replace('eventSourceType: Kafka', 'eventSourceType: Pulsar'),
      /eventSourceConfig\.eventSourceType "Pulsar": fc-sim has eventbridge events for MNS, RocketMQ, RabbitMQ, Kafka, DTS, Default/,
    ],
  ])('%s', async (_, change, message) => {
    const folder = variant(change);
    const run = await runCli(['test', '--project', folder, '--runs', '5']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain(`${join(folder, 's.yaml')} resources.clicks.props.triggers[0].triggerConfig`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const lint = await runCli(['lint', '--project', folder]);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toMatch(/✗ error trigger-config: .* resources\.clicks\.props\.triggers\[0\]/);
  });

  it('a pattern no event of the source passes: that trigger fails (lets no event through), the other runs', async () => {
    const folder = variant((yaml) => yaml.replace(kafkaPattern, `eventRuleFilterPattern: '{"data":{"topic":["views"]}}'`));
    const run = await runCli(['test', '--project', folder, '--runs', '5']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /✗ clicks ← clicks-stream \(eventbridge\):\n.*lets no event through: eventRuleFilterPattern turns away every event of its Kafka source \(data\.topic never passes\)/,
    );
    expect(run.stdout).toMatch(/✓ orders ← orders-queue/);
  });
});
