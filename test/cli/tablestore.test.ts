import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cbor from 'cbor';
import { describe, expect, it } from 'vitest';
import { decodeCbor } from '../../src/io/cbor.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const HANDLERS = ['--code-dir', 'fixtures/handlers'];
const scratch = () => tempDir('fc-sim-ots-');

describe('fc-sim tablestore:<kind>', () => {
  it('lists the three kinds', async () => {
    const run = await runCli(['list']);
    for (const kind of ['tablestore:put-row', 'tablestore:update-row', 'tablestore:delete-row']) expect(run.stdout).toContain(kind);
  });

  it('prints the decoded event as JSON, 64-bit integers exact and marked', async () => {
    const run = await runCli(['tablestore:put-row']);
    expect(run.status).toBe(0);
    const event = JSON.parse(run.stdout);
    expect(event.Records[0].PrimaryKey[0]).toEqual({ ColumnName: 'pk_0', Value: { $int64: '1506416585881590900' } });
  });

  it('types flag values the way they read, and refuses what Tablestore cannot hold by flag', async () => {
    const run = await runCli([
      'tablestore:update-row',
      '--pk',
      'id=9007199254740993',
      '--pk',
      'code="007"',
      '--column',
      'total=3.0',
      '--column',
      'paid=true',
      '--column',
      'blob={"$base64":"AQID"}',
      '--column',
      'note=hello world',
      '--delete-column',
      'old',
      '--delete-version',
      'tag=1741589000000',
      '--time',
      '2025-01-02T03:04:05.006Z',
    ]);
    expect(run.stderr).toBe('');
    const [record] = JSON.parse(run.stdout).Records;
    expect(record.PrimaryKey).toEqual([
      { ColumnName: 'id', Value: { $int64: '9007199254740993' } },
      { ColumnName: 'code', Value: '007' },
    ]);
    expect(record.Columns.map((column: { ColumnName: string; Value?: unknown }) => [column.ColumnName, column.Value])).toEqual([
      ['total', { $double: 3 }],
      ['paid', true],
      ['blob', { $base64: 'AQID' }],
      ['note', 'hello world'],
      ['tag', undefined],
      ['old', undefined],
    ]);
    expect(Math.floor(record.Info.Timestamp / 1000)).toBe(Date.parse('2025-01-02T03:04:05.006Z'));

    const tooBig = await runCli(['tablestore:put-row', '--pk', 'id=9223372036854775808']);
    expect(tooBig.status).toBe(2);
    expect(tooBig.stderr).toContain("--pk: 9223372036854775808 is outside Tablestore's 64-bit integers");
    const deleteWithColumns = await runCli(['tablestore:delete-row', '--column', 'a=1']);
    expect(deleteWithColumns.status).toBe(2);
    expect(deleteWithColumns.stderr).toContain('a DeleteRow record has no columns');
    const badName = await runCli(['tablestore:put-row', '--column', '9lives=1']);
    expect(badName.status).toBe(2);
    expect(badName.stderr).toMatch(/--column: \/Records\/0\/Columns\/0\/ColumnName: must be a string matching/);
    for (const failed of [tooBig, deleteWithColumns, badName]) expect(failed.stderr).not.toMatch(/\n\s+at /);
  });

  it('--cbor writes the bytes FC delivers: decoded by the cbor package, int64 as bigint, bytes as a Buffer', async () => {
    const run = await runCli(['tablestore:put-row', '--cbor', '--column', 'blob={"$base64":"AQID"}']);
    expect(run.status).toBe(0);
    const [decoded] = cbor.decodeAllSync(run.stdoutBytes);
    expect(decoded.Version).toBe('Sync-v1');
    expect(decoded.Records[0].PrimaryKey[0].Value).toBe(1506416585881590900n);
    expect(decoded.Records[0].Columns.at(-1).Value).toEqual(Buffer.from([1, 2, 3]));
    const json = JSON.parse((await runCli(['tablestore:put-row', '--column', 'blob={"$base64":"AQID"}'])).stdout);
    expect(decodeCbor(run.stdoutBytes, 'stdout')).toEqual(json);
  });

  it('--count N --cbor writes a CBOR sequence of N events', async () => {
    const run = await runCli(['tablestore:delete-row', '--count', '3', '--seed', '1', '--cbor']);
    expect(run.status).toBe(0);
    const events = cbor.decodeAllSync(run.stdoutBytes) as { Records: { Type: string }[] }[];
    expect(events).toHaveLength(3);
    for (const event of events) expect(event.Records.every((record) => record.Type === 'DeleteRow')).toBe(true);
  });

  it('--handler hands the handler the CBOR bytes, as FC does', async () => {
    const run = await runCli(['tablestore:put-row', '--column', 'blob={"$base64":"AQID"}', '--handler', 'tablestore-cbor.handler', ...HANDLERS]);
    expect(run.status, run.stderr).toBe(0);
    const { records } = JSON.parse(run.stdout);
    expect(records[0].primaryKey).toEqual([
      'pk_0:bigint:1506416585881590900',
      'pk_1:string:2017-09-26 17:03:05.8815909 +0800 CST',
      'pk_2:number:1506416585741000',
    ]);
    // --column gives the cells written: the default row's columns make way.
    expect(records[0].columns).toEqual(['Put blob:Buffer']);
  });
});

describe('fc-sim validate file.cbor', () => {
  it('decodes, then validates', async () => {
    const dir = scratch();
    const put = await runCli(['tablestore:put-row', '--cbor']);
    writeFileSync(join(dir, 'event.cbor'), put.stdoutBytes);
    const run = await runCli(['validate', '--strict', 'event.cbor'], { cwd: dir });
    expect(run.stdout).toBe('✓ event.cbor: valid tablestore (TablestoreEvent) (strict)\n');
    expect(run.status).toBe(0);
  });

  it('names the file of malformed CBOR, exit 2, no stack trace', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'broken.cbor'), Buffer.from('a26756657273696f6e', 'hex'));
    const run = await runCli(['validate', 'broken.cbor'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('✗ broken.cbor: not valid CBOR: Insufficient data\n  hint: fc-sim tablestore:put-row --cbor > event.cbor writes a valid one\n');
  });
});

describe('a project with a Tablestore trigger', () => {
  const project = resolve('fixtures/projects/tablestore-app');

  it('fc-sim ls names the instance and table from the sourceArn', async () => {
    const run = await runCli(['ls'], { cwd: project });
    expect(run.stdout).toContain('orders-stream (tablestore: shop/orders)');
  });

  it('fc-sim lint passes it', async () => {
    const run = await runCli(['lint'], { cwd: project });
    expect(run.stdout).toBe('✓ s.yaml: 1 functions, 0 errors, 0 warnings\n');
    expect(run.status).toBe(0);
  });

  it('fc-sim test runs it with CBOR events of one table, nothing skipped', async () => {
    const run = await runCli(['test', '--runs', '30', '--seed', '5'], { cwd: project });
    expect(run.stdout).toMatch(/^✓ sync-orders ← orders-stream \(tablestore\): 30 events passed in [\d.]+ s$/m);
    expect(run.stdout).toMatch(/1 passed, 0 failed, 0 skipped\n$/);
    expect(run.status).toBe(0);
  });
});
