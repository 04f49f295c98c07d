import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { FcSimError } from '../errors.js';

/**
 * Serverless Devs' "magic variables" (`${…}` in s.yaml), resolved the way its parser does (Serverless-Devs/toolkit
 * `packages/parse-spec`, compiled by `@serverless-devs/art-template` `devs-compile`; docs/zh/variables.md):
 * `env('NAME', 'default')`, `file('./x')` (text, relative to the project file), `json(…)`, `path('./x')` (absolute,
 * must exist), `config('AccountID')`, `vars.*`, `resources.<name>.props.*` (edition 1.0.0: `<name>.props.*`),
 * `this.*` (the resource the value stands in). A value that is one reference keeps the referenced type; references
 * inside a longer string are written into it.
 *
 * What cannot be known locally stays as written, with a warning: `resources.<name>.output.*` (known only after
 * `s deploy`), an unset `env()` without a default (where `s` stops), and names `s` has no value for either
 * (`${functionName}`: its parser also leaves those as written). Leaving them as written, rather than a placeholder,
 * keeps what reaches a handler recognisable and matches what `s` does with names it does not know.
 */
export interface VariableContext {
  /** The whole document: `vars`, `resources` (or `services`) and the values references point into. */
  document: Record<string, unknown>;
  env: NodeJS.ProcessEnv;
  /** The project file's folder: `file()` and `path()` are relative to it. */
  root: string;
  /** What `config('AccountID')` gives: the deploying account is not known locally. */
  accountId: string;
  /** Called for each reference that cannot be resolved; `path` is where in the document it stands. */
  unresolved: (reference: string, path: string, reason: string) => void;
  /** Called for a reference resolved to a stand-in value (`config('AccountID')`). */
  note: (message: string, path: string) => void;
  /**
   * Names that stand for given values, looked up before any other: env.yaml's overlays are resolved with `source`
   * (the resource's props), `project` and `this` (the environment), parse-spec `ParseContent.getEnvMagic`.
   */
  names?: Readonly<Record<string, unknown>>;
}

/** As the parser matches them: the shortest text between `${` and the next `}`. */
const REFERENCE = /\$\{([\s\S]*?)\}/g;
const HAS_REFERENCE = /\$\{[\s\S]*?\}/;
const WHOLE = /^\$\{([\s\S]*?)\}$/;

type Segment = string | number;

/** `resources.a.props.triggers[0].name`, as messages point at a place in the document. */
export function pathText(segments: readonly Segment[]): string {
  return segments.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
}

/** Why a reference has no value locally; thrown inside evaluation, caught where the reference stands. */
class Unresolvable extends Error {}

type Token = { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'name'; value: string } | { kind: 'punct'; value: string };

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < expression.length) {
    const char = expression[at]!;
    if (/\s/.test(char)) {
      at++;
    } else if (char === "'" || char === '"' || char === '`') {
      const end = expression.indexOf(char, at + 1);
      if (end < 0) throw new Unresolvable(`an unterminated string in ${expression}`);
      tokens.push({ kind: 'string', value: expression.slice(at + 1, end) });
      at = end + 1;
    } else if (/[0-9]/.test(char)) {
      const number = /^[0-9]+(\.[0-9]+)?/.exec(expression.slice(at))![0];
      tokens.push({ kind: 'number', value: Number(number) });
      at += number.length;
    } else if (/[A-Za-z_$-]/.test(char)) {
      // Resource names may hold dashes (`${resources.my-api.props.x}`), as the parser's lodash paths allow.
      const name = /^[A-Za-z_$][\w$-]*/.exec(expression.slice(at))?.[0];
      if (!name) throw new Unresolvable(`"${expression}" is not an expression fc-sim reads`);
      tokens.push({ kind: 'name', value: name });
      at += name.length;
    } else if (expression.startsWith('||', at)) {
      tokens.push({ kind: 'punct', value: '||' });
      at += 2;
    } else if ('.()[],'.includes(char)) {
      tokens.push({ kind: 'punct', value: char });
      at++;
    } else {
      throw new Unresolvable(`"${expression}" is not an expression fc-sim reads`);
    }
  }
  return tokens;
}

