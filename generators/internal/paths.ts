import fc from 'fast-check';
import { charString } from './pattern-string.js';
import { ALPHANUMERIC, multiByteText } from './text.js';

/** Characters that URLs reserve or that encoders disagree on (`+` as space, `%` itself, `!'()*`). */
const RESERVED = [...`!#$&'()*+,:;=?@[]%~`];

// Drawn character by character from the random source: a path has several segments, an event a path.
const plain = charString(ALPHANUMERIC, 1, 10);

/**
 * One segment of a path or object key (never contains "/"), simplest first: plain ASCII, then with spaces,
 * non-ASCII (`图片`), or URL-reserved characters, the cases that break naive encoding and decoding.
 */
export function pathSegment(): fc.Arbitrary<string> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 5, arbitrary: plain },
    { weight: 1, arbitrary: fc.tuple(plain, plain).map(([a, b]) => `${a} ${b}`) },
    { weight: 2, arbitrary: multiByteText(8) },
    { weight: 1, arbitrary: fc.tuple(plain, fc.constantFrom(...RESERVED), charString(ALPHANUMERIC, 0, 4)).map((parts) => parts.join('')) },
  );
}

/** File name extensions, with the MIME type a client would upload them with. */
export const EXTENSIONS: readonly (readonly [extension: string, mimeType: string])[] = [
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.txt', 'text/plain'],
  ['.json', 'application/json'],
  ['.mp4', 'video/mp4'],
  ['.zip', 'application/zip'],
  ['.tar.gz', 'application/gzip'],
  ['', 'application/octet-stream'],
];
