import { buildCdnEvent, type CdnEventParams } from './cdn/build.js';
import { buildFc2HttpRequest, buildHttpEvent, type HttpRequestParams } from './http/build.js';
import type { EventKind } from '../events/kinds.js';
import { buildMnsEvent, type MnsEventParams } from './mns/build.js';
import { buildOssEvent, type OssEventParams } from './oss/build.js';
import { buildSlsEvent, type SlsEventParams } from './sls/build.js';
import { buildTimerEvent, type TimerEventParams } from './timer/build.js';

export interface KindOptions {
  /** HTTP kinds: the request as an FC 2.0 HTTP handler sees it, instead of the FC 3.0 event. */
  fc2?: boolean;
}

/** The parameters a kind builds with: its trigger's defaults, the kind's own, then the caller's. */
export function kindParams(kind: EventKind, overrides: Record<string, unknown>): Record<string, unknown> {
  const fixedByKind =
    kind.trigger === 'oss' || kind.trigger === 'cdn'
      ? { eventName: kind.eventName }
      : kind.trigger === 'http'
        ? { method: kind.method }
        : kind.trigger === 'mns'
          ? { format: kind.format }
          : {};
  return { ...kind.params, ...fixedByKind, ...overrides };
}

/** The default event of a kind, changed by `overrides` (builder parameters). */
export function buildKind(kind: EventKind, overrides: Record<string, unknown> = {}, options: KindOptions = {}): unknown {
  const params = kindParams(kind, overrides);
  switch (kind.trigger) {
    case 'oss':
      return buildOssEvent(params as Partial<OssEventParams>);
    case 'timer':
      return buildTimerEvent(params as Partial<TimerEventParams>);
    case 'mns':
      return buildMnsEvent(params as Partial<MnsEventParams>);
    case 'sls':
      return buildSlsEvent(params as Partial<SlsEventParams>);
    case 'cdn':
      return buildCdnEvent(params as Partial<CdnEventParams>);
    case 'http':
      return options.fc2 ? buildFc2HttpRequest(params as Partial<HttpRequestParams>) : buildHttpEvent(params as Partial<HttpRequestParams>);
  }
}
