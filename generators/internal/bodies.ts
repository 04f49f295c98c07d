import fc from 'fast-check';
import { asciiText, jsonText, multiByteText } from './text.js';

/** What a request body is made of: none, UTF-8 text (as a string or as bytes), a JSON document, bytes that are not UTF-8. */
export type BodyKind = 'empty' | 'text' | 'json' | 'binary';

/** Bytes with a 0xFF somewhere: never valid UTF-8, so only base64 can carry them in an event. */
const notUtf8 = fc.tuple(fc.uint8Array({ maxLength: 64 }), fc.nat()).map(([bytes, at]) => {
  const position = at % (bytes.length + 1);
  return Uint8Array.from([...bytes.subarray(0, position), 0xff, ...bytes.subarray(position)]);
});

const text = fc.oneof(asciiText(64), multiByteText(32));

/** Request bodies of each kind, for the HTTP trigger and API Gateway generators. */
export const REQUEST_BODIES: Readonly<Record<BodyKind, fc.Arbitrary<string | Uint8Array>>> = {
  empty: fc.constant(''),
  // Bytes that happen to be UTF-8 arrive as text, as strings do.
  text: fc.oneof(
    text,
    text.map((value) => new TextEncoder().encode(value)),
  ),
  json: jsonText(),
  binary: notUtf8,
};
