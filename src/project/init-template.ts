import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { ProjectProblem } from './model.js';

const PLACEHOLDER = /\{\{\s*([\w-]+)\s*\}\}/g;
const HAS_PLACEHOLDER = /\{\{\s*[\w-]+\s*\}\}/;

/** The parameter defaults of the `s init` template a project file belongs to: publish.yaml beside it or one folder up. */
function templateDefaults(root: string): { file: string; defaults: Map<string, string> } | undefined {
  const file = [join(root, 'publish.yaml'), join(dirname(root), 'publish.yaml')].find((candidate) => existsSync(candidate));
  if (!file) return undefined;
  let publish: unknown;
  try {
    publish = parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const properties = (publish as { Parameters?: { properties?: Record<string, { default?: unknown }> } } | null)?.Parameters?.properties ?? {};
  const defaults = new Map<string, string>();
  for (const [name, property] of Object.entries(properties)) {
    // `${default-suffix}` is the random suffix `s init` appends to names; one fixed word stands in for it.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: s init's own placeholder, matched as text
    if (property?.default !== undefined) defaults.set(name, String(property.default).replaceAll('${default-suffix}', 'local'));
  }
  return { file, defaults };
}

/**
 * An `s init` template (devsapp/start-fc and every Serverless Devs registry app) holds `{{ runtime }}`-style
 * placeholders that `s init` fills from publish.yaml's parameters. Read in place, each takes its default there, as
 * `s init` does when the user accepts the defaults; one note says so. Without publish.yaml they stay as written.
 */
export function fillInitPlaceholders(document: Record<string, unknown>, root: string, file: string, problems: ProjectProblem[]): Record<string, unknown> {
  if (!HAS_PLACEHOLDER.test(JSON.stringify(document))) return document;
  const template = templateDefaults(root);
  if (!template) return document;
  const filled = new Set<string>();
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string')
      return value.replace(PLACEHOLDER, (match, name: string) => {
        const found = template.defaults.get(name);
        if (found === undefined) return match;
        filled.add(`${name}=${found}`);
        return found;
      });
    if (Array.isArray(value)) return value.map(fill);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item)]));
    return value;
  };
  const result = fill(document) as Record<string, unknown>;
  if (filled.size > 0)
    problems.push({
      kind: 'note',
      message: `an s init template: {{ … }} filled with the defaults of ${template.file} (${[...filled].join(', ')})`,
      location: { file, path: '' },
    });
  return result;
}
