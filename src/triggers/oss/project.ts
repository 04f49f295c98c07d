import fc from 'fast-check';
import { objectIn, stringIn } from '../../io/json-values.js';
import type { ProjectTrigger } from '../../project/model.js';
import { sourceAccount, sourceBucket } from '../../project/source-arn.js';
import type { OssEvent } from '../../types/generated.js';
import { anyOf, drawable, nearMisses, recordsOf } from '../_shared/project-events.js';
import type { FcVersion, RejectedEvents, TriggerProjectRules } from '../types.js';
import type { OssEventConstraints } from './arbitrary.js';
import { ossEvent } from './arbitrary.js';
import { apiOssConfig, keyPasses, ossFilter, OSS_EVENT_NAMES } from './filter.js';

/** OSS events from the trigger's bucket (and the sourceArn's region and account when it names them). */
function ossEvents(
  trigger: ProjectTrigger,
  fcVersion: FcVersion,
  narrowing: Pick<OssEventConstraints, 'eventNames' | 'keyPrefix' | 'keySuffix'>,
): fc.Arbitrary<OssEvent> {
  return ossEvent({ ...sourceAccount(trigger), bucket: sourceBucket(trigger), fcVersion, ...narrowing });
}

/** Generated events have one record. */
const keyOf = (event: OssEvent) => event.events[0].oss.object.key;

function rejectedOssEvents(trigger: ProjectTrigger, fcVersion: FcVersion): RejectedEvents[] {
  const filter = ossFilter(trigger.config);
  const { eventNames, prefix, suffix } = filter;
  const rejections: RejectedEvents[] = [];
  const otherNames = OSS_EVENT_NAMES.filter((name) => !eventNames.includes(name));
  if (otherNames.length > 0) {
    rejections.push({
      arbitrary: ossEvents(trigger, fcVersion, { eventNames: otherNames, keyPrefix: prefix, keySuffix: suffix }),
      delivery: 'event',
      reason: `an event name it does not subscribe to (events: ${filter.configured.join(', ')})`,
    });
  }
  if (eventNames.length === 0) return rejections;
  // The few keys that pass the filter all the same (a body that starts with the missing "/") are dropped.
  const outside = (narrowings: { keyPrefix: string; keySuffix: string }[]) =>
    fc.oneof(...narrowings.map((narrowing) => ossEvents(trigger, fcVersion, { eventNames, ...narrowing }))).filter((event) => !keyPasses(filter, keyOf(event)));
  if (prefix !== '') {
    rejections.push({
      arbitrary: outside(nearMisses(prefix, 'start').map((keyPrefix) => ({ keyPrefix, keySuffix: suffix }))),
      delivery: 'event',
      reason: `a key outside the prefix ${JSON.stringify(prefix)}`,
    });
  }
  if (suffix !== '') {
    rejections.push({
      arbitrary: outside(nearMisses(suffix, 'end').map((keySuffix) => ({ keyPrefix: prefix, keySuffix }))),
      delivery: 'event',
      reason: `a key outside the suffix ${JSON.stringify(suffix)}`,
    });
  }
  return rejections;
}

export const ossProject: TriggerProjectRules = {
  normaliseConfig: apiOssConfig,
  matching(trigger, { fcVersion }) {
    const filter = ossFilter(trigger.config);
    const eventNames = drawable(trigger, filter.eventNames, `no OSS event name in events (${filter.configured.join(', ')})`);
    return { arbitrary: ossEvents(trigger, fcVersion, { eventNames, keyPrefix: filter.prefix, keySuffix: filter.suffix }), delivery: 'event' };
  },
  rejected: (trigger, { fcVersion }) => anyOf(rejectedOssEvents(trigger, fcVersion)),
  delivers(trigger, event) {
    const filter = ossFilter(trigger.config);
    const records = recordsOf(event);
    return (
      records.length > 0 &&
      records.every((record) => {
        const key = stringIn(objectIn(objectIn(record.oss).object).key);
        return filter.eventNames.some((name) => name === record.eventName) && key !== undefined && keyPasses(filter, key);
      })
    );
  },
  describe(config) {
    const key = objectIn(config.filter).key as { prefix?: string; suffix?: string } | undefined;
    const filter = key ? ` ${key.prefix ?? ''}*${key.suffix ?? ''}` : '';
    return `${(config.events as string[] | undefined)?.join(',') ?? ''}${filter}`;
  },
};
