import type { SchemaName } from '../../schema/catalog.js';
import { isSchemaName, loadSchema, schemaNames } from '../../schema/catalog.js';
import { detectSchema } from '../../schema/detect.js';
import type { ValidationIssue } from '../../schema/issues.js';
import { formatIssue } from '../../schema/issues.js';
import { validate } from '../../schema/validate.js';
import { FcSimError } from '../../errors.js';
import { decodeCbor, startsLikeCborMap } from '../../io/cbor.js';
import { isJsonObject } from '../../io/json-values.js';
import { parseJson } from '../../io/read-json.js';
import { isSavedFailure, parseFailureFile } from '../../testing/failures.js';
import { isTriggerId, triggerBasics, triggerIds } from '../../triggers/basics.js';
import type { InputEvent } from '../read-events.js';
import { readEvents } from '../read-events.js';
import { writeInTurn } from '../records.js';
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

/** `--type`: a schema name, or a trigger's name (`mns`), which picks the variant each event is written for. */
function schemaChoice(type: string): SchemaName | ((value: unknown) => SchemaName) {
  if (isSchemaName(type)) return type;
  if (isTriggerId(type)) {
    const module = triggerBasics(type);
    const [only, ...others] = module.schemas.events;
    if (others.length === 0 && only) return only;
    // mns: mns-json or mns-stream, as the event is written; the first when the event says nothing.
    return (value) => (isJsonObject(value) ? module.schemaOf(value) : undefined) ?? module.schemas.events[0]!;
  }
  throw new FcSimError(
    'E_UNKNOWN_SCHEMA',
    `unknown type "${type}"`,
    `use one of: ${schemaNames.join(', ')} (fc-sim schema lists them), or a trigger: ${triggerIds.join(', ')}`,
  );
}

/** An event's value: JSON (a saved failure: the event in it), or CBOR's JSON form (Tablestore). */
function eventValue(input: InputEvent): unknown {
  if (/\.cbor$/i.test(input.label) || startsLikeCborMap(input.bytes)) return decodeCbor(input.bytes, input.label);
  const value = input.json ? input.json.value : parseJson(input.bytes.toString('utf8'), input.label);
  if (!isSavedFailure(value)) return value;
  const saved = parseFailureFile(input.bytes.toString('utf8'));
  return isSavedFailure(saved) ? saved.event : value;
}

function errorOutcome(file: string, error: unknown): FileOutcome {
  if (!(error instanceof FcSimError)) throw error;
  return { file, outcome: 'error', error: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) } };
}

function check(input: InputEvent, forced: ReturnType<typeof schemaChoice> | undefined, strict: boolean): FileOutcome {
  const file = input.label;
  let value: unknown;
  try {
    value = eventValue(input);
  } catch (error) {
    return errorOutcome(file, error);
  }
  const detection = forced ? undefined : detectSchema(value);
  const schema = typeof forced === 'function' ? forced(value) : (forced ?? detection?.schema);
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

/**
 * `fc-sim validate <files|folders|->…`: one outcome per event (each line of an NDJSON file, each file of a folder, a
 * saved failure's event), printed as it comes (`--json`: one JSON line each). 0 when every event is valid, 1 when
 * one is invalid, 2 when one cannot be read.
 */
export async function validateCommand(files: string[], options: ValidateCommandOptions, io: CliIo): Promise<number> {
  const forced = options.type === undefined ? undefined : schemaChoice(options.type);
  const strict = options.strict ?? false;
  let invalid = false;
  let unreadable = false;
  const report = async (outcome: FileOutcome) => {
    if (outcome.outcome === 'invalid') invalid = true;
    if (outcome.outcome === 'error') unreadable = true;
    if (options.json) await writeInTurn(io.stdout, `${JSON.stringify(outcome)}\n`);
    else printOutcome(outcome, strict, io);
  };
  for (const file of files) {
    // A file that cannot be read is its outcome; the other files are still checked.
    try {
      for await (const input of readEvents([file], {}, io)) await report(check(input, forced, strict));
    } catch (error) {
      await report(errorOutcome(file === '-' ? '<stdin>' : file, error));
    }
  }
  if (unreadable) return 2;
  return invalid ? 1 : 0;
}
