import fc from 'fast-check';

/** Code point ranges, inclusive: a character class is drawn range first (each equally likely), then within it. */
type Ranges = readonly (readonly [from: number, to: number])[];

/** A stretch of a pattern: fixed text, or `min`–`max` characters of a class. */
export type PatternPart = { readonly text: string } | { readonly ranges: Ranges; readonly min: number; readonly max: number };

interface Repeat {
  readonly ranges: Ranges;
  readonly min: number;
  /** Longest stretch drawn: fast-check's default size ("small": 2 × min + 10), within the pattern's max. */
  readonly drawnMax: number;
}

/** What a drawn string is made of, part by part (the code points of each repeat): what shrinking works on. */
type Drawn = readonly (string | readonly number[])[];

const DIGITS: Ranges = [[0x30, 0x39]];
const WORD: Ranges = [
  [0x61, 0x7a],
  [0x41, 0x5a],
  [0x30, 0x39],
  [0x5f, 0x5f],
];

function render(drawn: Drawn): string {
  let text = '';
  for (const part of drawn) text += typeof part === 'string' ? part : String.fromCodePoint(...part);
  return text;
}

/**
 * Strings of a sequence of fixed text and character-class repeats, drawn straight from the random source: one or two
 * integers per character, where `fc.stringMatching` builds a value tree of several arbitraries per character (a
 * tenth of the cost for a bucket name). Shrinks like it: shorter repeats (cut, or a character left out), then each
 * character towards its class's first.
 */
class PatternStringArbitrary extends fc.Arbitrary<string> {
  private readonly parts: readonly (string | Repeat)[];

  constructor(parts: readonly PatternPart[]) {
    super();
    this.parts = parts.map((part) => ('text' in part ? part.text : { ranges: part.ranges, min: part.min, drawnMax: Math.min(part.max, 2 * part.min + 10) }));
  }

  generate(random: fc.Random, biasFactor: number | undefined): fc.Value<string> {
    // Biased runs (one in biasFactor) keep repeats near their shortest, as fast-check's biased lengths do.
    const short = biasFactor !== undefined && random.nextInt(1, biasFactor) === 1;
    const drawn: (string | number[])[] = [];
    let text = '';
    for (const part of this.parts) {
      if (typeof part === 'string') {
        drawn.push(part);
        text += part;
        continue;
      }
      const length = random.nextInt(part.min, short ? Math.min(part.drawnMax, part.min + 2) : part.drawnMax);
      const codes: number[] = [];
      const { ranges } = part;
      for (let i = 0; i < length; i++) {
        const [from, to] = ranges.length === 1 ? ranges[0]! : ranges[random.nextInt(0, ranges.length - 1)]!;
        const code = from === to ? from : random.nextInt(from, to);
        codes.push(code);
        text += String.fromCodePoint(code);
      }
      drawn.push(codes);
    }
    return new fc.Value(text, drawn);
  }

  canShrinkWithoutContext(value: unknown): value is string {
    // Splitting a string back into the parts is ambiguous ([a-z0-9][a-z0-9-]{1,61}): only drawn values shrink.
    return false;
  }

  shrink(_value: string, context: unknown): fc.Stream<fc.Value<string>> {
    if (!Array.isArray(context)) return fc.Stream.nil();
    return fc.stream(this.smaller(context as Drawn));
  }

  private *smaller(drawn: Drawn): Generator<fc.Value<string>> {
    const withPart = (index: number, codes: readonly number[]) => {
      const next = drawn.slice();
      next[index] = codes;
      return new fc.Value(render(next), next);
    };
    for (let index = 0; index < drawn.length; index++) {
      const codes = drawn[index];
      const part = this.parts[index];
      if (typeof codes === 'string' || typeof part === 'string' || part === undefined || codes === undefined) continue;
      const lengths = new Set([part.min, part.min + Math.floor((codes.length - part.min) / 2), codes.length - 1]);
      for (const length of lengths) if (length >= part.min && length < codes.length) yield withPart(index, codes.slice(0, length));
      if (codes.length > part.min) for (let at = 0; at < codes.length - 1; at++) yield withPart(index, [...codes.slice(0, at), ...codes.slice(at + 1)]);
    }
    for (let index = 0; index < drawn.length; index++) {
      const codes = drawn[index];
      const part = this.parts[index];
      if (typeof codes === 'string' || typeof part === 'string' || part === undefined || codes === undefined) continue;
      const first = part.ranges[0]![0];
      for (let at = 0; at < codes.length; at++) {
        if (codes[at] !== first) yield withPart(index, [...codes.slice(0, at), first, ...codes.slice(at + 1)]);
      }
    }
  }
}

