import fc from 'fast-check';
import { FcSimError } from '../../errors.js';
import { isJsonObject, objectIn } from '../../io/json-values.js';
import type { ProjectTrigger } from '../../project/model.js';
import type { RejectedEvents } from '../types.js';

/** A config that lets nothing through leaves nothing to draw: say which part of it (lint says how to fix it). */
export function drawable<T>(trigger: ProjectTrigger, items: readonly T[], what: string): readonly T[] {
  if (items.length === 0) {
    throw new FcSimError(
      'E_CONFIG',
      `trigger "${trigger.name}" (${trigger.type}) lets no event through: ${what}`,
      `fix the trigger's config (fc-sim lint ${trigger.location.file} says how)`,
    );
  }
  return items;
}

/** The records of an OSS or CDN event (`{events: [...]}`); none when the value has another shape. */
export function recordsOf(event: unknown): Record<string, unknown>[] {
  const records = objectIn(event).events;
  return Array.isArray(records) && records.length > 0 && records.every(isJsonObject) ? records : [];
}

/** What drawn texts start (`start`) or end (`end`) with instead of `text`: one character short, the other letter case, and "" for anything. */
export function nearMisses(text: string, keep: 'start' | 'end'): string[] {
  const shorter = keep === 'start' ? text.slice(0, -1) : text.slice(1);
  const otherCase = text === text.toLowerCase() ? text.toUpperCase() : text.toLowerCase();
  return [...new Set([shorter, otherCase, ''])].filter((candidate) => candidate !== text);
}

/** One source of every way the filter rejects, the reasons joined. */
export function anyOf(rejections: RejectedEvents[]): RejectedEvents | undefined {
  if (rejections.length === 0) return undefined;
  return {
    arbitrary: fc.oneof(...rejections.map((rejection) => rejection.arbitrary)),
    delivery: rejections[0]!.delivery,
    reason: rejections.map((rejection) => rejection.reason).join('; '),
  };
}
