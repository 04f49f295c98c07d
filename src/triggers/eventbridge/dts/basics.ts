import { jsonObject, usage } from '../../_shared/flags.js';
import { dtsEventAt, dtsEventDefaults } from './build.js';
import type { DtsEventParams, DtsEvent } from './build.js';
import type { SourceSpec } from '../source-basics.js';
import { everywhere, sourceBasics } from '../source-basics.js';

/**
 * DTS change-tracking trigger (EventBridge source `DTS`, event-streaming only): batches of `dts:ConsumeMessage`, one
 * row change each.
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const dtsSpec: SourceSpec<'dts', DtsEventParams, DtsEvent> = {
  id: 'dts',
  sourceType: 'DTS',
  modes: 'event-streaming',
  regionPointers: everywhere('/subject'),
  defaults: dtsEventDefaults,
  kinds: [
    {
      name: 'dts',
      fixed: {},
      description: 'row changes tracked by DTS via EventBridge, always a JSON array (event-streaming; --batch N): schema, before and after images',
    },
  ],
  flags: [
    {
      flags: '--operation <INSERT|UPDATE|DELETE>',
      description: 'the change',
      param: 'operation',
      parse: (value) =>
        ['INSERT', 'UPDATE', 'DELETE'].includes(value) ? value : usage('--operation', `must be INSERT, UPDATE or DELETE, got ${value}`, '--operation INSERT'),
      pointers: everywhere('/data/operationType'),
    },
    { flags: '--database <name>', description: 'database name', param: 'database', pointers: everywhere('/data/schema') },
    { flags: '--table <name>', description: 'table name', param: 'table', pointers: everywhere('/data/schema') },
    {
      flags: '--row <json>',
      description: 'the row as a JSON object of numbers and strings, primary key first',
      param: 'row',
      parse: (value) => {
        const row = jsonObject('--row')(value) as Record<string, unknown>;
        if (!Object.values(row).every((item) => typeof item === 'number' || typeof item === 'string'))
          usage('--row', 'column values must be numbers or strings', `--row '{"id":1,"name":"a"}'`);
        return row as DtsEventParams['row'];
      },
      pointers: everywhere('/data/afterImage', '/data/beforeImage', '/data/schema'),
    },
  ],
  one: dtsEventAt,
  ownsEvent: (event) => event.type === 'dts:ConsumeMessage',
};

export const dtsBasics = sourceBasics(dtsSpec);
