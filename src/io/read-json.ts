import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buffer as readStream } from 'node:stream/consumers';
import type { ParseError, ParseErrorCode } from 'jsonc-parser';
import { parse as parseTolerantly, printParseErrorCode } from 'jsonc-parser';
import { FcSimError } from '../errors.js';
import { decodeCbor, startsLikeCborMap } from './cbor.js';

export interface JsonInput {
  /** The file name as given, or `<stdin>`. */
  source: string;
  value: unknown;
}

/** Line and column (1-based) of a character offset, for messages that point into a file. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const REASONS: Partial<Record<keyof typeof ParseErrorCode, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'not a valid number',
  PropertyNameExpected: 'expected a property name in double quotes (a trailing comma?)',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: "expected '}' (does the file end too soon?)",
  CloseBracketExpected: "expected ']' (does the file end too soon?)",
  EndOfFileExpected: 'expected the end of the file after the value',
  InvalidCommentToken: 'comments are not JSON',
  UnexpectedEndOfComment: 'comments are not JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is not finished',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'a control character inside a string (escape it)',
};

/**
 * Parses JSON text, or throws E_NOT_JSON naming the line and column where it fails. JSON.parse does the parsing;
 * only on failure does jsonc-parser find the place, which V8's messages give for some errors and not others.
 */
export function parseJson(text: string, source: string): unknown {
  if (text.startsWith('\uFEFF')) {
    // FC hands the handler the bytes it was sent (runtime.md: the event is a Buffer of them), so a BOM reaches the
    // handler and its JSON.parse(event) fails: `invoke` delivers it as FC would, and no command calls it JSON.
    throw new FcSimError(
      'E_NOT_JSON',
      `${source}:1:1: starts with a UTF-8 byte-order mark (EF BB BF): FC passes it to the handler as it is, and JSON.parse(event) fails on it`,
      'save the file as UTF-8 without a BOM',
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const errors: ParseError[] = [];
    parseTolerantly(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const offset = first?.offset ?? 0;
    const code = first ? (printParseErrorCode(first.error) as keyof typeof ParseErrorCode) : undefined;
    const reason = (code && REASONS[code]) ?? (error as Error).message;
    const { line, column } = lineAndColumn(text, offset);
    const looksLikeJson = /^\s*[[{"]/.test(text);
    throw new FcSimError(
      'E_NOT_JSON',
      `${source}:${line}:${column}: not valid JSON: ${reason}`,
      looksLikeJson
        ? 'fix the JSON at that place (trailing commas, comments and single quotes are not JSON)'
        : 'an MNS STREAM event without message attributes is the raw message body, not JSON: it has no schema to check',
      { cause: error },
    );
  }
}

/** Where `readJson` reads from: `-` is `stdin`, other names are relative to `cwd` (default: the process's). */
export interface JsonSources {
  stdin?: NodeJS.ReadableStream;
  cwd?: string;
}

/**
 * Reads and parses a JSON file, or standard input when the name is `-`. A CBOR event (a `.cbor` file, or bytes that
 * start as a CBOR map does, which no JSON text does) is decoded to its JSON form: see src/io/cbor.ts.
 */
export async function readJson(file: string, from: JsonSources = {}): Promise<JsonInput> {
  const source = file === '-' ? '<stdin>' : file;
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await readStream(from.stdin ?? process.stdin) : await readFile(resolve(from.cwd ?? '', file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new FcSimError('E_FILE_NOT_FOUND', `${file}: no such file`, 'check the path (relative to the current folder)', { cause: error });
    if (code === 'EISDIR') throw new FcSimError('E_READ', `${file}: is a folder, not a file`, 'name a JSON file, or pass several files', { cause: error });
    throw new FcSimError('E_READ', `${source}: cannot read: ${(error as Error).message}`, undefined, { cause: error });
  }
  if (file.endsWith('.cbor') || startsLikeCborMap(bytes)) return { source, value: decodeCbor(bytes, source) };
  return { source, value: parseJson(bytes.toString('utf8'), source) };
}
