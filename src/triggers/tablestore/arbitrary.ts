import fc from 'fast-check';
import { FcSimError } from '../../errors.js';
import type { TablestoreEvent, TablestoreRecord } from '../../types/generated.js';
import { derivedHex, toDate } from '../_shared/common.js';
import type { TablestoreCell, TablestoreEventParams, TablestoreEventValue, TablestoreRecordType } from './build.js';
import { buildTablestoreRecord, tablestoreEventOf, tablestoreValue } from './build.js';
import { definedOnly } from '../../../generators/internal/params.js';
import { asciiText, multiByteText } from '../../../generators/internal/text.js';
import { instant } from '../../../generators/internal/time.js';
import { matching } from '../../../generators/internal/matching.js';

/**
 * The types a Tablestore primary key column can have.
 *
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/tablestore-trigger
 */
export type TablestorePrimaryKeyType = 'INTEGER' | 'STRING' | 'BINARY';
/**
 * The types of Tablestore attribute cells.
 *
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/tablestore-trigger
 */
export type TablestoreColumnType = 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'STRING' | 'BINARY';

/**
 * The types of a table's columns: every record drawn for the table follows them. Tablestore fixes the primary key's
 * (1–4 columns); attribute columns are typed per cell, and applications keep one type per column.
 *
 * @example
 * ```ts
 * const orders: TablestoreTableSchema = { primaryKey: [{ name: 'order_id', type: 'INTEGER' }], columns: [{ name: 'total', type: 'DOUBLE' }, { name: 'paid', type: 'BOOLEAN' }] };
 * const events = tablestoreEvent({ schema: orders });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/tablestore-trigger
 */
export interface TablestoreTableSchema {
  primaryKey: readonly { name: string; type: TablestorePrimaryKeyType }[];
  columns: readonly { name: string; type: TablestoreColumnType }[];
}

/**
 * Fix any builder parameter (`{ table: 'orders' }`, every record's `primaryKey`) or narrow what is drawn.
 *
 * @example
 * ```ts
 * const constraints: TablestoreEventConstraints = { instance: 'shop', table: 'orders', recordTypes: ['PutRow', 'UpdateRow'], maxRecords: 1 };
 * fc.sample(tablestoreEvent(constraints), 3);
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/tablestore-trigger
 */
