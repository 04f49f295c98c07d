import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { loadSchema, type SchemaName } from './catalog.js';
import { formatIssue, toIssues, type ValidationIssue } from './issues.js';
import { strictSchema } from './strict.js';
import type { SchemaTypes } from '../types/generated.js';

// ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is the module object.
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

export interface ValidateOptions {
  /** Report fields the schema does not list (typos, fields FC does not send). Default false: FC adds fields over time. */
  strict?: boolean;
}

export type ValidationResult<N extends SchemaName = SchemaName> =
  | { valid: true; schema: N; value: SchemaTypes[N]; issues: [] }
  | { valid: false; schema: N; issues: ValidationIssue[] };

function createAjv(): Ajv {
  // verbose: errors carry the failing value and its schema, which the messages quote.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-fc-doc', schemaType: 'string' });
  return ajv;
}

/** Validators compiled on first use, one set per mode (strict closes open objects, so it needs its own compile). */
class ValidatorCache {
  private ajv: Ajv | undefined;
  private readonly compiled = new Map<SchemaName, ValidateFunction>();

  constructor(private readonly strict: boolean) {}

  get(name: SchemaName): ValidateFunction {
    let validate = this.compiled.get(name);
    if (!validate) {
      this.ajv ??= createAjv();
      const schema = loadSchema(name);
      validate = this.ajv.compile(this.strict ? strictSchema(schema) : schema);
      this.compiled.set(name, validate);
    }
    return validate;
  }
}

const lenientValidators = new ValidatorCache(false);
const strictValidators = new ValidatorCache(true);

/** Checks a value (already parsed from JSON) against one of fc-sim's schemas. */
export function validate<N extends SchemaName>(name: N, value: unknown, options: ValidateOptions = {}): ValidationResult<N> {
  const check = (options.strict ? strictValidators : lenientValidators).get(name);
  if (check(value)) return { valid: true, schema: name, value: value as SchemaTypes[N], issues: [] };
  return { valid: false, schema: name, issues: toIssues(check.errors ?? []) };
}

/** Thrown by {@link assertValid}: says which schema and where in the value it failed. */
export class EventValidationError extends Error {
  readonly code = 'E_INVALID_EVENT';
  constructor(
    readonly schema: SchemaName,
    readonly issues: ValidationIssue[],
  ) {
    super(`not a valid ${schema} value:\n${issues.map((i) => '  ' + formatIssue(i).replace(/\n/g, '\n  ')).join('\n')}`);
    this.name = 'EventValidationError';
  }
}

/** Returns the value typed as the schema's type, or throws an {@link EventValidationError}. */
export function assertValid<N extends SchemaName>(name: N, value: unknown, options: ValidateOptions = {}): SchemaTypes[N] {
  const result = validate(name, value, options);
  if (!result.valid) throw new EventValidationError(name, result.issues);
  return result.value;
}
