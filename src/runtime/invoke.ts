import { FcSimError } from '../errors.js';
import type { FunctionConfig } from './function-config.js';
import { InProcessInstance, type InProcessOptions } from './in-process.js';
import { FunctionInstance, type InvokeOptions } from './instance.js';
import type { Invocation } from './invocation.js';
import type { AnyFunction } from './run-handler.js';

/** A handler string (`index.handler`, loaded from the code folder in its own process) or a handler function. */
export type Handler = string | AnyFunction;

type Hook = 'initializer' | 'preStop' | 'preFreeze';

/** Function configuration; lifecycle hooks are handler strings for a handler string, functions for a function. */
export type RuntimeOptions = Partial<Omit<FunctionConfig, 'handler' | Hook>> & {
  [hook in Hook]?: string | AnyFunction;
} & {
  /** Handler functions: how `context.function.handler` reads (default `index.handler`). */
  handlerName?: string;
};

/** What both kinds of instance do. */
export interface Instance {
  invoke(event: Uint8Array, options?: InvokeOptions): Promise<Invocation>;
  /** Runs PreStop (when configured) and releases the instance. */
  dispose(): Promise<Invocation | undefined>;
}

/** The bytes FC hands the handler: bytes as they are, a string as UTF-8, anything else as JSON. */
export function eventBytes(event: unknown): Buffer {
  if (event instanceof Uint8Array) return Buffer.from(event);
  if (typeof event === 'string') return Buffer.from(event);
  return Buffer.from(JSON.stringify(event) ?? '');
}

/** An instance that keeps module state between invocations, as one FC instance does. */
export function createInstance(handler: Handler, options: RuntimeOptions = {}): Instance {
  const { initializer, preStop, preFreeze, handlerName, ...config } = options;
  const hooks = { initializer, preStop, preFreeze };
  const kind = typeof handler === 'function' ? 'function' : 'string';
  for (const [name, hook] of Object.entries(hooks)) {
    if (hook !== undefined && typeof hook !== kind) {
      throw new FcSimError('E_USAGE', `${name}: a handler ${kind === 'function' ? 'function takes hook functions' : 'string takes hook strings (e.g. "index.initialize")'}`);
    }
  }
  const defined = Object.fromEntries(Object.entries(hooks).filter(([, hook]) => hook !== undefined));
  if (typeof handler === 'function') {
    return new InProcessInstance(handler, { ...config, ...(defined as InProcessOptions), ...(handlerName === undefined ? {} : { handlerName }) });
  }
  return new FunctionInstance({ ...config, ...(defined as Partial<Pick<FunctionConfig, Hook>>), handler });
}

/** Invokes a handler once, on a fresh instance, with the event FC would send (a value is sent as its JSON). */
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
