import { stringIn } from '../../../io/json-values.js';
import { jsonObject, usage } from '../../_shared/flags.js';
import { everywhere, sourceModule } from '../source-module.js';
import { dtsMessageDraws, dtsSourceDraws } from './arbitrary.js';
import type { DtsEventParams } from './build.js';
import { dtsEventAt, dtsEventDefaults } from './build.js';

/**
 * DTS change-tracking trigger (EventBridge source `DTS`, event-streaming only): batches of `dts:ConsumeMessage`, one
 * row change each.
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const dts = sourceModule({
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
  sourceDraws: dtsSourceDraws,
  messageDraws: dtsMessageDraws,
  ownsEvent: (event) => event.type === 'dts:ConsumeMessage',
  fromConfig({ parameters }) {
    const topic = stringIn(parameters.Topic);
    const taskId = stringIn(parameters.TaskId);
    const sid = stringIn(parameters.Sid);
    const region = stringIn(parameters.RegionId);
    return {
      params: { ...(topic ? { topic } : {}), ...(taskId ? { taskId } : {}), ...(sid ? { sid } : {}), ...(region ? { region } : {}) },
      pinned: ['type', 'specversion', ...(topic ? ['data.topicPartition.topic'] : []), ...(taskId || sid || region ? ['subject'] : [])],
    };
  },
  describe: (parameters) => `task ${stringIn(parameters.TaskId) ?? '?'} topic ${stringIn(parameters.Topic) ?? '?'}`,
});
