import { FcSimError } from '../errors.js';
import type { CheckName } from '../testing/checks.js';
import { checkNames } from '../testing/checks.js';

/** `--check <name>`, repeatable, on every command that runs events against a function. */
export const CHECK_FLAG = {
  flags: '--check <name>',
  description: `run only these checks; repeatable (${checkNames.join(', ')}; default: all but idempotent)`,
  collect: (value: string, previous: string[] = []) => [...previous, value],
} as const;

/** The checks `--check` names, as fc-sim/testing's `checks` option takes them; undefined (no --check): the default. */
export function checksFromFlag(names: readonly string[] | undefined): Partial<Record<CheckName, boolean>> | undefined {
  if (!names) return undefined;
  const unknown = names.find((name) => !(checkNames as readonly string[]).includes(name));
  if (unknown) throw new FcSimError('E_USAGE', `--check: unknown check "${unknown}"`, `use: ${checkNames.join(', ')}`);
  return Object.fromEntries(checkNames.map((name) => [name, names.includes(name)]));
}
