import type { FunctionConfig } from '../runtime/function-config.js';
import type { LocalFolders } from '../project/project-instance.js';
import { projectInstance } from '../project/project-instance.js';
import type { ProjectFunction } from '../project/model.js';
import type { InvokeOptions } from '../runtime/instance.js';
import type { Instance } from '../runtime/invoke.js';
import type { Invocation } from '../runtime/invocation.js';

/** How long shutdown waits for an instance's in-flight request and PreStop before leaving it to die with fc-sim. */
const DISPOSE_WAIT_MS = 3000;

/**
 * How far one function scales here: at most this many instances, and this many requests waiting for a free one
 * beyond. FC scales much further (its limit is the account's concurrency quota); a development machine runs a few.
 */
export const SCALING: Scaling = { maxInstances: 4, maxWaiting: 64 };

/**
 * How far `fc-sim serve` scales one function: instances, and requests waiting beyond them.
 *
 * @example
 * ```ts
 * const server = await startServer(loadProject('.'), { port: 0, scaling: { maxInstances: 1, maxWaiting: 0 } });
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface Scaling {
  maxInstances: number;
  maxWaiting: number;
}

/**
 * The request of a function already at its instance limit whose waiting line is full: FC answers 429 when a function
 * cannot take more (ResourceThrottled, FC's error codes, https://help.aliyun.com/zh/functioncompute/fc-3-0/developer-reference/error-codes;
 * the code for this exact case is not documented apart from the account quota's, which it follows).
 */
export class PoolFull extends Error {
  constructor(
    readonly key: string,
    scaling: Scaling,
  ) {
    super(`${key}: all ${scaling.maxInstances} instances are busy and ${scaling.maxWaiting} requests wait already`);
  }
}

interface Slot {
  instance: Instance;
  busy: number;
}

interface FunctionSlots {
  fn: ProjectFunction;
  slots: Slot[];
  waiting: Array<() => void>;
}

/**
 * The warm instances of each served function, as FC scales them: an instance takes `instanceConcurrency` requests at
 * once (a custom runtime's server gets them together; a Node.js instance of fc-sim's runs one at a time, as FC 2.0's
 * Node.js runtimes do without FC_ENABLE_CONCURRENT_INVOKE: runtime.md §3), a request that finds every instance busy
 * starts another (up to {@link SCALING}), and beyond that waits its turn in a bounded line. Module state lives between
 * requests of one instance. `reload` drops a function's instances: the next request starts fresh ones with the code as
 * it is now.
 */
export class InstancePool {
  private readonly functions = new Map<string, FunctionSlots>();

  constructor(
    private readonly onDisposed: (key: string, preStop: Invocation | undefined) => void = () => undefined,
    private readonly folders: LocalFolders = { layers: {}, nas: {} },
    private readonly warn: (message: string) => void = () => undefined,
    private readonly scaling: Scaling = SCALING,
    /** Node's inspector on every instance started (`fc-sim serve --inspect`). */
    private readonly inspect?: FunctionConfig['inspect'],
  ) {}

  /** Requests one instance takes at once. */
  private static concurrency(fn: ProjectFunction): number {
    return fn.customRuntimeConfig ? Math.max(1, fn.instanceConcurrency ?? 1) : 1;
  }

  /** Invokes the function on a free instance (a new one when all are busy); throws {@link PoolFull} when none can take it. */
  async invoke(key: string, fn: ProjectFunction, event: Uint8Array, options: InvokeOptions): Promise<Invocation> {
    const { entry, slot } = await this.acquire(key, this.entry(key, fn), options.signal);
    try {
      return await slot.instance.invoke(event, options);
    } finally {
      slot.busy -= 1;
      entry.waiting.shift()?.();
    }
  }

  private entry(key: string, fn: ProjectFunction): FunctionSlots {
    let entry = this.functions.get(key);
    if (!entry) {
      entry = { fn, slots: [], waiting: [] };
      this.functions.set(key, entry);
    }
    return entry;
  }

  private async acquire(key: string, entry: FunctionSlots, signal: AbortSignal | undefined): Promise<{ entry: FunctionSlots; slot: Slot }> {
    const concurrency = InstancePool.concurrency(entry.fn);
    for (;;) {
      const free = entry.slots.find((slot) => slot.busy < concurrency);
      if (free) {
        free.busy += 1;
        return { entry, slot: free };
      }
      if (entry.slots.length < this.scaling.maxInstances) {
        // Throws (E_CONFIG) for a function fc-sim cannot run: the server answers it with FC's error.
        const slot = { instance: projectInstance(entry.fn, this.inspect ? { inspect: this.inspect } : {}, this.folders, this.slotsWarn(key, entry)), busy: 1 };
        entry.slots.push(slot);
        return { entry, slot };
      }
      if (entry.waiting.length >= this.scaling.maxWaiting) throw new PoolFull(key, this.scaling);
      await new Promise<void>((resolve, reject) => {
        const turn = () => {
          signal?.removeEventListener('abort', gone);
          resolve();
        };
        const gone = () => {
          entry.waiting.splice(entry.waiting.indexOf(turn), 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', gone, { once: true });
        entry.waiting.push(turn);
      });
      // A reload while waiting: the function's new instances.
      entry = this.entry(key, entry.fn);
    }
  }

  /** Warnings about a function's setup (a layer without a folder) are said once, at its first instance. */
  private slotsWarn(key: string, entry: FunctionSlots): (message: string) => void {
    return entry.slots.length === 0 ? (message) => this.warn(`[${key}] ${message}`) : () => undefined;
  }

  /** Instances the function has now (for logs and tests). */
  instanceCount(key: string): number {
    return this.functions.get(key)?.slots.length ?? 0;
  }

  has(key: string): boolean {
    return this.instanceCount(key) > 0;
  }

  /** Drops the function's instances (after their in-flight requests and PreStop); the next request starts new ones. */
  reload(key: string): Promise<void> {
    const entry = this.functions.get(key);
    if (!entry) return Promise.resolve();
    this.functions.delete(key);
    // Requests waiting for a turn go to the new instances.
    for (const waiting of entry.waiting) waiting();
    return Promise.all(entry.slots.map((slot) => this.dispose(key, slot.instance))).then(() => undefined);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.functions.keys()].map((key) => this.reload(key)));
  }

  private async dispose(key: string, instance: Instance): Promise<void> {
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
