import { FcSimError } from '../../errors.js';

/** A path parameter segment of an API's request path: `[id]` in `/users/[id]`. */
const PARAMETER = /^\[([^\][/]+)\]$/;

const parameterOf = (segment: string): string | undefined => PARAMETER.exec(segment)?.[1];

/** The names of a request path's `[name]` segments, each once, in order. */
export function pathParameterNames(template: string): string[] {
  return [...new Set(template.split('/').flatMap((segment) => parameterOf(segment) ?? []))];
}

/** The request path a client calls for an API's path: each `[name]` segment replaced by its value. */
export function fillPath(template: string, values: Readonly<Record<string, string>>): string {
  if (!template.startsWith('/'))
    throw new FcSimError('E_INVALID_PARAMS', `path ${JSON.stringify(template)} does not start with /`, 'write the API path from its root, e.g. /users/[id]');
  const names = pathParameterNames(template);
  for (const name of Object.keys(values)) {
    if (!names.includes(name)) {
      throw new FcSimError(
        'E_INVALID_PARAMS',
        `path parameter ${name}: the path ${template} has no [${name}] segment`,
        `write [${name}] into the path (--path '${template.replace(/\/$/, '')}/[${name}]'), or leave the parameter out`,
      );
    }
  }
  return template
    .split('/')
    .map((segment) => {
      const name = parameterOf(segment);
      if (name === undefined) return segment;
      const value = values[name];
      if (value === undefined)
        throw new FcSimError(
          'E_INVALID_PARAMS',
          `the path ${template} needs a value for [${name}]`,
          `give it, e.g. --path-param ${name}=42 (pathParameters: { ${name}: '42' })`,
        );
      if (value === '' || value.includes('/'))
        throw new FcSimError(
          'E_INVALID_PARAMS',
          `path parameter ${name}: ${JSON.stringify(value)} is not one path segment`,
          'use a non-empty value without "/"',
        );
      return value;
    })
    .join('/');
}

/** Whether a request path is one of an API's path: the same literal segments, one non-empty segment per `[name]`, the same value for a repeated name. */
export function pathMatches(template: string, path: string): boolean {
  const expected = template.split('/');
  const actual = path.split('/');
  if (expected.length !== actual.length) return false;
  const values = new Map<string, string>();
  return expected.every((segment, index) => {
    const value = actual[index]!;
    const name = parameterOf(segment);
    if (name === undefined) return segment === value;
    if (value === '' || (values.has(name) && values.get(name) !== value)) return false;
    values.set(name, value);
    return true;
  });
}
