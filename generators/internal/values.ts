import fc from 'fast-check';
import { arbitraryAt } from './schema-arbitrary.js';

/** Region ids FC runs in; the real ones come first so that shrinking ends on cn-hangzhou. */
export const REGION_IDS = [
  'cn-hangzhou',
  'cn-shanghai',
  'cn-beijing',
  'cn-shenzhen',
  'cn-qingdao',
  'cn-zhangjiakou',
  'cn-huhehaote',
  'cn-chengdu',
  'cn-hongkong',
  'ap-southeast-1',
  'ap-southeast-3',
  'ap-southeast-5',
  'ap-northeast-1',
  'ap-northeast-2',
  'eu-central-1',
  'eu-west-1',
  'us-west-1',
  'us-east-1',
] as const;

/**
 * A region id: mostly a real one, sometimes any id the schemas' region pattern accepts (a region FC opens later
 * must not break a handler that parses ids).
 */
export function regionId(): fc.Arbitrary<string> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 9, arbitrary: fc.constantFrom(...REGION_IDS) },
    { weight: 1, arbitrary: arbitraryAt('oss', '/events/0/region') as fc.Arbitrary<string> },
  );
}

/** A 16-digit Alibaba Cloud account id (UID), as FC examples show them. */
export function accountId(): fc.Arbitrary<string> {
  // Past Number.MAX_SAFE_INTEGER, and a bigint costs several times two integers: the first digit, then fifteen.
  return fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 10 ** 15 - 1 }))
    .map(([first, rest]) => `${first}${String(10 ** 15 + rest).slice(1)}`);
}