/** `min`–`max` characters out of `chars`, each equally likely; shrinks towards fewer and towards the first character. */
export function charString(chars: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  const ranges = [...chars].map((char) => [char.codePointAt(0)!, char.codePointAt(0)!] as const);
  return new PatternStringArbitrary([{ ranges, min: minLength, max: maxLength }]);
}

/** One atom of a pattern outside a class: an escape, or a plain character. */
function atomRanges(source: string, at: number): { ranges: Ranges; end: number } | undefined {
  const char = source[at]!;
  if (char === '\\') {
    const escaped = source[at + 1];
    if (escaped === 'd') return { ranges: DIGITS, end: at + 2 };
    if (escaped === 'w') return { ranges: WORD, end: at + 2 };
    // An escaped punctuation character is itself; letters and digits are classes or references (\s, \b, \1).
    if (escaped !== undefined && /[\p{P}\p{S}]/u.test(escaped)) return { ranges: [[escaped.codePointAt(0)!, escaped.codePointAt(0)!]], end: at + 2 };
    return undefined;
  }
  if ('.()|[]{}?*+^$'.includes(char)) return undefined;
  const code = source.codePointAt(at)!;
  return { ranges: [[code, code]], end: at + String.fromCodePoint(code).length };
}

/** A positive class `[a-z0-9-]`: its members as ranges, in the order written (fast-check draws them so). */
function classRanges(source: string, at: number): { ranges: Ranges; end: number } | undefined {
  if (source[at + 1] === '^') return undefined;
  const ranges: [number, number][] = [];
  let index = at + 1;
  const single = (): number | undefined => {
    const char = source[index];
    if (char === undefined || char === ']') return undefined;
    if (char === '\\') {
      const escaped = source[index + 1];
      if (escaped === undefined || !/[\p{P}\p{S}]/u.test(escaped)) return undefined;
      index += 2;
      return escaped.codePointAt(0)!;
    }
    const code = source.codePointAt(index)!;
    index += String.fromCodePoint(code).length;
    return code;
  };
  while (source[index] !== ']') {
    if (source[index] === undefined) return undefined;
    if (source.startsWith('\\d', index)) {
      ranges.push([0x30, 0x39]);
      index += 2;
      continue;
    }
    if (source.startsWith('\\w', index)) return undefined;
    const from = single();
    if (from === undefined) return undefined;
    if (source[index] === '-' && source[index + 1] !== ']') {
      index += 1;
      const to = single();
      if (to === undefined || to < from) return undefined;
      ranges.push([from, to]);
    } else ranges.push([from, from]);
  }
  return ranges.length === 0 ? undefined : { ranges, end: index + 1 };
}

/** A quantifier after an atom: `{n}`, `{n,}`, `{n,m}`, `+`, `*`, `?`, or none (once). */
function quantifier(source: string, at: number): { min: number; max: number; end: number } | undefined {
  const char = source[at];
  if (char === '+') return { min: 1, max: Number.POSITIVE_INFINITY, end: at + 1 };
  if (char === '*') return { min: 0, max: Number.POSITIVE_INFINITY, end: at + 1 };
  if (char === '?') return { min: 0, max: 1, end: at + 1 };
  if (char !== '{') return { min: 1, max: 1, end: at };
  const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
  if (!match) return undefined;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : match[3] === '' ? Number.POSITIVE_INFINITY : Number(match[3]);
  return max < min ? undefined : { min, max, end: at + match[0].length };
}

/**
 * The parts of an anchored pattern made only of characters, escapes, positive classes and quantifiers
 * (`^x-oss-meta-[a-z0-9-]+$`), or `undefined` for anything else (groups, alternatives, `.`, negated classes): those
 * are left to `fc.stringMatching`.
 */
export function patternParts(pattern: RegExp): PatternPart[] | undefined {
  const { source } = pattern;
  if (pattern.flags.replace('u', '') !== '' || !source.startsWith('^') || !source.endsWith('$') || source.endsWith('\\$')) return undefined;
  const body = source.slice(1, -1);
  const parts: PatternPart[] = [];
  let at = 0;
  while (at < body.length) {
    const atom = body[at] === '[' ? classRanges(body, at) : atomRanges(body, at);
    if (!atom) return undefined;
    const times = quantifier(body, atom.end);
    if (!times) return undefined;
    at = times.end;
    const [first] = atom.ranges;
    const fixed = atom.ranges.length === 1 && first![0] === first![1] && times.min === times.max;
    const last = parts.at(-1);
    if (fixed) {
      const text = String.fromCodePoint(first![0]).repeat(times.min);
      if (last && 'text' in last) parts[parts.length - 1] = { text: last.text + text };
      else parts.push({ text });
    } else parts.push({ ranges: atom.ranges, min: times.min, max: times.max });
  }
  return parts;
}

/** Strings of parts from {@link patternParts}. */
export function patternString(parts: readonly PatternPart[]): fc.Arbitrary<string> {
  return new PatternStringArbitrary(parts);
}
