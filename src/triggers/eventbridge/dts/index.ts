import { stringIn } from '../../../io/json-values.js';
import { dtsMessageDraws, dtsSourceDraws } from './arbitrary.js';
import { sourceModule } from '../source-module.js';
import { dtsSpec } from './basics.js';

/**
 * DTS change-tracking trigger (EventBridge source `DTS`, event-streaming only): batches of `dts:ConsumeMessage`, one
 * row change each.
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const dts = sourceModule(dtsSpec, {
  sourceDraws: dtsSourceDraws,
  messageDraws: dtsMessageDraws,
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
