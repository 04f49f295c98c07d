import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { closestName } from '../closest-name.js';
import { FcSimError } from '../errors.js';
import type { Expression, Segment } from './variable-expression.js';
import { ExpressionSyntaxError, parseExpression } from './variable-expression.js';
import type { S2Reader } from './variables-s2.js';
import { s2Reference } from './variables-s2.js';

/**
 * Serverless Devs' "magic variables" (`${…}` in s.yaml), resolved the way its parsers do. Two dialects:
 *
 * - **Edition 3.0.0** (`resources:`), s 3.x: parse-spec compiles each value with `@serverless-devs/art-template`'s
 *   `devs-compile`, as s 3.1.10 bundles it (the same compiler as @serverless-devs/art-template 4.13.15 and
 *   4.13.16-beta.39, `lib/compile/compiler.js` `parseExpression`; the beta's imports add a base64() the CLI lacks).
 *   A `${…}` holding a call is evaluated as JavaScript (`env('NAME', 'default')`, `json(file('./x.json')).key`,
 *   `env('A') || 'b'`; a call without quotes takes its parentheses' text as one string: `env(NAME)`). Any other is
 *   split at its dots: the first word is a name of the parser's (`vars`, `resources`, `this`, `cwd`) and the rest are
 *   keys, as they are (`vars.list.1`; `vars.list[1]` or `vars.a || 'b'` are keys no one has). One that has no value
 *   stops `s` ("${vars.x} not found"): fc-sim leaves it as written and reports that `s deploy` stops there.
 * - **Edition 1.0.0** (`services:`), s 2.x: see `variables-s2.ts`. Names it does not find stay as written, with a
 *   warning, and `s` carries on.
 *
 * `config('AccountID')` is fc-sim's account id, with a note. A value that is one reference keeps the referenced type.
 *
 * What cannot be known locally stays as written, with a warning: `resources.<name>.output.*` (known only after
 * `s deploy`), an unset `env()` without a default (set in CI, say). Leaving them as written, rather than a placeholder,
 * keeps what reaches a handler recognisable.
 */
export interface VariableContext {
  /** The whole document: `vars`, `resources` (or `services`) and the values references point into. */
  document: Record<string, unknown>;
  env: NodeJS.ProcessEnv;
  /** The project file's folder: `file()` and `path()` are relative to it. */
  root: string;
  /** What `config('AccountID')` gives: the deploying account is not known locally. */
  accountId: string;
  /**
   * Called for each reference that cannot be resolved; `path` is where in the document it stands. `stopsDeploy`: `s`
   * itself stops there, whatever the environment (a name it has no value for, an expression it cannot compile).
   */
  unresolved: (reference: string, path: string, reason: string, stopsDeploy: boolean) => void;
  /** Called for a reference resolved to a stand-in value (`config('AccountID')`). */
  note: (message: string, path: string) => void;
  /**
   * Whose reading: s 3.x's (edition 3.0.0) or s 2.x's (1.0.0). Default: s 2.x's for a document with `services:` and
   * no `resources:`, else s 3.x's.
   */
  parser?: 's3' | 's2';
  /**
   * Names that stand for given values, looked up before any other: env.yaml's overlays are resolved with `source`
   * (the resource's props), `project` and `this` (the environment), parse-spec `ParseContent.getEnvMagic`.
   */
  names?: Readonly<Record<string, unknown>>;
}

/** As the parsers match them: the shortest text between `${` and the next `}` (s 2.x's within a line). */
const REFERENCE = /\$\{([\s\S]*?)\}/g;
const S2_REFERENCE = /\$\{(.*?)\}/g;
const HAS_REFERENCE = /\$\{[\s\S]*?\}/;

/** `resources.a.props.triggers[0].name`, as messages point at a place in the document. */
export function pathText(segments: readonly Segment[]): string {
  return segments.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
}

