import { apigw } from './apigw/index.js';
import { cdn } from './cdn/index.js';
import { eventbridge } from './eventbridge/bus/index.js';
import { dts } from './eventbridge/dts/index.js';
import { kafka } from './eventbridge/kafka/index.js';
import { mnsQueue } from './eventbridge/mns-queue/index.js';
import { rabbitmq } from './eventbridge/rabbitmq/index.js';
import { rocketmq } from './eventbridge/rocketmq/index.js';
import { http } from './http/index.js';
import { mns } from './mns/index.js';
import { oss } from './oss/index.js';
import { sls } from './sls/index.js';
import { tablestore } from './tablestore/index.js';
import { timer } from './timer/index.js';

/**
 * The only list of triggers: adding one is a folder under src/triggers/ and a line here. Every lookup derives from it
 * (`basics.ts`: ids, kinds, flags, builders; `modules.ts`: generators, project rules). It imports nothing else, so
 * that those two can both read it. The CLI loads it whole at start: a module's expensive parts (arbitraries, string
 * tables) are built on first use, so that costs `fc-sim oss:put` ~23 ms.
 *
 * @example
 * ```ts
 * for (const trigger of triggers) console.log(trigger.id, trigger.apiType, trigger.kinds.map((kind) => kind.name).join(' '));
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export const triggers = [oss, timer, mns, sls, cdn, http, apigw, tablestore, mnsQueue, rocketmq, rabbitmq, kafka, dts, eventbridge] as const;

/**
 * A trigger's one name in fc-sim (`oss`, `timer`, `mns`, `http`, …): in kinds, the CLI, `checkHandler({ trigger })`
 * and saved failures.
 *
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export type TriggerId = (typeof triggers)[number]['id'];
