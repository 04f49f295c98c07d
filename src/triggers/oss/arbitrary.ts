import fc from 'fast-check';
import { FcSimError } from '../../errors.js';
import { encodedPathByteWidths, encodePath } from '../http/build.js';
import type { OssEventName, OssEventParams } from './build.js';
import { buildOssEvent, ossEventFrom } from './build.js';
import type { OssEvent } from '../../types/generated.js';
import { definedOnly, fixedOr, narrowed, sometimes } from '../../../generators/internal/params.js';
import { EXTENSIONS, pathSegment } from '../../../generators/internal/paths.js';
import { arbitraryAt } from '../../../generators/internal/schema-arbitrary.js';
import { instant } from '../../../generators/internal/time.js';
import { accountId, regionId } from '../../../generators/internal/values.js';

/**
 * How a drawn key appears in the event: as stored, or percent-encoded per path segment with the slashes kept.
 *
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/oss-trigger
 */
export type OssKeyEncoding = 'raw' | 'url';

/**
 * Fix any builder parameter (`{ bucket: 'photos' }`) or narrow what is drawn.
 *
 * @example
 * ```ts
 * const constraints: OssEventConstraints = { bucket: 'photos', keyPrefix: 'uploads/', keySuffix: '.jpg', eventNames: ['ObjectCreated:PutObject'] };
 * await checkHandler({ handler: 'index.handler', trigger: 'oss', constraints });
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/oss-trigger
 * @see README.md#property-based-contract-tests
 */
export interface OssEventConstraints extends Partial<OssEventParams> {
  /** Draw eventName from these only. */
  eventNames?: readonly OssEventName[];
  /** Drawn keys start with this: the object name before any URL-encoding, as a trigger's prefix filter matches it. */
  keyPrefix?: string;
  /** Drawn keys end with this (before any URL-encoding), as a trigger's suffix filter matches it. */
  keySuffix?: string;
  /** `raw`, `url`, or `both` (default): FC does not document whether it URL-encodes keys, so handlers should cope with either. */
  keyEncoding?: OssKeyEncoding | 'both';
  /** With objectMeta (true), without it as older events (false), or either (default). A fixed mimeType or userMeta implies true. */
  withObjectMeta?: boolean;
}

/** Drawn for an event without objectMeta (the other draws are its userMeta, or undefined for none). */
const NO_OBJECT_META = false;

/** OSS limits object keys to 1023 bytes of UTF-8. */
const MAX_KEY_BYTES = 1023;
/** OSS's largest object: 10,000 multipart parts of 5 GiB, 48.8 TiB (a safe integer). */
const MAX_OBJECT_SIZE = 10_000 * 5 * 2 ** 30;

const KEY_FORMS: Readonly<Record<OssKeyEncoding, (name: string) => string>> = { raw: (name) => name, url: encodePath };
/** The most bytes one UTF-16 unit takes in each form: 3 in UTF-8 (a BMP character), 9 percent-encoded (%XX%XX%XX). */
const MAX_UNIT_BYTES: Readonly<Record<OssKeyEncoding, number>> = { raw: 3, url: 9 };
const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * What the characters of a name take in the key, by form: an ASCII character (by code), and each UTF-8 byte of any
 * other character. Stored as is, a byte each; URL-encoded, `/` and unreserved ASCII a byte, anything else `%XX`.
 */
const KEY_WIDTHS: Readonly<Record<OssKeyEncoding, { ascii: Uint8Array; utf8Byte: number }>> = {
  raw: { ascii: new Uint8Array(128).fill(1), utf8Byte: 1 },
  url: { ascii: encodedPathByteWidths.subarray(0, 128), utf8Byte: 3 },
};