export interface TablestoreEventConstraints extends Partial<TablestoreEventParams> {
  /** Draw record types from these only. */
  recordTypes?: readonly TablestoreRecordType[];
  /**
   * The table's column types (your table's real schema). Default: derived from `instance` and `table` when either
   * is fixed, the same schema for the same names; else drawn for each event.
   */
  schema?: TablestoreTableSchema;
  /** At most this many row changes per event (default 3): FC hands the function a batch of the table's stream. */
  maxRecords?: number;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const SAFE = 2n ** 53n;
const RECORD_TYPES: readonly TablestoreRecordType[] = ['PutRow', 'UpdateRow', 'DeleteRow'];
const PRIMARY_KEY_TYPES: readonly TablestorePrimaryKeyType[] = ['INTEGER', 'STRING', 'BINARY'];
const COLUMN_TYPES: readonly TablestoreColumnType[] = ['INTEGER', 'DOUBLE', 'BOOLEAN', 'STRING', 'BINARY'];
/** How far back a deleted version may lie: a month of milliseconds. */
const MAX_VERSION_AGE_MS = 30 * 86_400_000;
/** The most time between two changes of one batch, in microseconds. */
const MAX_GAP_US = 10_000_000;

/** Integers across int64, with the edges where JavaScript numbers stop being exact. */
const integer: fc.Arbitrary<TablestoreEventValue> = fc
  .oneof(
    { withCrossShrink: true },
    { weight: 4, arbitrary: fc.integer({ min: -1000, max: 1000 }).map(BigInt) },
    { weight: 2, arbitrary: fc.constantFrom(SAFE - 1n, SAFE, SAFE + 1n, -SAFE - 1n, INT64_MAX, INT64_MIN, 1506416585881590900n) },
    { weight: 4, arbitrary: fc.bigInt({ min: INT64_MIN, max: INT64_MAX }) },
  )
  .map(tablestoreValue);

/** Doubles, whole ones marked so that they stay doubles; no NaN or infinities, which JSON has no form for. */
const double: fc.Arbitrary<TablestoreEventValue> = fc
  .oneof(fc.constantFrom(0, 1, -1, 0.5, 1e15), fc.double({ noNaN: true, noDefaultInfinity: true }))
  .map((value) => (Number.isInteger(value) ? { $double: value === 0 ? 0 : value } : value));

/** Text: empty, ASCII, multi-byte, or digits a handler may take for a number. */
const text = (minLength: 0 | 1): fc.Arbitrary<TablestoreEventValue> =>
  fc.oneof(
    { withCrossShrink: true },
    ...(minLength === 0 ? [fc.constant('')] : []),
    asciiText(32).filter((value) => value.length >= minLength),
    multiByteText(16),
    fc.bigInt({ min: 0n, max: INT64_MAX }).map(String),
  );

const binary: fc.Arbitrary<TablestoreEventValue> = fc.uint8Array({ maxLength: 24 }).map((bytes) => ({ $base64: Buffer.from(bytes).toString('base64') }));

const VALUES: Readonly<Record<TablestoreColumnType, fc.Arbitrary<TablestoreEventValue>>> = {
  INTEGER: integer,
  DOUBLE: double,
  BOOLEAN: fc.boolean(),
  STRING: text(0),
  BINARY: binary,
};
const KEY_VALUES: Readonly<Record<TablestorePrimaryKeyType, fc.Arbitrary<TablestoreEventValue>>> = { INTEGER: integer, STRING: text(1), BINARY: binary };

/** Column names as Tablestore allows them (a letter or `_`, then letters, digits, `_`), often the usual ones. */
const columnName = fc.oneof(
  fc.constantFrom('id', 'user_id', 'order_id', 'name', 'status', 'created_at', 'amount', 'price', 'payload', 'deleted', 'version', 'score'),
  matching(/^[A-Za-z_][A-Za-z0-9_]{0,15}$/),
);

/**
 * A table's schema: 1–4 primary key columns, 1–6 attribute columns, every name distinct.
 *
 * @example
 * ```ts
 * const [schema] = fc.sample(tablestoreTableSchema(), { seed: 1, numRuns: 1 });
 * const events = tablestoreEvent({ schema: schema! });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/tablestore-trigger
 */
export function tablestoreTableSchema(): fc.Arbitrary<TablestoreTableSchema> {
  return fc
    .tuple(
      fc.array(fc.constantFrom(...PRIMARY_KEY_TYPES), { minLength: 1, maxLength: 4 }),
      fc.array(fc.constantFrom(...COLUMN_TYPES), { minLength: 1, maxLength: 6 }),
    )
    .chain(([keyTypes, columnTypes]) =>
      fc.uniqueArray(columnName, { minLength: keyTypes.length + columnTypes.length, maxLength: keyTypes.length + columnTypes.length }).map((names) => ({
        primaryKey: keyTypes.map((type, index) => ({ name: names[index]!, type })),
        columns: columnTypes.map((type, index) => ({ name: names[keyTypes.length + index]!, type })),
      })),
    );
}

/** The schema of a named table: drawn once from its names, so every event of the table has the same column types. */
function schemaOfTable(instance: string, table: string): TablestoreTableSchema {
  const seed = parseInt(derivedHex(8, 'ots-table', instance, table), 16) | 0;
  return fc.sample(tablestoreTableSchema(), { seed, numRuns: 1 })[0]!;
}

/** A fixed primary key is every record's: the table's other columns are those not named like one of its columns. */
function withoutKeyColumns(schema: TablestoreTableSchema, key: readonly TablestoreCell[]): TablestoreTableSchema {
  const keyNames = new Set(key.map((cell) => cell.name));
  return { primaryKey: schema.primaryKey, columns: schema.columns.filter((column) => !keyNames.has(column.name)) };
}

/** What one drawn change does to each of the table's columns. */
type ColumnChange = { op: 'keep' } | { op: 'put'; value: TablestoreEventValue } | { op: 'delete-version'; ageMs: number } | { op: 'delete-all' };

interface DrawnChange {
  type: TablestoreRecordType;
  key: TablestoreEventValue[];
  /** Another change of the batch to the same row (its index, modulo the changes before). */
  sameRowAs: number | undefined;
  columns: ColumnChange[];
  /** A value of the first column's type, for an UpdateRow whose draw changed no column. */
  firstColumnValue: TablestoreEventValue;
  gapUs: number;
}

function columnChange(type: TablestoreColumnType, recordTypes: readonly TablestoreRecordType[]): fc.Arbitrary<ColumnChange> {
  const put = VALUES[type].map((value): ColumnChange => ({ op: 'put', value }));
  const deletions = recordTypes.includes('UpdateRow')
    ? [
        fc.integer({ min: 0, max: MAX_VERSION_AGE_MS }).map((ageMs): ColumnChange => ({ op: 'delete-version', ageMs })),
        fc.constant<ColumnChange>({ op: 'delete-all' }),
      ]
    : [];
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 1, arbitrary: fc.constant<ColumnChange>({ op: 'keep' }) },
    { weight: 3, arbitrary: put },
    ...deletions.map((arbitrary) => ({ weight: 1, arbitrary })),
  );
}

