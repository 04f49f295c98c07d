import type { SlsEvent } from '../../types/generated.js';
import type { TimeInput } from '../_shared/common.js';
import { DEFAULT_REGION, DEFAULT_TIME, derivedHex, derivedUuid, toDate, withDefaults } from '../_shared/common.js';

/**
 * What varies between SLS (Log Service) trigger events: the logstore and shard, the trigger's functionParameter and
 * the batch of log groups between the cursors.
 *
 * @example
 * ```ts
 * const params: Partial<SlsEventParams> = { project: 'web-logs', logstore: 'access', shardId: 1, parameter: { target: 'oss' } };
 * const event = buildSlsEvent(params);
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/configure-a-log-service-trigger
 */
export interface SlsEventParams {
  region: string;
  project: string;
  logstore: string;
  shardId: number;
  /** The trigger's functionParameter. */
  parameter: Record<string, unknown>;
  /** Arrival time of the last log in the batch (the event carries it in Unix seconds). */
  time: TimeInput;
  /** How many log groups lie between the cursors. */
  logGroupCount: number;
  /** Default: derived from project, logstore and region, as FC names the ETL job it creates. */
  jobName?: string;
  taskId?: string;
}

/**
 * The parameters of {@link buildSlsEvent}'s default event: shard 0 of `fc-test-logstore` in cn-hangzhou, one log group.
 *
 * @example
 * ```ts
 * const event = buildSlsEvent({ ...slsEventDefaults, logGroupCount: 10 });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/configure-a-log-service-trigger
 */
export const slsEventDefaults: SlsEventParams = {
  region: DEFAULT_REGION,
  project: 'fc-test-project',
  logstore: 'fc-test-logstore',
  shardId: 0,
  parameter: {},
  time: DEFAULT_TIME,
  logGroupCount: 1,
};

/**
 * SLS cursors are opaque base64 strings; real ones decode to a decimal position in the shard (microseconds of
 * arrival and a sequence), so fc-sim makes them the same way and endCursor follows beginCursor.
 */
function cursor(position: bigint): string {
  return Buffer.from(position.toString()).toString('base64');
}

/**
 * One SLS trigger event: the shard's cursors (opaque base64, as real ones), the job and task, and the
 * functionParameter. The logs themselves are not in the event: the handler pulls them between the cursors.
 *
 * @example
 * ```ts
 * const event = buildSlsEvent({ project: 'web-logs', logstore: 'access', parameter: { target: 'oss' } });
 * event.source.beginCursor; // read the shard from here to event.source.endCursor
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/configure-a-log-service-trigger
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export function buildSlsEvent(overrides: Partial<SlsEventParams> = {}): SlsEvent {
  const p = withDefaults(slsEventDefaults, overrides);
  const time = toDate(p.time);
  const begin = BigInt(time.getTime()) * 1_000_000n + BigInt(p.shardId);
  return {
    parameter: p.parameter,
    source: {
      endpoint: `http://${p.region}-intranet.log.aliyuncs.com`,
      projectName: p.project,
      logstoreName: p.logstore,
      shardId: p.shardId,
      beginCursor: cursor(begin),
      endCursor: cursor(begin + BigInt(p.logGroupCount)),
    },
    jobName: p.jobName ?? derivedHex(40, 'sls-job', p.region, p.project, p.logstore),
    taskId: p.taskId ?? derivedUuid('sls-task', p.project, p.logstore, p.shardId, time.getTime()),
    cursorTime: Math.floor(time.getTime() / 1000),
  };
}