/** The longest start of `text`, cut between code points, whose event form takes at most `budget` bytes. */
function fitBytes(text: string, budget: number, encoding: OssKeyEncoding): string {
  // Most keys are far within the limit: no need to count them character by character.
  if (text.length * MAX_UNIT_BYTES[encoding] <= budget) return text;
  // Counted inline, code unit by code unit: a byte function called per code point cost several times as much for
  // the keys that fill the limit, one event in ten.
  const { ascii, utf8Byte } = KEY_WIDTHS[encoding];
  let used = 0;
  let end = 0;
  while (end < text.length) {
    const unit = text.charCodeAt(end);
    const pair = unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(end + 1) & 0xfc00) === 0xdc00;
    // UTF-8: two bytes below U+0800, four for a surrogate pair, else three (a lone surrogate is written as U+FFFD).
    used += unit < 0x80 ? ascii[unit]! : utf8Byte * (unit < 0x800 ? 2 : pair ? 4 : 3);
    if (used > budget) break;
    end += pair ? 2 : 1;
  }
  return text.slice(0, end);
}

/** The middle of a key: a file path (mostly), a folder marker ending in "/", or a path filling the 1023-byte limit. */
function keyBody(): fc.Arbitrary<string> {
  const segments = (minLength: number) => fc.array(pathSegment(), { minLength, maxLength: 3 });
  const file = fc
    .tuple(segments(0), pathSegment(), fc.constantFrom(...EXTENSIONS.map(([extension]) => extension)))
    .map(([dirs, name, extension]) => [...dirs, name + extension].join('/'));
  const folder = segments(1).map((dirs) => `${dirs.join('/')}/`);
  // Repeated past the limit; objectKey cuts it to the bytes left, so the key ends within a few bytes of 1023. Every
  // UTF-16 unit is at least one byte in either form, so MAX_KEY_BYTES + 1 units are past it whatever the budget.
  const long = segments(1).map((dirs) => {
    const unit = `${dirs.join('/')}/`;
    return unit.repeat(Math.ceil((MAX_KEY_BYTES + 1) / unit.length));
  });
  return fc.oneof({ withCrossShrink: true }, { weight: 8, arbitrary: file }, { weight: 1, arbitrary: folder }, { weight: 1, arbitrary: long });
}

interface DrawnKey {
  /** As in the event. */
  key: string;
  /** The object's name (decoded). */
  name: string;
}

function objectKey(prefix: string, suffix: string, encodings: readonly OssKeyEncoding[]): fc.Arbitrary<DrawnKey> {
  const budgets = Object.fromEntries(encodings.map((encoding) => [encoding, MAX_KEY_BYTES - utf8Bytes(KEY_FORMS[encoding](prefix + suffix))])) as Record<
    OssKeyEncoding,
    number
  >;
  for (const encoding of encodings) {
    if (budgets[encoding] < 1)
      throw new FcSimError(
        'E_INVALID_PARAMS',
        `keyPrefix and keySuffix leave no room for a key within ${MAX_KEY_BYTES} bytes (${encoding})`,
        'shorten keyPrefix or keySuffix',
      );
  }
  return fc.tuple(fc.constantFrom(...encodings), keyBody()).map(([encoding, body]) => {
    const form = KEY_FORMS[encoding];
    const name = prefix + fitBytes(body, budgets[encoding], encoding) + suffix;
    return { key: form(name), name };
  });
}

/** 0 (empty objects and folder markers), small files, or anything up to OSS's largest object. */
function objectSize(): fc.Arbitrary<number> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 10 * 2 ** 20 }) },
    // Past 32 bits: whole GiBs and the bytes past them (a bigint would cost several times two integers).
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: MAX_OBJECT_SIZE / 2 ** 30 }), fc.integer({ min: 0, max: 2 ** 30 - 1 }))
        .map(([gib, bytes]) => Math.min(gib * 2 ** 30 + bytes, MAX_OBJECT_SIZE)),
    },
  );
}

function mimeTypeOf(name: string): string {
  return EXTENSIONS.find(([extension]) => extension !== '' && name.endsWith(extension))?.[1] ?? 'application/octet-stream';
}

