import type { Json } from '../../io/json-values.js';
import { stringsIn } from '../../io/json-values.js';
import { namesOf } from '../_shared/names.js';
import type { HttpMethod } from './build.js';

export const HTTP_METHODS = namesOf<HttpMethod>({ GET: true, POST: true, PUT: true, DELETE: true, HEAD: true, PATCH: true, OPTIONS: true });

/**
 * The methods an HTTP trigger accepts: the listed ones, upper-cased (a hand-written `get` means GET). A config
 * without `methods` accepts all of them; an empty list accepts none (lint reports it), for `fc-sim test` and
 * `fc-sim serve` alike.
 */
export function allowedMethods(config: Json): HttpMethod[] {
  if (config.methods === undefined) return HTTP_METHODS;
  const listed = new Set(stringsIn(config.methods).map((method) => method.toUpperCase()));
  return HTTP_METHODS.filter((method) => listed.has(method));
}
