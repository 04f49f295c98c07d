import cbor from 'cbor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FcSimError } from '../../src/errors.js';
import { decodeCbor, encodeCbor, startsLikeCborMap } from '../../src/io/cbor.js';
import { tablestoreEvent } from '../../src/triggers/tablestore/arbitrary.js';

const hex = (value: unknown) => encodeCbor(value).toString('hex');

/** What a handler's `cbor.decodeAllSync(event)` gives for an event: the one value FC sent. */
const handlerView = (bytes: Buffer) => {
  const values = cbor.decodeAllSync(bytes);
  expect(values).toHaveLength(1);
  return values[0];
};

/** A whole `{$double}` decodes as the plain number a handler sees: the one mark that does not come back. */
const asDecoded = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    item && typeof item === 'object' && Object.keys(item).length === 1 && '$double' in item ? (item as { $double: number }).$double : item,
  );

describe('encodeCbor: the bytes FC sends for a JSON form', () => {
  it('writes integers in their shortest form, 64-bit ones as 64-bit integers (never bignum tags)', () => {
    expect(hex(23)).toBe('17');
    expect(hex(1506416585741)).toBe('1b0000015ebd6cec0d');
    expect(hex({ $int64: '1506416585881590900' })).toBe('1b14e7dde74d3a9c74');
    expect(hex({ $int64: '-9223372036854775808' })).toBe('3b7fffffffffffffff');
    expect(hex({ $int64: '9223372036854775807' })).toBe('1b7fffffffffffffff');
    expect(hex(-1)).toBe('20');
  });

  it('writes every double as an 8-byte float, a whole one too when marked', () => {
    expect(hex(1.5)).toBe('fb3ff8000000000000');
    expect(hex({ $double: 3 })).toBe('fb4008000000000000');
    expect(hex(3)).toBe('03');
  });

  it('writes bytes as a byte string and text as text', () => {
    expect(hex({ $base64: 'AQID' })).toBe('43010203');
    expect(hex('hé')).toBe('6368c3a9');
    expect(hex(new Uint8Array([1, 2]))).toBe('420102');
  });

  it('keeps map keys in order, as text', () => {
    expect(hex({ b: 1, a: true })).toBe('a26162016161f5');
  });

  it('refuses marks that are not what they say, naming where', () => {
    for (const [value, message] of [
      [{ x: { $int64: '9223372036854775808' } }, /\/x: \$int64 9223372036854775808 is outside the 64-bit range/],
      [{ x: [{ $int64: 12 }] }, /\/x\/0: \$int64 must be a decimal integer in a string/],
      [{ $base64: 'not base64!' }, /\/: \$base64 must be base64 text/],
      [{ $double: 'NaN' }, /\$double must be a finite number/],
      [Number.NaN, /NaN has no JSON form/],
    ] as const) {
      expect(() => encodeCbor(value)).toThrow(message);
      expect(() => encodeCbor(value)).toThrow(FcSimError);
    }
  });
});

describe('decodeCbor: the JSON form of CBOR bytes', () => {
  it('marks what JSON cannot carry: integers beyond 2^53 and byte strings', () => {
    const bytes = cbor.Encoder.encodeOne(
      { big: 1506416585881590900n, small: 5n, neg: -(2n ** 63n), blob: Buffer.from([1, 2, 3]), f: 2.5, t: 'x' },
      { collapseBigIntegers: true },
    );
    expect(decodeCbor(bytes, 'e.cbor')).toEqual({
      big: { $int64: '1506416585881590900' },
      small: 5,
      neg: { $int64: '-9223372036854775808' },
      blob: { $base64: 'AQID' },
      f: 2.5,
      t: 'x',
    });
  });

  it('gives back what it encoded (a whole double as the plain number a handler sees), and a handler decodes the same values', () => {
    fc.assert(
      fc.property(tablestoreEvent(), (event) => {
        const bytes = encodeCbor(event);
        expect(decodeCbor(bytes, 'e.cbor')).toEqual(asDecoded(event));
        // What a handler built from FC's samples sees: bigints beyond 2^53, Buffers for bytes.
        const seen = handlerView(bytes) as { Records: { PrimaryKey: { Value: unknown }[] }[] };
        for (const [index, record] of event.Records.entries()) {
          for (const [at, column] of record.PrimaryKey.entries()) {
            const value = seen.Records[index]!.PrimaryKey[at]!.Value;
            if (typeof column.Value === 'object' && '$int64' in column.Value) expect(value).toBe(BigInt(column.Value.$int64));
            else if (typeof column.Value === 'object') expect(Buffer.from(value as Uint8Array).toString('base64')).toBe(column.Value.$base64);
            else expect(value).toBe(column.Value);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('says what is wrong with bytes that are not one CBOR event, naming the file', () => {
    const cases: [string, RegExp][] = [
      ['a2', /^bad\.cbor: not valid CBOR: Insufficient data$/],
      ['ff', /^bad\.cbor: not valid CBOR: Invalid BREAK$/],
      ['', /^bad\.cbor: holds 0 CBOR values; FC sends one event$/],
      ['a0a0', /^bad\.cbor: holds 2 CBOR values; FC sends one event$/],
      ['a1016161', /^bad\.cbor: \/ holds a Map, which no FC event has$/],
      ['a16161fb7ff8000000000000', /^bad\.cbor: \/a holds the float NaN, which no FC event has$/],
      ['a16161c11a514b67b0', /^bad\.cbor: \/a holds a Date, which no FC event has$/],
      ['a16161f7', /^bad\.cbor: \/a holds CBOR undefined, which no FC event has$/],
    ];
    for (const [bytes, message] of cases) {
      let error: unknown;
      try {
        decodeCbor(Buffer.from(bytes, 'hex'), 'bad.cbor');
      } catch (caught) {
        error = caught;
      }
      expect(error, bytes).toBeInstanceOf(FcSimError);
      expect((error as FcSimError).code).toBe('E_NOT_CBOR');
      expect((error as FcSimError).message, bytes).toMatch(message);
    }
  });

  it('tells a CBOR map from JSON text by its first byte', () => {
    expect(startsLikeCborMap(encodeCbor({ a: 1 }))).toBe(true);
    for (const text of ['{"a":1}', ' {}', '[]', '"x"', '\uFEFF{}', '']) expect(startsLikeCborMap(Buffer.from(text)), text).toBe(false);
  });
});