/** Why a reference has no value locally; thrown inside evaluation, caught where the reference stands. */
class Unresolvable extends Error {}

/** A reference `s` itself cannot resolve: `s deploy` stops there. */
class StopsDeploy extends Unresolvable {}

/** devs-compile's test for a call: such a `${…}` is JavaScript, evaluated as it is. */
const CALL = /(.*)\((.*)\)/;

/** The names s 3.x's parse phase gives a resource's values (parse-spec `ParseContent.getMagicProps`). */
const S3_NAMES = 'vars, resources, this, cwd and the functions env(), file(), json(), path(), config(), str(), yaml()';

/** undefined and null are "no value" to both parsers; an empty string, 0 and false are values. */
const present = (value: unknown) => value !== undefined && value !== null;

const UNRESOLVED = Symbol('unresolved');

/** What `'a' + value` gives in JavaScript, as s 3.x writes a value into a longer string. */
const javascriptText = (value: unknown) => String(value);

class Resolver {
  private readonly done = new Map<string, unknown>();
  private readonly inProgress: string[] = [];
  /** How many values read are being resolved once more (s 3.x does that without `this`). */
  private rereading = 0;
  /** Resources' values the parse left holding references it did not report: s's engine compiles those once more. */
  private readonly leftovers: Segment[][] = [];
  private readonly reported = new Set<string>();
  /** In s's engine pass: every resource is resolved, none read as written. */
  private engine = false;
  /** `resources` for edition 3.0.0 (s 3.x's dialect), `services` for 1.0.0 (s 2.x's). */
  private readonly projectsKey: 'resources' | 'services';

  constructor(private readonly context: VariableContext) {
    this.projectsKey = 'services' in context.document && !('resources' in context.document) ? 'services' : 'resources';
  }

  private get s3(): boolean {
    return (this.context.parser ?? (this.projectsKey === 'resources' ? 's3' : 's2')) === 's3';
  }

