import fc from 'fast-check';
import { dateTimeArbitrary } from './date-time-formats.js';
import { matching } from './matching.js';
import type { SchemaNode } from './schema-context.js';
import { UnsupportedSchemaError } from './schema-context.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const optionalNumber = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** Arbitraries for the `format`s our schemas use, producing what ajv-formats accepts. */
const FORMATS: Readonly<Record<string, () => fc.Arbitrary<string>>> = {
  uuid: () => fc.uuid(),
  // fc.webUrl() builds a table of every percent-encoded character first (seconds): plain http(s) URLs instead.
  uri: () =>
    fc
      .tuple(fc.constantFrom('http', 'https'), fc.domain(), fc.array(matching(/^[A-Za-z0-9._~-]{1,16}$/), { maxLength: 4 }))
      .map(([scheme, host, segments]) => `${scheme}://${host}/${segments.join('/')}`),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
};

/** Each format's arbitrary, built once per process: a schema may have many fields of one format. */
const builtFormats = new Map<string, fc.Arbitrary<string>>();

function formatArbitrary(format: string): fc.Arbitrary<string> | undefined {
  const build = FORMATS[format];
  if (!build) return undefined;
  const built = builtFormats.get(format) ?? build();
  builtFormats.set(format, built);
  return built;
}

/** Strings for `pattern`, `format` (date-time formatted to fit the pattern) and `minLength`/`maxLength`. */
export function stringArbitrary(schema: SchemaNode): fc.Arbitrary<string> {
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
  const format = schema.format;
  const minLength = optionalNumber(schema.minLength) ?? 0;
  const maxLength = optionalNumber(schema.maxLength);
  let strings: fc.Arbitrary<string>;
  if (format === 'date-time') {
    strings = dateTimeArbitrary(pattern?.source);
  } else if (typeof format === 'string') {
    const formatted = formatArbitrary(format);
    if (!formatted) throw new UnsupportedSchemaError(`format "${format}" is not supported`);
    strings = pattern ? formatted.filter((value) => pattern.test(value)) : formatted;
  } else if (pattern) {
    strings = matching(pattern, maxLength);
  } else {
    return fc.string({ minLength, ...(maxLength === undefined ? {} : { maxLength }) });
  }
  if (minLength === 0 && maxLength === undefined) return strings;
  // JSON Schema counts code points, not UTF-16 units.
  return strings.filter((value) => {
    const length = [...value].length;
    return length >= minLength && (maxLength === undefined || length <= maxLength);
  });
}

/** Integers within `minimum`/`maximum`, else within 32 bits from the bound given (safe, and readable when shrunk). */
export function integerArbitrary(schema: SchemaNode): fc.Arbitrary<number> {
  const minimum = optionalNumber(schema.minimum);
  const maximum = optionalNumber(schema.maximum);
  const min = Math.ceil(minimum ?? (maximum === undefined ? INT32_MIN : Math.max(maximum - INT32_MAX, Number.MIN_SAFE_INTEGER)));
  const max = Math.floor(maximum ?? Math.min(Math.max(min + INT32_MAX, INT32_MAX), Number.MAX_SAFE_INTEGER));
  return fc.integer({ min, max });
}

/** Finite doubles within the bounds; -0 becomes 0 so that values survive a JSON round trip unchanged. */
export function numberArbitrary(schema: SchemaNode): fc.Arbitrary<number> {
  const minimum = optionalNumber(schema.minimum);
  const maximum = optionalNumber(schema.maximum);
  const bounds = { ...(minimum === undefined ? {} : { min: minimum }), ...(maximum === undefined ? {} : { max: maximum }) };
  return fc.double({ noNaN: true, noDefaultInfinity: true, ...bounds }).map((value) => (Object.is(value, -0) ? 0 : value));
}
