import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const ossPut = 'fixtures/events/oss/fc3-docs-objectmeta-usermeta.json';
const dir = tempDir('fc-sim-validate-');

function writeTemp(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

const prefixed = JSON.parse(readFileSync(ossPut, 'utf8'));
prefixed.events[0].eventName = 'oss:ObjectCreated:PutObject';
const invalidOss = writeTemp('prefixed.json', JSON.stringify(prefixed, null, 2));

describe('fc-sim validate', () => {
  it('exits 0 on a valid file and names the detected schema', async () => {
    const run = await runCli(['validate', ossPut]);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe(`✓ ${ossPut}: valid oss (OssEvent)\n`);
  });

  it('exits 1 on an invalid file, with the JSON pointer, what it found and a hint', async () => {
    const run = await runCli(['validate', invalidOss]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`✗ ${invalidOss}: not a valid oss (OssEvent) [detected: /events/0 is an OSS record; use --type to choose], 1 problem:`);
    expect(run.stdout).toContain('/events/0/eventName: must be one of "ObjectCreated:PutObject"');
    expect(run.stdout).toContain('; found "oss:ObjectCreated:PutObject"');
    expect(run.stdout).toContain('hint: drop the "oss:" prefix');
  });

  it('exits 2 on a file that is not JSON and says where it fails to parse', async () => {
    const broken = writeTemp('broken.json', '{\n  "triggerTime": "2023-12-26T07:49:00Z",\n}\n');
    const run = await runCli(['validate', broken]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`✗ ${broken}:3:1: not valid JSON: expected a property name in double quotes (a trailing comma?)`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads standard input with -', async () => {
    const valid = await runCli(['validate', '-'], { input: readFileSync(ossPut, 'utf8') });
    expect(valid.status).toBe(0);
    expect(valid.stdout).toBe('✓ <stdin>: valid oss (OssEvent)\n');

    const invalid = await runCli(['validate', '-', '--type', 'timer'], { input: '{"triggerTime":"2023-12-26 07:49:00","triggerName":"t","payload":""}' });
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toContain('/triggerTime: must be a string matching');

    const notJson = await runCli(['validate', '-'], { input: 'hello topic' });
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toContain('<stdin>:1:1: not valid JSON: unexpected character');
  });

  it('checks against the schema given with --type', async () => {
    const run = await runCli(['validate', ossPut, '--type', 'timer']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('/triggerTime: is required');
  });

  it('reports every file of several, and exits with the worst outcome', async () => {
    const run = await runCli(['validate', ossPut, invalidOss, join(dir, 'missing.json')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`✓ ${ossPut}`);
    expect(run.stdout).toContain(`✗ ${invalidOss}`);
    expect(run.stderr).toContain(`✗ ${join(dir, 'missing.json')}: no such file`);
  });

  it('prints outcomes as JSON with --json, one line per event', async () => {
    const run = await runCli(['validate', '--json', ossPut, invalidOss]);
    expect(run.status).toBe(1);
    const outcomes = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(outcomes).toHaveLength(2);
    expect(outcomes[0]).toMatchObject({ file: ossPut, outcome: 'valid', schema: 'oss' });
    expect(outcomes[1].issues[0]).toMatchObject({ pointer: '/events/0/eventName', keyword: 'enum', found: '"oss:ObjectCreated:PutObject"' });
  });

  it('reports fields FC does not send with --strict', async () => {
    const typo = JSON.parse(readFileSync(ossPut, 'utf8'));
    typo.events[0].resposeElements = typo.events[0].responseElements;
    const file = writeTemp('typo.json', JSON.stringify(typo));
    expect((await runCli(['validate', file])).status).toBe(0);
    const strict = await runCli(['validate', '--strict', file]);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('/events/0/resposeElements: is not a field of this object');
    expect(strict.stdout).toContain('hint: did you mean "responseElements"?');
  });

  it('exits 2 on usage errors, without a stack trace', async () => {
    const unknownType = await runCli(['validate', ossPut, '--type', 'ossx']);
    expect(unknownType.status).toBe(2);
    expect(unknownType.stderr).toContain('fc-sim: unknown type "ossx"');
    expect(unknownType.stderr).toContain('hint: use one of: oss, timer,');

    const noFile = await runCli(['validate']);
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toContain("missing required argument 'files'");

    const unknownCommand = await runCli(['validat']);
    expect(unknownCommand.status).toBe(2);
    expect(`${unknownCommand.stderr}${unknownCommand.stdout}`).not.toMatch(/\n\s+at /);
  });

  it('exits 1 when it cannot tell the trigger, and asks for --type', async () => {
    const file = writeTemp('unknown.json', '{"hello": "world"}');
    const run = await runCli(['validate', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('(root): does not look like any FC trigger event fc-sim knows');
    expect(run.stdout).toContain('hint: pass --type with one of:');
  });
});
