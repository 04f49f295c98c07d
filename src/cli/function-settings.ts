import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { FcSimError } from '../errors.js';
import type { FunctionConfig } from '../runtime/function-config.js';
import { deprecatedRuntimeNames } from '../runtime/node/deprecated-runtimes.js';
import { platformNames, runtimeNames } from '../runtime/runtimes.js';
import { createAjv } from '../schema/ajv-options.js';
import { formatIssue, toIssues } from '../schema/issues.js';

/**
 * The function settings FC accepts, the same for flags, FC_SIM_* variables and `--config` files. FC refuses to
 * create or update a function outside them (InvalidArgument), so no deployed function runs with such a value:
 * fc-sim refuses it too rather than simulate a function that cannot exist.
 * Sources: timeout 1–86400 s and memory 128–32768 MB in steps of 64 MB (FC 3.0's CreateFunction input,
 * runtime.md §7 "Memory"; https://help.aliyun.com/zh/functioncompute/developer-reference/api-fc-2023-03-30-struct-function).
 */
export const FC_LIMITS = {
  timeout: { min: 1, max: 86_400 },
  memorySize: { min: 128, max: 32_768, step: 64 },
} as const;

const TIMEOUT_RULE = `FC takes ${FC_LIMITS.timeout.min}–${FC_LIMITS.timeout.max} seconds`;
const MEMORY_RULE = `FC takes ${FC_LIMITS.memorySize.min}–${FC_LIMITS.memorySize.max} MB in steps of ${FC_LIMITS.memorySize.step} MB`;

const text = { type: 'string', minLength: 1 } as const;

/** A `--config` file: the fields of FunctionConfig that JSON can hold; any other key is a typo, refused. */
export const FUNCTION_CONFIG_FILE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'fc-sim --config file',
  type: 'object',
  additionalProperties: false,
  properties: {
    handler: text,
    codeDir: text,
    runtime: { enum: [...runtimeNames, ...deprecatedRuntimeNames] },
    platform: { enum: [...platformNames] },
    timeout: { type: 'integer', minimum: FC_LIMITS.timeout.min, maximum: FC_LIMITS.timeout.max },
    memorySize: { type: 'integer', minimum: FC_LIMITS.memorySize.min, maximum: FC_LIMITS.memorySize.max, multipleOf: FC_LIMITS.memorySize.step },
    initializer: text,
    initializationTimeout: { type: 'integer', minimum: FC_LIMITS.timeout.min, maximum: FC_LIMITS.timeout.max },
    preStop: text,
    preFreeze: text,
    functionName: text,
    serviceName: text,
    region: text,
    accountId: { type: 'string', pattern: '^\\d+$' },
    qualifier: text,
    versionId: { type: 'string' },
    logProject: { type: 'string' },
    logStore: { type: 'string' },
    credentials: {
      type: 'object',
      additionalProperties: false,
      required: ['accessKeyId', 'accessKeySecret'],
      properties: { accessKeyId: text, accessKeySecret: text, securityToken: { type: 'string' } },
    },
    environment: { type: 'object', additionalProperties: { type: 'string' } },
    nodePath: text,
    builtinModules: { type: 'boolean' },
  },
} as const;

let validateFile: ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The issues of a parsed `--config` file, as `validate` prints them (pointer, what is wrong, what was found). */
function configIssues(value: unknown): string[] {
  validateFile ??= createAjv().compile(FUNCTION_CONFIG_FILE_SCHEMA);
  if (validateFile(value)) return [];
  // The issues' own hints speak of events (`as FC sends it`); the error's hint covers a config file.
  return toIssues(validateFile.errors ?? []).map(({ hint: _hint, ...issue }) => formatIssue(issue));
}