/** The expressions s.yaml files use: calls of the parser's functions, dotted names, literals, and `a || b`. */
type Expression =
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'path'; segments: Segment[] }
  | { kind: 'call'; name: string; args: Expression[] }
  | { kind: 'or'; left: Expression; right: Expression };

function parse(expression: string): Expression {
  const tokens = tokenize(expression);
  let at = 0;
  const peek = (value: string) => tokens[at]?.kind === 'punct' && tokens[at]!.value === value;
  const expect = (value: string) => {
    if (!peek(value)) throw new Unresolvable(`"${expression}" is not an expression fc-sim reads`);
    at++;
  };
  const primary = (): Expression => {
    const token = tokens[at++];
    if (!token) throw new Unresolvable(`"${expression}" is not an expression fc-sim reads`);
    if (token.kind === 'string' || token.kind === 'number') return { kind: 'literal', value: token.value };
    if (token.kind !== 'name') throw new Unresolvable(`"${expression}" is not an expression fc-sim reads`);
    if ((token.value === 'true' || token.value === 'false') && !peek('.')) return { kind: 'literal', value: token.value === 'true' };
    if (peek('(')) {
      at++;
      const args: Expression[] = [];
      while (!peek(')')) {
        args.push(or());
        if (!peek(')')) expect(',');
      }
      expect(')');
      return { kind: 'call', name: token.value, args };
    }
    const segments: Segment[] = [token.value];
    for (;;) {
      if (peek('.') && tokens[at + 1]?.kind === 'name') {
        segments.push((tokens[at + 1] as { value: string }).value);
        at += 2;
      } else if (peek('.') && tokens[at + 1]?.kind === 'number') {
        segments.push(String((tokens[at + 1] as { value: number }).value));
        at += 2;
      } else if (peek('[')) {
        at++;
        const index = tokens[at++];
        if (!index || (index.kind !== 'string' && index.kind !== 'number')) throw new Unresolvable(`"${expression}" is not an expression fc-sim reads`);
        segments.push(index.value);
        expect(']');
      } else break;
    }
    return { kind: 'path', segments };
  };
  const or = (): Expression => {
    let left = primary();
    while (peek('||')) {
      at++;
      left = { kind: 'or', left, right: primary() };
    }
    return left;
  };
  const result = or();
  if (at !== tokens.length) throw new Unresolvable(`"${expression}" is not an expression fc-sim reads`);
  return result;
}

/**
 * A reference whose value is undefined or null is left as written, as both parsers leave it; an empty string is a value
 * (`filterTag: ""` in vars gives `${vars.filterTag}` = ""): art-template's `$escape` returns anything but undefined and
 * null (`@serverless-devs/art-template` 4.13 `lib/devs-compile.js`), and s 2.x's parser anything but nil
 * (Serverless-Devs/core `src/common/execCommand/parse.ts` `findVariableValue`).
 */
const present = (value: unknown) => value !== undefined && value !== null;

const UNRESOLVED = Symbol('unresolved');

class Resolver {
  private readonly done = new Map<string, unknown>();
  private readonly inProgress: string[] = [];
  /** `resources` for edition 3.0.0, `services` for 1.0.0. */
  private readonly projectsKey: 'resources' | 'services';

  constructor(private readonly context: VariableContext) {
    this.projectsKey = 'services' in context.document && !('resources' in context.document) ? 'services' : 'resources';
  }

