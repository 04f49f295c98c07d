import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonText } from '../../src/remote/json-text.js';

/** The definition isJsonText keeps to. */
function parses(bytes: Uint8Array): boolean {
  try {
    JSON.parse(Buffer.from(bytes).toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

const agrees = (bytes: Uint8Array): void => {
  expect(isJsonText(bytes), JSON.stringify(Buffer.from(bytes).toString('latin1'))).toBe(parses(bytes));
};
const text = (s: string) => Buffer.from(s, 'utf8');

/** Characters that matter to JSON's grammar, so that random text often comes close to JSON. */
const grammar = fc.constantFrom(
  ...'{}[]":,.-+eE0123456789 \t\n\r\\/bfnrtu"aAlsx'.split(''),
  'true',
  'false',
  'null',
  '\u00e9',
  '\u2028',
  '\u0000',
  '\u001f',
  '\ud83d\ude00',
);

describe('isJsonText: exactly when JSON.parse accepts the bytes as UTF-8', () => {
  it('agrees on chosen cases', () => {
    const cases = [
      '',
      ' ',
      '{}',
      '[]',
      ' {} ',
      '{',
      '}',
      '[1,]',
      '[,1]',
      '{"a":1,}',
      '{"a" : 1 , "b":[true,false,null]}',
      '{a:1}',
      "{'a':1}",
      '"x"',
      '"\\u00e9\\n\\"\\\\\\/"',
      '"\\x"',
      '"\\u12"',
      '"\\u12G4"',
      '"tab\there"',
      '"\u0001"',
      '"\u007f"',
      '"\u2028"',
      '0',
      '-0',
      '01',
      '-',
      '1.',
      '.5',
      '1.5e',
      '1e+',
      '1E-7',
      '-12.5e10',
      '1e400',
      'tru',
      'truee',
      'nul',
      'null null',
      '[1 2]',
      '{"a":1}{',
      '[[[[]]]]',
      '[[[[]]]',
      '\uFEFF{}',
      '{}\u0000',
      '[1]\n',
      '{"":""}',
      '{"a":{"b":{"c":[1,{"d":"e"}]}}}',
    ];
    for (const c of cases) agrees(text(c));
    agrees(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
    agrees(Buffer.from([0x22, 0xc3, 0x22]));
    agrees(Buffer.from([0x22, 0xff, 0xfe, 0x22]));
    agrees(Buffer.from([0x22, 0xc0, 0xa2, 0x22]));
    agrees(Buffer.from([0x5b, 0x80, 0x5d]));
    agrees(text(`${'['.repeat(100_000)}${']'.repeat(100_000)}`));
    agrees(text(`${'['.repeat(100_000)}${']'.repeat(99_999)}`));
  });

  it('agrees on any JSON value, as JSON.stringify writes it and spaced out', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, space) => agrees(text(JSON.stringify(value, null, space) ?? 'null'))),
      { numRuns: 500 },
    );
  });

  it('agrees on JSON with one character inserted, removed or replaced', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), grammar, fc.constantFrom('insert', 'remove', 'replace'), (json, at, char, how) => {
        const i = at % (json.length + 1);
        const changed = how === 'insert' ? json.slice(0, i) + char + json.slice(i) : json.slice(0, i) + (how === 'replace' ? char : '') + json.slice(i + 1);
        agrees(text(changed));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on text made of JSON punctuation, and on any bytes', () => {
    fc.assert(
      fc.property(fc.array(grammar, { maxLength: 30 }), (chars) => agrees(text(chars.join('')))),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => agrees(bytes)),
      { numRuns: 2000 },
    );
  });
});
