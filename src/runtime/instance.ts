import type { Readable } from 'node:stream';
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { FcSimError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import type { Fc2HttpRequest } from '../types/generated.js';
import { contextData } from './context.js';
import type { FcErrorBody } from './fc-errors.js';
import { processExitedError, timeoutError } from './fc-errors.js';
import type { FunctionConfig } from './function-config.js';
import { functionConfig } from './function-config.js';
import { localSearchPaths } from './fc-paths.js';
import { functionEnvironment } from './function-environment.js';
import type { Invocation } from './invocation.js';
import { completedInvocation } from './invocation.js';
import type { HookName } from './lifecycle.js';
import { HOOK_TIMEOUT_SECONDS, LifecycleInstance } from './lifecycle.js';
import type { InvocationType } from './limits.js';
import type { FromInstance, ToInstance } from './protocol.js';
import type { HandlerOutcome } from './run-handler.js';
import type { RuntimeTraits } from './runtimes.js';
import { runtimeTraits } from './runtimes.js';
import { peakMemoryBytes, watchMemory } from './memory-watch.js';
import { endGroupOf, endingAllGroups, groupLeaderOptions, trackGroup } from './process-group.js';
import { builtinModuleHint, launchEnvironment } from './node/instance-launch.js';
import { layerEnvironment } from './layers.js';
import type { NodeChoice } from './node/node-choice.js';
import { chooseNode } from './node/node-choice.js';
import { majorOf } from './node/node-versions.js';
import { announce, requireTsx, tsxFlags, tsxNotice, typescriptHandlers } from './typescript-handler.js';
import type { WireFormat } from './wire.js';
import { fromWire, toWire } from './wire.js';

/**
 * How one invocation is made: its request id and retry count, synchronous or asynchronous, and whether the event is
 * an HTTP request (FC 3.0 trigger event, FC 2.0 HTTP handler call, API Gateway call).
 *
 * @example
 * ```ts
 * const instance = createInstance('index.handler');
 * const options: InvokeOptions = { invocationType: 'async', retryCount: 1 }; // as OSS delivers, the second try
 * await instance.invoke(eventBytes(buildOssEvent()), options);
 * ```
 * @see https://help.aliyun.com/en/functioncompute/fc/developer-reference/api-fc-2023-03-30-invokefunction
 */
export interface InvokeOptions {
  requestId?: string;
  retryCount?: number;
  /** Asynchronous invocations (how OSS, timer, MNS… triggers invoke) accept 128 KB; synchronous ones 32 MB. */
  invocationType?: InvocationType;
  /**
   * The caller's interest: aborted before the invocation's turn in the instance's queue comes, the handler is not
   * called and the promise rejects with the signal's reason (`serve` drops the request of a client that has gone).
   */
  signal?: AbortSignal;
  /**
   * `fc3-http`: the event is an FC 3.0 HTTP trigger event, and the result becomes the HTTP response.
   * `fc2-http`: call an FC 2.0 HTTP handler `(request, response, context)` with this request; the event is its body.
   * `apigw`: the event is an API Gateway call, and API Gateway makes the result the HTTP response.
   */
  http?: { kind: 'fc3-http' } | { kind: 'fc2-http'; request: Fc2HttpRequest } | { kind: 'apigw' };
  /**
   * With `http`: where an answer that streams (a custom runtime's `text/event-stream`, as FC passes server-sent events
   * through as they come) is written as it arrives; the invocation then carries its status and headers, no body.
   */
  stream?: StreamSink;
}

/** Writes a streamed HTTP answer on (`serve`'s response): resolves when the body has been passed on, or the reader left. */
export type StreamSink = (statusCode: number, headers: Record<string, string | string[]>, body: Readable) => Promise<void>;

/** How one call into the process ended, platform failures included. */
type CallEnd = { how: 'answered'; outcome: HandlerOutcome; maxRssBytes: number } | { how: 'timeout' | 'exited'; error: FcErrorBody; maxRssBytes: number };

/** V8 aborts a process that reaches its heap limit (`--max-old-space-size`): that abort is the instance running out of memory. */
const exitCause = (signal: NodeJS.Signals | null): 'exit' | 'oom' => (signal === 'SIGABRT' ? 'oom' : 'exit');

interface PendingCall {
  id: number;
  child: ChildProcess;
  logs: string[];
  warnings: string[];
  finish: (end: CallEnd) => void;
}

/**
 * FC's /code is a folder: a missing one (`./dist` before a build) or a file is a mistake in the configuration, said
 * as such rather than as the spawn's ENOENT.
 */
function assertCodeFolder(codeDir: string): void {
  let what = 'no such folder';
  try {
    if (statSync(codeDir).isDirectory()) return;
    what = 'a file, not a folder';
  } catch {}
  throw new FcSimError(
    'E_USAGE',
    `codeDir ${codeDir}: ${what}`,
    "point codeDir at the folder with the function's code (FC's /code), built first if it is built",
  );
}

/** The child build (CommonJS ES2019, tsconfig.child.json): it runs on each runtime's own Node.js, down to 12. */
const BOOTSTRAP = join(packageRoot, 'dist', 'child', 'runtime', 'child', 'bootstrap.js');

/** Where FC's Node.js runtimes have their preinstalled modules, first on their NODE_PATH (runtime.md §2). */
const FC_PREINSTALLED_MODULES = '/usr/local/lib/node_modules';

/**
 * Environment variables FC sets for user code (runtime.md §2.4), on an otherwise clean environment. The function's
 * own PATH, NODE_PATH or LD_LIBRARY_PATH replaces FC's: FC's are its image's environment (aliyun/fc-docker's
 * Dockerfiles `ENV NODE_PATH=…`), which a function's variables replace, as `docker run -e` does for `fun local`. The
 * folders of FC's it names are found here (the code folder for `/code`, the layers for `/opt`, fc-sim's preinstalled
 * modules for FC's).
 */
function instanceEnvironment(config: FunctionConfig, traits: RuntimeTraits, instanceId: string, node: NodeChoice): NodeJS.ProcessEnv {
  const launch = launchEnvironment(node);
  const folders = {
    codeDir: config.codeDir,
    optDirs: [...(config.layerDirs ?? [])].reverse(),
    provided: new Map([[FC_PREINSTALLED_MODULES, node.builtinModules ?? []]]),
  };
  return {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    ...launch,
    ...layerEnvironment(config.layerDirs ?? [], config.runtime, launch.NODE_PATH),
    ...config.environment,
    ...localSearchPaths(config.environment, folders),
    ...functionEnvironment(config, instanceId),
    FC_RUNTIME_VERSION: traits.name,
  };
}

/**
 * One FC function instance running a handler string in its own Node.js process, as FC runs it: module state lives
 * as long as the instance, the initializer runs once (again after it fails), the timeout and the memory size are
 * enforced, and an instance that dies (timeout, process.exit, out of memory) is replaced by a fresh one at the next
 * invocation. One invocation at a time.
 */
export class FunctionInstance extends LifecycleInstance {
  readonly config: FunctionConfig;
  readonly traits: RuntimeTraits;
  private child: ChildProcess | undefined;
  /** Resolves when the current process has started (so a cold start does not count against the timeout). */
  private ready: Promise<void> = Promise.resolve();
  private nextId = 1;
  private pending: PendingCall | undefined;
  /** Peak memory of the process so far: what FC reports when it kills an instance that can no longer say. */
  private maxRssBytes = 0;
  /** Instances started so far (1 + replacements). */
  starts = 0;

  constructor(config: Partial<FunctionConfig> & Pick<FunctionConfig, 'handler'>) {
    super();
    this.config = functionConfig(config);
    this.traits = runtimeTraits(this.config.runtime, this.config.platform);
  }

  protected get alive(): boolean {
    return this.child !== undefined;
  }

  protected release(): void {
    this.stop();
  }

  private stop(): void {
    const child = this.child;
    this.child = undefined;
    this.initialized = false;
    this.maxRssBytes = 0;
    // The whole group: processes the handler spawned end with the instance.
    if (child) void endGroupOf(child);
  }

  /** The Node.js the instance runs on, chosen (and provisioned) once per instance; its warnings go to the first call. */
  private node: Promise<NodeChoice> | undefined;
  private chosen: NodeChoice | undefined;
  /** How the current process's messages travel. */
  private wire: WireFormat = 'advanced';
  /** The process killed for passing the memory size: its exit is FC's out-of-memory end. */
  private overMemory: ChildProcess | undefined;
  /** Node's flags that register the project's tsx, when a handler string names TypeScript source. */
  private tsx: string[] = [];

  private start(node: NodeChoice): ChildProcess {
    assertCodeFolder(this.config.codeDir);
    let markReady!: () => void;
    this.ready = new Promise((resolve) => (markReady = resolve));
    const memory = this.config.memorySize;
    // Same major, same V8: Buffers travel as they are; another major needs JSON (wire.ts).
    const wire: WireFormat = majorOf(node.version) === majorOf(process.version) ? 'advanced' : 'json';
    this.wire = wire;
    const child = fork(BOOTSTRAP, [wire], {
      execPath: node.execPath,
      cwd: this.config.codeDir,
      env: instanceEnvironment(this.config, this.traits, randomUUID(), node),
      // FC's bootstrap: a heap of 90% of the memory size, larger HTTP headers, gc exposed.
      execArgv: [
        `--max-old-space-size=${Math.floor(memory * 0.9)}`,
        '--max-http-header-size=16384',
        '--expose-gc',
        ...this.tsx,
        ...inspectorFlags(this.config),
      ],
      serialization: wire,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // Its own process group, ended as one: fc-sim's signals and exit end what the handler spawned too.
      ...groupLeaderOptions,
    });
    trackGroup(child);
    this.starts += 1;
    // Raw writes to stdout/stderr (and Node's own fatal errors, such as running out of heap) are logs too.
    const lines = (chunk: Buffer) => {
      if (this.pending?.child !== child) return;
      for (const line of chunk.toString().split(/\r?\n/)) if (line !== '') this.pending.logs.push(line);
    };
    child.stdout!.on('data', lines);
    child.stderr!.on('data', this.config.inspect ? inspectorLines(this.config.inspect, lines) : lines);
    child.on('message', (received: unknown) => {
      const message = fromWire<FromInstance>(wire, received);
      if (message.type === 'ready') markReady();
      else this.receive(message);
    });
    // 'close', not 'exit': a handler that logs, throws or sends its last message right before exiting has that output
    // still in the pipes when 'exit' comes; 'close' comes once stdout, stderr and the IPC channel are drained.
    child.on('close', (_code, signal) => {
      markReady();
      if (this.child !== child) return;
      this.child = undefined;
      this.initialized = false;
      if (this.pending?.child === child)
        this.pending.finish({
          how: 'exited',
          error: processExitedError(0, 0, child === this.overMemory ? 'oom' : exitCause(signal)),
          maxRssBytes: this.maxRssBytes,
        });
    });
    child.send(toWire(wire, { type: 'start', traits: this.traits, codeDir: this.config.codeDir, typescript: this.tsx.length > 0 } satisfies ToInstance));
    this.child = child;
    return child;
  }

  private receive(message: Exclude<FromInstance, { type: 'ready' }>): void {
    const call = this.pending;
    if (!call || message.id !== call.id) return;
    // An answer read after the memory watch killed the process: FC would have killed it before it answered. Its close
    // ends the call as out of memory (the peak memory of a dead process reads as 0, so the check below cannot tell).
    if ((message.type === 'done' || message.type === 'uncaught') && call.child === this.overMemory) return;
    switch (message.type) {
      case 'log':
        call.logs.push(message.line);
        break;
      case 'warning':
        call.warnings.push(message.message);
        break;
      case 'done':
        this.maxRssBytes = Math.max(this.maxRssBytes, message.maxRssBytes);
        // Its memory passed the memory size between two looks: FC would have killed it then, before this answer. (The
        // kernel's peak of this process, not getrusage's, which a forked child inherits from its parent; or what it and
        // its children hold now.)
        if (peakMemoryBytes(call.child.pid) > this.memoryLimitBytes) {
          this.killOverMemory(call.child);
          break;
        }
        call.finish({ how: 'answered', outcome: message.outcome, maxRssBytes: this.maxRssBytes });
        break;
      case 'uncaught':
        call.finish({ how: 'answered', outcome: { kind: message.kind, error: message.error }, maxRssBytes: this.maxRssBytes });
        // The process is ending: the next invocation must not be sent to it.
        if (message.fatal) this.stop();
        break;
    }
  }

  /** FC limits the instance's memory to the function's memory size. */
  private get memoryLimitBytes(): number {
    return this.config.memorySize * 2 ** 20;
  }

  /** Kills a process that passed the memory size; its exit ends the call as FC's out-of-memory failure. */
  private killOverMemory(child: ChildProcess): void {
    this.overMemory = child;
    child.kill('SIGKILL');
  }

  /**
   * The Node.js of this instance, chosen and provisioned at its first start; what differs from FC goes to `warnings`.
   * A handler string naming TypeScript source runs through the project's tsx (refused, before any download, when the
   * project has none), on a Node.js tsx runs on.
   */
  private async chooseNode(warnings: string[]): Promise<NodeChoice> {
    if (!this.node) {
      const { runtime, nodePath, builtinModules } = this.config;
      const typescript = typescriptHandlers(this.config)[0];
      const loader = typescript && requireTsx(typescript, this.config.codeDir, 'handler');
      this.node = chooseNode({ runtime, nodePath, builtinModules }).then((node) => {
        warnings.push(...node.warnings);
        if (typescript && loader) {
          this.tsx = tsxFlags(loader, node.version, runtime, typescript.source);
          const notice = tsxNotice(typescript.source, loader);
          if (announce(notice)) warnings.push(notice);
        }
        return node;
      });
    }
    this.chosen = await this.node;
    return this.chosen;
  }

  /** Sends one call and waits for its end: an answer, the timeout (the process is killed) or the process's death. */
  private async call(
    handler: string,
    context: Record<string, unknown>,
    event: Buffer | undefined,
    timeoutSeconds: number,
    logs: string[],
    warnings: string[],
    http?: Fc2HttpRequest,
  ): Promise<CallEnd & { durationMs: number }> {
    const child = this.child ?? this.start(await this.chooseNode(warnings));
    await this.ready;
    // A fresh process has reported no memory yet: one that dies at once must not say maxMemoryUsage 0MB.
    if (this.maxRssBytes === 0) this.maxRssBytes = peakMemoryBytes(child.pid);
    const id = this.nextId++;
    const started = performance.now();
    return new Promise((resolve) => {
      // Under a debugger no timeout is set: a breakpoint would otherwise end the instance being debugged.
      const timer = this.config.inspect
        ? undefined
        : setTimeout(() => {
            this.maxRssBytes = Math.max(this.maxRssBytes, peakMemoryBytes(child.pid));
            end({ how: 'timeout', error: timeoutError(timeoutSeconds, this.maxRssBytes), maxRssBytes: this.maxRssBytes });
            this.stop();
          }, timeoutSeconds * 1000);
      const stopWatching = watchMemory(child.pid, this.memoryLimitBytes, (rss) => {
        this.maxRssBytes = Math.max(this.maxRssBytes, rss);
        this.killOverMemory(child);
      });
      const end = (result: CallEnd) => {
        if (this.pending?.id !== id) return;
        clearTimeout(timer);
        stopWatching();
        this.pending = undefined;
        // fc-sim is exiting on a signal and ended the group: the invocation was stopped, not failed; nothing reports it.
        if (result.how === 'exited' && endingAllGroups()) return;
        const durationMs = performance.now() - started;
        if (result.how === 'exited')
          result = { ...result, error: processExitedError(durationMs, result.maxRssBytes, result.error.cause === 'oom' ? 'oom' : 'exit') };
        resolve({ ...result, durationMs });
      };
      this.pending = { id, child, logs, warnings, finish: end };
      // A process that died since it was last used has closed its channel: that is its exit, not fc-sim's error.
      const message = { type: 'call', id, handler, context, ...(event ? { event } : {}), ...(http ? { http } : {}) } satisfies ToInstance;
      const exited = () => end({ how: 'exited', error: processExitedError(0, 0), maxRssBytes: this.maxRssBytes });
      try {
        child.send(toWire(this.wire, message), (error) => {
          if (error) exited();
        });
      } catch {
        exited();
      }
    });
  }

  protected async hook(name: HookName, requestId: string): Promise<Invocation | undefined> {
    const handler = { Initialize: this.config.initializer, PreFreeze: this.config.preFreeze, PreStop: this.config.preStop }[name];
    if (!handler) return undefined;
    const logs = [`FC ${name} Start RequestId: ${requestId}`];
    const warnings: string[] = [];
    const context = contextData(this.config, this.traits, { requestId, retryCount: 0 });
    const timeout = name === 'Initialize' ? this.config.initializationTimeout : HOOK_TIMEOUT_SECONDS;
    const end = await this.call(handler, context, undefined, timeout, logs, warnings);
    return this.settle(name, requestId, end, logs, warnings);
  }

  protected async callHandler(event: Buffer, requestId: string, options: InvokeOptions): Promise<Invocation> {
    const logs = [`FC Invoke Start RequestId: ${requestId}`];
    const warnings: string[] = [];
    const context = contextData(this.config, this.traits, { requestId, retryCount: options.retryCount ?? 0 });
    const fc2Request = options.http?.kind === 'fc2-http' ? options.http.request : undefined;
    const end = await this.call(this.config.handler, context, event, this.config.timeout, logs, warnings, fc2Request);
    return this.settle('Invoke', requestId, end, logs, warnings);
  }

  private settle(marker: string, requestId: string, end: CallEnd & { durationMs: number }, logs: string[], warnings: string[]): Invocation {
    if (end.how !== 'answered') logs.push(end.error.errorMessage);
    const hint = builtinModuleHint(end.how === 'answered' && end.outcome.kind !== 'success' ? end.outcome.error : undefined, this.config.runtime, this.chosen);
    if (hint) warnings.push(hint);
    const outcome: HandlerOutcome = end.how === 'answered' ? end.outcome : { kind: 'unhandled', error: end.error };
    return completedInvocation({
      marker,
      requestId,
      outcome,
      logs,
      warnings,
      durationMs: end.durationMs,
      memorySizeMb: this.config.memorySize,
      maxRssBytes: end.maxRssBytes,
      echoError: end.how === 'answered' && this.traits.legacyAgent,
    });
  }
}

/** Node's inspector flag for the instance's process, when the function is debugged. */
function inspectorFlags(config: FunctionConfig): string[] {
  if (!config.inspect) return [];
  return [`--inspect${config.inspect.break ? '-brk' : ''}=${config.inspect.address}`];
}

/**
 * The process's stderr under the inspector: Node's own lines (`Debugger listening on ws://…`, the help link,
 * `Debugger attached.`) are fc-sim's to show, not the function's logs; the URL goes to `onListening`.
 */
function inspectorLines(inspect: NonNullable<FunctionConfig['inspect']>, logs: (chunk: Buffer) => void): (chunk: Buffer) => void {
  return (chunk) => {
    const kept: string[] = [];
    for (const line of chunk.toString().split(/\r?\n/)) {
      const listening = /^Debugger listening on (ws:\/\/\S+)/.exec(line);
      if (listening) inspect.onListening?.(listening[1]!);
      else if (!/^(Debugger attached\.|Waiting for the debugger to disconnect\.\.\.|For help, see: https:\/\/nodejs\.org\S*)$/.test(line)) kept.push(line);
    }
    if (kept.some((line) => line !== '')) logs(Buffer.from(kept.join('\n')));
  };
}
