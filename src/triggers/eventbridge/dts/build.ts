import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_TIME, derivedHex, toDate } from '../../_shared/common.js';
import type { CloudEvent, OneOrBatch, EnvelopeParams } from '../envelope.js';
import { batchOf, buildCloudEvent, envelopeDefaults } from '../envelope.js';

/**
 * A column value in a DTS image: a number as it is, text as the serialised Java ByteBuffer of its UTF-8 bytes.
 *
 * @example
 * ```ts
 * const [change] = buildDtsEvent({ row: { id: 1, name: 'a' } }) as DtsEvent[];
 * const values: DtsValue[] = change!.data.afterImage!.values;
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type DtsValue =
  | { data: number }
  | {
      data: {
        hb: number[];
        offset: 0;
        isReadOnly: false;
        bigEndian: true;
        nativeByteOrder: false;
        mark: -1;
        position: 0;
        limit: number;
        capacity: number;
        address: 0;
      };
      charset: string;
    };

/**
 * A field of a DTS table schema: name, MySQL type number, key flags and position.
 *
 * @example
 * ```ts
 * const [change] = buildDtsEvent() as DtsEvent[];
 * const fields = change!.data.schema.recordFields as DtsField[];
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface DtsField {
  fieldName: string;
  rawDataTypeNum: number;
  isPrimaryKey: boolean;
  isUniqueKey: boolean;
  fieldPosition: number;
}

/**
 * A row as DTS delivers it (before or after a change): its schema, one value per field and its size.
 *
 * @example
 * ```ts
 * const [change] = buildDtsEvent({ operation: 'DELETE' }) as DtsEvent[];
 * const before: DtsImage | undefined = change!.data.beforeImage;
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface DtsImage {
  recordSchema: Record<string, unknown>;
  values: DtsValue[];
  size: number;
}

/**
 * `data` of a DTS event (`dts:ConsumeMessage`): one row change with the table's schema and the before and after images.
 *
 * @example
 * ```ts
 * const [change] = buildDtsEvent() as DtsEvent[];
 * const data: DtsData = change!.data;
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface DtsData {
  id: number;
  topicPartition: { hash: number; partition: number; topic: string };
  offset: number;
  /** Epoch seconds of the change in the source database. */
  sourceTimestamp: number;
  operationType: DtsOperation;
  schema: Record<string, unknown>;
  beforeImage?: DtsImage;
  afterImage?: DtsImage;
}

/**
 * A DTS trigger's CloudEvent (FC delivers them in arrays).
 *
 * @example
 * ```ts
 * const changes = buildDtsEvent({ batch: 2 }) as DtsEvent[];
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type DtsEvent = CloudEvent<'dts:ConsumeMessage', DtsData>;

/**
 * A DTS row change.
 *
 * @example
 * ```ts
 * const operation: DtsOperation = 'INSERT';
 * const changes = buildDtsEvent({ operation });
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type DtsOperation = 'INSERT' | 'UPDATE' | 'DELETE';

/**
 * What varies between DTS events: the operation, database, table and row, the subscription (topic, task, consumer group, stream) and the envelope's region, account and time.
 *
 * @example
 * ```ts
 * const params: Partial<DtsEventParams> = { operation: 'INSERT', table: 'orders', row: { id: 1, status: 'paid' } };
 * const changes = buildDtsEvent(params);
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface DtsEventParams extends EnvelopeParams {
  operation: DtsOperation;
  database: string;
  table: string;
  /** The row after the change (before it, for DELETE); the first column is the primary key. */
  row: Record<string, number | string>;
  /** UPDATE: the row before the change (default: the row with its text columns emptied). */
  before?: Record<string, number | string>;
  /** The subscription topic, `cn_hangzhou_rm_<instance>_<task>_version2`. */
  topic: string;
  /** The record id in the subscription; a batch's records follow it, as do their offsets. */
  recordId: number;
  offset: number;
  taskId: string;
  sid: string;
  /** The event stream FC created: the envelope's `source`. */
  streamName: string;
}

