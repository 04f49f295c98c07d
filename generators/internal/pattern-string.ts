import fc from 'fast-check';

/** Code point ranges, inclusive: a character class is drawn range first (each equally likely), then within it. */
type Ranges = readonly (readonly [from: number, to: number])[];

/** A stretch of a pattern: fixed text, `min`–`max` characters of a class, or `min`–`max` times a group of parts. */
export type PatternPart =
  | { readonly text: string }
  | { readonly ranges: Ranges; readonly min: number; readonly max: number }
  | { readonly group: readonly PatternPart[]; readonly min: number; readonly max: number };

interface Repeat {
  readonly ranges: Ranges;
  readonly min: number;
  /** Longest stretch drawn: fast-check's default size ("small": 2 × min + 10), within the pattern's max. */
  readonly drawnMax: number;
}

interface Group {
  readonly group: readonly Part[];
  readonly min: number;
  readonly drawnMax: number;
}

type Part = string | Repeat | Group;

/**
 * What a drawn string is made of, part by part: the text, the code points of a repeat, the drawn parts of each time
 * a group came. What shrinking works on.
 */
type Drawn = readonly DrawnPart[];
type DrawnPart = string | readonly number[] | readonly Drawn[];

const DIGITS: Ranges = [[0x30, 0x39]];
const WORD: Ranges = [
  [0x61, 0x7a],
  [0x41, 0x5a],
  [0x30, 0x39],
  [0x5f, 0x5f],
];

/** fast-check's default size ("small"): at most 2 × min + 10 items drawn, within the pattern's max. */
const drawnMax = (min: number, max: number) => Math.min(max, 2 * min + 10);

function compiled(part: PatternPart): Part {
  if ('text' in part) return part.text;
  if ('group' in part) return { group: part.group.map(compiled), min: part.min, drawnMax: drawnMax(part.min, part.max) };
  return { ranges: part.ranges, min: part.min, drawnMax: drawnMax(part.min, part.max) };
}

function render(parts: readonly Part[], drawn: Drawn): string {
  let text = '';
  drawn.forEach((value, index) => {
    const part = parts[index]!;
    if (typeof part === 'string') text += part;
    else if ('ranges' in part) text += String.fromCodePoint(...(value as readonly number[]));
    else for (const times of value as readonly Drawn[]) text += render(part.group, times);
  });
  return text;
}

/** `items` without the one at `at`, or with `replacement` there. */
function replaced<T>(items: readonly T[], at: number, ...replacement: T[]): T[] {
  return [...items.slice(0, at), ...replacement, ...items.slice(at + 1)];
}

/** Fewer items: down to `min`, halfway there, one less, then each one left out (the last one was "one less"). */
function* fewer<T>(items: readonly T[], min: number): Generator<T[]> {
  if (items.length <= min) return;
  for (const length of new Set([min, min + Math.floor((items.length - min) / 2), items.length - 1])) yield items.slice(0, length);
  for (let at = 0; at < items.length - 1; at++) yield replaced(items, at);
}

/** Smaller draws of a sequence of parts: each repeat or group with fewer items first, then simpler items. */
function* smaller(parts: readonly Part[], drawn: Drawn): Generator<Drawn> {
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (typeof part !== 'string') for (const items of fewer(drawn[index] as readonly unknown[], part.min)) yield replaced(drawn, index, items as DrawnPart);
  }
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (typeof part === 'string') continue;
    if ('ranges' in part) {
      const codes = drawn[index] as readonly number[];
      for (let at = 0; at < codes.length; at++) {
        const code = codes[at]!;
        // The class's first character, else the first of the code's own range ('0' for a digit of [a-z0-9]).
        for (const simpler of new Set([part.ranges[0]![0], part.ranges.find(([from, to]) => code >= from && code <= to)?.[0] ?? code])) {
          if (simpler !== code) yield replaced(drawn, index, replaced(codes, at, simpler));
        }
      }
    } else {
      const times = drawn[index] as readonly Drawn[];
      for (let at = 0; at < times.length; at++)
        for (const simpler of smaller(part.group, times[at]!)) yield replaced(drawn, index, replaced(times, at, simpler));
    }
  }
}

/**
 * Strings of a sequence of fixed text, character-class repeats and repeated groups, drawn straight from the random
 * source: one or two integers per character, where `fc.stringMatching` builds a value tree of several arbitraries per
 * character (a tenth of the cost for a bucket name). Shrinks like it: fewer characters and group repeats (cut, or one
 * left out), then each character towards its class's first or its range's first.
 */
class PatternStringArbitrary extends fc.Arbitrary<string> {
  private readonly parts: readonly Part[];

  constructor(parts: readonly PatternPart[]) {
    super();
    this.parts = parts.map(compiled);
  }