  /** The document node at `segments`, its references resolved (once: later lookups reuse it). */
  node(segments: Segment[]): unknown {
    const key = JSON.stringify(segments);
    if (this.done.has(key)) return this.done.get(key);
    if (this.inProgress.includes(key)) {
      const chain = [...this.inProgress.slice(this.inProgress.indexOf(key)), key].map((item) => pathText(JSON.parse(item) as Segment[]));
      throw new FcSimError('E_PROJECT', `circular variables: ${chain.join(' → ')}`, `change one of these values so it does not refer back to ${chain[0]}`);
    }
    this.inProgress.push(key);
    try {
      let raw: unknown = this.context.document;
      for (const segment of segments) raw = (raw as Record<Segment, unknown> | undefined)?.[segment];
      const value = this.value(raw, segments);
      this.done.set(key, value);
      return value;
    } finally {
      this.inProgress.pop();
    }
  }

  private value(raw: unknown, segments: Segment[]): unknown {
    if (typeof raw === 'string') return this.text(raw, segments, 0);
    if (Array.isArray(raw)) return raw.map((_, index) => this.node([...segments, index]));
    if (typeof raw === 'object' && raw !== null) return Object.fromEntries(Object.keys(raw).map((key) => [key, this.node([...segments, key])]));
    return raw;
  }

  /** A string's references resolved; a value that holds references again is resolved once more, as the parser does. */
  private text(raw: string, segments: Segment[], depth: number): unknown {
    const again = (value: unknown) => depth < 1 && typeof value === 'string' && HAS_REFERENCE.test(value);
    const whole = WHOLE.exec(raw);
    if (whole && !whole[1]!.includes('${')) {
      const value = this.reference(whole[1]!, segments);
      if (value === UNRESOLVED) return raw;
      return again(value) ? this.text(value as string, segments, depth + 1) : value;
    }
    return raw.replace(REFERENCE, (match, expression: string) => {
      let value = this.reference(expression, segments);
      if (value === UNRESOLVED) return match;
      if (again(value)) value = this.text(value as string, segments, depth + 1);
      return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    });
  }

  /** One `${…}`: its value, or UNRESOLVED when it has none locally (reported). */
  private reference(expression: string, segments: Segment[]): unknown {
    try {
      const value = this.evaluate(parse(expression), segments);
      if (!present(value)) throw new Unresolvable('it has no value');
      return value;
    } catch (error) {
      if (!(error instanceof Unresolvable)) throw error;
      this.context.unresolved(`\${${expression}}`, pathText(segments), error.message);
      return UNRESOLVED;
    }
  }

  private evaluate(expression: Expression, segments: Segment[]): unknown {
    switch (expression.kind) {
      case 'literal':
        return expression.value;
      case 'or': {
        // art-template evaluates the expression as JavaScript: an empty string, 0 or false on the left gives the right.
        const left = this.tryEvaluate(expression.left, segments);
        return left ? left : this.evaluate(expression.right, segments);
      }
      case 'call':
        return this.call(expression.name, expression.args, segments);
      case 'path':
        return this.lookup(expression.segments, segments);
    }
  }

  private tryEvaluate(expression: Expression, segments: Segment[]): unknown {
    try {
      return this.evaluate(expression, segments);
    } catch (error) {
      if (error instanceof Unresolvable) return undefined;
      throw error;
    }
  }

  private call(name: string, args: Expression[], segments: Segment[]): unknown {
    const text = (index: number) => {
      const arg = args[index];
      // `${env(secretId)}`, as the 1.0.0 docs write it: a bare name is the name.
      const value = arg?.kind === 'path' && arg.segments.length === 1 ? String(arg.segments[0]) : arg === undefined ? undefined : this.evaluate(arg, segments);
      if (typeof value !== 'string' || value === '') throw new Unresolvable(`${name}() needs a text argument`);
      return value;
    };
    switch (name) {
      case 'env': {
        const variable = text(0);
        const value = this.context.env[variable];
        if (value) return value;
        if (args.length > 1) return this.evaluate(args[1]!, segments);
        throw new Unresolvable(`the environment variable ${variable} is not set (s stops here: set it, or in .env beside the project file)`);
      }
      case 'file': {
        const file = this.local(text(0));
        if (!existsSync(file)) throw new Unresolvable(`no file ${file}`);
        return readFileSync(file, 'utf8');
      }
      case 'path': {
        const path = this.local(text(0));
        if (!existsSync(path)) throw new Unresolvable(`no file or folder ${path}`);
        return path;
      }
      case 'json': {
        const value = text(0);
        try {
          return JSON.parse(value) as unknown;
        } catch {
          throw new Unresolvable(`json(): not JSON: ${value.slice(0, 60)}`);
        }
      }
      case 'config': {
        const key = text(0);
        if (key !== 'AccountID') throw new Unresolvable(`config('${key}') is the deploying credentials' ${key}, not known locally`);
        this.context.note(
          `config('AccountID') is fc-sim's account id ${this.context.accountId}; the deploying credentials decide the real one`,
          pathText(segments),
        );
        return this.context.accountId;
      }
      default:
        throw new Unresolvable(`${name}() is no function of Serverless Devs' variables (env, file, json, path, config)`);
    }
  }

