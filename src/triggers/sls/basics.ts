import { objectIn } from '../../io/json-values.js';
import type { SlsEvent } from '../../types/generated.js';
import { jsonObject, regionFlag, timeFlag, wholeNumber } from '../_shared/flags.js';
import type { TriggerBasics } from '../types.js';
import type { SlsEventParams } from './build.js';
import { buildSlsEvent, slsEventDefaults } from './build.js';

/**
 * SLS (Log Service): the cursors of new log groups in one shard of a logstore, and the job's functionParameter.
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/configure-a-log-service-trigger
 */
export const slsBasics: TriggerBasics<'sls', SlsEventParams, SlsEvent> = {
  id: 'sls',
  apiType: 'log',
  spellings: { fun: 'Log' },
  schemas: { events: ['sls'], config: 'sls-trigger-config' },
  delivery: 'event',
  defaults: slsEventDefaults,
  build: (params) => buildSlsEvent(params),
  kinds: [{ name: 'sls', fixed: {}, description: 'an SLS (Log Service) trigger: cursors of new log groups in one shard' }],
  flags: [
    { flags: '--project <name>', description: 'SLS project', param: 'project', pointers: ['/source/projectName'] },
    { flags: '--logstore <name>', description: 'source logstore', param: 'logstore', pointers: ['/source/logstoreName'] },
    { flags: '--shard <id>', description: 'shard id', param: 'shardId', parse: wholeNumber('--shard'), pointers: ['/source/shardId'] },
    {
      flags: '--parameter <json>',
      description: "the trigger's functionParameter (JSON object)",
      param: 'parameter',
      parse: jsonObject('--parameter'),
      pointers: ['/parameter'],
    },
    regionFlag,
    timeFlag,
  ],
  schemaOf: () => 'sls',
  detect(value) {
    const source = objectIn(value.source);
    return 'logstoreName' in source || 'beginCursor' in source ? { schema: 'sls', because: 'it has source.logstoreName' } : undefined;
  },
};
