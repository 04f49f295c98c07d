import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseEnv } from 'node:util';

/** One `.env` load: the folder it is in, and whether dotenv-expand runs over it. */
export interface DotenvLoad {
  folder: string;
  expand: boolean;
}

/**
 * The environment `s` resolves `${env(…)}` in: the process's, plus the `.env` files it loads, in its order. Each load
 * is `dotenv.config({ path })` — it sets what is not set yet, so the process wins and earlier loads over later ones —
 * then, where `expand`, dotenv-expand 10 (what s 3.1.10 bundles) over every name of that file, writing the result back.
 */
export function environmentWithDotenv(env: NodeJS.ProcessEnv, loads: readonly DotenvLoad[]): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...env };
  for (const { folder, expand } of loads) {
    const file = join(folder, '.env');
    if (!existsSync(file)) continue;
    const parsed = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
    for (const [name, value] of Object.entries(parsed)) if (!Object.hasOwn(result, name)) result[name] = value;
    if (expand) for (const name of Object.keys(parsed)) result[name] = interpolate(result[name] ?? parsed[name]!, result, parsed).replace(/\\\$/g, '$');
  }
  return result;
}

/**
 * The `.env` loads of `s deploy`, checked end to end against s 3.1.10 and s 2.2.2:
 * - edition 3.0.0: the project folder's, as it is (the CLI's start, `services`-era code in its lib/index.js), then
 *   parse-spec's `doYamlinit` twice (the CLI's parse, then its engine's), each loading every resource's `code`
 *   folder's and then the project folder's, expanded;
 * - edition 1.0.0: the project folder's, then each service's `function.codeUri` folder's, as they are.
 */
export function dotenvLoads(document: Record<string, unknown>, root: string, edition: '3.0.0' | '1.0.0'): DotenvLoad[] {
  const folders = (group: unknown, path: readonly string[]) =>
    Object.values(typeof group === 'object' && group !== null ? group : {}).flatMap((entry) => {
      let code: unknown = entry;
      for (const key of path) code = (code as Record<string, unknown> | null | undefined)?.[key];
      return typeof code === 'string' && !code.includes('${') ? [isAbsolute(code) ? code : join(root, code)] : [];
    });
  if (edition === '1.0.0') return [root, ...folders(document.services, ['props', 'function', 'codeUri'])].map((folder) => ({ folder, expand: false }));
  const parse = [...folders(document.resources, ['props', 'code']), root].map((folder) => ({ folder, expand: true }));
  return [{ folder: root, expand: false }, ...parse, ...parse];
}

/**
 * dotenv-expand 10's `interpolate`: from the rightmost `$` not after a backslash, `$NAME`, `${NAME}` or
 * `${NAME:-default}` becomes the environment's value, else the default, else the file's own, else nothing; again
 * until no `$` is left.
 */
function interpolate(value: string, environment: NodeJS.ProcessEnv, parsed: Record<string, string>): string {
  const last = [...value.matchAll(/(?<!\\)\$/g)].at(-1)?.index;
  if (last === undefined) return value;
  const match = /((?<!\\)\$\{?(\w+)(?::-([^}\\]*))?\}?)/.exec(value.slice(last));
  if (match === null) return value;
  const [, group, name, fallback] = match as unknown as [string, string, string, string | undefined];
  return interpolate(
    value.replace(group, () => environment[name] || fallback || parsed[name] || ''),
    environment,
    parsed,
  );
}
