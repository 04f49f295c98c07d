import type { TablestoreEvent } from '../../types/generated.js';
import type { TriggerModule } from '../types.js';
import type { TablestoreEventConstraints } from './arbitrary.js';
import { tablestoreEvent } from './arbitrary.js';
import { tablestoreBasics } from './basics.js';
import type { TablestoreEventParams } from './build.js';
import { tablestoreProject } from './project.js';

/**
 * {@link tablestoreBasics}, with the generator and the project rules (filter, `fc-sim ls`, lint).
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/tablestore-trigger
 */
export const tablestore: TriggerModule<'tablestore', TablestoreEventParams, TablestoreEvent, TablestoreEventConstraints> = {
  ...tablestoreBasics,
  arbitrary: (constraints) => tablestoreEvent(constraints),
  kindArbitrary: (kind, fixed) =>
    tablestoreEvent({ ...(fixed.recordType || !kind.fixed.recordType ? {} : { recordTypes: [kind.fixed.recordType] }), ...fixed }),
  project: tablestoreProject,
};
