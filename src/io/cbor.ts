import { createRequire } from 'node:module';
import type CborLibrary from 'cbor';
import { FcSimError } from '../errors.js';

// node-cbor is CommonJS and slow to load (its many files): required on first use, so that commands without a CBOR
// event (every one but Tablestore's) start without it.
const require = createRequire(import.meta.url);
let library: typeof CborLibrary | undefined;
const cbor = (): typeof CborLibrary => (library ??= require('cbor') as typeof CborLibrary);

/**
 * CBOR events (Tablestore's) as JSON, and back. JSON cannot carry three things CBOR does, so fc-sim marks them:
 *
 * - `{"$int64": "1506416585881590900"}`: an integer beyond JavaScript's safe range (±(2^53 − 1)), exact, as a
 *   decimal string. Safe integers are plain JSON numbers.
 * - `{"$base64": "AQID"}`: a byte string (Tablestore's Binary), as base64 — the form saved failures already use.
 * - `{"$double": 3}`: a float whose value is whole, so that it stays a float. Other floats are plain JSON numbers.
 *
 * Encoding writes integers in their shortest form (64-bit ones as 64-bit integers, never as bignum tags) and every
 * float as an 8-byte double, Tablestore's Double. Decoding is `cbor.decodeAllSync`, what FC's samples run, so a
 * whole float arrives as a plain number there too: a handler cannot tell it from an integer, and neither can this.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8949 CBOR
 */

export type CborMark = { $int64: string } | { $base64: string } | { $double: number };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INT64_TEXT = /^-?(0|[1-9]\d*)$/;
const BASE64_TEXT = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A float written as CBOR's 8-byte double (major type 7, 0xfb), whatever its value: node-cbor would shorten it. */
class Double {
  constructor(private readonly value: number) {}

  encodeCBOR(encoder: { push(chunk: Buffer): boolean }): boolean {
    const bytes = Buffer.alloc(9);
    bytes[0] = 0xfb;
    bytes.writeDoubleBE(this.value, 1);
    return encoder.push(bytes);
  }
}

const onlyKey = (value: object, key: string) => Object.keys(value).length === 1 && Object.hasOwn(value, key);

function invalid(pointer: string, message: string): never {
  throw new FcSimError('E_INVALID_EVENT', `${pointer || '/'}: ${message}`, 'see "CBOR events as JSON" in the README for the $int64, $base64 and $double forms');
}

/** An exact 64-bit integer from its decimal text. */
function int64(text: unknown, pointer: string): bigint {
  if (typeof text !== 'string' || !INT64_TEXT.test(text)) invalid(pointer, `$int64 must be a decimal integer in a string, got ${JSON.stringify(text)}`);
  const value = BigInt(text);
  if (value < INT64_MIN || value > INT64_MAX) invalid(pointer, `$int64 ${text} is outside the 64-bit range`);
  return value;
}

/** The value node-cbor encodes as FC's encoder would: marks resolved, integers exact, floats as doubles. */
function toCborValue(value: unknown, pointer: string): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) invalid(pointer, `${value} has no JSON form`);
    if (!Number.isInteger(value)) return new Double(value);
    // An integer JSON could not carry exactly is still an integer: node-cbor would write it as a float.
    return Number.isSafeInteger(value) ? value : BigInt(value);
  }
  if (typeof value === 'bigint') return int64(value.toString(), pointer);
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map((item, index) => toCborValue(item, `${pointer}/${index}`));
  if (typeof value !== 'object' || value === null) return value;
  if (onlyKey(value, '$int64')) return int64((value as { $int64: unknown }).$int64, pointer);
  if (onlyKey(value, '$base64')) {
    const text = (value as { $base64: unknown }).$base64;
    if (typeof text !== 'string' || !BASE64_TEXT.test(text)) invalid(pointer, `$base64 must be base64 text, got ${JSON.stringify(text)}`);
    return Buffer.from(text, 'base64');
  }
  if (onlyKey(value, '$double')) {
    const number = (value as { $double: unknown }).$double;
    if (typeof number !== 'number' || !Number.isFinite(number)) invalid(pointer, `$double must be a finite number, got ${JSON.stringify(number)}`);
    return new Double(number);
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toCborValue(item, `${pointer}/${key}`)]));
}

/** The CBOR bytes of a JSON value with fc-sim's marks (bigints and byte arrays are taken as they are too). */
export function encodeCbor(value: unknown): Buffer {
  return cbor().Encoder.encodeOne(toCborValue(value, ''), { collapseBigIntegers: true });
}

function unreadable(source: string, pointer: string, what: string): never {
  throw new FcSimError(
    'E_NOT_CBOR',
    `${source}: ${pointer || '/'} holds ${what}, which no FC event has`,
    'FC sends maps with text keys, integers, floats, text, bytes, booleans and null',
  );
}

/** What node-cbor decoded, as JSON with fc-sim's marks. */
function fromCborValue(value: unknown, source: string, pointer: string): unknown {
  if (typeof value === 'bigint')
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : { $int64: value.toString() };
  if (typeof value === 'number') return Number.isFinite(value) ? value : unreadable(source, pointer, `the float ${value}`);
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (Array.isArray(value)) return value.map((item, index) => fromCborValue(item, source, `${pointer}/${index}`));
  if (value === undefined) return unreadable(source, pointer, 'CBOR undefined');
  // node-cbor gives a Map for maps with keys other than text, and class instances for tags (Date, URL, Tagged, …).
  if (Object.getPrototypeOf(value) !== Object.prototype) return unreadable(source, pointer, `a ${(value as object).constructor?.name ?? 'tagged value'}`);
  return Object.fromEntries(Object.entries(value as object).map(([key, item]) => [key, fromCborValue(item, source, `${pointer}/${key}`)]));
}

/**
 * The one value of CBOR bytes as JSON with fc-sim's marks; `source` names the file in errors (E_NOT_CBOR), which
 * say what is wrong: bytes that are not CBOR, none, several values, or values no event has.
 */
export function decodeCbor(bytes: Uint8Array, source: string): unknown {
  let values: unknown[];
  try {
    values = cbor().decodeAllSync(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new FcSimError(
      'E_NOT_CBOR',
      `${source}: not valid CBOR: ${(error as Error).message}`,
      'fc-sim tablestore:put-row --cbor > event.cbor writes a valid one',
      { cause: error },
    );
  }
  if (values.length !== 1) {
    throw new FcSimError(
      'E_NOT_CBOR',
      `${source}: holds ${values.length} CBOR values; FC sends one event`,
      values.length === 0 ? 'the file is empty' : 'split the file into one event per file',
    );
  }
  return fromCborValue(values[0], source, '');
}

/** Whether bytes start the way a CBOR map does (major type 5), which no JSON text does: how `validate -` tells them apart. */
export function startsLikeCborMap(bytes: Uint8Array): boolean {
  const first = bytes[0];
  return first !== undefined && first >= 0xa0 && first <= 0xbf;
}
