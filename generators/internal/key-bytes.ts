import { encodePath } from '../../src/triggers/http/build.js';

/** UTF-8 bytes of one code point (a lone surrogate is written as U+FFFD, 3 bytes, as Buffer.byteLength counts it). */
function utf8CodePointBytes(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** What encodeURIComponent leaves as it is, less `!'()*`, which encodePath escapes too. */
const isUnreserved = (code: number) =>
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x30 && code <= 0x39) ||
  code === 0x2d ||
  code === 0x5f ||
  code === 0x2e ||
  code === 0x7e;

/**
 * `Buffer.byteLength(encodePath(char))` for one code point, without building the string: `/` stays, unreserved ASCII
 * is one byte, anything else is `%XX` per UTF-8 byte. A lone surrogate goes through encodePath, which throws as before.
 */
function urlCodePointBytes(code: number): number {
  if (code === 0x2f || isUnreserved(code)) return 1;
  if (code >= 0xd800 && code <= 0xdfff) return Buffer.byteLength(encodePath(String.fromCharCode(code)), 'utf8');
  return 3 * utf8CodePointBytes(code);
}

/** Bytes one code point of an object key takes in the event, by how the key appears there. */
export const keyCodePointBytes: Readonly<Record<'raw' | 'url', (code: number) => number>> = { raw: utf8CodePointBytes, url: urlCodePointBytes };
