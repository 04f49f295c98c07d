import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { ProjectProblem } from './model.js';

/** `{{ name }}`, the name captured: every pattern below is this one in a context. */
const NAMED = String.raw`\{\{\s*([\w-]+)\s*\}\}`;
const PLACEHOLDER = new RegExp(NAMED, 'g');
const HAS_PLACEHOLDER = new RegExp(NAMED);
/** A string that is one placeholder and nothing else. */
const WHOLE_PLACEHOLDER = new RegExp(`^${NAMED}$`);
/** A placeholder that is a whole unquoted value (`domain: {{ cdnDomain }}`, `- {{ name }}`), a trailing comment kept. */
const BARE_PLACEHOLDER = new RegExp(String.raw`^(\s*(?:-\s+|[^\s#'"][^#'"]*?:\s+))${NAMED}(\s*(?:#.*)?)$`);
/** A line that opens a block scalar (`script: |`, `- >-`, `body: |2 # text`): the lines below it are its text. */
const BLOCK_SCALAR_START = /^(\s*)(?:-\s+|-$|[^\s#'"][^#'"]*?:\s+)?[|>][-+]?\d?[-+]?\s*(?:#.*)?$/;

/** The names each document had as whole unquoted values (quoted by {@link quoteBarePlaceholders}). */
const bareNames = new WeakMap<object, ReadonlySet<string>>();

/**
 * `s init` fills placeholders in the file's text, so templates also write them unquoted (`region: {{ region }}`),
 * which YAML would read as a mapping in a mapping (`{"{ region }": null}`, with a warning on stderr). Quoted here
 * before parsing, each stays a string until {@link fillInitPlaceholders} fills it, typed as `s init`'s text would be.
 */
export function quoteBarePlaceholders(text: string): { text: string; bare: ReadonlySet<string> } {
  const bare = new Set<string>();
  // Inside a block scalar a placeholder is text (`s init` fills it in place): quoting it would put quotes in the text.
  let blockIndent: number | undefined;
  const lines = text.split('\n').map((line) => {
    const indent = line.length - line.trimStart().length;
    if (blockIndent !== undefined && (line.trim() === '' || indent > blockIndent)) return line;
    blockIndent = BLOCK_SCALAR_START.exec(line) ? indent : undefined;
    const bareValue = BARE_PLACEHOLDER.exec(line);
    if (!bareValue) return line;
    const [, before, name, after] = bareValue as unknown as [string, string, string, string];
    bare.add(name);
    return `${before}"{{ ${name} }}"${after}`;
  });
  return { text: lines.join('\n'), bare };
}

/** Records which placeholders a parsed document had unquoted. */
export function markBarePlaceholders(document: object, bare: ReadonlySet<string>): void {
  if (bare.size > 0) bareNames.set(document, bare);
}

/** The parameter defaults of the `s init` template a project file belongs to: publish.yaml beside it or one folder up. */
function templateDefaults(root: string): { file: string; defaults: Map<string, string | number | boolean> } | undefined {
  const file = [join(root, 'publish.yaml'), join(dirname(root), 'publish.yaml')].find((candidate) => existsSync(candidate));
  if (!file) return undefined;
  let publish: unknown;
  try {
    publish = parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const properties = (publish as { Parameters?: { properties?: Record<string, { default?: unknown }> } } | null)?.Parameters?.properties ?? {};
  const defaults = new Map<string, string | number | boolean>();
  for (const [name, property] of Object.entries(properties)) {
    const value = property?.default;
    if (typeof value === 'number' || typeof value === 'boolean') defaults.set(name, value);
    // `${default-suffix}` is the random suffix `s init` appends to names; one fixed word stands in for it.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: s init's own placeholder, matched as text
    else if (value !== undefined) defaults.set(name, String(value).replaceAll('${default-suffix}', 'local'));
  }
  return { file, defaults };
}

/**
 * A default as YAML reads it once `s init` has written it in place of an unquoted placeholder: a string default '3' is
 * the number 3 there (awesome-fc's sls-trigger-nodejs: `maxRetryTime: {{ maxRetryTime }}`, publish.yaml `type:
 * string, default: '3'`). Only numbers and booleans are taken: text that YAML would read as null or a collection
 * stays the text, which is what the template meant.
 */
function asYamlReads(value: string | number | boolean): string | number | boolean {
  if (typeof value !== 'string') return value;
  try {
    const read: unknown = parse(value);
    return typeof read === 'number' || typeof read === 'boolean' ? read : value;
  } catch {
    return value;
  }
}

/**
 * An `s init` template (devsapp/start-fc and every Serverless Devs registry app) holds `{{ runtime }}`-style
 * placeholders that `s init` fills from publish.yaml's parameters. Read in place, each takes its default there, as
 * `s init` does when the user accepts the defaults; one note says so. Without publish.yaml they stay as written. A
 * default filled into an unquoted whole value (`memorySize: {{ memorySize }}`) is what YAML reads of `s init`'s output:
 * a number or boolean, `'3'` included.
 */
export function fillInitPlaceholders(document: Record<string, unknown>, root: string, file: string, problems: ProjectProblem[]): Record<string, unknown> {
  if (!HAS_PLACEHOLDER.test(JSON.stringify(document))) return document;
  const template = templateDefaults(root);
  if (!template) return document;
  const filled = new Set<string>();
  const unfilled = new Map<string, string>();
  const bare = bareNames.get(document);
  const fill = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') {
      const whole = WHOLE_PLACEHOLDER.exec(value)?.[1];
      const found = whole !== undefined && bare?.has(whole) ? template.defaults.get(whole) : undefined;
      const typed = found === undefined ? undefined : asYamlReads(found);
      if (typeof typed === 'number' || typeof typed === 'boolean') {
        filled.add(`${whole}=${typed}`);
        return typed;
      }
      return value.replace(PLACEHOLDER, (match, name: string) => {
        const found = template.defaults.get(name);
        if (found === undefined) {
          // `access` names the deploying credentials, which fc-sim never reads.
          if (!unfilled.has(name) && path !== 'access') unfilled.set(name, path);
          return match;
        }
        filled.add(`${name}=${found}`);
        return String(found);
      });
    }
    if (Array.isArray(value)) return value.map((item, index) => fill(item, `${path}[${index}]`));
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, path ? `${path}.${key}` : key)]));
    return value;
  };
  const result = fill(document, '') as Record<string, unknown>;
  if (filled.size > 0)
    problems.push({
      kind: 'note',
      message: `an s init template: {{ … }} filled with the defaults of ${template.file} (${[...filled].join(', ')})`,
      location: { file, path: '' },
    });
  // `s init` asks for these; left as written, each is named where it first stands.
  for (const [name, path] of unfilled)
    problems.push({
      kind: 'unresolved-variable',
      message: `{{ ${name} }} left as written: ${template.file} gives it no default (s init asks for it)`,
      fix: 'run s init to fill it, or write the value in its place (or give the parameter a default in publish.yaml)',
      location: { file, path },
    });
  return result;
}
