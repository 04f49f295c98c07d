import { readFileSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Segment } from './variable-expression.js';

/**
 * Edition 1.0.0's `${…}` as s 2.x reads it: Serverless-Devs/core 0.1.66 `src/common/execCommand/parse.ts`
 * (`iteratorToSetValue`, `findVariableValue`), which s 2.2.2 runs, checked end to end against it (a local component
 * printing the props it was given). No operators and no quotes: a call is `name(text)`, its parentheses' text taken as
 * it is (`env(NAME)`; `env('NAME')` looks up a variable named `'NAME'`); any other is a key of the document
 * (`vars.list[1]`, `<service>.props.*`), `env.NAME`, or `this.*`.
 */

/** What the s 2.x reading needs of the document it resolves. */
export interface S2Reader {
  /** The document as written: core looks names up there, and resolves what it wrote twice (ExecCommand parses twice). */
  document: Record<string, unknown>;
  /** `this.*`: the service the value stands in; undefined outside one. */
  itself(keys: Segment[]): unknown;
  env: NodeJS.ProcessEnv;
  /** The project file's folder. */
  root: string;
  accountId: string;
  note(message: string): void;
}

/**
 * A value, or why there is none. `asText`: core writes the reference's own text in its place (a name it does not
 * have, `config()` without credentials), which turns a value that is not text so far into text; an unset `env()`
 * writes nothing.
 */
export type S2Answer = { value: unknown } | { unresolved: string; asText: boolean };

/** core's SPECIALL_VARIABLE_TYPE_REG: `name(text)`, greedy. */
const CALL = /(.*)\((.*)\)/i;

/** One `${inner}`'s value, or why it stays as written. */
export function s2Reference(inner: string, reader: S2Reader): S2Answer {
  const call = CALL.exec(inner);
  const answer = call ? s2Call(call[1]!, call[2]!, reader) : s2Name(inner, reader);
  if ('value' in answer && (answer.value === undefined || answer.value === null))
    return { unresolved: `${inner} names nothing Serverless Devs 2.x resolves (s leaves it as written too)`, asText: true };
  return answer;
}

function s2Call(name: string, text: string, reader: S2Reader): S2Answer {
  switch (name) {
    case 'env':
    case 'Env': {
      const value = reader.env[text];
      return value === undefined ? { unresolved: `the environment variable ${text} is not set (s 2.x leaves it as written)`, asText: false } : { value };
    }
    case 'path':
    case 'Path':
      // Relative to the project file, existing or not (core `getCurrentPath`).
      return { value: isAbsolute(text) ? text : join(reader.root, text) };
    case 'file':
    case 'File': {
      // core `getFileObj`: a YAML or JSON file's value; {} for anything else, a missing file or one it cannot parse.
      const file = isAbsolute(text) ? text : join(reader.root, text);
      const extension = extname(file);
      try {
        if (extension.includes('.yaml') || extension.includes('.yml')) return { value: parseYaml(readFileSync(file, 'utf8')) as unknown };
        if (extension.includes('.json')) return { value: JSON.parse(readFileSync(file, 'utf8')) as unknown };
      } catch {
        // as below
      }
      reader.note(`file(${text}) is {} in s 2.x, which reads only YAML and JSON files that exist and parse`);
      return { value: {} };
    }
    case 'config':
      if (text !== 'AccountID') return { unresolved: `config(${text}) is the deploying credentials' ${text}, not known locally`, asText: true };
      reader.note(`config(AccountID) is fc-sim's account id ${reader.accountId}; the deploying credentials decide the real one`);
      return { value: reader.accountId };
    default:
      reader.note(`${name}() is no function of s 2.x's (env, path, file, config): it writes an empty string`);
      return { value: '' };
  }
}

function s2Name(inner: string, reader: S2Reader): S2Answer {
  // `get(process, 'env.X')`: unset, it writes nothing.
  if (inner.startsWith('env.')) {
    const value = reader.env[inner.slice('env.'.length)];
    return value === undefined
      ? { unresolved: `the environment variable ${inner.slice('env.'.length)} is not set (s 2.x leaves it as written)`, asText: false }
      : { value };
  }
  const path = keyPath(inner);
  if (path[0] === 'this') return { value: reader.itself(path.slice(1)) };
  // core flattens the document into keys (`vars.list[1]`), then tries the name and `services.<name>`.
  return { value: keyed(path, reader) ?? keyed(['services', ...path], reader) };
}

/**
 * The value at `path` when it is a key core made of the document as written: each step a word into a mapping or an
 * index into a list (never into a value a reference gives, such as a file()'s).
 */
function keyed(path: Segment[], reader: S2Reader): unknown {
  let written: unknown = reader.document;
  for (const segment of path) {
    if (typeof written !== 'object' || written === null || Array.isArray(written) !== (typeof segment === 'number') || !Object.hasOwn(written, segment))
      return undefined;
    written = (written as Record<Segment, unknown>)[segment];
  }
  return written;
}

/** core's flattened key as a path: `a.b[0][1].c` → a, b, 0, 1, c. */
function keyPath(key: string): Segment[] {
  return key.split('.').flatMap((part) => {
    const [, name, indexes] = /^(.*?)((?:\[\d+\])*)$/.exec(part)!;
    return [name!, ...(indexes!.match(/\d+/g) ?? []).map(Number)];
  });
}
