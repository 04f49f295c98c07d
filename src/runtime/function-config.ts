import { resolve } from 'node:path';
import { FcSimError } from '../errors.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../triggers/_shared/common.js';
import type { Platform, RuntimeName } from './runtimes.js';

/**
 * Credentials the function's role would give it; fc-sim's defaults are harmless fakes.
 *
 * @example
 * ```ts
 * const credentials: Credentials = { accessKeyId: 'STS.test', accessKeySecret: 'secret', securityToken: 'token' };
 * await invoke('index.handler', buildOssEvent(), { credentials }); // context.credentials in the handler
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/user-guide/context
 */
export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
}

/**
 * How a function is configured in FC: what its instances are started with and what `context` reports.
 *
 * @example
 * ```ts
 * const config: Partial<FunctionConfig> = { runtime: 'nodejs18', timeout: 30, memorySize: 1024, functionName: 'thumbnails', region: 'cn-shanghai' };
 * const result = await invoke('index.handler', buildOssEvent(), config);
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/developer-reference/api-fc-2023-03-30-struct-function
 */
export interface FunctionConfig {
  /** `index.handler`: module path (relative to codeDir) and export, split at the last dot. */
  handler: string;
  /** The code root (FC's /code). */
  codeDir: string;
  runtime: RuntimeName;
  /** FC 2.0 or FC 3.0, the platform the function is deployed on (default `fc3`): see {@link Platform}. */
  platform: Platform;
  /** Seconds; FC's default is 3. */
  timeout: number;
  /** MB; the instance gets a V8 heap of 90% of it, as FC's bootstrap gives. */
  memorySize: number;
  /** `index.initialize`: runs once per instance before its first invocation. */
  initializer?: string;
  initializationTimeout: number;
  preStop?: string;
  /** FC 2.0 only (FC 3.0 has no PreFreeze hook). */
  preFreeze?: string;
  functionName: string;
  /** FC 2.0 services; FC 3.0 has none. */
  serviceName: string;
  region: string;
  accountId: string;
  qualifier: string;
  versionId: string;
  logProject: string;
  logStore: string;
  credentials: Credentials;
  /** Environment variables of the function (on top of a clean environment, as in FC). */
  environment: Record<string, string>;
  /**
   * A Node.js binary to run the instance on instead of the runtime's own version (which fc-sim downloads on first
   * use: README.md#nodejs-versions); `FC_SIM_NODE_<major>` does the same from the environment.
   */
  nodePath?: string;
  /** FC's preinstalled modules (raw-body, ali-oss, …) on NODE_PATH, as FC has them (default true). */
  builtinModules?: boolean;
  /**
   * Local folders standing for the function's layers, in the function's order: each as FC's `/opt` (its
   * `nodejs/node_modules` and `nodejs/node<major>/node_modules` on NODE_PATH, `bin` on PATH, `lib` on LD_LIBRARY_PATH).
   */
  layerDirs?: string[];
  /**
   * Runs the instance's process under Node's inspector, for a debugger to attach (VS Code: README.md#debug-a-handler).
   * `address` is `host:port` (port 0: a free one), `break` stops before the handler's module loads, `onListening`
   * receives the `ws://` URL the process prints. The function's timeout is not enforced then: a debugger paused at a
   * breakpoint would otherwise see its instance killed.
   */
  inspect?: { address: string; break?: boolean; onListening?: (url: string) => void };
}

export const FAKE_CREDENTIALS: Credentials = {
  accessKeyId: 'STS.FcSimFakeAccessKeyId',
  accessKeySecret: 'FcSimFakeAccessKeySecret',
  securityToken: 'FcSimFakeSecurityToken',
};

export function functionConfig(overrides: Partial<FunctionConfig> & Pick<FunctionConfig, 'handler'>): FunctionConfig {
  const config: FunctionConfig = {
    codeDir: process.cwd(),
    runtime: 'nodejs20',
    platform: 'fc3',
    timeout: 3,
    memorySize: 512,
    initializationTimeout: 3,
    functionName: 'fc-sim-function',
    serviceName: 'fc-sim-service',
    region: DEFAULT_REGION,
    accountId: DEFAULT_ACCOUNT_ID,
    qualifier: 'LATEST',
    versionId: '',
    logProject: '',
    logStore: '',
    credentials: FAKE_CREDENTIALS,
    environment: {},
    ...overrides,
  };
  for (const key of ['timeout', 'initializationTimeout'] as const) {
    // FC takes 1–86400 s (runtime.md §7); beyond, a timer of Node's overflows and fires at once.
    if (!(config[key] > 0 && config[key] <= MAX_TIMEOUT_SECONDS)) {
      throw new FcSimError('E_INVALID_PARAMS', `${key}: ${config[key]} is not a timeout FC takes (1–${MAX_TIMEOUT_SECONDS} seconds)`, `e.g. { ${key}: 10 }`);
    }
  }
  // The instance runs in the code folder: a relative path would be resolved twice.
  return { ...config, codeDir: resolve(config.codeDir) };
}

const MAX_TIMEOUT_SECONDS = 86_400;
