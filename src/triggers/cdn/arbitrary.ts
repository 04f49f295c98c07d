import fc from 'fast-check';
import type { CdnEventName, CdnEventParams } from './build.js';
import { buildCdnEvent } from './build.js';
import { encodePath } from '../http/build.js';
import type { CdnEvent } from '../../types/generated.js';
import { definedOnly, fixedOr, narrowed } from '../../../generators/internal/params.js';
import { EXTENSIONS, pathSegment } from '../../../generators/internal/paths.js';
import { arbitraryAt } from '../../../generators/internal/schema-arbitrary.js';
import { instant } from '../../../generators/internal/time.js';
import { lazily } from '../../../generators/internal/lazy.js';
import { accountId } from '../../../generators/internal/values.js';

/**
 * Fix any builder parameter (`{ domain: 'cdn.example.com' }`) or narrow what is drawn.
 *
 * @example
 * ```ts
 * const constraints: CdnEventConstraints = { domain: 'cdn.example.com', eventNames: ['LogFileCreated'] };
 * await checkHandler({ handler: 'index.handler', trigger: 'cdn', constraints });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/cdn-event-trigger
 * @see README.md#property-based-contract-tests
 */
export interface CdnEventConstraints extends Partial<CdnEventParams> {
  /** Draw eventName from these only. */
  eventNames?: readonly CdnEventName[];
}

/** Accelerated domains: plain ones first, then any host name (`fc.domain()` takes ~8 ms to build). */
const domain = lazily(() =>
  fc.oneof({ withCrossShrink: true }, fc.constantFrom('example.com', 'cdn.example.com', 'static.example.cn', 'img.example.net'), fc.domain()),
);

/**
 * Refresh/push/block paths on the domain, percent-encoded as in a URL: files (`/a/b.mp4`) or, for a Directory task,
 * prefixes ending in "/".
 */
function objectPaths(objectType: 'File' | 'Directory'): fc.Arbitrary<string[]> {
  const dirs = fc.array(pathSegment(), { minLength: objectType === 'File' ? 0 : 1, maxLength: 4 });
  const path =
    objectType === 'File'
      ? fc
          .tuple(dirs, pathSegment(), fc.constantFrom(...EXTENSIONS.map(([extension]) => extension)))
          .map(([parts, name, extension]) => `/${[...parts, name + extension].join('/')}`)
      : dirs.map((parts) => `/${parts.join('/')}/`);
  return fc.uniqueArray(path.map(encodePath), { minLength: 1, maxLength: 5 });
}

/**
 * CDN events of every eventName, eventParameter shaped per eventName by {@link buildCdnEvent}, times in +08:00.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(cdnEvent({ eventNames: ['CachedObjectsRefreshed', 'CachedObjectsPushed'] }), (event) => validate('cdn', event).valid));
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/cdn-event-trigger
 * @see README.md#property-based-contract-tests
 */
export function cdnEvent(constraints: CdnEventConstraints = {}): fc.Arbitrary<CdnEvent> {
  const { eventNames, ...rest } = constraints;
  const fixed = definedOnly(rest);
  return fc
    .record({
      eventName: fixedOr(fixed.eventName, narrowed(eventNames, arbitraryAt('cdn', '/events/0/eventName') as fc.Arbitrary<CdnEventName>)),
      domain: fixedOr(fixed.domain, domain),
      time: fixedOr(fixed.time, instant('second')),
      accountId: fixedOr(fixed.accountId, accountId()),
      // CDN is global: every published event says cn-hangzhou.
      region: fixedOr(fixed.region, fc.constant('cn-hangzhou')),
      objectType: fixedOr(fixed.objectType, fc.constantFrom('File' as const, 'Directory' as const)),
      // Paths of both forms are drawn and the one matching objectType kept (no chain: it shrinks better).
      filePaths: objectPaths('File'),
      directoryPaths: objectPaths('Directory'),
      // Log files: empty ones exist (no traffic in the 5 minutes), most are KB to GB.
      fileSize: fixedOr(fixed.fileSize, fc.oneof({ withCrossShrink: true }, fc.constant(0), fc.integer({ min: 1, max: 2 ** 31 - 1 }))),
    })
    .map(({ filePaths, directoryPaths, ...drawn }) =>
      buildCdnEvent({ ...drawn, objectPaths: drawn.objectType === 'File' ? filePaths : directoryPaths, ...fixed }),
    );
}
