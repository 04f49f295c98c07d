import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createServer, connect } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { CustomRuntimeTarget } from '../remote/custom-runtime.js';
import type { RemoteResult } from '../remote/outcome.js';
import { remoteInvocation } from '../remote/outcome.js';
import { errorBody } from './invocation.js';
import { newRequestId } from './context.js';
import type { FcErrorBody } from './fc-errors.js';
import { processExitedError, timeoutError } from './fc-errors.js';
import type { FunctionConfig } from './function-config.js';
import { functionEnvironment } from './function-environment.js';
import type { LocalFolders } from './fc-paths.js';
import { SEARCH_PATHS, isUnder, localPath, localSearchPaths } from './fc-paths.js';
import { functionConfig } from './function-config.js';
import type { InvokeOptions } from './instance.js';
import type { Instance } from './invoke.js';
import type { Invocation } from './invocation.js';
import { endGroupOf, groupLeaderOptions, trackGroup } from './process-group.js';
import { HOOK_TIMEOUT_SECONDS } from './lifecycle.js';
import { peakMemoryBytes, watchMemory } from './memory-watch.js';
import type { FcNodeFolder } from './node/fc-node-folders.js';
import { imageBareNode, localNodeFolder } from './node/fc-node-folders.js';
import { programFileProblem } from './program-file.js';

/**
 * How FC starts a custom runtime's server in an instance: the command and args (run in the code folder; none means
 * `./bootstrap`), the port the function declares, and the environment on top of FC's.
 *
 * @example
 * ```ts
 * const spec: CustomRuntimeProcessSpec = {
 *   config: { handler: 'index.handler', codeDir: 'server', functionName: 'web' },
 *   command: ['node'], args: ['index.js'], port: 9000,
 * };
 * const instance = new CustomRuntimeProcess(spec);
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/custom-runtime-overview
 * @see README.md#custom-runtimes
 */
export interface CustomRuntimeProcessSpec {
  config: Partial<FunctionConfig> & Pick<FunctionConfig, 'handler'>;
  command: string[];
  args: string[];
  /** The port the function declares (FC's CAPort, default 9000). */
  port: number;
  /** Folders added to PATH after the host's (a layer's `bin`, as FC's /opt/bin). */
  extraPath?: string[];
  /** The layers' local folders, latest first: a command or argument under FC's `/opt/` is looked up in them. */
  optDirs?: string[];
  /** FC's Node.js folders the instance has (an official Node.js layer's, the image's): each one the command, args or search paths name is provided here. */
  nodeFolders?: FcNodeFolder[];
  /** FC's runtime (`custom.debian10`, …), whose image decides what a bare `node` is. */
  image?: string;
  /** Requests the server takes at once (instanceConcurrency, default 1); beyond 1, logs written meanwhile are shared out as they come. */
  concurrency?: number;
}

/** FC gives a custom runtime's server 120 s to listen (runtime.md §5: "HTTP server fails to start within 120s"). */
const START_DEADLINE_MS = 120_000;
const POLL_MS = 25;
/** How long a dropped connection waits for the server's exit: it comes within milliseconds of the socket's close. */
const EXIT_AFTER_DROP_MS = 1000;

/** Whether a file can be run, as a PATH lookup finds it. */
function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** How an invocation of the server ended, first of the four. */
type CallEnd = { how: 'answered'; result: RemoteResult } | { how: 'exited' } | { how: 'timeout' } | { how: 'oom'; bytes: number };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** One running server: its process, the client speaking FC's protocol to it, and where its output goes now. */
interface Running {
  child: ChildProcess;
  target: CustomRuntimeTarget;
  /** Lines written since the last invocation took them: an invocation's logs. */
  lines: string[];
  exited: Promise<string>;
  port: number;
  /** When the server last wrote (performance.now()). */
  lastOutput: number;
}

