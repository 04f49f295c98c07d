import type { FunctionConfig } from '../runtime/function-config.js';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative } from 'node:path';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../triggers/_shared/common.js';
import type { HttpMethod } from '../triggers/http/build.js';
import { buildFc2HttpRequest, buildHttpEvent } from '../triggers/http/build.js';
import { codeFolderProblem } from '../project/code-location.js';
import { runtimeRunAs } from '../runtime/node/deprecated-runtimes.js';
import type { Project } from '../project/model.js';
import type { LocalFolders } from '../project/project-instance.js';
import type { AccessKey } from '../remote/credentials.js';
import { accessKeyFromEnv } from '../remote/credentials.js';
import { decodedPath } from '../remote/fc2-signature.js';
import { newRequestId } from '../runtime/context.js';
import type { StreamSink } from '../runtime/instance.js';
import { isReservedResponseHeader } from '../runtime/reserved-headers.js';
import type { Invocation } from '../runtime/invocation.js';
import { summaryLine } from '../runtime/invocation.js';
import { checkAuth } from './auth.js';
import { withClaims } from './jwt-claims.js';
import { jwtClaimPassBy } from './jwt.js';
import type { Scaling } from './instances.js';
import { InstancePool, PoolFull } from './instances.js';
import { NonceLedger } from './nonces.js';
import { checkRequestHead, clientIp, readBody, RequestRefused, requestParams } from './request.js';
import type { ResponsePlan } from './response.js';
import { fcErrorResponse, invocationResponse, missingCodeResponse, sendResponse } from './response.js';
import type { RouteTable, ServedFunction, ServedMethod } from './routes.js';
import { buildRouteTable, matchRoute } from './routes.js';
import type { CodeWatcher, WatchOptions } from './watcher.js';
import { watchCode } from './watcher.js';
import { isCustomRuntime } from '../runtime/runtimes.js';

/** Headers of one connection, not of the answer: a streamed answer travels on the client's own connection. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);
/**
 * `fc-sim serve`: one local HTTP server for a project's functions with HTTP triggers (URL scheme: routes.ts; auth:
 * auth.ts; request limits: request.ts; responses and function errors: response.ts). Each function runs in one warm
 * instance, replaced when its code changes; every invocation's FC log lines (prefixed with the function) and one
 * access line per request go to one log stream.
 *
 * @example
 * ```ts
 * const options: ServeOptions = { port: 0, watch: false, accessKey: null, log: (line) => console.log(line) };
 * const server = await startServer(loadProject('.'), options);
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface ServeOptions {
  /** Default 9000; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where log lines go (one line per call, no newline). Default: standard error. */
  log?: (line: string) => void;
  /** Watch the code folders and reload on change (default true), or how to watch. */
  watch?: boolean | WatchOptions;
  /** Verify `function` auth signatures with this key; null: accept any well-formed signature. Default: ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET when set. */
  accessKey?: AccessKey | null;
  /** Local folders for the functions' layers and NAS mounts (`localFolders`); default: none. */
  folders?: LocalFolders;
  /** How far one function scales: instances and waiting requests (default 4 instances, 64 waiting). */
  scaling?: Scaling;
  /**
   * Every instance's process under Node's inspector (see FunctionConfig's `inspect`); its timeout is not enforced.
   * Instances of one address share its port: the first holds it, so give port 0 to debug several.
   */
  inspect?: FunctionConfig['inspect'];
}

/**
 * A running `fc-sim serve` server: its URL, its routes, and how to stop it.
 *
 * @example
 * ```ts
 * const server: RunningServer = await startServer(loadProject('.'), { port: 0 });
 * const response = await fetch(`${server.url}/2023-03-30/functions/hello/users/42`);
 * await server.close();
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface RunningServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  routes: RouteTable;
  /** How each code folder is watched (empty when not watching). */
  watching: ReadonlyMap<string, 'watch' | 'poll'>;
  /** Whether function-auth signatures are verified. */
  verifiesSignatures: boolean;
  close(): Promise<void>;
}

/** Why a queued request was dropped: its client closed the connection. */
class ClientGone extends Error {}

