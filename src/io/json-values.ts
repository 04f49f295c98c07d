/**
 * Reading values out of untyped JSON or YAML (a project file, a trigger config, an event, a schema): a value of the
 * wrong type counts as absent, so that callers check once and report what is wrong where it matters.
 */

export type Json = Record<string, unknown>;

export function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `value`, or an empty one: absent and malformed sections read the same. */
export function objectIn(value: unknown): Json {
  return isJsonObject(value) ? value : {};
}

export function stringIn(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The strings of a list; anything else in it is skipped. */
export function stringsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
