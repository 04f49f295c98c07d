import { FcSimError } from '../../errors.js';
import type { CborMark } from '../../io/cbor.js';
import type { TablestoreColumn, TablestoreEvent, TablestoreRecord } from '../../types/generated.js';
import type { TimeInput } from '../_shared/common.js';
import { DEFAULT_TIME, derivedHex, toDate, withDefaults } from '../_shared/common.js';

/**
 * The row operation of a Tablestore record: `PutRow`, `UpdateRow` or `DeleteRow`.
 *
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type TablestoreRecordType = TablestoreRecord['Type'];

/**
 * A cell value as the builder takes it: numbers (whole ones are Integers, others Doubles), booleans, text, bigints
 * (Integers, exact), bytes (Binary), or the JSON marks `{$int64}`, `{$base64}`, `{$double}`.
 *
 * @example
 * ```ts
 * const values: TablestoreValue[] = [42, 2.5, { $double: 3 }, true, 'text', 2n ** 60n, new Uint8Array([1, 2]), { $base64: 'AQID' }];
 * ```
 * @see README.md#cbor-events-as-json
 */
export type TablestoreValue = number | boolean | string | bigint | Uint8Array | CborMark;

/** A value as the event carries it (JSON with fc-sim's marks). */
export type TablestoreEventValue = NonNullable<TablestoreColumn['Value']>;

/**
 * One cell: a column name and its value.
 *
 * @example
 * ```ts
 * const key: TablestoreCell[] = [{ name: 'user_id', value: 9007199254740993n }, { name: 'region', value: 'cn-hangzhou' }];
 * const event = buildTablestoreEvent({ primaryKey: key });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/tablestore-trigger
 */
export interface TablestoreCell {
  name: string;
  value: TablestoreValue;
}

/**
 * What varies between Tablestore events of one row change; the rest follows from these.
 *
 * @example
 * ```ts
 * const params: Partial<TablestoreEventParams> = { recordType: 'UpdateRow', columns: [{ name: 'status', value: 'paid' }], deleteColumns: ['coupon'] };
 * const event = buildTablestoreEvent(params);
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/tablestore-trigger
 */
export interface TablestoreEventParams {
  recordType: TablestoreRecordType;
  /**
   * The instance and table the row belongs to. FC's event names neither: the builder's event does not show them;
   * drawn events take their primary key and column types from them, one schema per table.
   */
  instance: string;
  table: string;
  /** The row's primary key, in the table's order (1–4 columns: Integer, String or Binary). */
  primaryKey: TablestoreCell[];
  /** The cells written: every column of a PutRow, the `Put` operations of an UpdateRow; none for a DeleteRow. */
  columns: TablestoreCell[];
  /** UpdateRow: columns whose every version is deleted (`DeleteAllVersions`). */
  deleteColumns?: string[];
  /** UpdateRow: one version of a column deleted (`DeleteOneVersion`): column name → the version, epoch milliseconds. */
  deleteVersions?: Record<string, number>;
  /** When the row changed: `Info.Timestamp` in microseconds, the version of each cell written in milliseconds. */
  time: TimeInput;
  /** The microseconds within `time`'s millisecond (0–999). Default: derived from the row, as real ones vary. */
  micros?: number;
}

/**
 * The parameters of {@link buildTablestoreEvent}'s default event: the row of FC's event-format page, an int64 key
 * beyond 2^53, a text key and an int64 column.
 *
 * @example
 * ```ts
 * const deleted = buildTablestoreEvent({ ...tablestoreEventDefaults, recordType: 'DeleteRow', columns: [] });
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const tablestoreEventDefaults: TablestoreEventParams = {
  recordType: 'PutRow',
  instance: 'my-instance',
  table: 'my-table',
  primaryKey: [
    { name: 'pk_0', value: 1506416585881590900n },
    { name: 'pk_1', value: '2017-09-26 17:03:05.8815909 +0800 CST' },
    { name: 'pk_2', value: 1506416585741000 },
  ],
  columns: [
    { name: 'attr_0', value: 'hello_table_store' },
    { name: 'attr_1', value: 1506416585881590900n },
  ],
  time: DEFAULT_TIME,
};

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const isMark = (value: object): value is CborMark => '$int64' in value || '$base64' in value || '$double' in value;

/** A value in the event's JSON form: exact integers, bytes as base64, whole doubles marked. */
export function tablestoreValue(value: TablestoreValue): TablestoreEventValue {
  if (typeof value === 'bigint') {
    if (value < INT64_MIN || value > INT64_MAX)
      throw new FcSimError('E_INVALID_PARAMS', `${value} is outside Tablestore's 64-bit integers`, `use −2^63 to 2^63 − 1`);
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : { $int64: value.toString() };
  }
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  // A whole number beyond 2^53 is an Integer JSON already rounded: keep what is left of it, marked.
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) return { $int64: BigInt(value).toString() };
  if (typeof value === 'object' && !isMark(value))
    throw new FcSimError(
      'E_INVALID_PARAMS',
      `not a Tablestore value: ${JSON.stringify(value)}`,
      'use a number, boolean, text, bigint, bytes, or {$int64}, {$base64}, {$double}',
    );
  return value as TablestoreEventValue;
}

