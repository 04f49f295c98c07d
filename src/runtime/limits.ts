import type { FcErrorBody } from './fc-errors.js';

/** FC accepts 32 MB in a synchronous invocation and 128 KB in an asynchronous one (limits page, payload FAQ). */
export const PAYLOAD_LIMITS = { sync: 32 * 2 ** 20, async: 128 * 2 ** 10 } as const;

export type InvocationType = keyof typeof PAYLOAD_LIMITS;

/**
 * FC refuses a larger payload before any instance sees it. The exact error code is not in the docs fc-sim could
 * read; the body follows FC's API error shape with the documented message.
 */
export function payloadTooLarge(size: number, type: InvocationType): FcErrorBody | undefined {
  const limit = PAYLOAD_LIMITS[type];
  if (size <= limit) return undefined;
  return {
    errorMessage: `payload size exceeds maximum allowed size: ${size} bytes > ${limit} bytes (${type} invocation); put large inputs in OSS and pass their key`,
    errorType: 'PayloadTooLarge',
    cause: 'rejected',
  };
}
