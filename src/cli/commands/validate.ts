import type { SchemaName } from '../../schema/catalog.js';
import { isSchemaName, loadSchema, schemaNames } from '../../schema/catalog.js';
import { detectSchema } from '../../schema/detect.js';
import type { ValidationIssue } from '../../schema/issues.js';
import { formatIssue } from '../../schema/issues.js';
import { validate } from '../../schema/validate.js';
import { FcSimError } from '../../errors.js';
import { readJson } from '../../io/read-json.js';
import type { CliIo } from '../io.js';

export interface ValidateCommandOptions {
  type?: string;
  strict?: boolean;
  json?: boolean;
}

interface FileOutcome {
  file: string;
  /** valid, invalid, or error (could not be read or parsed). */
  outcome: 'valid' | 'invalid' | 'error';
  schema?: SchemaName;
  detectedBecause?: string;
  issues?: ValidationIssue[];
  error?: { code: string; message: string; hint?: string };
}

export function parseSchemaOption(type: string): SchemaName {
  if (isSchemaName(type)) return type;
  throw new FcSimError('E_UNKNOWN_SCHEMA', `unknown type "${type}"`, `use one of: ${schemaNames.join(', ')} (fc-sim schema lists them)`);
}

async function check(file: string, forced: SchemaName | undefined, strict: boolean, io: CliIo): Promise<FileOutcome> {
  let value: unknown;
  try {
    ({ value } = await readJson(file, io));
  } catch (error) {
    if (!(error instanceof FcSimError)) throw error;
    return { file, outcome: 'error', error: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) } };
  }
  const detection = forced ? undefined : detectSchema(value);
  const schema = forced ?? detection?.schema;
  if (!schema) {
    return {
      file,
      outcome: 'invalid',
      issues: [
        {
          pointer: '',
          keyword: 'detect',
          message: 'does not look like any FC trigger event fc-sim knows',
          expected: 'an FC event',
          found: Array.isArray(value) ? 'an array' : typeof value,
          hint: `pass --type with one of: ${schemaNames.join(', ')}`,
        },
      ],
    };
  }
  const result = validate(schema, value, { strict });
  return {
    file,
    outcome: result.valid ? 'valid' : 'invalid',
    schema,
    ...(detection ? { detectedBecause: detection.because } : {}),
    ...(result.valid ? {} : { issues: result.issues }),
  };
}

function describeSchema(schema: SchemaName): string {
  return `${schema} (${loadSchema(schema).title ?? schema})`;
}

function printOutcome(outcome: FileOutcome, strict: boolean, io: CliIo): void {
  const label = outcome.file === '-' ? '<stdin>' : outcome.file;
  if (outcome.outcome === 'error') {
    const { message, hint } = outcome.error!;
    io.stderr.write(`✗ ${message}\n${hint ? `  hint: ${hint}\n` : ''}`);
    return;
  }
  const mode = strict ? ' (strict)' : '';
  if (outcome.outcome === 'valid') {
    io.stdout.write(`✓ ${label}: valid ${describeSchema(outcome.schema!)}${mode}\n`);
    return;
  }
  const issues = outcome.issues!;
  const against = outcome.schema ? `a valid ${describeSchema(outcome.schema)}${mode}` : 'a known event';
  const detected = outcome.detectedBecause ? ` [detected: ${outcome.detectedBecause}; use --type to choose]` : '';
  io.stdout.write(`✗ ${label}: not ${against}${detected}, ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n`);
  for (const issue of issues) io.stdout.write(`  ${formatIssue(issue).replace(/\n/g, '\n  ')}\n`);
}

/** `fc-sim validate <file|->…`: 0 when every file is valid, 1 when one is invalid, 2 when one cannot be read. */
export async function validateCommand(files: string[], options: ValidateCommandOptions, io: CliIo): Promise<number> {
  const forced = options.type === undefined ? undefined : parseSchemaOption(options.type);
  const strict = options.strict ?? false;
  const outcomes: FileOutcome[] = [];
  for (const file of files) outcomes.push(await check(file, forced, strict, io));
  if (options.json) io.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
  else for (const outcome of outcomes) printOutcome(outcome, strict, io);
  if (outcomes.some((o) => o.outcome === 'error')) return 2;
  return outcomes.some((o) => o.outcome === 'invalid') ? 1 : 0;
}
