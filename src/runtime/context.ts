import { randomFillSync, randomUUID } from 'node:crypto';
import type { FunctionConfig } from './function-config.js';
import type { Platform, RuntimeTraits } from './runtimes.js';

/** What varies per invocation. */
export interface InvocationInfo {
  requestId: string;
  retryCount: number;
}

/** Random bytes drawn a few KB at a time, as randomUUID does: one system call per id cost more than a warm invocation. */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomHex(bytes: number): string {
  if (poolOffset + bytes > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += bytes;
  return pool.toString('hex', poolOffset - bytes, poolOffset);
}

/**
 * FC 2.0 request ids are UUIDs; FC 3.0's are `1-<Unix time in hex>-<8 hex>-<12 hex>` (FC 3.0 docs, hono's captures),
 * whatever the runtime: the platform makes them.
 */
export function newRequestId(platform: Platform, now = Date.now()): string {
  if (platform === 'fc2') return randomUUID();
  const hex = randomHex(10);
  return `1-${Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0')}-${hex.slice(0, 8)}-${hex.slice(8, 20)}`;
}

/**
 * The `context` object as data (the logger is added where the handler runs): the nodejs16 runtime's
 * `context.js` for FC 2.0, hono's capture of a real FC 3.0 context for FC 3.0. Its shape follows the platform the
 * function is deployed on, not the runtime (runtime.md, Corrections 1).
 */
export function contextData(config: FunctionConfig, traits: RuntimeTraits, invocation: InvocationInfo): Record<string, unknown> {
  const func = { name: config.functionName, handler: config.handler, memory: config.memorySize, timeout: config.timeout };
  const common = {
    requestId: invocation.requestId,
    credentials: { ...config.credentials },
    function:
      traits.platform === 'fc2' && config.initializer
        ? { ...func, initializer: config.initializer, initializationTimeout: config.initializationTimeout }
        : func,
    region: config.region,
    accountId: config.accountId,
    retryCount: invocation.retryCount,
  };
  if (traits.platform === 'fc2') {
    return {
      ...common,
      service: { name: config.serviceName, logProject: config.logProject, logStore: config.logStore, qualifier: config.qualifier, versionId: config.versionId },
      // The span context and Jaeger endpoint come from headers FC sends only with tracing on.
      tracing: { openTracingSpanBaggages: {} },
      waitsForEmptyEventLoopBeforeCallback: false,
    };
  }
  return {
    ...common,
    service: { logProject: config.logProject, logStore: config.logStore, qualifier: config.qualifier, versionId: config.versionId },
    tracing: { openTracingSpanBaggages: {} },
    callbackWaitsForEmptyEventLoop: false,
  };
}
