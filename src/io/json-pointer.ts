import { FcSimError } from '../errors.js';

/** `/events/0/oss/object/key` (RFC 6901) or the dotted `events.0.oss.object.key`, as path segments. */
export function parsePath(path: string): string[] {
  if (path === '' || path === '/') return [];
  if (path.startsWith('/'))
    return path
      .slice(1)
      .split('/')
      .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  return path.split('.');
}

/**
 * Sets the value at a path, creating objects on the way; returns the changed document (a new one when the path is
 * the root). Arrays take numeric indexes and `-` to append.
 */
export function setAtPath(document: unknown, path: string, value: unknown): unknown {
  const segments = parsePath(path);
  if (segments.length === 0) return value;
  let node = document as Record<string, unknown> | unknown[];
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (typeof node !== 'object' || node === null) {
      throw new FcSimError(
        'E_USAGE',
        `--set ${path}: ${`/${segments.slice(0, i).join('/')}`} is not an object or array`,
        'name a path inside the event (fc-sim <kind> prints it)',
      );
    }
    const key = Array.isArray(node) ? (segment === '-' ? node.length : Number(segment)) : segment;
    if (Array.isArray(node) && !Number.isInteger(key)) {
      throw new FcSimError('E_USAGE', `--set ${path}: "${segment}" is not an array index`, 'use a number, or - to append');
    }
    if (last) (node as Record<string | number, unknown>)[key] = value;
    else {
      const container = node as Record<string | number, unknown>;
      if (container[key] === undefined) container[key] = /^\d+$|^-$/.test(segments[i + 1]!) ? [] : {};
      node = container[key] as Record<string, unknown>;
    }
  }
  return document;
}
