import type { TablestoreEvent } from '../../types/generated.js';
import type { TriggerBasics } from '../types.js';
import type { TablestoreEventParams } from './build.js';
import { buildTablestoreEvent, tablestoreEventDefaults } from './build.js';
import { tablestoreFlags } from './flags.js';

/**
 * Tablestore (OTS): the changes of a table's stream, delivered as CBOR (`{Version: "Sync-v1", Records}`); fc-sim
 * shows the decoded event as JSON with `{$int64}`, `{$base64}` and `{$double}` marks and hands the handler the bytes.
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/tablestore-trigger
 */
export const tablestoreBasics: TriggerBasics<'tablestore', TablestoreEventParams, TablestoreEvent> = {
  id: 'tablestore',
  apiType: 'tablestore',
  spellings: { fun: 'TableStore' },
  schemas: { events: ['tablestore'], config: 'tablestore-trigger-config' },
  delivery: 'cbor',
  defaults: tablestoreEventDefaults,
  build: (params) => buildTablestoreEvent(params),
  kinds: [
    { name: 'tablestore:put-row', fixed: { recordType: 'PutRow' }, description: 'a row written whole (PutRow): the primary key and every cell, as CBOR' },
    {
      name: 'tablestore:update-row',
      fixed: { recordType: 'UpdateRow' },
      description: 'a row updated (UpdateRow): cells put, a version and a column deleted',
      params: { columns: [{ name: 'attr_0', value: 'hello_again' }], deleteVersions: { attr_1: 1741589083000 }, deleteColumns: ['attr_2'] },
    },
    {
      name: 'tablestore:delete-row',
      fixed: { recordType: 'DeleteRow' },
      description: 'a row deleted (DeleteRow): the primary key only',
      params: { columns: [] },
    },
  ],
  flags: tablestoreFlags,
  commandOptions: [{ flags: '--cbor', description: 'write the CBOR bytes FC delivers instead of the decoded JSON' }],
  schemaOf: () => 'tablestore',
  detect(value) {
    if ('Records' in value && 'Version' in value) return { schema: 'tablestore', because: 'it has Version and Records' };
    return undefined;
  },
};
