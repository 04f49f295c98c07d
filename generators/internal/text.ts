import fc from 'fast-check';
import { lazily } from './lazy.js';

/** CJK ideographs: 3 UTF-8 bytes each (`图片`). */
const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((code) => String.fromCodePoint(code));
/** Emoji outside the BMP: 4 UTF-8 bytes and 2 UTF-16 units each, where char and byte counts part ways. */
const emoji = fc.integer({ min: 0x1f600, max: 0x1f64f }).map((code) => String.fromCodePoint(code));
/** Latin letters with diacritics: 2 UTF-8 bytes each. */
const accented = fc.constantFrom('é', 'ü', 'ñ', 'ß', 'ø', 'å', 'ç', 'ł');

/** One character that takes 2, 3 or 4 bytes in UTF-8. */
export const multiByteChar: fc.Arbitrary<string> = fc.oneof(cjk, accented, emoji);

/** Lower-case ASCII letters and digits: what the simplest generated names are made of. */
export const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A lower-case ASCII letter or digit. */
export const alphanumeric: fc.Arbitrary<string> = fc.constantFrom(...ALPHANUMERIC);

/**
 * Text mixing ASCII letters, spaces and multi-byte characters, with at least one multi-byte character. Built when first
 * drawn: `fc.string` over a unit of its own checks its unit against fast-check's table of tricky strings (~6 ms).
 */
export function multiByteText(maxLength: number): fc.Arbitrary<string> {
  return lazily(() => {
    const unit = fc.oneof(multiByteChar, alphanumeric, fc.constant(' '));
    return fc.tuple(fc.string({ unit, maxLength: maxLength - 1 }), multiByteChar, fc.nat()).map(([text, char, at]) => {
      const chars = [...text];
      chars.splice(at % (chars.length + 1), 0, char);
      return chars.join('');
    });
  });
}

/**
 * Printable ASCII text (no control characters). Built when first drawn, as {@link jsonText} is: fast-check builds
 * the table of a string unit on its first use (~5 ms for `grapheme-ascii`, ~30 ms for `grapheme`), which module
 * constants would cost every process that imports them, one that only prints an event too.
 */
export function asciiText(maxLength: number): fc.Arbitrary<string> {
  return lazily(() => fc.string({ unit: 'grapheme-ascii', maxLength }));
}

/** A JSON document as text: what a payload or message configured as JSON arrives as (never parsed by FC). */
export function jsonText(): fc.Arbitrary<string> {
  return lazily(() => fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' }).map((value) => JSON.stringify(value)));
}

/**
 * What FC passes through as text without reading it (a timer payload, an MNS message): empty first, so that
 * shrinking reaches "", then ASCII, JSON, multi-byte text, and any further forms the caller adds.
 */
export function opaqueText(...more: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  return fc.oneof({ withCrossShrink: true }, fc.constant(''), asciiText(64), jsonText(), multiByteText(32), ...more);
}