  generate(random: fc.Random, biasFactor: number | undefined): fc.Value<string> {
    // Biased runs (one in biasFactor) keep repeats near their shortest, as fast-check's biased lengths do.
    const short = biasFactor !== undefined && random.nextInt(1, biasFactor) === 1;
    const drawn: DrawnPart[] = [];
    const text = this.draw(this.parts, random, short, drawn);
    return new fc.Value(text, drawn);
  }

  /** Draws each part into `drawn`; returns the text. */
  private draw(parts: readonly Part[], random: fc.Random, short: boolean, drawn: DrawnPart[]): string {
    let text = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        drawn.push(part);
        text += part;
        continue;
      }
      const count = random.nextInt(part.min, short ? Math.min(part.drawnMax, part.min + 2) : part.drawnMax);
      if ('group' in part) {
        const times: Drawn[] = [];
        for (let i = 0; i < count; i++) {
          const once: DrawnPart[] = [];
          text += this.draw(part.group, random, short, once);
          times.push(once);
        }
        drawn.push(times);
        continue;
      }
      const codes: number[] = [];
      const { ranges } = part;
      for (let i = 0; i < count; i++) {
        const [from, to] = ranges.length === 1 ? ranges[0]! : ranges[random.nextInt(0, ranges.length - 1)]!;
        const code = from === to ? from : random.nextInt(from, to);
        codes.push(code);
        text += String.fromCodePoint(code);
      }
      drawn.push(codes);
    }
    return text;
  }

  canShrinkWithoutContext(value: unknown): value is string {
    // Splitting a string back into the parts is ambiguous ([a-z0-9][a-z0-9-]{1,61}): only drawn values shrink.
    return false;
  }

  shrink(_value: string, context: unknown): fc.Stream<fc.Value<string>> {
    if (!Array.isArray(context)) return fc.Stream.nil();
    return fc.stream(smaller(this.parts, context as Drawn)).map((drawn) => new fc.Value(render(this.parts, drawn), drawn));
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

/** Where the group opened at `at` closes (classes and escapes skipped), or -1. */
function groupEnd(source: string, at: number): number {
  let depth = 0;
  for (let index = at; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (char === '[') {
      while (index < source.length && source[index] !== ']') index += source[index] === '\\' ? 2 : 1;
    } else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return index;
  }
  return -1;
}

/** The parts of a sequence (no alternatives), or `undefined` when it holds anything else. */
function sequenceParts(body: string): PatternPart[] | undefined {
  const parts: PatternPart[] = [];
  const addText = (text: string) => {
    const last = parts.at(-1);
    if (last && 'text' in last) parts[parts.length - 1] = { text: last.text + text };
    else parts.push({ text });
  };
  let at = 0;
  while (at < body.length) {
    if (body[at] === '(') {
      const end = groupEnd(body, at);
      if (end < 0) return undefined;
      const inner = sequenceParts(body.slice(body.startsWith('(?:', at) ? at + 3 : at + 1, end));
      const times = quantifier(body, end + 1);
      if (!inner || !times) return undefined;
      at = times.end;
      if (times.min !== 1 || times.max !== 1) parts.push({ group: inner, min: times.min, max: times.max });
      else
        for (const part of inner)
          if ('text' in part) addText(part.text);
          else parts.push(part);
      continue;
    }
    const atom = body[at] === '[' ? classRanges(body, at) : atomRanges(body, at);
    if (!atom) return undefined;
    const times = quantifier(body, atom.end);
    if (!times) return undefined;
    at = times.end;
    const [first] = atom.ranges;
    if (atom.ranges.length === 1 && first![0] === first![1] && times.min === times.max) addText(String.fromCodePoint(first![0]).repeat(times.min));
    else parts.push({ ranges: atom.ranges, min: times.min, max: times.max });
  }
  return parts;
}

/**
 * The parts of an anchored pattern made only of characters, escapes, positive classes, groups and quantifiers
 * (`^x-oss-meta-[a-z0-9-]+$`, `^[a-z]{2,}(-[a-z0-9]+)+$`), or `undefined` for anything else (alternatives, `.`,
 * negated classes, `\s`): those are left to `fc.stringMatching`.
 */
export function patternParts(pattern: RegExp): PatternPart[] | undefined {
  const { source } = pattern;
  if (pattern.flags.replace('u', '') !== '' || !source.startsWith('^') || !source.endsWith('$') || source.endsWith('\\$')) return undefined;
  return sequenceParts(source.slice(1, -1));
}

/** Strings of parts from {@link patternParts}. */
export function patternString(parts: readonly PatternPart[]): fc.Arbitrary<string> {
  return new PatternStringArbitrary(parts);
}
