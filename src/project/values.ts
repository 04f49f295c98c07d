import { FcSimError } from '../errors.js';

/** Loose values from YAML, typed for the model: numbers written as strings count, empty values are absent. */
export function numberOrUndefined(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

export function stringOrUndefined(value: unknown): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

/** Environment variables: every value as a string, as FC stores them. */
export function stringMap(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, typeof item === 'string' ? item : JSON.stringify(item)]));
}

/**
 * A list of HTTP methods as written (`methods: [GET, POST]`); undefined when absent. One written as a string
 * (`Methods: GET`) is refused, naming where: FC's API takes a list, and reading it as "every method" would serve
 * what the deployed function refuses.
 */
export function methodsIn(value: unknown, where: { file: string; path: string }): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((method) => String(method).toUpperCase());
  throw new FcSimError(
    'E_PROJECT',
    `${where.file} ${where.path}: methods ${JSON.stringify(value)} is not a list`,
    `write a list, e.g. [${
      typeof value === 'string'
        ? value
            .split(/[\s,]+/)
            .filter(Boolean)
            .join(', ')
        : 'GET'
    }]`,
  );
}

/**
 * A setting FC takes as a number (`memorySize`, `timeout`): undefined when absent; a value that is no number
 * (`memorySize: 512MB`) is refused naming where, rather than silently left to FC's default.
 */
export function numberSetting(value: unknown, where: { file: string; path: string }): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = numberOrUndefined(value);
  if (number !== undefined) return number;
  throw new FcSimError('E_PROJECT', `${where.file} ${where.path}: ${JSON.stringify(value)} is not a number`, 'write a number, e.g. 512 (MB) or 30 (seconds)');
}

/** A list setting (`triggers`): an empty list when absent; anything else than a list is refused naming where. */
export function listSetting(value: unknown, where: { file: string; path: string }): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  throw new FcSimError(
    'E_PROJECT',
    `${where.file} ${where.path}: ${JSON.stringify(value)} is not a list`,
    'write a YAML list (each item on a line starting with "- ")',
  );
}