function refuse(recordType: TablestoreRecordType, what: string, hint: string): never {
  throw new FcSimError('E_INVALID_PARAMS', `${recordType === 'UpdateRow' ? 'an' : 'a'} ${recordType} record has no ${what}`, hint);
}

/** The microseconds after the millisecond: given, or derived from the row so that two changes rarely share one. */
function microsOf(p: TablestoreEventParams, millis: number): number {
  if (p.micros !== undefined) {
    if (!Number.isInteger(p.micros) || p.micros < 0 || p.micros > 999)
      throw new FcSimError('E_INVALID_PARAMS', `micros must be a whole number from 0 to 999, got ${p.micros}`);
    return p.micros;
  }
  return (
    parseInt(
      derivedHex(
        3,
        'ots-micros',
        p.primaryKey.map((cell) => [cell.name, String(cell.value)]),
        millis,
      ),
      16,
    ) % 1000
  );
}

/** The column operations of a record, as FC lists them: the cells written, then the versions and columns deleted. */
function columnsOf(p: TablestoreEventParams, version: number): TablestoreColumn[] {
  const deleteVersions = Object.entries(p.deleteVersions ?? {});
  const deleteColumns = p.deleteColumns ?? [];
  if (p.recordType === 'DeleteRow') {
    if (p.columns.length + deleteVersions.length + deleteColumns.length > 0)
      refuse('DeleteRow', 'columns', 'a DeleteRow carries only the primary key: leave out the columns');
    return [];
  }
  if (p.recordType === 'PutRow' && deleteVersions.length + deleteColumns.length > 0)
    refuse('PutRow', 'column deletions', 'a PutRow writes whole cells: delete columns with an UpdateRow (tablestore:update-row)');
  const columns: TablestoreColumn[] = [
    ...p.columns.map((cell): TablestoreColumn => ({ Type: 'Put', ColumnName: cell.name, Value: tablestoreValue(cell.value), Timestamp: version })),
    ...deleteVersions.map(([name, deleted]): TablestoreColumn => ({ Type: 'DeleteOneVersion', ColumnName: name, Timestamp: deleted })),
    ...deleteColumns.map((name): TablestoreColumn => ({ Type: 'DeleteAllVersions', ColumnName: name })),
  ];
  if (p.recordType === 'UpdateRow' && columns.length === 0)
    refuse('UpdateRow', 'column operations', 'an UpdateRow changes at least one column: put one, or delete a version or a column');
  return columns;
}

/** One record of a row change: `Info.Timestamp` in µs, each written cell's version the millisecond it falls in (rounded up). */
export function buildTablestoreRecord(overrides: Partial<TablestoreEventParams> = {}): TablestoreRecord {
  const p = withDefaults(tablestoreEventDefaults, overrides);
  if (p.primaryKey.length === 0) throw new FcSimError('E_INVALID_PARAMS', 'a row needs a primary key (1–4 columns)', 'e.g. --pk id=1');
  const millis = toDate(p.time).getTime();
  const micros = millis * 1000 + microsOf(p, millis);
  return {
    Type: p.recordType,
    Info: { Timestamp: micros },
    PrimaryKey: p.primaryKey.map((cell) => ({
      ColumnName: cell.name,
      Value: tablestoreValue(cell.value) as TablestoreRecord['PrimaryKey'][number]['Value'],
    })) as TablestoreRecord['PrimaryKey'],
    Columns: columnsOf(p, Math.ceil(micros / 1000)),
  };
}

/** The event FC delivers for records of one table, in stream order. */
export function tablestoreEventOf(records: readonly TablestoreRecord[]): TablestoreEvent {
  return { Version: 'Sync-v1', Records: records as TablestoreEvent['Records'] };
}

/**
 * One Tablestore trigger event with one row change, as FC decodes it from CBOR: the JSON form, with 64-bit integers
 * beyond 2^53 as `{$int64}` and bytes as `{$base64}`. Handlers get the CBOR bytes (`checkHandler` with
 * `trigger: 'tablestore'` and `fc-sim tablestore:put-row --handler` encode it, as FC sends it).
 *
 * @example
 * ```ts
 * const event = buildTablestoreEvent({ primaryKey: [{ name: 'id', value: 2n ** 62n }], columns: [{ name: 'blob', value: new Uint8Array([1]) }] });
 * event.Records[0].PrimaryKey[0].Value; // { $int64: '4611686018427387904' }
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 * @see README.md#cbor-events-as-json
 */
export function buildTablestoreEvent(overrides: Partial<TablestoreEventParams> = {}): TablestoreEvent {
  return tablestoreEventOf([buildTablestoreRecord(overrides)]);
}
