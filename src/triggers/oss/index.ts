import type { OssEvent } from '../../types/generated.js';
import type { TriggerModule } from '../types.js';
import type { OssEventConstraints } from './arbitrary.js';
import { ossEvent } from './arbitrary.js';
import { ossBasics } from './basics.js';
import type { OssEventParams } from './build.js';
import { ossProject } from './project.js';

/**
 * {@link ossBasics}, with the generator and the project rules (filter, `fc-sim ls`, lint).
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/oss-trigger
 */
export const oss: TriggerModule<'oss', OssEventParams, OssEvent, OssEventConstraints> = {
  ...ossBasics,
  arbitrary: (constraints) => ossEvent(constraints),
  kindArbitrary: (kind, fixed) => ossEvent({ ...(fixed.eventName || !kind.fixed.eventName ? {} : { eventNames: [kind.fixed.eventName] }), ...fixed }),
  project: ossProject,
};
