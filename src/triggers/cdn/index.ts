import type { CdnEvent } from '../../types/generated.js';
import type { TriggerModule } from '../types.js';
import type { CdnEventConstraints } from './arbitrary.js';
import { cdnEvent } from './arbitrary.js';
import { cdnBasics } from './basics.js';
import type { CdnEventParams } from './build.js';
import { cdnProject } from './project.js';

/**
 * {@link cdnBasics}, with the generator and the project rules (filter, `fc-sim ls`, lint).
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/cdn-event-trigger
 */
export const cdn: TriggerModule<'cdn', CdnEventParams, CdnEvent, CdnEventConstraints> = {
  ...cdnBasics,
  arbitrary: (constraints) => cdnEvent(constraints),
  // The kind's eventName stays even when a flag sets another: --event-name is not a CDN flag.
  kindArbitrary: (kind, fixed) => cdnEvent({ ...(kind.fixed.eventName ? { eventNames: [kind.fixed.eventName] } : {}), ...fixed }),
  project: cdnProject,
};
