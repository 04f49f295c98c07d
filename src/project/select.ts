import { FcSimError } from '../errors.js';
import type { Project, ProjectFunction, ProjectTrigger } from './model.js';

/**
 * Picking a project's functions and triggers by name: `fc-sim invoke <function>`, `--function <name>`,
 * `fc-sim test [<function>[/<trigger>] …]` and `--shard i/n`.
 */

/** How messages and selectors name a function: `service/function` on FC 2.0, `function` on FC 3.0. */
export const functionLabel = (fn: ProjectFunction): string => (fn.service ? `${fn.service}/${fn.name}` : fn.name);

/**
 * One function of a project and the triggers `fc-sim test` runs for it (all of them, or those a selector names).
 *
 * @example
 * ```ts
 * const selected: SelectedFunction[] = selectTriggers(loadProject('.'), ['api/http-trigger']);
 * for (const { fn, triggers } of selected) console.log(fn.name, triggers.map((trigger) => trigger.name));
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface SelectedFunction {
  fn: ProjectFunction;
  triggers: ProjectTrigger[];
}

const available = (project: Project) =>
  project.functions.length === 0 ? `${project.file} has no functions` : `functions: ${project.functions.map(functionLabel).join(', ')}`;

/** The functions a name means: `name` (any service) or `service/name`. */
function functionsNamed(project: Project, name: string): ProjectFunction[] {
  return project.functions.filter((fn) => fn.name === name || functionLabel(fn) === name);
}

/**
 * The project function a name means (`fn`, or `service/fn` when two services have one of that name); an unknown or
 * ambiguous name is an E_USAGE error listing the names there are.
 *
 * @example
 * ```ts
 * const fn = findFunction(loadProject('.'), 'thumbnails');
 * const result = await invoke(fn.handler, buildOssEvent(), { codeDir: fn.codeDir });
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export function findFunction(project: Project, name: string): ProjectFunction {
  const found = functionsNamed(project, name);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    throw new FcSimError(
      'E_USAGE',
      `function "${name}" is ambiguous in ${project.file}: ${found.map(functionLabel).join(', ')}`,
      'name it with its service: <service>/<function>',
    );
  }
  throw new FcSimError('E_USAGE', `no function "${name}" in ${project.file}`, available(project));
}

/**
 * What one `fc-sim test` argument selects: a function label (`fn`, `svc/fn`) means all its triggers,
 * `<function>/<trigger>` one trigger. A label that is both (service `a` with function `b`, and function `a` with
 * trigger `b`) is the function: triggers are named after the function.
 */
function selectOne(project: Project, selector: string): SelectedFunction {
  const asFunction = functionsNamed(project, selector);
  if (asFunction.length > 0) {
    const fn = findFunction(project, selector);
    return { fn, triggers: fn.triggers };
  }
  const slash = selector.lastIndexOf('/');
  if (slash > 0) {
    const fn = findFunction(project, selector.slice(0, slash));
    const name = selector.slice(slash + 1);
    const trigger = fn.triggers.find((candidate) => candidate.name === name);
    if (!trigger) {
      throw new FcSimError(
        'E_USAGE',
        `function ${functionLabel(fn)} has no trigger "${name}"`,
        fn.triggers.length === 0 ? `${functionLabel(fn)} has no triggers` : `triggers: ${fn.triggers.map((t) => t.name).join(', ')}`,
      );
    }
    return { fn, triggers: [trigger] };
  }
  return { fn: findFunction(project, selector), triggers: [] };
}

/**
 * The functions and triggers `fc-sim test` runs: every one when no selector is given, else those the selectors
 * name (`<function>` for all its triggers, `<function>/<trigger>` for one), in the project's order, each once.
 *
 * @example
 * ```ts
 * const all = selectTriggers(loadProject('.'), []);
 * const one = selectTriggers(loadProject('.'), ['thumbnails/on-upload']);
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export function selectTriggers(project: Project, selectors: readonly string[]): SelectedFunction[] {
  if (selectors.length === 0) return project.functions.map((fn) => ({ fn, triggers: fn.triggers }));
  const chosen = new Map<ProjectFunction, Set<ProjectTrigger>>();
  for (const selector of selectors) {
    const { fn, triggers } = selectOne(project, selector);
    const set = chosen.get(fn) ?? new Set();
    for (const trigger of triggers) set.add(trigger);
    chosen.set(fn, set);
  }
  return project.functions.filter((fn) => chosen.has(fn)).map((fn) => ({ fn, triggers: fn.triggers.filter((trigger) => chosen.get(fn)!.has(trigger)) }));
}

/**
 * `--shard i/n` as vitest reads it: shard `index` (1-based) of `count`.
 *
 * @example
 * ```ts
 * const shard: Shard = parseShard('2/3'); // { index: 2, count: 3 }
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Reads `--shard i/n` (1 ≤ i ≤ n); anything else is an E_USAGE error.
 *
 * @example
 * ```ts
 * const selected = shardOf(selectTriggers(loadProject('.'), []), parseShard('1/4'));
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new FcSimError('E_USAGE', `--shard: expected i/n with 1 ≤ i ≤ n, got ${JSON.stringify(value)}`, 'e.g. --shard 1/3 on the first of three CI machines');
  }
  return { index, count };
}

/**
 * One shard's part of the selection: the function/trigger pairs (a function without triggers is one pair) in the
 * project's order, cut into `count` contiguous parts whose sizes differ by at most one, as vitest cuts its files.
 * Every pair is in exactly one shard, the same on every machine.
 *
 * @example
 * ```ts
 * const mine = shardOf(selectTriggers(loadProject('.'), []), { index: 1, count: 2 });
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export function shardOf(selected: readonly SelectedFunction[], shard: Shard): SelectedFunction[] {
  const pairs = selected.flatMap(
    ({ fn, triggers }): Array<{ fn: ProjectFunction; trigger?: ProjectTrigger }> =>
      triggers.length === 0 && fn.triggers.length === 0 ? [{ fn }] : triggers.map((trigger) => ({ fn, trigger })),
  );
  const base = Math.floor(pairs.length / shard.count);
  const extra = pairs.length % shard.count;
  const start = (shard.index - 1) * base + Math.min(shard.index - 1, extra);
  const mine = pairs.slice(start, start + base + (shard.index <= extra ? 1 : 0));
  const result: SelectedFunction[] = [];
  for (const { fn, trigger } of mine) {
    let entry = result.at(-1);
    if (entry?.fn !== fn) {
      entry = { fn, triggers: [] };
      result.push(entry);
    }
    if (trigger) entry.triggers.push(trigger);
  }
  return result;
}