  private local(path: string): string {
    return isAbsolute(path) ? path : join(this.context.root, path);
  }

  /** A dotted name: `vars.*`, `resources.x.props.*`, `this.*`, `env.X`, edition 1.0.0's `x.props.*`. */
  private lookup(path: Segment[], segments: Segment[]): unknown {
    const [head, ...rest] = path as [string, ...Segment[]];
    const names = this.context.names;
    if (names !== undefined && Object.hasOwn(names, head))
      return rest.reduce<unknown>(
        (value, segment) => (typeof value === 'object' && value !== null ? (value as Record<Segment, unknown>)[segment] : undefined),
        names[head],
      );
    if (head === 'env' && rest.length === 1) return this.context.env[String(rest[0])];
    if (head === 'vars') return this.at(['vars', ...rest]);
    if (head === 'this') {
      const name = segments[0] === this.projectsKey && segments.length > 1 ? String(segments[1]) : undefined;
      if (name === undefined) throw new Unresolvable('this.… stands only inside a resource');
      if (rest[0] === 'name' && rest.length === 1) return name;
      if (rest[0] === 'access' && rest.length === 1) return this.at([this.projectsKey, name, 'access']) ?? this.at(['access']);
      return this.at([this.projectsKey, name, ...rest]);
    }
    const projects = this.context.document[this.projectsKey];
    const isProject = (name: Segment | undefined) => typeof projects === 'object' && projects !== null && name !== undefined && Object.hasOwn(projects, name);
    const target = head === 'resources' && isProject(rest[0]) ? rest : isProject(head) ? path : undefined;
    if (target) {
      const part = target[1];
      if (part === 'output' || part === 'info')
        throw new Unresolvable(`${pathText(['resources', ...target])} is known only after s deploy; fc-sim leaves it as written`);
      return this.at([this.projectsKey, ...target]);
    }
    throw new Unresolvable(`${pathText(path)} names nothing Serverless Devs resolves (s leaves it as written too)`);
  }

  /** The value at a document path, each step's references resolved; undefined where there is none. */
  private at(path: Segment[]): unknown {
    let parent: unknown = this.context.document;
    // Once a step is a resolved string (`${json(…)}`), the rest of the path reads its value, not the document.
    let inDocument = true;
    for (let index = 0; index < path.length; index++) {
      const segment = path[index]!;
      if (typeof parent !== 'object' || parent === null || !Object.hasOwn(parent, segment)) return undefined;
      parent = (parent as Record<Segment, unknown>)[segment];
      if (inDocument && typeof parent === 'string') {
        parent = this.node(path.slice(0, index + 1));
        inDocument = false;
      }
    }
    return inDocument && typeof parent === 'object' && parent !== null ? this.node(path) : parent;
  }
}

/**
 * The document with every `${…}` Serverless Devs would resolve replaced by its value (see {@link VariableContext}).
 * Throws an `E_PROJECT` FcSimError naming the chain when values refer to each other in a circle.
 */
export function resolveVariables(context: VariableContext): Record<string, unknown> {
  return new Resolver(context).node([]) as Record<string, unknown>;
}
