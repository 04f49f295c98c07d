import type fc from 'fast-check';
import { FcSimError } from '../../src/errors.js';

/** Where a value sits in the generated instance: property names, and `*` for any array item or map value. */
export type InstancePath = readonly string[];

/** The segments of a JSON pointer (RFC 6901), `''` being the whole instance. */
export function parseInstancePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw new FcSimError('E_USAGE', `an instance pointer starts with "/": ${JSON.stringify(pointer)}`, 'e.g. "/events/0/eventName"');
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Override {
  readonly pointer: string;
  readonly segments: readonly string[];
  readonly arbitrary: fc.Arbitrary<unknown>;
}

const wildcardCount = (override: Override) => override.segments.filter((segment) => segment === '*').length;

/** A pattern segment `*` matches any segment; a path segment `*` (an array item) is matched by `*` only. */
const segmentMatches = (patternSegment: string | undefined, pathSegment: string | undefined) => patternSegment === '*' || patternSegment === pathSegment;

/**
 * The caller's overrides, looked up by instance path while a schema is compiled. It remembers which were used,
 * so that a pointer matching nothing (a typo, an array index written as `0` instead of `*`) is reported, not ignored.
 */
export class OverrideTable {
  private readonly overrides: readonly Override[];
  private readonly used = new Set<string>();

  constructor(overrides: Readonly<Record<string, fc.Arbitrary<unknown>>> = {}) {
    this.overrides = Object.entries(overrides)
      .map(([pointer, arbitrary]) => ({ pointer, segments: parseInstancePointer(pointer), arbitrary }))
      // The most specific pointer wins when several match ('/headers/host' over '/headers/*').
      .sort((a, b) => wildcardCount(a) - wildcardCount(b));
  }

  at(path: InstancePath): fc.Arbitrary<unknown> | undefined {
    const override = this.overrides.find(({ segments }) => segments.length === path.length && segments.every((segment, i) => segmentMatches(segment, path[i])));
    if (override) this.used.add(override.pointer);
    return override?.arbitrary;
  }

  /** Only the overrides that can apply at or below `prefix` (an instance pointer's segments). */
  within(prefix: InstancePath): OverrideTable {
    const relevant = this.overrides.filter(
      ({ segments }) => segments.length >= prefix.length && prefix.every((segment, i) => segmentMatches(segments[i], segment)),
    );
    return new OverrideTable(Object.fromEntries(relevant.map(({ pointer, arbitrary }) => [pointer, arbitrary])));
  }

  /** Throws for overrides that matched no location of the compiled schema. */
  assertAllUsed(schemaTitle: string): void {
    const unused = this.overrides.filter(({ pointer }) => !this.used.has(pointer)).map(({ pointer }) => pointer);
    if (unused.length > 0) {
      throw new FcSimError(
        'E_USAGE',
        `override ${unused.map((pointer) => JSON.stringify(pointer)).join(', ')} matches no location of ${schemaTitle} ` +
          '(write array indexes and map keys as "*"; values inside free-form JSON cannot be overridden)',
      );
    }
  }
}
