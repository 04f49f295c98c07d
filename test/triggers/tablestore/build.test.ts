import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FcSimError } from '../../../src/errors.js';
import { validate } from '../../../src/schema/validate.js';
import { buildTablestoreEvent, tablestoreValue } from '../../../src/triggers/tablestore/build.js';
import { tablestore } from '../../../src/triggers/tablestore/index.js';
import { buildKind, findKind } from '../../../src/triggers/modules.js';

const refused = (build: () => unknown, message: RegExp) => {
  expect(build).toThrow(FcSimError);
  expect(build).toThrow(message);
};

describe('buildTablestoreEvent', () => {
  it("builds the doc's row: an int64 key beyond 2^53 (exact, marked), µs record time, ms cell versions", () => {
    const event = buildTablestoreEvent();
    const [record] = event.Records;
    expect(event.Version).toBe('Sync-v1');
    expect(record.Type).toBe('PutRow');
    expect(record.PrimaryKey).toEqual([
      { ColumnName: 'pk_0', Value: { $int64: '1506416585881590900' } },
      { ColumnName: 'pk_1', Value: '2017-09-26 17:03:05.8815909 +0800 CST' },
      { ColumnName: 'pk_2', Value: 1506416585741000 },
    ]);
    // 2025-03-10T06:45:43.000Z in microseconds, plus the microseconds within that millisecond.
    const micros = record.Info.Timestamp;
    expect(Math.floor(micros / 1000)).toBe(Date.parse('2025-03-10T06:45:43.000Z'));
    expect(record.Columns).toEqual([
      { Type: 'Put', ColumnName: 'attr_0', Value: 'hello_table_store', Timestamp: Math.ceil(micros / 1000) },
      { Type: 'Put', ColumnName: 'attr_1', Value: { $int64: '1506416585881590900' }, Timestamp: Math.ceil(micros / 1000) },
    ]);
    expect(validate('tablestore', event, { strict: true }).issues).toEqual([]);
  });

  it('takes values as the builder gets them: bigints exact, bytes as base64, whole doubles marked, marks as they are', () => {
    expect(tablestoreValue(2n ** 63n - 1n)).toEqual({ $int64: '9223372036854775807' });
    expect(tablestoreValue(42n)).toBe(42);
    expect(tablestoreValue(new Uint8Array([1, 2, 3]))).toEqual({ $base64: 'AQID' });
    expect(tablestoreValue({ $double: 3 })).toEqual({ $double: 3 });
    expect(tablestoreValue(2.5)).toBe(2.5);
    // JSON already rounded it; what is left is still an Integer.
    // biome-ignore lint/correctness/noPrecisionLoss: the literal loses precision on purpose: what a JS number beyond 2^53 holds
    expect(tablestoreValue(1506416585881590900)).toEqual({ $int64: '1506416585881590784' });
    refused(() => tablestoreValue(2n ** 63n), /outside Tablestore's 64-bit integers/);
  });

  it("lists an UpdateRow's operations as FC does: puts, then one version deleted, then a column deleted", () => {
    const event = buildKind(findKind('tablestore:update-row')!) as ReturnType<typeof buildTablestoreEvent>;
    const [record] = event.Records;
    expect(record.Type).toBe('UpdateRow');
    expect(record.Columns.map((column) => [column.Type, column.ColumnName])).toEqual([
      ['Put', 'attr_0'],
      ['DeleteOneVersion', 'attr_1'],
      ['DeleteAllVersions', 'attr_2'],
    ]);
    expect(record.Columns[1]).toEqual({ Type: 'DeleteOneVersion', ColumnName: 'attr_1', Timestamp: 1741589083000 });
    expect(record.Columns[2]).not.toHaveProperty('Timestamp');
    expect(validate('tablestore', event, { strict: true }).issues).toEqual([]);
  });

  it('gives a DeleteRow the primary key only', () => {
    const event = buildKind(findKind('tablestore:delete-row')!) as ReturnType<typeof buildTablestoreEvent>;
    expect(event.Records[0].Type).toBe('DeleteRow');
    expect(event.Records[0].Columns).toEqual([]);
    expect(event.Records[0].PrimaryKey).toHaveLength(3);
  });

  it('refuses records FC never sends, saying why', () => {
    refused(() => buildTablestoreEvent({ recordType: 'DeleteRow' }), /a DeleteRow record has no columns/);
    refused(() => buildTablestoreEvent({ recordType: 'PutRow', deleteColumns: ['a'] }), /a PutRow record has no column deletions/);
    refused(() => buildTablestoreEvent({ recordType: 'UpdateRow', columns: [] }), /an UpdateRow record has no column operations/);
    refused(() => buildTablestoreEvent({ primaryKey: [] }), /a row needs a primary key/);
    refused(() => buildTablestoreEvent({ micros: 1000 }), /micros must be a whole number from 0 to 999/);
  });

  it('is what the schema says of a row: a DeleteRow with columns or a PutRow that deletes is not valid', () => {
    const event = buildTablestoreEvent();
    const deleteWithColumns = { ...event, Records: [{ ...event.Records[0], Type: 'DeleteRow' }] };
    expect(validate('tablestore', deleteWithColumns).issues.map((issue) => issue.pointer)).toEqual(['/Records/0/Columns']);
    const putThatDeletes = { ...event, Records: [{ ...event.Records[0], Columns: [{ Type: 'DeleteAllVersions', ColumnName: 'a' }] }] };
    expect(validate('tablestore', putThatDeletes).valid).toBe(false);
  });
});

describe('the real payloads', () => {
  it("validates the doc's Sync-v1 PutRow and is detected by the module", () => {
    const payload = JSON.parse(readFileSync('fixtures/events/tablestore/fc3-docs-sync-v1-putrow.json', 'utf8'));
    expect(validate('tablestore', payload, { strict: true }).issues).toEqual([]);
    expect(tablestore.detect(payload)).toEqual({ schema: 'tablestore', because: 'it has Version and Records' });
  });
});
