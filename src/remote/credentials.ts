import { FcSimError } from '../errors.js';

/**
 * An AccessKey pair (and an STS token) that signs requests to FC's API.
 *
 * @example
 * ```ts
 * const credentials: AccessKey = { accessKeyId: 'LTAI…', accessKeySecret: '…' };
 * const target = createRemoteTarget({ kind: 'http-trigger', url: 'https://my-trigger.cn-hangzhou.fcapp.run/', sign: 'fc3', credentials });
 * ```
 * @see https://help.aliyun.com/en/functioncompute/fc-2-0/developer-reference/signature-authentication
 */
export interface AccessKey {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/**
 * The caller's credentials from the environment, as Alibaba Cloud's SDKs and CLI read them:
 * ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and, for STS, ALIBABA_CLOUD_SECURITY_TOKEN.
 * Undefined when none is set; an error (that never shows a value) when the pair is incomplete.
 *
 * @example
 * ```ts
 * const credentials = accessKeyFromEnv();
 * if (!credentials) throw new Error('set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET');
 * const target = createRemoteTarget({ kind: 'invoke', api: 'fc3', endpoint: 'https://1234567890123456.cn-hangzhou.fc.aliyuncs.com', functionName: 'nightly', credentials });
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/environment-variables
 * @see README.md#replay-against-deployed-functions
 */
export function accessKeyFromEnv(env: NodeJS.ProcessEnv = process.env): AccessKey | undefined {
  const accessKeyId = env.ALIBABA_CLOUD_ACCESS_KEY_ID || undefined;
  const accessKeySecret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET || undefined;
  const securityToken = env.ALIBABA_CLOUD_SECURITY_TOKEN || undefined;
  if (!accessKeyId && !accessKeySecret) return undefined;
  if (!accessKeyId || !accessKeySecret) {
    const missing = accessKeyId ? 'ALIBABA_CLOUD_ACCESS_KEY_SECRET' : 'ALIBABA_CLOUD_ACCESS_KEY_ID';
    throw new FcSimError(
      'E_USAGE',
      `${missing} is not set (the other half of the AccessKey pair is)`,
      'set both ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for STS)',
    );
  }
  return { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) };
}
