import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * The environment `s` resolves `${env(…)}` in: the process's, plus the `.env` files it loads (Serverless-Devs/toolkit
 * `packages/parse-spec/src/index.ts`): each resource's `code` folder's `.env`, then the `.env` beside the project
 * file, with dotenv's rules — a variable already set keeps its value, so the process wins and earlier files win over
 * later ones — and dotenv-expand's `${NAME}` in values.
 */
export function environmentWithDotenv(env: NodeJS.ProcessEnv, folders: readonly string[]): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...env };
  for (const folder of folders) {
    const file = join(folder, '.env');
    if (!existsSync(file)) continue;
    const values = parseEnv(readFileSync(file, 'utf8'));
    for (const [name, value] of Object.entries(values)) {
      if (result[name] !== undefined || value === undefined) continue;
      result[name] = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, braced?: string, bare?: string) => {
        const key = (braced ?? bare)!;
        return result[key] ?? values[key] ?? '';
      });
    }
  }
  return result;
}