/**
 * The parameters of {@link buildDtsEvent}'s default event: one UPDATE of `message_info` as in the FC doc sample.
 *
 * @example
 * ```ts
 * const changes = buildDtsEvent({ ...dtsEventDefaults, operation: 'DELETE' });
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const dtsEventDefaults: DtsEventParams = {
  ...envelopeDefaults,
  region: DEFAULT_REGION,
  accountId: DEFAULT_ACCOUNT_ID,
  time: DEFAULT_TIME,
  operation: 'UPDATE',
  database: 'orders_db',
  table: 'message_info',
  row: { id: 115, topic: 'bye' },
  topic: 'cn_hangzhou_rm_bp1xxxxxxxxxxxxx_dts_task_version2',
  recordId: 321,
  offset: 3218099,
  taskId: 'kk123abc60g782',
  sid: 'dtsabcdet1ro',
  streamName: 'DTSstreamDemo',
  batch: 1,
};

/** MySQL type numbers DTS reports: 8 BIGINT, 253 VARCHAR. */
const typeNumber = (value: number | string) => (typeof value === 'number' ? 8 : 253);

function tableSchema(p: DtsEventParams): { schema: Record<string, unknown>; fields: DtsField[] } {
  const fields = Object.entries(p.row).map(([fieldName, value], fieldPosition) => ({
    fieldName,
    rawDataTypeNum: typeNumber(value),
    isPrimaryKey: fieldPosition === 0,
    isUniqueKey: false,
    fieldPosition,
  }));
  const schemaId = `(${p.database},${p.database},${p.table})`;
  return {
    fields,
    schema: {
      recordFields: fields,
      nameIndex: Object.fromEntries(fields.map((field) => [field.fieldName, field])),
      schemaId,
      databaseName: p.database,
      tableName: p.table,
      primaryIndexInfo: { indexType: 'PrimaryKey', indexFields: fields.slice(0, 1), cardinality: 0, nullable: true, isFirstUniqueIndex: false },
      uniqueIndexInfo: [],
      foreignIndexInfo: [],
      normalIndexInfo: [],
      databaseInfo: { databaseType: 'MySQL', version: '5.7.35-log' },
      totalRows: 0,
    },
  };
}

function dtsValue(value: number | string): DtsValue {
  if (typeof value === 'number') return { data: value };
  const bytes = [...Buffer.from(value)];
  return {
    data: {
      hb: bytes,
      offset: 0,
      isReadOnly: false,
      bigEndian: true,
      nativeByteOrder: false,
      mark: -1,
      position: 0,
      limit: bytes.length,
      capacity: bytes.length,
      address: 0,
    },
    charset: 'utf8mb4',
  };
}

function image(schema: Record<string, unknown>, row: Record<string, number | string>): DtsImage {
  const values = Object.values(row).map(dtsValue);
  return { recordSchema: schema, values, size: values.reduce((size, value) => size + (typeof value.data === 'number' ? 8 : value.data.capacity), 0) + 32 };
}

export function dtsEventAt(p: DtsEventParams, index: number): DtsEvent {
  const { schema } = tableSchema(p);
  const before =
    p.before ?? Object.fromEntries(Object.entries(p.row).map(([name, value], position) => [name, position === 0 || typeof value === 'number' ? value : '']));
  const recordId = p.recordId + index;
  const seconds = Math.floor(toDate(p.time).getTime() / 1000);
  return buildCloudEvent(
    { ...p, time: seconds * 1000 },
    {
      id: `${derivedHex(32, 'dts-record', p.topic, recordId)}-${recordId}`,
      source: p.streamName,
      type: 'dts:ConsumeMessage',
      subject: `acs:dts:${p.region}:${p.accountId}:${p.taskId}/${p.sid}`,
      extensions: 'none',
    },
    {
      id: recordId,
      topicPartition: { hash: 0, partition: 0, topic: p.topic },
      offset: p.offset + index,
      sourceTimestamp: seconds,
      operationType: p.operation,
      schema,
      ...(p.operation === 'INSERT' ? {} : { beforeImage: image(schema, p.operation === 'DELETE' ? p.row : before) }),
      ...(p.operation === 'DELETE' ? {} : { afterImage: image(schema, p.row) }),
    },
  );
}

/**
 * A DTS trigger's event: a JSON array (event-streaming, the only mode FC has for DTS) of `batch` change records of
 * one table, each with the table's schema and the row's before and after images.
 *
 * @example
 * ```ts
 * const event = buildDtsEvent({ operation: 'INSERT', table: 'orders', row: { id: 1, status: 'paid' } });
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export function buildDtsEvent(params: Partial<DtsEventParams> = {}): OneOrBatch<DtsEvent> {
  const p = { ...dtsEventDefaults, ...params };
  return batchOf(p.batch, (index) => dtsEventAt(p, index));
}
