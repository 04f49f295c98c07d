import type { Ajv, ValidateFunction } from 'ajv';
import { FcSimError } from '../errors.js';
import { createAjv } from './ajv-options.js';
import type { SchemaName } from './catalog.js';
import { loadSchema } from './catalog.js';
import type { ValidationIssue } from './issues.js';
import { formatIssue, toIssues } from './issues.js';
import { precompiledValidator } from './precompiled.js';
import { strictSchema } from './strict.js';
import type { SchemaTypes } from '../types/generated.js';

/**
 * How {@link validate} and {@link assertValid} check a value.
 *
 * @example
 * ```ts
 * const options: ValidateOptions = { strict: true }; // also report fields FC does not send, such as typos
 * const result = validate('oss', JSON.parse(readFileSync('event.json', 'utf8')), options);
 * ```
 * @see README.md#check-an-event
 */
export interface ValidateOptions {
  /** Report fields the schema does not list (typos, fields FC does not send). Default false: FC adds fields over time. */
  strict?: boolean;
}

/**
 * The outcome of {@link validate}: the value typed as the schema's type, or every issue found.
 *
 * @example
 * ```ts
 * const result: ValidationResult<'timer'> = validate('timer', { triggerTime: '2023-12-26T07:49:00Z', triggerName: 't', payload: '' });
 * if (result.valid) console.log(result.value.triggerName);
 * else for (const issue of result.issues) console.error(formatIssue(issue));
 * ```
 * @see README.md#check-an-event
 */
export type ValidationResult<N extends SchemaName = SchemaName> =
  | { valid: true; schema: N; value: SchemaTypes[N]; issues: [] }
  | { valid: false; schema: N; issues: ValidationIssue[] };

/**
 * Validators loaded on first use, one set per mode (strict closes open objects, so it needs its own compile):
 * compiled ahead of time (schemas/validators/), or here when a schema changed since (ajv is then loaded).
 */
class ValidatorCache {
  private ajv: Ajv | undefined;
  private readonly compiled = new Map<SchemaName, ValidateFunction>();

  constructor(private readonly strict: boolean) {}

  get(name: SchemaName): ValidateFunction {
    let validate = this.compiled.get(name);
    if (!validate) {
      const schema = this.strict ? strictSchema(loadSchema(name)) : loadSchema(name);
      validate = precompiledValidator(name, this.strict, schema);
      if (!validate) {
        this.ajv ??= createAjv();
        validate = this.ajv.compile(schema);
      }
      this.compiled.set(name, validate);
    }
    return validate;
  }
}

const lenientValidators = new ValidatorCache(false);
const strictValidators = new ValidatorCache(true);

/**
 * Checks a value (already parsed from JSON) against one of fc-sim's schemas.
 *
 * @example
 * ```ts
 * const result = validate('oss', JSON.parse(readFileSync('event.json', 'utf8')), { strict: true });
 * if (!result.valid) console.error(result.issues.map(formatIssue).join('\n'));
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 * @see README.md#check-an-event
 */
export function validate<N extends SchemaName>(name: N, value: unknown, options: ValidateOptions = {}): ValidationResult<N> {
  const check = (options.strict ? strictValidators : lenientValidators).get(name);
  if (check(value)) return { valid: true, schema: name, value: value as SchemaTypes[N], issues: [] };
  return { valid: false, schema: name, issues: toIssues(check.errors ?? []) };
}

/**
 * Thrown by {@link assertValid}: says which schema and where in the value it failed.
 *
 * @example
 * ```ts
 * try {
 *   assertValid('timer', { triggerName: 'nightly' });
 * } catch (error) {
 *   if (error instanceof EventValidationError) console.error(error.schema, error.issues.map((issue) => issue.pointer));
 * }
 * ```
 * @see README.md#check-an-event
 */
export class EventValidationError extends FcSimError {
  declare readonly code: 'E_INVALID_EVENT';
  constructor(
    readonly schema: SchemaName,
    readonly issues: ValidationIssue[],
  ) {
    super('E_INVALID_EVENT', `not a valid ${schema} value:\n${issues.map((i) => `  ${formatIssue(i).replace(/\n/g, '\n  ')}`).join('\n')}`);
    this.name = 'EventValidationError';
  }
}

/**
 * Returns the value typed as the schema's type, or throws an {@link EventValidationError}.
 *
 * @example
 * ```ts
 * export const handler = async (event: Buffer) => {
 *   const oss = assertValid('oss', JSON.parse(event.toString()));
 *   return oss.events.map((record) => record.oss.object.key);
 * };
 * ```
 * @see https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 * @see README.md#types-for-your-project
 */
export function assertValid<N extends SchemaName>(name: N, value: unknown, options: ValidateOptions = {}): SchemaTypes[N] {
  const result = validate(name, value, options);
  if (!result.valid) throw new EventValidationError(name, result.issues);
  return result.value;
}