/** Reads and checks a `--config` file; its codeDir is relative to the file, as in project files. */
export function readConfigFile(given: string, cwd: string): Partial<FunctionConfig> {
  const file = resolve(cwd, given);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FcSimError('E_FILE_NOT_FOUND', `--config ${given}: cannot read: ${(error as Error).message}`, 'check the path');
  }
  let config: unknown;
  try {
    // A BOM is an editor's mark, not JSON: JSON.parse would call it an unexpected token.
    config = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FcSimError(
      'E_NOT_JSON',
      `--config ${given}: not JSON: ${(error as Error).message}`,
      'fix the file, e.g. {"handler": "index.handler", "timeout": 10}',
    );
  }
  const issues = configIssues(config);
  if (issues.length > 0) {
    throw new FcSimError(
      'E_CONFIG',
      `--config ${given}: not a function configuration fc-sim can use:\n  ${issues.join('\n  ')}`,
      `a JSON object of: ${Object.keys(FUNCTION_CONFIG_FILE_SCHEMA.properties).join(', ')}; ${TIMEOUT_RULE}; ${MEMORY_RULE}`,
    );
  }
  const valid = config as Partial<FunctionConfig>;
  return valid.codeDir === undefined ? valid : { ...valid, codeDir: resolve(dirname(file), valid.codeDir) };
}

function wholeNumber(where: string, value: string, min: number, max: number, rule: string, step = 1): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min || number > max || number % step !== 0) {
    throw new FcSimError(
      'E_USAGE',
      `${where}: ${JSON.stringify(value)} is not a value FC takes: ${rule}`,
      `e.g. ${where.startsWith('--') ? `${where} ` : `${where}=`}${min === 1 ? 10 : 512}`,
    );
  }
  return number;
}

/** `--timeout` and FC_SIM_TIMEOUT: whole seconds within FC's range. */
export const timeoutValue = (where: string) => (value: string) => wholeNumber(where, value, FC_LIMITS.timeout.min, FC_LIMITS.timeout.max, TIMEOUT_RULE);

/** `--memory` and FC_SIM_MEMORY_SIZE: MB within FC's range and steps. */
export const memoryValue = (where: string) => (value: string) =>
  wholeNumber(where, value, FC_LIMITS.memorySize.min, FC_LIMITS.memorySize.max, MEMORY_RULE, FC_LIMITS.memorySize.step);

function oneOf(name: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value))
    throw new FcSimError('E_USAGE', `${name}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`, `e.g. ${name}=${allowed.at(-1)}`);
  return value;
}

/**
 * FC_SIM_<NAME> variables, checked as their flags are (a variable names itself in the message). An empty one is
 * unset: CI files often export a variable whether or not it has a value.
 */
export function settingsFromEnvironment(env: NodeJS.ProcessEnv, cwd: string): Partial<FunctionConfig> {
  const readers: Record<string, [keyof FunctionConfig, (name: string, value: string) => unknown]> = {
    FC_SIM_RUNTIME: ['runtime', (name, value) => oneOf(name, value, [...runtimeNames, ...deprecatedRuntimeNames])],
    FC_SIM_PLATFORM: ['platform', (name, value) => oneOf(name, value, platformNames)],
    FC_SIM_TIMEOUT: ['timeout', (name, value) => timeoutValue(name)(value)],
    FC_SIM_MEMORY_SIZE: ['memorySize', (name, value) => memoryValue(name)(value)],
    FC_SIM_CODE_DIR: ['codeDir', (_name, value) => resolve(cwd, value)],
    FC_SIM_FUNCTION_NAME: ['functionName', (_name, value) => value],
    FC_SIM_REGION: ['region', (_name, value) => value],
    FC_SIM_ACCOUNT_ID: [
      'accountId',
      (name, value) => {
        if (!/^\d+$/.test(value))
          throw new FcSimError('E_USAGE', `${name}: not an Alibaba Cloud account id (digits): ${JSON.stringify(value)}`, `e.g. ${name}=1234567890123456`);
        return value;
      },
    ],
  };
  const settings: Record<string, unknown> = {};
  for (const [name, [key, read]] of Object.entries(readers)) {
    const value = env[name];
    if (value !== undefined && value !== '') settings[key] = read(name, value);
  }
  return settings as Partial<FunctionConfig>;
}
