import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FcSimError } from '../../../src/errors.js';
import type { TablestoreTableSchema } from '../../../src/triggers/tablestore/arbitrary.js';
import { tablestoreEvent } from '../../../src/triggers/tablestore/arbitrary.js';
import type { TablestoreEventValue } from '../../../src/triggers/tablestore/build.js';
import type { TablestoreEvent } from '../../../src/types/generated.js';

/** The Tablestore type a value in the JSON form stands for. */
function typeOf(value: TablestoreEventValue): string {
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'number') return Number.isInteger(value) ? 'INTEGER' : 'DOUBLE';
  if ('$int64' in value) return 'INTEGER';
  if ('$double' in value) return 'DOUBLE';
  return 'BINARY';
}

/** Every column's type across the records of an event (primary key columns prefixed `pk:`). */
function columnTypes(event: TablestoreEvent): Map<string, Set<string>> {
  const types = new Map<string, Set<string>>();
  const note = (name: string, value: TablestoreEventValue) => types.set(name, (types.get(name) ?? new Set()).add(typeOf(value)));
  for (const record of event.Records) {
    for (const column of record.PrimaryKey) note(`pk:${column.ColumnName}`, column.Value);
    for (const column of record.Columns) if (column.Value !== undefined) note(column.ColumnName, column.Value);
  }
  return types;
}

describe('tablestoreEvent', () => {
  it('keeps each column to one type within a table, the primary key whole in every record', () => {
    fc.assert(
      fc.property(tablestoreEvent(), (event) => {
        for (const [name, types] of columnTypes(event)) expect(types.size, `${name}: ${[...types]}`).toBe(1);
        const keyNames = event.Records.map((record) => record.PrimaryKey.map((column) => column.ColumnName).join(','));
        expect(new Set(keyNames).size).toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it('writes records as FC does: PutRow puts, UpdateRow changes at least one column, DeleteRow carries none', () => {
    fc.assert(
      fc.property(tablestoreEvent(), (event) => {
        for (const record of event.Records) {
          if (record.Type === 'DeleteRow') expect(record.Columns).toEqual([]);
          if (record.Type === 'PutRow') expect(record.Columns.every((column) => column.Type === 'Put')).toBe(true);
          if (record.Type === 'UpdateRow') expect(record.Columns.length).toBeGreaterThan(0);
          for (const column of record.Columns) {
            expect('Value' in column).toBe(column.Type === 'Put');
            expect('Timestamp' in column).toBe(column.Type !== 'DeleteAllVersions');
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("keeps time coherent: records in stream order (µs rising), cells written at their record's millisecond, versions deleted from before it", () => {
    fc.assert(
      fc.property(tablestoreEvent(), (event) => {
        const times = event.Records.map((record) => record.Info.Timestamp);
        for (let at = 1; at < times.length; at++) expect(times[at]!).toBeGreaterThan(times[at - 1]!);
        for (const record of event.Records) {
          const writtenMs = Math.ceil(record.Info.Timestamp / 1000);
          for (const column of record.Columns) {
            if (column.Type === 'Put') expect(column.Timestamp).toBe(writtenMs);
            if (column.Type === 'DeleteOneVersion') expect(column.Timestamp!).toBeLessThanOrEqual(writtenMs);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('draws the values handlers break on: int64 beyond 2^53, bytes, whole doubles, several records, rows changed twice', () => {
    const events = fc.sample(tablestoreEvent(), { seed: 1, numRuns: 500 });
    const text = JSON.stringify(events);
    expect(text).toContain('"$int64":"9223372036854775807"');
    expect(text).toContain('"$int64":"-9223372036854775808"');
    expect(text).toContain('"$base64"');
    expect(text).toContain('"$double"');
    expect(events.some((event) => event.Records.length > 1)).toBe(true);
    const changedTwice = events.some((event) => new Set(event.Records.map((record) => JSON.stringify(record.PrimaryKey))).size < event.Records.length);
    expect(changedTwice).toBe(true);
  });

  it('gives one table the same column types in every event: the schema follows from the instance and table', () => {
    const schemaOf = (event: TablestoreEvent) =>
      [...columnTypes(event)]
        .filter(([name]) => name.startsWith('pk:'))
        .map(([name, types]) => `${name}=${[...types]}`)
        .join(' ');
    const orders = fc.sample(tablestoreEvent({ instance: 'shop', table: 'orders' }), { seed: 3, numRuns: 50 }).map(schemaOf);
    expect(new Set(orders).size).toBe(1);
    const again = fc.sample(tablestoreEvent({ instance: 'shop', table: 'orders' }), { seed: 4, numRuns: 5 }).map(schemaOf);
    expect(again[0]).toBe(orders[0]);
    const tables = ['a', 'b', 'c', 'd', 'e'].map((table) => schemaOf(fc.sample(tablestoreEvent({ table }), { seed: 3, numRuns: 1 })[0]!));
    expect(new Set(tables).size).toBeGreaterThan(1);
  });

  it('follows a schema given as yours, and fixes what the flags fix in every record', () => {
    const schema: TablestoreTableSchema = {
      primaryKey: [{ name: 'id', type: 'INTEGER' }],
      columns: [
        { name: 'paid', type: 'BOOLEAN' },
        { name: 'total', type: 'DOUBLE' },
      ],
    };
    fc.assert(
      fc.property(tablestoreEvent({ schema, recordTypes: ['PutRow', 'UpdateRow'] }), (event) => {
        for (const record of event.Records) {
          expect(record.Type).not.toBe('DeleteRow');
          expect(record.PrimaryKey.map((column) => [column.ColumnName, typeOf(column.Value)])).toEqual([['id', 'INTEGER']]);
          for (const column of record.Columns) {
            expect(['paid', 'total']).toContain(column.ColumnName);
            if (column.Value !== undefined) expect(typeOf(column.Value)).toBe(column.ColumnName === 'paid' ? 'BOOLEAN' : 'DOUBLE');
          }
        }
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(tablestoreEvent({ primaryKey: [{ name: 'id', value: 7 }], deleteColumns: ['note'] }), (event) => {
        for (const record of event.Records) {
          expect(record.Type).toBe('UpdateRow');
          expect(record.PrimaryKey).toEqual([{ ColumnName: 'id', Value: 7 }]);
          expect(record.Columns).toContainEqual({ Type: 'DeleteAllVersions', ColumnName: 'note' });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('refuses constraints that leave nothing to draw', () => {
    expect(() => tablestoreEvent({ recordTypes: ['PutRow'], deleteColumns: ['x'] })).toThrow(/no PutRow record can delete columns/);
    expect(() => tablestoreEvent({ recordTypes: ['DeleteRow'], columns: [{ name: 'a', value: 1 }] })).toThrow(/no DeleteRow record can write columns/);
    expect(() => tablestoreEvent({ recordTypes: [] })).toThrow(FcSimError);
    expect(() => tablestoreEvent({ maxRecords: 0 })).toThrow(/maxRecords must be a whole number/);
  });
});
