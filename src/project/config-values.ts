/**
 * Reading values out of a trigger's config or an event, both of which arrive untyped: a project file may hold
 * anything (lint reports what FC would refuse), so a value of the wrong type counts as absent here.
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