/**
 * deltaSize from the object's previous size, when it had one: an AppendObject appended after (a part of) it, any
 * other upload overwrote it. Otherwise the builder's default (created: +size, removed: -size, modified: 0).
 */
function deltaSizeFor(eventName: OssEventName, size: number, previousSize: number | undefined): number | undefined {
  if (previousSize === undefined) return undefined;
  if (eventName === 'ObjectCreated:AppendObject') return size - (previousSize % (size + 1));
  if (eventName.startsWith('ObjectCreated:')) return size - previousSize;
  return undefined;
}

/**
 * OSS trigger events, built by {@link buildOssEvent} from drawn parameters so that ARN, ETag and sizes agree.
 *
 * @example
 * ```ts
 * const runner = new ContractRunner('index.handler', { delivery: 'event' });
 * await fc.assert(fc.asyncProperty(ossEvent({ bucket: 'photos', keyPrefix: 'uploads/' }), (event) => runner.assert(event)));
 * await runner.dispose();
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/oss-trigger
 * @see README.md#property-based-contract-tests
 */
export function ossEvent(constraints: OssEventConstraints = {}): fc.Arbitrary<OssEvent> {
  const { eventNames, keyPrefix = '', keySuffix = '', keyEncoding = 'both', withObjectMeta, ...fixed } = constraints;
  const pinned = definedOnly(fixed);
  const userMeta = fc.option(arbitraryAt('oss', '/events/0/oss/object/objectMeta/userMeta') as fc.Arbitrary<Record<string, string>>, { nil: undefined });
  // No objectMeta (NO_OBJECT_META), or objectMeta with or without userMeta: userMeta is drawn only when it is used.
  const withoutMeta = fc.constant(NO_OBJECT_META);
  const objectMeta = withObjectMeta === undefined ? fc.oneof(withoutMeta, userMeta) : withObjectMeta ? userMeta : withoutMeta;
  // A tuple, not a record: no object of the drawn fields to build per event before the event itself.
  return fc
    .tuple(
      fixedOr(fixed.eventName, narrowed(eventNames, arbitraryAt('oss', '/events/0/eventName') as fc.Arbitrary<OssEventName>)),
      fixedOr(fixed.bucket, arbitraryAt('oss', '/events/0/oss/bucket/name') as fc.Arbitrary<string>),
      fixed.key === undefined
        ? objectKey(keyPrefix, keySuffix, keyEncoding === 'both' ? ['raw', 'url'] : [keyEncoding])
        : fc.constant({ key: fixed.key, name: fixed.key }),
      fixedOr(fixed.size, objectSize()),
      // Some uploads overwrite an object or append to one.
      sometimes(objectSize(), 3),
      fixedOr(fixed.region, regionId()),
      fixedOr(fixed.accountId, accountId()),
      // Mostly the owner; sometimes a RAM user or another account with access.
      fixedOr(fixed.principalId, sometimes(accountId(), 4)),
      fixedOr(fixed.time, instant('second')),
      fixedOr(fixed.sourceIp, fc.ipV4()),
      objectMeta,
      fixedOr(fixed.fcVersion, fc.constantFrom(3 as const, 2 as const)),
    )
    .map(([eventName, bucket, key, drawnSize, previousSize, region, owner, principalId, time, sourceIp, meta, fcVersion]) => {
      // A key ending in "/" is a folder marker, an empty object.
      const size = fixed.size ?? (key.name.endsWith('/') ? 0 : drawnSize);
      const hasMeta = meta !== NO_OBJECT_META;
      return ossEventFrom({
        eventName,
        bucket,
        region,
        accountId: owner,
        principalId,
        time,
        sourceIp,
        fcVersion,
        key: key.key,
        size,
        deltaSize: deltaSizeFor(eventName, size, previousSize),
        // undefined (not absent) overrides the builder's default mimeType: no objectMeta.
        mimeType: hasMeta ? mimeTypeOf(key.name) : undefined,
        userMeta: hasMeta ? meta : undefined,
        ...pinned,
      });
    });
}