  /**
   * The whole document, as `s deploy` hands it to the components: parsed, then (s 3.x) each resource's values that
   * still hold references compiled once more by its engine (`getProps`), with every resource's parsed props.
   */
  document(): Record<string, unknown> {
    const parsed = this.node([]) as Record<string, unknown>;
    this.engine = true;
    for (const path of this.leftovers) {
      const parent = member(parsed, path.slice(0, -1)) as Record<Segment, unknown>;
      parent[path.at(-1)!] = this.text(parent[path.at(-1)!] as string, path, 0);
    }
    return parsed;
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
      const raw = this.written(segments);
      const value = this.value(raw, segments);
      this.done.set(key, value);
      const leftover = typeof raw === 'string' && typeof value === 'string' && HAS_REFERENCE.test(value) && !this.reported.has(pathText(segments));
      if (this.s3 && leftover && this.insideResource(segments)) this.leftovers.push(segments);
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

  /** A string's references resolved; a value that holds references again is resolved once more, as the parsers do. */
  private text(raw: string, segments: Segment[], depth: number): unknown {
    const again = (value: unknown) => depth < 1 && typeof value === 'string' && HAS_REFERENCE.test(value);
    if (!this.s3) return this.s2Text(raw, segments, again, depth);
    const first = HAS_REFERENCE.exec(raw);
    if (first && first[0].length === raw.length) {
      const value = this.reference(raw.slice(2, -1), segments);
      if (value === UNRESOLVED) return raw;
      return again(value) ? this.reread(value as string, segments, depth) : value;
    }
    return raw.replace(REFERENCE, (match, expression: string) => {
      let value = this.reference(expression, segments);
      if (value === UNRESOLVED) return match;
      if (again(value)) value = this.reread(value as string, segments, depth);
      return javascriptText(value);
    });
  }

  private report(reference: string, segments: Segment[], reason: string, stopsDeploy: boolean): void {
    this.reported.add(pathText(segments));
    this.context.unresolved(reference, pathText(segments), reason, stopsDeploy);
  }

  private reread(value: string, segments: Segment[], depth: number): unknown {
    this.rereading++;
    try {
      return this.text(value, segments, depth + 1);
    } finally {
      this.rereading--;
    }
  }

  /**
   * s 2.x writes each reference's value in turn (core `iteratorToSetValue`): a text value into the string in place of
   * its first occurrence, any other value in place of the whole string (`n-${vars.count}` is the number).
   */
  private s2Text(raw: string, segments: Segment[], again: (value: unknown) => boolean, depth: number): unknown {
    let result: unknown = raw;
    for (const [match, inner] of raw.matchAll(S2_REFERENCE)) {
      const answer = s2Reference(inner!, this.s2Reader(segments));
      if ('unresolved' in answer) {
        this.report(match, segments, answer.unresolved, false);
        if (answer.asText) result = String(result);
        continue;
      }
      // The second parse resolves what the first wrote, strings inside a mapping or list included.
      const twice = (written: unknown): unknown => {
        if (typeof written === 'string') return again(written) ? this.text(written, segments, depth + 1) : written;
        if (Array.isArray(written)) return written.map(twice);
        if (typeof written === 'object' && written !== null) return Object.fromEntries(Object.entries(written).map(([key, inner]) => [key, twice(inner)]));
        return written;
      };
      const value = twice(answer.value);
      result = typeof value === 'string' ? String(result).replace(match, value) : value;
    }
    return result;
  }

  /** s 3.x: one `${…}`'s value, or UNRESOLVED when it has none locally (reported). */
  private reference(code: string, segments: Segment[]): unknown {
    try {
      const value = this.compiled(code, segments);
      if (!present(value)) throw new StopsDeploy('s deploy stops here: Serverless Devs 3.x finds no value for it');
      return value;
    } catch (error) {
      if (!(error instanceof Unresolvable)) throw error;
      this.report(`\${${code}}`, segments, error.message, error instanceof StopsDeploy);
      return UNRESOLVED;
    }
  }

  /** s 3.x: devs-compile's reading of one `${…}` (see the file's comment). */
  private compiled(code: string, segments: Segment[]): unknown {
    if (CALL.test(code)) {
      const javascript = /'(.+)'/.test(code) || /"(.+)"/.test(code) ? code : code.replace(/\((.+)\)/, "('$1')");
      return this.evaluate(this.parsed(javascript, code), segments);
    }
    // Compiled into `$escape(__get(vars, [...]), '${…}')`: a quote in the text ends that string early.
    if (code.includes("'"))
      throw new StopsDeploy(
        `s deploy stops here: Serverless Devs 3.x cannot compile a quote outside a call (\`||\` and literals work only in one, e.g. \${env('NAME', 'default')})`,
      );
    // `__get(<first word>, [<the other words>])`: the first word is JavaScript (a name, mostly), the others keys.
    const [first, ...keys] = code.split('.') as [string, ...string[]];
    const name = first.trim();
    if (name === 'self' || name === 'shared') throw new Unresolvable(`\${${name}.…} is left as written by s 3.x too`);
    const value =
      /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'true' && name !== 'false'
        ? this.s3Name(name, keys, segments)
        : member(this.evaluate(this.parsed(first, code), segments), keys);
    if (!present(value))
      throw new StopsDeploy(
        keys.some((key) => /[[\]\s|]/.test(key))
          ? `s deploy stops here: Serverless Devs 3.x reads the words after \`${name}.\` as keys as they are (no \`[i]\`, spaces or \`||\`: \${vars.list.1}), and finds none`
          : `s deploy stops here: Serverless Devs 3.x finds no value for it${this.missingKey(name, keys, segments)}`,
      );
    return value;
  }

  /** Where a dotted name's keys stop matching the document: `: vars has no regoin (did you mean vars.region?)`. */
  private missingKey(head: string, keys: readonly string[], segments: Segment[]): string {
    const resource = this.insideResource(segments) ? [this.projectsKey, String(segments[1])] : undefined;
    const base = head === 'vars' ? ['vars'] : head === 'resources' ? ['resources'] : (head === 'this' || head === 'that') && resource ? resource : undefined;
    if (base === undefined) return '';
    let parent: unknown = this.context.document;
    for (const segment of base) parent = (parent as Record<string, unknown> | undefined)?.[segment];
    for (const [index, key] of keys.entries()) {
      if (typeof parent !== 'object' || parent === null) return '';
      if (!Object.hasOwn(parent, key)) {
        const written = [head, ...keys.slice(0, index)].join('.');
        const meant = closestName(key, Object.keys(parent));
        return `: ${written} has no ${key}${meant === undefined ? '' : ` (did you mean ${written}.${meant}?)`}`;
      }
      parent = (parent as Record<string, unknown>)[key];
    }
    return '';
  }

  private s2Reader(segments: Segment[]): S2Reader {
    return {
      document: this.context.document,
      itself: (keys) => (this.insideResource(segments) ? this.resourceItself(keys, segments) : undefined),
      env: this.context.env,
      root: this.context.root,
      accountId: this.context.accountId,
      note: (message) => this.context.note(message, pathText(segments)),
    };
  }

  private parsed(text: string, code: string): Expression {
    try {
      return parseExpression(text);
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      throw new StopsDeploy(`s deploy stops here: "${code}" is no expression Serverless Devs 3.x evaluates`);
    }
  }

  private evaluate(expression: Expression, segments: Segment[]): unknown {
    switch (expression.kind) {
      case 'literal':
        return expression.value;
      case 'or': {
        // JavaScript's ||: an empty string, 0 or false on the left gives the right; an error on the left stops s.
        const left = this.evaluate(expression.left, segments);
        return left ? left : this.evaluate(expression.right, segments);
      }
      case 'call':
        return this.call(expression.name, expression.args, segments);
      case 'member':
        return member(this.evaluate(expression.object, segments), expression.segments);
      case 'path': {
        const [head, ...rest] = expression.segments as [string, ...Segment[]];
        // JavaScript: a missing key is undefined, for the call or the whole value to answer for.
        return this.s3Name(head, rest, segments);
      }
    }
  }

  private call(name: string, args: Expression[], segments: Segment[]): unknown {
    const text = (index: number) => {
      const value = args[index] === undefined ? undefined : this.evaluate(args[index], segments);
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
      case 'str': {
        // `String(get(context, value, value))`: a name of the parser's is its value, any other text itself.
        const value = args[0] === undefined ? undefined : this.evaluate(args[0], segments);
        if (typeof value !== 'string') return String(value);
        const [head, ...rest] = value.split('.') as [string, ...string[]];
        const named = this.isS3Name(head) ? this.s3Name(head, rest, segments) : undefined;
        return String(present(named) ? named : value);
      }
      case 'yaml': {
        const value = text(0);
        try {
          return parseYaml(value) as unknown;
        } catch {
          throw new StopsDeploy(`s deploy stops here: yaml(): not YAML: ${value.slice(0, 60)}`);
        }
      }
      case 'regex':
        throw new Unresolvable(`regex('${text(0)}') tests the s command being run, which fc-sim does not know`);
      case 'secret':
        throw new Unresolvable(`secret('${text(0)}') is a secret kept by the deploying machine, not known locally`);
      // s 3.1.10 (the latest CLI) has no base64(); the art-template betas after it do: the CLI is what users run.
      default:
        throw new StopsDeploy(`s deploy stops here: ${name}() is no function of Serverless Devs 3.x's (${S3_NAMES})`);
    }
  }

  private local(path: string): string {
    return isAbsolute(path) ? path : join(this.context.root, path);
  }

  private isS3Name(head: string): boolean {
    return (
      (this.context.names !== undefined && Object.hasOwn(this.context.names, head)) || ['vars', 'resources', 'this', 'that', 'cwd', 'credential'].includes(head)
    );
  }

  /** s 3.x: a name of the parse phase's context and the keys after it; undefined where a key has nothing. */
  private s3Name(head: string, keys: Segment[], segments: Segment[]): unknown {
    const given = this.given(head, keys);
    if (given.found) return given.value;
    if (head === 'vars') return this.at(['vars', ...keys]);
    if (head === 'cwd') return member(this.context.root, keys);
    if (head === 'this' || head === 'that' || head === 'resources') {
      // parse-spec resolves the top-level values (vars…) with cwd, vars and the functions only.
      if (!this.insideResource(segments)) throw new StopsDeploy(`s deploy stops here: outside resources, Serverless Devs 3.x has no \`${head}\``);
      // devs-compile turns `${this.` into `${that.` in what is written, not in a value it resolves once more.
      if (head === 'this' && this.rereading > 0)
        throw new StopsDeploy('s deploy stops here: Serverless Devs 3.x reads `this` in a value written in the project, not in one a reference gave');
    }
    if (head === 'this' || head === 'that') return this.resourceItself(keys, segments);
    if (head === 'resources') {
      if (keys[1] === 'output' || keys[1] === 'info')
        throw new Unresolvable(`${pathText(['resources', ...keys])} is known only after s deploy; s and fc-sim leave it as written`);
      // Resources are resolved in the order they are written: one not resolved yet (this one, or a later one) is read as written.
      const resources = Object.keys(this.context.document.resources ?? {});
      if (!this.engine && resources.indexOf(String(keys[0])) >= resources.indexOf(String(segments[1]))) return this.written(['resources', ...keys]);
      return this.at(['resources', ...keys]);
    }
    if (head === 'credential') throw new Unresolvable("the deploying credentials are not known locally (config('AccountID') is the one fc-sim stands in for)");
    throw new StopsDeploy(`s deploy stops here: Serverless Devs 3.x has no \`${head}\`: its names are ${S3_NAMES}`);
  }

  /** The names env.yaml's overlays are resolved with. */
  private given(head: string, keys: Segment[]): { found: boolean; value?: unknown } {
    const names = this.context.names;
    if (names === undefined || !Object.hasOwn(names, head)) return { found: false };
    return { found: true, value: member(names[head], keys) };
  }

  private insideResource(segments: Segment[]): boolean {
    return segments[0] === this.projectsKey && segments.length > 1;
  }

  /** `this.*`: the resource the value stands in (its name, access, component, props). */
  private resourceItself(keys: Segment[], segments: Segment[]): unknown {
    if (!this.insideResource(segments)) throw new Unresolvable('this.… stands only inside a resource');
    const name = String(segments[1]);
    if (keys[0] === 'name' && keys.length === 1) return name;
    if (keys[0] === 'access' && keys.length === 1) return this.at([this.projectsKey, name, 'access']) ?? this.at(['access']);
    return this.at([this.projectsKey, name, ...keys]);
  }

  /** The value at a document path as written; undefined where there is none. */
  private written(path: Segment[]): unknown {
    return member(this.context.document, path);
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

/** `value[key]…` for each key, undefined once a step has nothing (lodash `get`). */
function member(value: unknown, keys: readonly Segment[]): unknown {
  return keys.reduce<unknown>(
    (current, key) => (typeof current === 'object' && current !== null && Object.hasOwn(current, key) ? (current as Record<Segment, unknown>)[key] : undefined),
    value,
  );
}

/**
 * The document with every `${…}` Serverless Devs would resolve replaced by its value (see {@link VariableContext}).
 * Throws an `E_PROJECT` FcSimError naming the chain when values refer to each other in a circle.
 */
export function resolveVariables(context: VariableContext): Record<string, unknown> {
  return new Resolver(context).document();
}
