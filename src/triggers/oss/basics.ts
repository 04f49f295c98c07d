import { isJsonObject } from '../../io/json-values.js';
import type { OssEvent } from '../../types/generated.js';
import type { TriggerBasics } from '../types.js';
import type { OssEventParams } from './build.js';
import { buildOssEvent, ossEventDefaults } from './build.js';
import { ossFlags } from './flags.js';
import { ossKinds } from './kinds.js';

/**
 * OSS: object events of a bucket, `{events: [record]}`.
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/oss-trigger
 */
export const ossBasics: TriggerBasics<'oss', OssEventParams, OssEvent> = {
  id: 'oss',
  apiType: 'oss',
  spellings: { fun: 'OSS' },
  schemas: { events: ['oss'], config: 'oss-trigger-config' },
  delivery: 'event',
  defaults: ossEventDefaults,
  build: (params) => buildOssEvent(params),
  kinds: ossKinds,
  flags: ossFlags,
  schemaOf: () => 'oss',
  detect(value) {
    const record = Array.isArray(value.events) ? value.events[0] : undefined;
    if (isJsonObject(record) && (record.eventSource === 'acs:oss' || isJsonObject(record.oss))) return { schema: 'oss', because: '/events/0 is an OSS record' };
    return undefined;
  },
};
