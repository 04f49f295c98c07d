import { FcSimError } from '../errors.js';

/** `/events/0/oss/object/key` (RFC 6901) or the dotted `events.0.oss.object.key`, as path segments. */
export function parsePath(path: string): string[] {
  if (path === '' || path === '/') return [];
  if (path.startsWith('/')) {
    // RFC 6901 §3: `~` is only ever `~0` (a tilde) or `~1` (a slash).
    const bad = /~(?![01])/.exec(path);
    if (bad) {
      throw new FcSimError(
        'E_USAGE',
        `--set ${path}: "${path.slice(bad.index, bad.index + 2)}" is not a JSON pointer escape`,
        'write ~0 for a tilde and ~1 for a slash (RFC 6901)',
      );
    }
    return path
      .slice(1)
      .split('/')
      .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return path.split('.');
}

/** Sets an own property: `__proto__`, `constructor` and the like are data like any other key, never the prototype. */
function setOwn(container: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Sets the value at a path, creating objects on the way; returns the changed document (a new one when the path is
 * the root). Arrays take numeric indexes up to their length (the length appends, as `-` does); only the document's
 * own properties are followed, so that no path reaches a prototype.
 */
export function setAtPath(document: unknown, path: string, value: unknown): unknown {
  const segments = parsePath(path);
  if (segments.length === 0) return value;
  let node = document as Record<string, unknown> | unknown[];
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    const here = `/${segments.slice(0, i).join('/')}`;
    if (typeof node !== 'object' || node === null) {
      throw new FcSimError('E_USAGE', `--set ${path}: ${here} is not an object or array`, 'name a path inside the event (fc-sim <kind> prints it)');
    }
    let key: string | number = segment;
    if (Array.isArray(node)) {
      if (segment !== '-' && !/^(0|[1-9]\d*)$/.test(segment)) {
        throw new FcSimError('E_USAGE', `--set ${path}: "${segment}" is not an array index`, 'use a number, or - to append');
      }
      key = segment === '-' ? node.length : Number(segment);
      if (key > node.length) {
        throw new FcSimError(
          'E_USAGE',
          `--set ${path}: index ${segment} is past the end of ${here} (${node.length} item${node.length === 1 ? '' : 's'})`,
          `use an index up to ${node.length}, or - to append`,
        );
      }
    }
    const container = node as Record<string | number, unknown>;
    if (last) setOwn(container, key, value);
    else {
      if (!Object.hasOwn(container, key) || container[key] === undefined) setOwn(container, key, /^\d+$|^-$/.test(segments[i + 1]!) ? [] : {});
      node = container[key] as Record<string, unknown>;
    }
  }
  return document;
}