/**
 * A custom runtime's instance as FC runs it, without a container: the declared command starts in the code folder with
 * FC's environment (the listen port in `FC_CUSTOM_LISTEN_PORT` and `FC_SERVER_PORT`, credentials, function metadata),
 * fc-sim waits for the port, then speaks FC's custom-runtime protocol to it ({@link CustomRuntimeTarget}: /invoke,
 * /initialize, /pre-freeze on FC 2.0, /pre-stop, HTTP requests forwarded). Its stdout and stderr are the invocation's
 * logs; a timeout or a crash ends the process (its whole group) and the next invocation starts a new one.
 * Invocations run one at a time, so that each one's logs are its own.
 */
export class CustomRuntimeProcess implements Instance {
  readonly config: FunctionConfig;
  private running: Promise<Running> | undefined;
  /** The server once it listens. */
  private current: Running | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Said once per instance: the server listens on its declared port instead of FC_CUSTOM_LISTEN_PORT. */
  private warnedPort = false;
  /** Said once per instance: a bare `node` is this machine's, where FC's image has another or none. */
  private warnedNode = false;
  /** FC's Node.js folders the command, args or search paths name, by FC's path: local ones, provided on the first start. */
  private nodeFolders: Promise<Map<string, string>> | undefined;

  constructor(private readonly spec: CustomRuntimeProcessSpec) {
    this.config = functionConfig(spec.config);
  }

