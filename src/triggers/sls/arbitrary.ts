import fc from 'fast-check';
import type { SlsEventParams } from './build.js';
import { buildSlsEvent } from './build.js';
import type { SlsEvent } from '../../types/generated.js';
import { definedOnly, fixedOr } from '../../../generators/internal/params.js';
import { asciiText, multiByteText } from '../../../generators/internal/text.js';
import { instant } from '../../../generators/internal/time.js';
import { REGION_IDS, regionId } from '../../../generators/internal/values.js';
import { matching } from '../../../generators/internal/matching.js';

/**
 * Fix any builder parameter (`{ project: 'my-project', shardId: 0 }`).
 *
 * @example
 * ```ts
 * const constraints: SlsEventConstraints = { project: 'web-logs', logstore: 'access', parameter: { target: 'oss' } };
 * await checkHandler({ handler: 'index.handler', trigger: 'sls', constraints });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/configure-a-log-service-trigger
 * @see README.md#property-based-contract-tests
 */
export type SlsEventConstraints = Partial<SlsEventParams>;

/** SLS project names: 3–63 lower-case letters, digits and "-", starting and ending with a letter or digit. */
const projectName = matching(/^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$/);
/** Logstore names also allow "_". */
const logstoreName = matching(/^[a-z0-9][a-z0-9_-]{1,30}[a-z0-9]$/);

const flatValue = fc.oneof(asciiText(24), multiByteText(12), fc.integer(), fc.boolean());
const flatObject = fc.dictionary(matching(/^[A-Za-z_][A-Za-z0-9_]{0,15}$/), flatValue, { maxKeys: 5, noNullPrototype: true });

/**
 * The functionParameter of the SLS ETL function templates (aliyun/aliyun-log-fc-functions): where the logs come from,
 * where they go, and how to transform them.
 */
const etlParameter = fc.record({
  source: fc.record({ endpoint: fc.constantFrom(...REGION_IDS).map((region) => `http://${region}-intranet.log.aliyuncs.com`) }),
  target: fc.record({
    endpoint: fc.constantFrom(...REGION_IDS).map((region) => `http://${region}-intranet.log.aliyuncs.com`),
    projectName,
    logstoreName,
  }),
  transform: flatObject,
});

/** The trigger's functionParameter: none ({}), a flat map, or the nested ETL form. */
function parameter(): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof({ withCrossShrink: true }, fc.constant({}), flatObject, etlParameter);
}

/**
 * SLS trigger events: plausible shards (0–63), cursors and cursorTime derived by the builder from the time.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(slsEvent({ project: 'web-logs' }), (event) => event.source.projectName === 'web-logs'));
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/configure-a-log-service-trigger
 * @see README.md#property-based-contract-tests
 */
export function slsEvent(constraints: SlsEventConstraints = {}): fc.Arbitrary<SlsEvent> {
  const fixed = definedOnly(constraints);
  return fc
    .record({
      region: fixedOr(fixed.region, regionId()),
      project: fixedOr(fixed.project, projectName),
      logstore: fixedOr(fixed.logstore, logstoreName),
      shardId: fixedOr(fixed.shardId, fc.integer({ min: 0, max: 63 })),
      parameter: fixedOr(fixed.parameter, parameter()),
      time: fixedOr(fixed.time, instant('millisecond')),
      logGroupCount: fixedOr(fixed.logGroupCount, fc.integer({ min: 1, max: 4096 })),
    })
    .map((drawn) => buildSlsEvent({ ...drawn, ...fixed }));
}