function drawnChange(schema: TablestoreTableSchema, recordTypes: readonly TablestoreRecordType[]): fc.Arbitrary<DrawnChange> {
  return fc.record({
    type: fc.constantFrom(...recordTypes),
    key: fc.tuple(...schema.primaryKey.map((column) => KEY_VALUES[column.type])),
    sameRowAs: fc.option(fc.nat(), { nil: undefined, freq: 3 }),
    columns: fc.tuple(...schema.columns.map((column) => columnChange(column.type, recordTypes))),
    firstColumnValue: VALUES[schema.columns[0]?.type ?? 'INTEGER'],
    gapUs: fc.integer({ min: 1, max: MAX_GAP_US }),
  });
}

/** The builder parameters of a change: a PutRow puts, an UpdateRow puts and deletes (at least one column), a DeleteRow has none. */
function changeParams(
  change: DrawnChange,
  schema: TablestoreTableSchema,
  fixed: Partial<TablestoreEventParams>,
  writtenMs: number,
): Partial<TablestoreEventParams> {
  if (change.type === 'DeleteRow') return { columns: [] };
  const pick = (op: ColumnChange['op']) =>
    schema.columns.flatMap((column, index) => (change.columns[index]!.op === op ? [{ column, change: change.columns[index]! }] : []));
  let columns: TablestoreCell[] = pick('put').map(({ column, change: put }) => ({ name: column.name, value: (put as { value: TablestoreEventValue }).value }));
  if (change.type === 'PutRow') return { columns: fixed.columns ?? columns, deleteColumns: [], deleteVersions: {} };
  const deleteVersions = Object.fromEntries(
    pick('delete-version').map(({ column, change: deletion }) => [column.name, Math.max(0, writtenMs - (deletion as { ageMs: number }).ageMs)]),
  );
  const deleteColumns = pick('delete-all').map(({ column }) => column.name);
  // An UpdateRow changes at least one column: the first one, put, when the draw changed none.
  if (columns.length + deleteColumns.length + Object.keys(deleteVersions).length === 0)
    columns = [{ name: schema.columns[0]?.name ?? 'attr_0', value: change.firstColumnValue }];
  return { columns: fixed.columns ?? columns, deleteColumns: fixed.deleteColumns ?? deleteColumns, deleteVersions: fixed.deleteVersions ?? deleteVersions };
}