  invoke(event: Uint8Array, options: InvokeOptions = {}): Promise<Invocation> {
    if ((this.spec.concurrency ?? 1) > 1) return this.invokeNow(event, options);
    const run = this.queue.then(() => {
      options.signal?.throwIfAborted();
      return this.invokeNow(event, options);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private environment(port: number, nodeFolders: ReadonlyMap<string, string>): NodeJS.ProcessEnv {
    const { config } = this;
    const path = [process.env.PATH, config.codeDir, join(config.codeDir, 'bin'), ...(this.spec.extraPath ?? [])].filter(Boolean).join(delimiter);
    const environment: NodeJS.ProcessEnv = {
      PATH: path,
      HOME: process.env.HOME,
      LANG: 'C.UTF-8',
      ...config.environment,
      FC_CUSTOM_LISTEN_PORT: String(port),
      FC_SERVER_PORT: String(port),
      ...functionEnvironment(config, randomUUID()),
      ...(config.initializer ? { FC_INITIALIZER_HANDLER: config.initializer, FC_INITIALIZATION_TIMEOUT: String(config.initializationTimeout) } : {}),
    };
    // The function's own search paths name FC's folders (`PATH=/opt/nodejs16/bin:…`, as an official Node.js layer asks);
    // this machine's PATH, which stands in when the function sets none, is this machine's.
    return { ...environment, ...localSearchPaths(config.environment, this.folders(nodeFolders)) };
  }

  /**
   * FC's folders here: an FC Node.js folder's (`/var/fc/lang/nodejs20/…`, `/opt/nodejs16/…`) is the folder provided for
   * it, before the layers' `/opt` (a command such as `/opt/bin/run`).
   */
  private folders(nodeFolders: ReadonlyMap<string, string>): LocalFolders {
    return {
      codeDir: this.config.codeDir,
      optDirs: this.spec.optDirs ?? [],
      provided: new Map([...nodeFolders].map(([fcPath, dir]) => [fcPath, [dir]])),
    };
  }

  private local(path: string, nodeFolders: ReadonlyMap<string, string>): string[] {
    return localPath(path, this.folders(nodeFolders));
  }

  /** The FC Node.js folders that the command, args or the function's search paths name, each as a local folder. */
  private async provideNodeFolders(warnings: string[]): Promise<Map<string, string>> {
    const environment = this.config.environment;
    const named = [...this.spec.command, ...this.spec.args, ...SEARCH_PATHS.flatMap((name) => (environment[name] ?? '').split(delimiter))];
    const provided = new Map<string, string>();
    for (const folder of this.spec.nodeFolders ?? []) {
      if (!named.some((path) => isUnder(path, folder.fcPath))) continue;
      const local = await localNodeFolder(folder, { progress: (line) => process.stderr.write(`${line}\n`) });
      provided.set(folder.fcPath, local.dir);
      if (local.warning) warnings.push(local.warning);
    }
    return provided;
  }

  /**
   * Why a bare `node` found through `path` is not FC's: it comes from this machine, not from a folder that stands for
   * FC's (a Node.js folder provided here, the code folder, a layer's), and FC's image has another one or none.
   */
  private hostNode(path: string, nodeFolders: ReadonlyMap<string, string>): string | undefined {
    const note = imageBareNode(this.spec.image ?? '');
    if (!note) return undefined;
    const found = path.split(delimiter).find((dir) => dir !== '' && isExecutable(join(dir, 'node')));
    const fcFolders = [...nodeFolders.values(), this.config.codeDir, ...(this.spec.optDirs ?? [])];
    if (found && fcFolders.some((folder) => isUnder(found, folder))) return undefined;
    return `\`node\` is this machine's ${process.version} here; ${note.inFc}${note.fix ? `: ${note.fix}` : ''}`;
  }

  /** Starts the server and waits until it listens: on the port FC tells it, or on the one it declares (a hard-coded 9000). */
  private async start(warnings: string[]): Promise<Running> {
    this.nodeFolders ??= this.provideNodeFolders(warnings);
    const nodeFolders = await this.nodeFolders;
    const port = await freePort();
    const declaredFree = !(await accepts(this.spec.port));
    const [command, ...commandArgs] = (this.spec.command.length > 0 ? this.spec.command : [join(this.config.codeDir, 'bootstrap')]).map(
      (part) => this.local(part, nodeFolders)[0]!,
    );
    const environment = this.environment(port, nodeFolders);
    if (this.spec.command[0] === 'node' && !this.warnedNode) {
      this.warnedNode = true;
      const hostNode = this.hostNode(environment.PATH ?? '', nodeFolders);
      if (hostNode) warnings.push(hostNode);
    }
    // A file FC cannot run as a program does not start here either: Node.js's spawn would run a script without #! via /bin/sh.
    const notAProgram = command!.includes('/') ? programFileProblem(resolve(this.config.codeDir, command!)) : undefined;
    if (notAProgram) throw new StartFailure(`the custom runtime cannot start ${command}: it ${notAProgram.problem}; ${notAProgram.fix}`, []);
    const child = spawn(command!, [...commandArgs, ...this.spec.args.map((part) => this.local(part, nodeFolders)[0]!)], {
      cwd: this.config.codeDir,
      env: environment,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...groupLeaderOptions,
    });
    trackGroup(child);
    const lines: string[] = [];
    const take = (chunk: Buffer) => {
      if (this.current?.child === child) this.current.lastOutput = performance.now();
      for (const line of chunk.toString().split(/\r?\n/)) if (line !== '') lines.push(line);
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    const exited = new Promise<string>((resolve) => {
      child.once('error', (error) =>
        resolve(
          `cannot start ${command}: ${error.message}${command!.startsWith('/opt/') ? ` (FC's layers are in /opt: map the layer that has it with --layer <arn>=<dir>)` : ''}`,
        ),
      );
      child.once('exit', (code, signal) => resolve(`exited${signal ? ` on ${signal}` : ` with code ${code}`}`));
    });
    let gone: string | undefined;
    void exited.then((why) => (gone = why));
    const deadline = Date.now() + START_DEADLINE_MS;
    for (;;) {
      if (gone)
        throw new StartFailure(
          `the custom runtime (${[command, ...commandArgs, ...this.spec.args].join(' ')}) ${gone} before listening on port ${port}`,
          lines,
        );
      if (await accepts(port)) break;
      if (declaredFree && (await accepts(this.spec.port))) {
        if (!this.warnedPort)
          warnings.push(
            `the server listens on port ${this.spec.port}, not on FC_CUSTOM_LISTEN_PORT (${port}): fine in FC, where both are the CAPort; here one instance at a time can use it`,
          );
        this.warnedPort = true;
        return this.connect(child, lines, exited, this.spec.port);
      }
      if (Date.now() > deadline) {
        void endGroupOf(child);
        throw new StartFailure(`the custom runtime did not listen on port ${port} (FC_CUSTOM_LISTEN_PORT) within ${START_DEADLINE_MS / 1000} s`, lines);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return this.connect(child, lines, exited, port);
  }

  private connect(child: ChildProcess, lines: string[], exited: Promise<string>, port: number): Running {
    const target = new CustomRuntimeTarget(
      { url: `http://127.0.0.1:${port}`, config: this.config },
      { retry: { retries: 0 }, connections: 1, requestTimeoutMs: 86_400_000 },
    );
    const running: Running = { child, target, lines, exited, port, lastOutput: performance.now() };
    this.current = running;
    // A server that dies between invocations is replaced by the next one.
    void exited.then(() => {
      if (this.current !== running) return;
      this.current = undefined;
      this.running = undefined;
    });
    return running;
  }

  private failed(requestId: string, error: FcErrorBody, logs: string[], warnings: string[], durationMs: number, maxMemoryBytes = 0): Invocation {
    return remoteInvocation({
      requestId,
      status: 'unhandled-error',
      body: errorBody(error),
      error,
      logs: [...logs, error.errorMessage],
      warnings,
      durationMs,
      memorySizeMb: this.config.memorySize,
      maxMemoryUsedMb: Math.round(maxMemoryBytes / 2 ** 20),
    });
  }

  private async invokeNow(event: Uint8Array, options: InvokeOptions): Promise<Invocation> {
    const requestId = options.requestId ?? newRequestId(this.config.platform);
    const warnings: string[] = [];
    let running: Running;
    try {
      this.running ??= this.start(warnings);
      running = await this.running;
    } catch (error) {
      this.running = undefined;
      if (!(error instanceof StartFailure)) throw error;
      return this.failed(requestId, { errorMessage: error.message, errorType: 'CustomRuntimeStartError', cause: 'load' }, error.lines, warnings, 0);
    }
    // Output between invocations (a timer of the server's) belongs to none of them.
    if ((this.spec.concurrency ?? 1) === 1) running.lines.length = 0;
    const started = performance.now();
    const abort = new AbortController();
    // FC's timeout covers the initializer and the invocation; each has its own in FC, the larger bounds both here.
    const seconds = Math.max(this.config.timeout, this.config.initializer ? this.config.initializationTimeout : 0);
    let timer: NodeJS.Timeout | undefined;
    let stopWatching = () => {};
    // FC limits the instance's memory, the server's and what it started: passing it ends the instance.
    const limit = this.config.memorySize * 2 ** 20;
    // What it holds already: a server that dies before the watch's first look still had it.
    let highest = peakMemoryBytes(running.child.pid);
    const raced: CallEnd = await Promise.race([
      running.target.send(event, { ...options, requestId }, abort.signal).then((result) => ({ how: 'answered' as const, result })),
      running.exited.then(() => ({ how: 'exited' as const })),
      new Promise<{ how: 'timeout' }>((resolve) => (timer = setTimeout(() => resolve({ how: 'timeout' }), seconds * 1000))),
      new Promise<{ how: 'oom'; bytes: number }>((resolve) => {
        stopWatching = watchMemory(
          running.child.pid,
          limit,
          (bytes) => resolve({ how: 'oom', bytes }),
          (bytes) => (highest = Math.max(highest, bytes)),
        );
      }),
    ]);
    clearTimeout(timer);
    stopWatching();
    const durationMs = performance.now() - started;
    // Its peak passed the memory size between two looks: FC would have ended it before it answered.
    const peak = raced.how === 'answered' ? peakMemoryBytes(running.child.pid) : 0;
    highest = Math.max(highest, peak);
    const ended = peak > limit ? { how: 'oom' as const, bytes: peak } : await this.exitedIfDropped(raced, running);
    if (ended.how === 'answered') await this.quiet(running);
    const logs = running.lines.splice(0);
    if (ended.how === 'answered') {
      const { invocation } = ended.result;
      invocation.logs = [...logs, ...invocation.logs];
      invocation.warnings.push(...warnings);
      invocation.maxMemoryUsedMb = Math.round(highest / 2 ** 20);
      if (this.config.platform === 'fc2' && this.config.preFreeze) await this.preFreeze(running, requestId, invocation);
      return invocation;
    }
    abort.abort();
    this.stop();
    const error =
      ended.how === 'timeout'
        ? timeoutError(seconds, highest)
        : ended.how === 'oom'
          ? processExitedError(durationMs, ended.bytes, 'oom')
          : processExitedError(durationMs, highest);
    return this.failed(requestId, error, logs, warnings, durationMs, Math.max(highest, ended.how === 'oom' ? ended.bytes : 0));
  }

  /**
   * A connection the server dropped without an answer (or in the middle of a streamed one) is, when its process exits
   * meanwhile, the process's exit: FC reports that as `Process exited unexpectedly…`, never as a broken connection. The
   * socket closes before the exit is seen, so the exit gets a moment to come.
   */
  private async exitedIfDropped(raced: CallEnd, running: Running): Promise<CallEnd> {
    if (raced.how !== 'answered' || raced.result.outcome !== 'connection-error') return raced;
    let timer: NodeJS.Timeout | undefined;
    const exited = await Promise.race([
      running.exited.then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), EXIT_AFTER_DROP_MS))),
    ]);
    clearTimeout(timer);
    return exited ? { how: 'exited' } : raced;
  }

  /**
   * Waits for what the server wrote before it answered: its pipes may deliver after the answer. Until it has been
   * quiet for 5 ms, at most 50 ms.
   */
  private async quiet(running: Running): Promise<void> {
    const deadline = performance.now() + 50;
    do await new Promise((resolve) => setTimeout(resolve, 2));
    while (performance.now() - running.lastOutput < 5 && performance.now() < deadline);
  }

  /** FC 2.0 calls `GET /pre-freeze` after each invocation when a PreFreeze hook is configured (runtime.md §5). */
  private async preFreeze(running: Running, requestId: string, invocation: Invocation): Promise<void> {
    const signal = AbortSignal.timeout(HOOK_TIMEOUT_SECONDS * 1000);
    const answer = await fetch(`http://127.0.0.1:${running.port}/pre-freeze`, {
      headers: { 'x-fc-request-id': requestId, 'x-fc-control-path': '/pre-freeze', 'x-fc-function-name': this.config.functionName },
      signal,
    }).catch((error: Error) => error);
    await this.quiet(running);
    invocation.logs.push(...running.lines.splice(0));
    if (answer instanceof Error) invocation.warnings.push(`PreFreeze (GET /pre-freeze) failed: ${answer.message}`);
    else if (answer.status !== 200) invocation.warnings.push(`PreFreeze (GET /pre-freeze) answered ${answer.status}`);
    if (!(answer instanceof Error)) await answer.arrayBuffer();
  }

  private stop(): void {
    const current = this.running;
    this.running = undefined;
    // Forgotten at once: when this server's exit comes, a replacement may be starting, and that one must stay tracked.
    this.current = undefined;
    void current?.then(
      (running) => {
        void running.target.destroy();
        void endGroupOf(running.child);
      },
      () => undefined,
    );
  }

  /** Calls `GET /pre-stop` when a PreStop hook is configured, then ends the server's process group. */
  async dispose(): Promise<Invocation | undefined> {
    await this.queue;
    const current = this.running;
    this.running = undefined;
    if (!current) return undefined;
    let running: Running;
    try {
      running = await current;
    } catch {
      return undefined;
    }
    running.lines.length = 0;
    const preStop = await running.target.dispose();
    await this.quiet(running);
    if (preStop) preStop.logs = [...running.lines.splice(0), ...preStop.logs];
    await endGroupOf(running.child);
    return preStop;
  }
}

/** The server never listened: why, and what it wrote. */
class StartFailure extends Error {
  constructor(
    message: string,
    readonly lines: string[],
  ) {
    super(message);
  }
}
