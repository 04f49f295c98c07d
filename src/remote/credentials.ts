import { FcSimError } from '../errors.js';

/** An AccessKey pair (and an STS token) that signs requests to FC's API. */
export interface AccessKey {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/**
 * The caller's credentials from the environment, as Alibaba Cloud's SDKs and CLI read them:
 * ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and, for STS, ALIBABA_CLOUD_SECURITY_TOKEN.
 * Undefined when none is set; an error (that never shows a value) when the pair is incomplete.
 */
export function accessKeyFromEnv(env: NodeJS.ProcessEnv = process.env): AccessKey | undefined {
  const accessKeyId = env.ALIBABA_CLOUD_ACCESS_KEY_ID || undefined;
  const accessKeySecret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET || undefined;
  const securityToken = env.ALIBABA_CLOUD_SECURITY_TOKEN || undefined;
  if (!accessKeyId && !accessKeySecret) return undefined;
  if (!accessKeyId || !accessKeySecret) {
    const missing = accessKeyId ? 'ALIBABA_CLOUD_ACCESS_KEY_SECRET' : 'ALIBABA_CLOUD_ACCESS_KEY_ID';
    throw new FcSimError('E_USAGE', `${missing} is not set (the other half of the AccessKey pair is)`, 'set both ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for STS)');
  }
  return { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) };
}