/** The record types left once fixed columns (not in a DeleteRow) and fixed deletions (UpdateRow only) are taken into account. */
function possibleRecordTypes(constraints: TablestoreEventConstraints, schema: TablestoreTableSchema | undefined): readonly TablestoreRecordType[] {
  if (constraints.recordTypes?.length === 0)
    throw new FcSimError('E_INVALID_PARAMS', 'recordTypes is empty: nothing to draw', 'leave recordTypes out to draw every record type');
  const wanted = constraints.recordType ? [constraints.recordType] : (constraints.recordTypes ?? RECORD_TYPES);
  const deletes = (constraints.deleteColumns?.length ?? 0) + Object.keys(constraints.deleteVersions ?? {}).length > 0;
  const writes = (constraints.columns?.length ?? 0) > 0;
  const noColumns = schema !== undefined && schema.columns.length === 0 && !writes && !deletes;
  const types = wanted.filter((type) => (deletes ? type === 'UpdateRow' : writes ? type !== 'DeleteRow' : !(noColumns && type === 'UpdateRow')));
  if (types.length === 0) {
    throw new FcSimError(
      'E_INVALID_PARAMS',
      `no ${wanted.join(' or ')} record can ${deletes ? 'delete columns' : writes ? 'write columns' : 'change a table without attribute columns'}`,
      'deletions need UpdateRow records; a DeleteRow writes no columns',
    );
  }
  return types;
}

/**
 * Tablestore trigger events: a batch of 1–3 row changes of one table, in stream order (`Info.Timestamp` in µs rising,
 * cell versions the millisecond of the write), every record following the table's column types; integers across
 * int64 (beyond 2^53 as `{$int64}`), doubles (whole ones `{$double}`), text, booleans and bytes (`{$base64}`).
 * The events are the JSON form; `checkHandler` with `delivery: 'cbor'` (or `trigger: 'tablestore'`) hands the
 * handler their CBOR bytes.
 *
 * @example
 * ```ts
 * test('the sync handler copes with any row change of orders', async () => {
 *   await checkHandler({ handler: 'index.handler', arbitrary: tablestoreEvent({ table: 'orders' }), delivery: 'cbor', runs: 200 });
 * });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/tablestore-trigger
 * @see README.md#cbor-events-as-json
 */
export function tablestoreEvent(constraints: TablestoreEventConstraints = {}): fc.Arbitrary<TablestoreEvent> {
  const { recordTypes: _recordTypes, schema: givenSchema, maxRecords = 3, ...rest } = constraints;
  const fixed = definedOnly(rest);
  if (!Number.isInteger(maxRecords) || maxRecords < 1) throw new FcSimError('E_INVALID_PARAMS', `maxRecords must be a whole number ≥ 1, got ${maxRecords}`);
  const named = fixed.instance !== undefined || fixed.table !== undefined;
  const schemaOfNames = named ? schemaOfTable(fixed.instance ?? 'my-instance', fixed.table ?? 'my-table') : undefined;
  const known = givenSchema ?? schemaOfNames;
  const recordTypes = possibleRecordTypes(constraints, known);
  const schemas = known ? fc.constant(known) : tablestoreTableSchema();
  return schemas.chain((drawnSchema) => {
    const schema = fixed.primaryKey ? withoutKeyColumns(drawnSchema, fixed.primaryKey) : drawnSchema;
    return fc
      .record({
        start: fixed.time === undefined ? instant('millisecond') : fc.constant(toDate(fixed.time)),
        micros: fixed.micros === undefined ? fc.integer({ min: 0, max: 999 }) : fc.constant(fixed.micros),
        changes: fc.array(drawnChange(schema, recordTypes), { minLength: 1, maxLength: maxRecords }),
      })
      .map(({ start, micros, changes }) => {
        let atUs = start.getTime() * 1000 + micros;
        const keys: TablestoreCell[][] = [];
        const records = changes.map((change, index): TablestoreRecord => {
          if (index > 0) atUs += change.gapUs;
          const drawnKey = schema.primaryKey.map((column, at) => ({ name: column.name, value: change.key[at]! }));
          const key = fixed.primaryKey ?? (change.sameRowAs !== undefined && index > 0 ? keys[change.sameRowAs % index]! : drawnKey);
          keys.push(key);
          const writtenMs = Math.ceil(atUs / 1000);
          return buildTablestoreRecord({
            ...fixed,
            recordType: change.type,
            primaryKey: key,
            ...changeParams(change, schema, fixed, writtenMs),
            time: Math.floor(atUs / 1000),
            micros: atUs % 1000,
          });
        });
        return tablestoreEventOf(records);
      });
  });
}
