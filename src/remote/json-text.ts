/**
 * Whether bytes are JSON text: exactly when `JSON.parse(bytes.toString('utf8'))` succeeds, without decoding the
 * bytes or building the value (replay decides every event's content type this way; parsing took more time than
 * the rest of sending it). The bytes are checked as they are: outside strings JSON is ASCII, and inside strings any
 * byte from 0x20 up other than `"` and `\` stands for itself or for part of a character, valid UTF-8 or not (the
 * decoder turns a bad sequence into U+FFFD, never into a quote or a backslash). Nesting has no limit, as in V8.
 */

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const ZERO = 0x30;
const ONE = 0x31;
const NINE = 0x39;
const COLON = 0x3a;
const UPPER_A = 0x41;
const UPPER_E = 0x45;
const UPPER_F = 0x46;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const LOWER_A = 0x61;
const LOWER_B = 0x62;
const LOWER_E = 0x65;
const LOWER_F = 0x66;
const LOWER_L = 0x6c;
const LOWER_N = 0x6e;
const LOWER_R = 0x72;
const LOWER_S = 0x73;
const LOWER_T = 0x74;
const LOWER_U = 0x75;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

const isWhitespace = (b: number) => b === SPACE || b === LINE_FEED || b === CARRIAGE_RETURN || b === TAB;
const isDigit = (b: number) => b >= ZERO && b <= NINE;
const isHex = (b: number) => isDigit(b) || (b >= LOWER_A && b <= LOWER_F) || (b >= UPPER_A && b <= UPPER_F);

/** The index after the string that opens at `at` (a quote), or -1. */
function stringEnd(bytes: Uint8Array, at: number): number {
  let i = at + 1;
  for (;;) {
    if (i >= bytes.length) return -1;
    const b = bytes[i]!;
    if (b === QUOTE) return i + 1;
    if (b < SPACE) return -1;
    if (b !== BACKSLASH) {
      i += 1;
      continue;
    }
    const escaped = bytes[i + 1];
    if (escaped === LOWER_U) {
      for (let k = i + 2; k < i + 6; k++) if (k >= bytes.length || !isHex(bytes[k]!)) return -1;
      i += 6;
    } else if (
      escaped === QUOTE ||
      escaped === BACKSLASH ||
      escaped === SLASH ||
      escaped === LOWER_B ||
      escaped === LOWER_F ||
      escaped === LOWER_N ||
      escaped === LOWER_R ||
      escaped === LOWER_T
    ) {
      i += 2;
    } else {
      return -1;
    }
  }
}

/** The index after the digits from `at` (at least one), or -1. */
function digitsEnd(bytes: Uint8Array, at: number): number {
  let i = at;
  while (i < bytes.length && isDigit(bytes[i]!)) i++;
  return i === at ? -1 : i;
}

/** The index after the number that starts at `at`, or -1. */
function numberEnd(bytes: Uint8Array, at: number): number {
  let i = at;
  if (bytes[i] === MINUS) i++;
  if (bytes[i] === ZERO) i++;
  else if (i < bytes.length && bytes[i]! >= ONE && bytes[i]! <= NINE) i = digitsEnd(bytes, i);
  else return -1;
  if (bytes[i] === DOT) {
    i = digitsEnd(bytes, i + 1);
    if (i < 0) return -1;
  }
  if (bytes[i] === LOWER_E || bytes[i] === UPPER_E) {
    i++;
    if (bytes[i] === PLUS || bytes[i] === MINUS) i++;
    i = digitsEnd(bytes, i);
  }
  return i;
}

const TRUE = [LOWER_T, LOWER_R, LOWER_U, LOWER_E];
const FALSE = [LOWER_F, LOWER_A, LOWER_L, LOWER_S, LOWER_E];
const NULL = [LOWER_N, LOWER_U, LOWER_L, LOWER_L];

function literalEnd(bytes: Uint8Array, at: number, literal: readonly number[]): number {
  for (let k = 0; k < literal.length; k++) if (bytes[at + k] !== literal[k]) return -1;
  return at + literal.length;
}

/** The index after the scalar (string, number, literal) at `at`, or -1; containers are the caller's. */
function scalarEnd(bytes: Uint8Array, at: number): number {
  const b = bytes[at];
  if (b === QUOTE) return stringEnd(bytes, at);
  if (b === MINUS || (b !== undefined && isDigit(b))) return numberEnd(bytes, at);
  if (b === LOWER_T) return literalEnd(bytes, at, TRUE);
  if (b === LOWER_F) return literalEnd(bytes, at, FALSE);
  if (b === LOWER_N) return literalEnd(bytes, at, NULL);
  return -1;
}

export function isJsonText(bytes: Uint8Array): boolean {
  const n = bytes.length;
  /** Open containers, innermost last: the closing byte each expects. */
  const open: number[] = [];
  let i = 0;
  const skip = () => {
    while (i < n && isWhitespace(bytes[i]!)) i++;
  };
  for (;;) {
    // A value is expected at i.
    skip();
    const b = bytes[i];
    if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      i++;
      skip();
      const close = b === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
      if (bytes[i] === close) {
        i++;
      } else {
        open.push(close);
        if (close === CLOSE_BRACE) {
          // A member: a key, a colon, then its value.
          i = bytes[i] === QUOTE ? stringEnd(bytes, i) : -1;
          if (i < 0) return false;
          skip();
          if (bytes[i] !== COLON) return false;
          i++;
        }
        continue;
      }
    } else {
      i = scalarEnd(bytes, i);
      if (i < 0) return false;
    }
    // A value ended at i: close what ends here, or go on to the next element or member.
    for (;;) {
      skip();
      if (open.length === 0) return i === n;
      const close = open[open.length - 1]!;
      if (bytes[i] === close) {
        open.pop();
        i++;
        continue;
      }
      if (bytes[i] !== COMMA) return false;
      i++;
      if (close === CLOSE_BRACE) {
        skip();
        i = bytes[i] === QUOTE ? stringEnd(bytes, i) : -1;
        if (i < 0) return false;
        skip();
        if (bytes[i] !== COLON) return false;
        i++;
      }
      break;
    }
  }
}
