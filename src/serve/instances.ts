import { FcSimError } from '../errors.js';
import { runtimeConfigOf } from '../project/function-runtime.js';
import type { ProjectFunction } from '../project/model.js';
import { FunctionInstance } from '../runtime/instance.js';
import type { Invocation } from '../runtime/invocation.js';

/** How long shutdown waits for an instance's in-flight request and PreStop before leaving it to die with fc-sim. */
const DISPOSE_WAIT_MS = 3000;

/**
 * One warm FunctionInstance per served function, started at its first request: module state lives between requests
 * as in one FC instance, and requests to one function run one at a time (FC would start more instances; one is
 * enough to develop against). `reload` drops a function's instance: the next request starts a fresh process with
 * the code as it is now.
 */
export class InstancePool {
  private readonly instances = new Map<string, FunctionInstance>();

  constructor(private readonly onDisposed: (key: string, preStop: Invocation | undefined) => void = () => undefined) {}

  /** The function's warm instance, started when there is none. Throws when its runtime is not one fc-sim runs. */
  get(key: string, fn: ProjectFunction): FunctionInstance {
    let instance = this.instances.get(key);
    if (!instance) {
      const config = runtimeConfigOf(fn);
      if (!config) throw new FcSimError('E_CONFIG', `${key}: runtime ${fn.runtime} is not one fc-sim runs`, 'fc-sim runs nodejs12, 14, 16, 18 and 20');
      instance = new FunctionInstance(config);
      this.instances.set(key, instance);
    }
    return instance;
  }

  has(key: string): boolean {
    return this.instances.has(key);
  }

  /** Drops the function's instance (after its in-flight requests and PreStop); the next request starts a new one. */
  reload(key: string): Promise<void> {
    const instance = this.instances.get(key);
    if (!instance) return Promise.resolve();
    this.instances.delete(key);
    return this.dispose(key, instance);
  }

  async closeAll(): Promise<void> {
    const all = [...this.instances.entries()];
    this.instances.clear();
    await Promise.all(all.map(([key, instance]) => this.dispose(key, instance)));
  }

  private async dispose(key: string, instance: FunctionInstance): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), DISPOSE_WAIT_MS);
      timer.unref();
    });
    try {
      const preStop = await Promise.race([instance.dispose(), waited]);
      this.onDisposed(key, preStop);
    } catch {
      // A failing PreStop is in its own logs; the instance is gone either way.
    } finally {
      clearTimeout(timer);
    }
  }
}