const defaultLog = (line: string) => void process.stderr.write(`${line}\n`);

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Serves a project's HTTP functions locally as FC's HTTP triggers and custom domains would, each function in one
 * warm instance, reloaded when its code changes.
 *
 * @example
 * ```ts
 * const server = await startServer(loadProject('.'), { port: 9000 });
 * console.log(`listening on ${server.url}`);
 * process.once('SIGINT', () => void server.close());
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 * @see README.md#your-project-ls-lint-test-serve
 */
export async function startServer(project: Project, options: ServeOptions = {}): Promise<RunningServer> {
  const log = options.log ?? defaultLog;
  const table = buildRouteTable(project);
  const accessKey = options.accessKey === undefined ? accessKeyFromEnv() : (options.accessKey ?? undefined);
  const pool = new InstancePool(
    (key, preStop) => {
      for (const line of preStop?.logs ?? []) log(`[${key}] ${line}`);
    },
    options.folders,
    (message) => log(`fc-sim: warning: ${message}`),
    options.scaling,
    options.inspect,
  );
  const warnedAuth = new Set<string>();
  const nonces = new NonceLedger();

  const logInvocation = (served: ServedFunction, invocation: Invocation, dropped: readonly string[]) => {
    for (const line of invocation.logs) log(`[${served.key}] ${line}`);
    for (const warning of [...invocation.warnings, ...dropped]) log(`[${served.key}] warning: ${warning}`);
    if (invocation.status !== 'rejected') log(`[${served.key}] ${summaryLine(invocation)}`);
  };

  const invokeFunction = async (
    served: ServedFunction,
    request: IncomingMessage,
    parts: { method: HttpMethod; functionPath: string; search: string; body: Buffer; claims?: Record<string, unknown> },
    requestId: string,
    signal: AbortSignal,
    stream: StreamSink,
  ): Promise<ResponsePlan> => {
    const { fn } = served;
    const runnable = runtimeRunAs(fn.runtime) || (isCustomRuntime(fn.runtime) && fn.customRuntimeConfig);
    if (!runnable)
      return fcErrorResponse(
        500,
        'InvalidRuntime',
        fn.runtime === 'custom-container'
          ? 'a custom container runs its image, which fc-sim does not: run it yourself and use fc-sim --target custom-runtime --url http://127.0.0.1:9000'
          : `runtime ${fn.runtime} is not one fc-sim runs (nodejs12, 14, 16, 18, 20, custom runtimes)`,
        requestId,
      );
    const missingCode = codeFolderProblem(fn);
    // FC answers a function whose handler module cannot be loaded with an unhandled error; the other functions go on.
    if (missingCode) return missingCodeResponse(missingCode, requestId);
    const asSent = requestParams(request, { ...parts, accountId: DEFAULT_ACCOUNT_ID, region: fn.region ?? DEFAULT_REGION, time: new Date() });
    // authType jwt: what the function sees carries the claims its trigger passes on.
    const params = parts.claims ? withClaims(asSent, jwtClaimPassBy(served.trigger.config.authConfig), parts.claims) : asSent;
    let invocation: Invocation;
    try {
      if (fn.platform === 'fc3') {
        const event = buildHttpEvent(params);
        event.requestContext.requestId = requestId;
        invocation = await pool.invoke(served.key, fn, Buffer.from(JSON.stringify(event)), { requestId, http: { kind: 'fc3-http' }, signal, stream });
      } else {
        invocation = await pool.invoke(served.key, fn, params.body === parts.body ? parts.body : Buffer.from(params.body), {
          requestId,
          http: { kind: 'fc2-http', request: buildFc2HttpRequest(params) },
          signal,
          stream,
        });
      }
    } catch (error) {
      if (error instanceof PoolFull) return fcErrorResponse(429, 'ResourceThrottled', error.message, requestId);
      throw error;
    }
    // Not a Node.js runtime's handler: a custom runtime's HTTP server answered.
    const plan = invocationResponse(invocation, { fromServer: runtimeRunAs(fn.runtime) === undefined });
    logInvocation(served, invocation, plan.warnings);
    return plan;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const url = request.url ?? '/';
    const at = url.indexOf('?');
    const pathname = at === -1 ? url : url.slice(0, at);
    const search = at === -1 ? '' : url.slice(at + 1);
    const match = matchRoute(table, pathname, request.headers.host);
    const served = match.kind === 'function' ? match.served : undefined;
    const requestId = newRequestId(served?.fn.platform ?? 'fc2');
    // A client that closes its connection before its request's turn (or fc-sim closing them all to stop) takes the
    // request back: the function does not run for nobody.
    const gone = new AbortController();
    response.once('close', () => {
      if (!response.writableFinished) gone.abort(new ClientGone());
    });
    let plan: ResponsePlan;
    let bodyRead = false;
    // An answer the function streams (a custom runtime's text/event-stream) is written on as it comes, as FC passes it.
    let streamed = 0;
    const stream: StreamSink = async (statusCode, headers, body) => {
      for (const [name, value] of Object.entries(headers))
        if (!isReservedResponseHeader(name) && !HOP_BY_HOP.has(name.toLowerCase())) response.setHeader(name, value);
      response.setHeader('x-fc-request-id', requestId);
      response.writeHead(statusCode);
      // A client that leaves ends the stream: the server's side is closed too, as FC closes it.
      const leave = () => body.destroy();
      response.once('close', leave);
      try {
        for await (const chunk of body) {
          response.write(chunk);
          streamed += (chunk as Buffer).length;
        }
      } catch (error) {
        // The function's side broke off (its process ended, its time or memory ran out): the client's connection is
        // cut, as a gateway cuts it, not ended as if the answer were whole. (A client that left has it closed already.)
        if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
          response.destroy();
          throw error;
        }
      } finally {
        response.off('close', leave);
      }
      response.end();
    };
    try {
      checkRequestHead(request);
      if (match.kind === 'not-found') plan = fcErrorResponse(404, match.errorCode, match.message, requestId);
      else if (!(match.methods as string[]).includes(request.method ?? '')) {
        plan = fcErrorResponse(405, 'MethodNotAllowed', `${request.method} is not allowed: this HTTP trigger accepts ${match.methods.join(', ')}`, requestId, {
          allow: match.methods.join(', '),
        });
      } else {
        const body = await readBody(request);
        bodyRead = true;
        const method = request.method as ServedMethod;
        const auth = checkAuth(
          { method, pathname, query: [...new URLSearchParams(search)], headers: request.headers, body },
          {
            authType: match.served.authType,
            platform: match.served.fn.service ? 'fc2' : 'fc3',
            accessKey,
            nonces,
            jwt: { authConfig: match.served.trigger.config.authConfig, functionPath: decodedPath(match.functionPath) },
          },
        );
        if (!auth.ok) plan = fcErrorResponse(auth.statusCode, auth.errorCode, auth.message, requestId);
        else {
          if (auth.warning && !warnedAuth.has(match.served.key)) {
            warnedAuth.add(match.served.key);
            log(`[${match.served.key}] warning: ${auth.warning}`);
          }
          const { claims } = auth;
          plan = await invokeFunction(
            match.served,
            request,
            { method, functionPath: match.functionPath, search, body, claims },
            requestId,
            gone.signal,
            stream,
          );
        }
      }
    } catch (error) {
      if (error instanceof ClientGone) {
        log(`${new Date().toISOString()} ${clientIp(request)} "${request.method} ${url}" - client gone before its turn: not run ${requestId}`);
        return;
      }
      plan =
        error instanceof RequestRefused
          ? fcErrorResponse(error.statusCode, error.errorCode, error.message, requestId)
          : fcErrorResponse(500, 'InternalError', `fc-sim failed to serve this request: ${(error as Error).message}`, requestId);
    }
    // A body left unread (refused, or not needed for the answer): the connection does not carry another request.
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    const target = served ? `${served.key} via ${match.kind === 'function' ? match.via : '-'}` : '-';
    if (response.headersSent) {
      // A streamed answer the function did not finish (its invocation failed after the head went out) is cut.
      const cut = !response.writableEnded;
      if (cut) response.destroy();
      const ms = (performance.now() - started).toFixed(1);
      log(
        `${new Date().toISOString()} ${clientIp(request)} "${request.method} ${url}" ${response.statusCode} ${streamed} ${ms}ms ${target} ${requestId} (streamed${cut ? ', cut off' : ''})`,
      );
      return;
    }
    if (!bodyRead && hasBody) response.setHeader('connection', 'close');
    const sent = sendResponse(response, plan, requestId);
    const ms = (performance.now() - started).toFixed(1);
    log(`${new Date().toISOString()} ${clientIp(request)} "${request.method} ${url}" ${sent.statusCode} ${sent.body.length} ${ms}ms ${target} ${requestId}`);
  };

  // Headers over FC's 8 KB must reach the handler (to answer FC's 400), not Node's own 431 at 16 KB.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`fc-sim: internal error: ${(error as Error).stack ?? String(error)}`);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });

  const address = await listen(server, options.port ?? 9000, options.host ?? '127.0.0.1');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let watcher: CodeWatcher | undefined;
  if (options.watch !== false) {
    const watched = [...table.functions, ...table.routes.flatMap((route) => (route.target && !table.functions.includes(route.target) ? [route.target] : []))];
    const dirs = [...new Set(watched.map((entry) => entry.fn.codeDir))];
    watcher = watchCode(
      dirs,
      (dir, file) => {
        const keys = [...new Set(watched.filter((entry) => entry.fn.codeDir === dir).map((entry) => entry.key))];
        for (const key of keys) void pool.reload(key);
        const where = relative(project.root, dir) || '.';
        log(`fc-sim: ${file ? `${where}/${file}` : where} changed: reloaded ${keys.join(', ')} (the next request starts a new instance)`);
      },
      typeof options.watch === 'object' ? options.watch : {},
    );
  }

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    routes: table,
    watching: watcher?.modes ?? new Map(),
    verifiesSignatures: accessKey !== undefined,
    close() {
      closing ??= (async () => {
        watcher?.close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await Promise.all([closed, pool.closeAll()]);
      })();
      return closing;
    },
  };
}
