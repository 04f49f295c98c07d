import { sep } from 'node:path';
import type { FunctionConfig } from './function-config.js';

/**
 * The variables FC sets for a function's code whatever its runtime (runtime.md §2.4): what the function is, where its
 * code is, and its role's credentials. Node.js instances and custom-runtime servers each add their own on top.
 */
export function functionEnvironment(config: FunctionConfig, instanceId: string): Record<string, string> {
  return {
    // With FC's trailing slash (`/code/`): code that appends 'config.json' to it finds the file.
    FC_FUNC_CODE_PATH: `${config.codeDir}${sep}`,
    FC_FUNCTION_HANDLER: config.handler,
    FC_FUNCTION_MEMORY_SIZE: String(config.memorySize),
    FC_FUNCTION_NAME: config.functionName,
    FC_REGION: config.region,
    FC_ACCOUNT_ID: config.accountId,
    FC_QUALIFIER: config.qualifier,
    FC_INSTANCE_ID: instanceId,
    ...(config.platform === 'fc2' ? { FC_SERVICE_NAME: config.serviceName } : {}),
    ALIBABA_CLOUD_ACCESS_KEY_ID: config.credentials.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: config.credentials.accessKeySecret,
    ALIBABA_CLOUD_SECURITY_TOKEN: config.credentials.securityToken,
  };
}
