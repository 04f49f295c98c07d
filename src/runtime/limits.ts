import type { FcErrorBody } from './fc-errors.js';

/** FC accepts 32 MB in a synchronous invocation and 128 KB in an asynchronous one (limits page, payload FAQ). */
export const PAYLOAD_LIMITS = { sync: 32 * 2 ** 20, async: 128 * 2 ** 10 } as const;

export type InvocationType = keyof typeof PAYLOAD_LIMITS;

/**
 * FC refuses a larger payload before any instance sees it: HTTP 400 with FC's API error body
 * `{"errorCode": "EntityTooLarge", "errorMessage": "payload size exceeds maximum allowed size (%s bytes)"}` (runtime.md,
 * Corrections 9, from FC's error-codes page; the page does not say which size fills %s: fc-sim gives the limit).
 */
export function payloadTooLarge(size: number, type: InvocationType): FcErrorBody | undefined {
  const limit = PAYLOAD_LIMITS[type];
  if (size <= limit) return undefined;
  return { errorCode: 'EntityTooLarge', errorMessage: `payload size exceeds maximum allowed size (${limit} bytes)`, cause: 'rejected' };
}

/** Why a payload was refused, for the invocation's warnings (FC says only the limit). */
export function payloadTooLargeWarning(size: number, type: InvocationType): string {
  return `the payload is ${size} bytes; a ${type} invocation takes at most ${PAYLOAD_LIMITS[type]}: put large inputs in OSS and pass their key`;
}
