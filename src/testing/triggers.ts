import fc from 'fast-check';
import { FcSimError } from '../errors.js';
import { findKind, type EventKind } from '../events/kinds.js';
import type { InvokeOptions } from '../runtime/instance.js';
import type { Fc2HttpRequest } from '../types/generated.js';
import { cdnEvent, type CdnEventConstraints } from '../triggers/cdn/arbitrary.js';
import { httpEvent, httpRequest, type HttpRequestConstraints } from '../triggers/http/arbitrary.js';
import { kindArbitrary } from '../../generators/kind.js';
import { mnsEvent, type MnsEventConstraints } from '../triggers/mns/arbitrary.js';
import { ossEvent, type OssEventConstraints } from '../triggers/oss/arbitrary.js';
import { slsEvent, type SlsEventConstraints } from '../triggers/sls/arbitrary.js';
import { timerEvent, type TimerEventConstraints } from '../triggers/timer/arbitrary.js';
import { buildFc2HttpRequest } from '../triggers/http/build.js';

/** Where events come from: a trigger with generator constraints, a named kind, or an arbitrary of your own. */
export type EventSource =
  | { trigger: 'oss'; constraints?: OssEventConstraints }
  | { trigger: 'timer'; constraints?: TimerEventConstraints }
  | { trigger: 'mns'; constraints?: MnsEventConstraints }
  | { trigger: 'sls'; constraints?: SlsEventConstraints }
  | { trigger: 'cdn'; constraints?: CdnEventConstraints }
  /** FC 3.0 HTTP trigger events; the handler answers `{statusCode, headers, body}`. */
  | { trigger: 'http'; constraints?: HttpRequestConstraints }
  /** FC 2.0 HTTP handlers `(request, response, context)`. */
  | { trigger: 'fc2-http'; constraints?: HttpRequestConstraints }
  | { kind: string; fc2?: boolean }
  | { arbitrary: fc.Arbitrary<unknown>; http?: 'fc3' | 'fc2' };

export type TriggerName = Extract<EventSource, { trigger: string }>['trigger'];

/** The events of a source, and how each reaches the handler. */
export interface PreparedSource {
  label: string;
  arbitrary: fc.Arbitrary<unknown>;
  http: 'fc3' | 'fc2' | undefined;
}

export class UnknownKindError extends FcSimError {
  declare readonly code: 'E_UNKNOWN_KIND';
  constructor(message: string) {
    super('E_UNKNOWN_KIND', message);
    this.name = 'UnknownKindError';
  }
}

export function prepareSource(source: EventSource): PreparedSource {
  if ('arbitrary' in source) return { label: 'custom events', arbitrary: source.arbitrary, http: source.http };
  if ('kind' in source) {
    const kind: EventKind | undefined = findKind(source.kind);
    if (!kind) throw new UnknownKindError(`unknown event kind "${source.kind}" (fc-sim list shows them)`);
    const http = kind.trigger === 'http' ? (source.fc2 ? 'fc2' : 'fc3') : undefined;
    return { label: kind.name, arbitrary: kindArbitrary(kind, {}, { fc2: source.fc2 ?? false }), http };
  }
  switch (source.trigger) {
    case 'oss':
      return { label: 'oss', arbitrary: ossEvent(source.constraints), http: undefined };
    case 'timer':
      return { label: 'timer', arbitrary: timerEvent(source.constraints), http: undefined };
    case 'mns':
      return { label: 'mns', arbitrary: mnsEvent(source.constraints), http: undefined };
    case 'sls':
      return { label: 'sls', arbitrary: slsEvent(source.constraints), http: undefined };
    case 'cdn':
      return { label: 'cdn', arbitrary: cdnEvent(source.constraints), http: undefined };
    case 'http':
      return { label: 'http', arbitrary: httpEvent(source.constraints), http: 'fc3' };
    case 'fc2-http':
      // The FC 2.0 request with the bytes of its body: binary bodies reach the handler intact.
      return { label: 'fc2-http', arbitrary: httpRequest(source.constraints).map((params) => ({ request: buildFc2HttpRequest(params), body: params.body })), http: 'fc2' };
  }
}

/** The bytes FC hands the handler for an event of the source, and how it calls the handler. */
export function deliver(event: unknown, http: PreparedSource['http']): { bytes: Buffer; options: InvokeOptions } {
  if (http === 'fc2') {
    const { request, body } = fc2Parts(event);
    return { bytes: Buffer.from(body), options: { http: { kind: 'fc2-http', request } } };
  }
  const bytes = event instanceof Uint8Array ? Buffer.from(event) : Buffer.from(typeof event === 'string' ? event : JSON.stringify(event));
  return { bytes, options: http === 'fc3' ? { http: { kind: 'fc3-http' } } : {} };
}

/** An FC 2.0 HTTP event is `{request, body}` (from a trigger source) or the request alone (a kind, a saved file). */
function fc2Parts(event: unknown): { request: Fc2HttpRequest; body: string | Uint8Array } {
  const value = event as { request?: Fc2HttpRequest; body?: string | Uint8Array };
  if (value.request) return { request: value.request, body: value.body ?? '' };
  const request = event as Fc2HttpRequest;
  return { request, body: request.body ?? '' };
}

