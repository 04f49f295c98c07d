import { FcSimError } from '../errors.js';
import type { FunctionConfig } from './function-config.js';
import type { InProcessOptions } from './in-process.js';
import { InProcessInstance } from './in-process.js';
import type { InvokeOptions } from './instance.js';
import { FunctionInstance } from './instance.js';
import type { Invocation } from './invocation.js';
import type { AnyFunction } from './run-handler.js';

/**
 * A handler string (`index.handler`, loaded from the code folder in its own process) or a handler function.
 *
 * @example
 * ```ts
 * const inItsOwnProcess: Handler = 'src/app.main'; // src/app.js, export main
 * const inProcess: Handler = async (event: Buffer) => JSON.parse(event.toString()).events.length;
 * await invoke(inProcess, buildOssEvent());
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/request-handlers
 * @see README.md#run-a-handler-locally
 */
export type Handler = string | AnyFunction;

type Hook = 'initializer' | 'preStop' | 'preFreeze';

/**
 * Function configuration; lifecycle hooks are handler strings for a handler string, functions for a function.
 *
 * @example
 * ```ts
 * const options: RuntimeOptions = { codeDir: 'src', runtime: 'nodejs16', timeout: 10, memorySize: 256, initializer: 'index.initialize', environment: { STAGE: 'test' } };
 * const instance = createInstance('index.handler', options);
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/developer-reference/api-fc-2023-03-30-struct-function
 * @see README.md#run-a-handler-locally
 */
export type RuntimeOptions = Partial<Omit<FunctionConfig, 'handler' | Hook>> & {
  [hook in Hook]?: string | AnyFunction;
} & {
  /** Handler functions: how `context.function.handler` reads (default `index.handler`). */
  handlerName?: string;
};

/**
 * One function instance, warm between invocations: a handler string's own process, a handler function in this
 * process, or a deployed function ({@link createRemoteTarget}).
 *
 * @example
 * ```ts
 * const instance: Instance = createInstance('index.handler', { codeDir: 'src' });
 * const first = await instance.invoke(eventBytes(buildTimerEvent()));
 * const second = await instance.invoke(eventBytes(buildTimerEvent())); // module state kept
 * await instance.dispose(); // runs PreStop
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/lifecycle-hooks-for-function-instances
 * @see README.md#run-a-handler-locally
 */
export interface Instance {
  invoke(event: Uint8Array, options?: InvokeOptions): Promise<Invocation>;
  /** Runs PreStop (when configured) and releases the instance. */
  dispose(): Promise<Invocation | undefined>;
}

/**
 * The bytes FC hands the handler: bytes as they are, a string as UTF-8, anything else as JSON.
 *
 * @example
 * ```ts
 * const instance = createInstance('index.handler');
 * await instance.invoke(eventBytes(buildOssEvent({ key: 'a b.jpg' })));
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/request-handlers
 */
export function eventBytes(event: unknown): Buffer {
  if (event instanceof Uint8Array) return Buffer.from(event);
  if (typeof event === 'string') return Buffer.from(event);
  return Buffer.from(JSON.stringify(event) ?? '');
}

/**
 * An instance that keeps module state between invocations, as one FC instance does.
 *
 * @example
 * ```ts
 * const instance = createInstance('index.handler', { codeDir: 'src', initializer: 'index.initialize' });
 * await instance.invoke(Buffer.from('{}')); // the initializer runs first, once
 * await instance.invoke(Buffer.from('{}')); // warm: module state kept
 * await instance.dispose();                  // runs PreStop
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/lifecycle-hooks-for-function-instances
 * @see README.md#run-a-handler-locally
 */
export function createInstance(handler: Handler, options: RuntimeOptions = {}): Instance {
  const { initializer, preStop, preFreeze, handlerName, ...config } = options;
  const hooks = { initializer, preStop, preFreeze };
  const kind = typeof handler === 'function' ? 'function' : 'string';
  for (const [name, hook] of Object.entries(hooks)) {
    if (hook !== undefined && typeof hook !== kind) {
      throw new FcSimError(
        'E_USAGE',
        `${name}: a handler ${kind === 'function' ? 'function takes hook functions' : 'string takes hook strings (e.g. "index.initialize")'}`,
      );
    }
  }
  const defined = Object.fromEntries(Object.entries(hooks).filter(([, hook]) => hook !== undefined));
  if (typeof handler === 'function') {
    return new InProcessInstance(handler, { ...config, ...(defined as InProcessOptions), ...(handlerName === undefined ? {} : { handlerName }) });
  }
  return new FunctionInstance({ ...config, ...(defined as Partial<Pick<FunctionConfig, Hook>>), handler });
}

/**
 * Invokes a handler once, on a fresh instance, with the event FC would send (a value is sent as its JSON).
 *
 * @example
 * ```ts
 * const result = await invoke('index.handler', buildOssEvent({ key: 'a b.jpg' }), { runtime: 'nodejs20' });
 * if (result.status !== 'success') console.error(result.error?.cause, result.error?.errorMessage, result.logs);
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc/request-handlers
 * @see README.md#run-a-handler-locally
 */
export async function invoke(handler: Handler, event: unknown, options: RuntimeOptions & InvokeOptions = {}): Promise<Invocation> {
  const { requestId, retryCount, invocationType, http, ...config } = options;
  const instance = createInstance(handler, config);
  try {
    return await instance.invoke(eventBytes(event), {
      ...(requestId === undefined ? {} : { requestId }),
      ...(retryCount === undefined ? {} : { retryCount }),
      ...(invocationType === undefined ? {} : { invocationType }),
      ...(http === undefined ? {} : { http }),
    });
  } finally {
    await instance.dispose();
  }
}
