import type { ErrorObject } from 'ajv';
import { closestName } from '../closest-name.js';

/**
 * One reason a value does not match a schema, said so that a person can fix it.
 *
 * @example
 * ```ts
 * const [issue]: ValidationIssue[] = validate('oss', { events: [{ eventName: 'oss:ObjectCreated:PutObject' }] }).issues;
 * console.error(`${issue?.pointer}: expected ${issue?.expected}, found ${issue?.found}`, issue?.hint ?? '');
 * ```
 * @see README.md#check-an-event
 */
export interface ValidationIssue {
  /** JSON pointer (RFC 6901) to the offending value; `""` is the whole document. */
  pointer: string;
  /** What is wrong, in a sentence: `must be one of: "A", "B"`. */
  message: string;
  /** What the schema wants there. */
  expected: string;
  /** What the value has there (JSON, shortened), or `(missing)`. */
  found: string;
  /** The JSON Schema keyword that failed (`enum`, `required`, `type`, …). */
  keyword: string;
  /** How to fix it, when fc-sim recognises the mistake. */
  hint?: string;
}

const MAX_SHOWN = 120;

export function showValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function firstSentence(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const sentence = text.split(/(?<=\.)\s|\n/)[0]!.trim();
  return sentence.length > 0 ? sentence : undefined;
}

function hintFor(error: ErrorObject, expected: string): string | undefined {
  const found = error.data;
  switch (error.keyword) {
    case 'enum':
    case 'const': {
      const members = error.keyword === 'enum' ? (error.params as { allowedValues: unknown[] }).allowedValues : [error.params.allowedValue];
      if (typeof found === 'string' && found.startsWith('oss:') && members.includes(found.slice(4))) {
        return `drop the "oss:" prefix: trigger configs name events "oss:${found.slice(4)}", the payload FC sends says "${found.slice(4)}"`;
      }
      const closest = closestName(found, members);
      return closest !== undefined && closest !== found ? `did you mean ${JSON.stringify(closest)}?` : undefined;
    }
    case 'type':
      if (typeof found === 'string' && ['boolean', 'integer', 'number'].includes(expected) && found.trim() !== '') {
        return `write the JSON ${expected} ${found.trim()} without quotes, as FC sends it`;
      }
      if (typeof found === 'string' && (expected === 'object' || expected === 'array') && /^\s*[[{]/.test(found)) {
        return `this ${expected} is JSON-encoded inside a string: JSON.parse it first`;
      }
      return undefined;
    case 'additionalProperties': {
      const name = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const closest = closestName(name, known);
      return closest ? `did you mean ${JSON.stringify(closest)}?` : known.length ? `known keys: ${known.join(', ')}` : undefined;
    }
    default:
      return undefined;
  }
}

function describe(error: ErrorObject): { pointer: string; message: string; expected: string; found: string } {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      const described = firstSentence((error.parentSchema?.properties as Record<string, { description?: string }> | undefined)?.[name]?.description);
      return {
        pointer: `${error.instancePath}/${escapePointerToken(name)}`,
        message: `is required`,
        expected: described ? `a value (${described})` : 'a value',
        found: '(missing)',
      };
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      return {
        pointer: `${error.instancePath}/${escapePointerToken(name)}`,
        message: 'is not a field of this object',
        expected: 'no such field',
        found: showValue((error.data as Record<string, unknown>)[name]),
      };
    }
    case 'enum':
    case 'const': {
      const members = error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue];
      const expected = members.length === 1 ? showValue(members[0]) : `one of ${members.map((m) => JSON.stringify(m)).join(', ')}`;
      return { pointer: error.instancePath, message: `must be ${expected}`, expected, found: showValue(error.data) };
    }
    case 'type': {
      const expected = String(params.type);
      return {
        pointer: error.instancePath,
        message: `must be ${expected.includes(',') ? `one of ${expected}` : expected === 'object' || expected === 'array' || expected === 'integer' ? `an ${expected}` : `a ${expected}`}`,
        expected,
        found: `${showValue(error.data)} (${typeOf(error.data)})`,
      };
    }
    case 'pattern':
    case 'format': {
      const what = firstSentence(error.parentSchema?.description);
      const expected = error.keyword === 'format' ? `a valid ${String(params.format)}` : `a string matching ${String(params.pattern)}`;
      return {
        pointer: error.instancePath,
        message: what ? `must be ${expected} (${what})` : `must be ${expected}`,
        expected,
        found: showValue(error.data),
      };
    }
    default:
      return { pointer: error.instancePath, message: error.message ?? error.keyword, expected: error.message ?? error.keyword, found: showValue(error.data) };
  }
}

/** Keywords whose error only repeats what the errors under them say. */
const SUMMARY_KEYWORDS = new Set(['if', 'anyOf', 'oneOf', 'allOf']);

/**
 * For `anyOf`/`oneOf` (an EventBridge event is one envelope or an array of them), drop the complaint of the branch
 * whose type did not match (`must be array`) when the branch that did match has something more precise to say.
 */
function dropMismatchedBranches(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath);
  const within = (path: string, root: string) => path === root || path.startsWith(`${root}/`);
  return errors.filter((error) => {
    if (error.keyword !== 'type' || !alternatives.includes(error.instancePath)) return true;
    return !errors.some(
      (other) =>
        other !== error &&
        !SUMMARY_KEYWORDS.has(other.keyword) &&
        !(other.keyword === 'type' && other.instancePath === error.instancePath) &&
        within(other.instancePath, error.instancePath),
    );
  });
}

/** Turns ajv's errors (compiled with `allErrors` and `verbose`) into issues, without the summary noise. */
export function toIssues(errors: readonly ErrorObject[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of dropMismatchedBranches([...errors])) {
    if (SUMMARY_KEYWORDS.has(error.keyword)) continue;
    const described = describe(error);
    // One word on a string's form per place: a pattern and a date-time format (or ipv4 and ipv6) say the same thing.
    const form = error.keyword === 'pattern' || error.keyword === 'format';
    const key = form ? `${described.pointer}\u0000form` : `${described.pointer}\u0000${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const hint = hintFor(error, described.expected);
    issues.push({ ...described, keyword: error.keyword, ...(hint ? { hint } : {}) });
  }
  return issues;
}

/**
 * One issue as the CLI prints it: `/events/0/eventName: must be …; found "…"`, and the hint on its own line.
 *
 * @example
 * ```ts
 * const result = validate('timer', JSON.parse(readFileSync('event.json', 'utf8')));
 * if (!result.valid) console.error(result.issues.map(formatIssue).join('\n'));
 * ```
 * @see README.md#check-an-event
 */
export function formatIssue(issue: ValidationIssue): string {
  const where = issue.pointer === '' ? '(root)' : issue.pointer;
  const found = issue.found === '(missing)' ? '' : `; found ${issue.found}`;
  return `${where}: ${issue.message}${found}${issue.hint ? `\n  hint: ${issue.hint}` : ''}`;
}
