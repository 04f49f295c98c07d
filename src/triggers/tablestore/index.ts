import type { TablestoreEvent } from '../../types/generated.js';
import type { TriggerModule } from '../types.js';
import type { TablestoreEventConstraints } from './arbitrary.js';
import { tablestoreEvent } from './arbitrary.js';
import { tablestoreBasics } from './basics.js';
import type { TablestoreEventParams } from './build.js';
import { tablestoreProject } from './project.js';

/**
 * Tablestore (OTS): the changes of a table's stream, delivered as CBOR (`{Version: "Sync-v1", Records}`); fc-sim
 * shows the decoded event as JSON with `{$int64}`, `{$base64}` and `{$double}` marks and hands the handler the bytes.
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/tablestore-trigger
 */
export const tablestore: TriggerModule<'tablestore', TablestoreEventParams, TablestoreEvent, TablestoreEventConstraints> = {
  ...tablestoreBasics,
  arbitrary: (constraints) => tablestoreEvent(constraints),
  kindArbitrary: (kind, fixed) =>
    tablestoreEvent({ ...(fixed.recordType || !kind.fixed.recordType ? {} : { recordTypes: [kind.fixed.recordType] }), ...fixed }),
  project: tablestoreProject,
};
