import { setFlagsFromString } from 'node:v8';
import { FcSimError } from '../errors.js';
import type { FunctionConfig } from '../runtime/function-config.js';
import { functionConfig } from '../runtime/function-config.js';
import type { AccessKey } from '../remote/credentials.js';
import { accessKeyFromEnv } from '../remote/credentials.js';
import { DEFAULT_CONCURRENCY } from '../remote/load-run.js';
import type { RemoteInstance } from '../remote/remote-instance.js';
import type { RemoteTargetSpec } from '../remote/target.js';
import { createRemoteTarget } from '../remote/target.js';
import { invokeEndpoint } from '../remote/invoke-api.js';
import type { TransportOptions } from '../remote/http-client.js';
import type { FunctionFlags } from './function-options.js';
import { functionConfigFrom } from './function-options.js';
import type { CommandIo } from './io.js';
import { targetKind } from './target-options.js';

// The remote target alone, apart from create-target.ts: `replay --url` loads neither the local runtime nor the
// project loader (yaml, the trigger registry, fast-check): half of its start-up for a few events.

/**
 * undici parses answers with llhttp compiled to WebAssembly. By default V8 recompiles its hot functions with TurboFan
 * on a background thread, and a Node process waits for that compilation before it exits: 150-250 ms added to every
 * CLI run that sent a request (measured: `fc-sim replay --url` of one event 0.44 s → 0.2 s), and a core taken from
 * the server on the same machine. Baseline (Liftoff) code parses as fast for answers this size. Set for the CLI
 * process only, before its first connection compiles llhttp; the library leaves V8's flags alone.
 */
function baselineWasmOnly(): void {
  if (baselineOnly) return;
  baselineOnly = true;
  setFlagsFromString('--no-wasm-tier-up');
  setFlagsFromString('--no-wasm-dynamic-tiering');
  // V8's code cache records the flags it was made under, and the bin writes the CLI's cache at exit: set back first,
  // or every later run would reject that cache and compile the CLI again (test/cli/remote-target.test.ts).
  process.prependOnceListener('exit', () => {
    setFlagsFromString('--wasm-tier-up');
    setFlagsFromString('--wasm-dynamic-tiering');
  });
}
let baselineOnly = false;

const usage = (message: string, hint?: string) => new FcSimError('E_USAGE', message, hint);

function url(flag: string, value: string, io: CommandIo): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw usage(`${flag}: not a URL: ${JSON.stringify(value)}`, 'e.g. --url http://127.0.0.1:9000/ or https://<trigger-id>.<region>.fcapp.run/');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw usage(`${flag}: only http: and https: URLs, got ${parsed.protocol}`);
  if (parsed.password) io.redactor.add(decodeURIComponent(parsed.password));
  return value;
}

function requireCredentials(why: string, io: CommandIo): AccessKey {
  const key = accessKeyFromEnv(io.env);
  if (!key)
    throw usage(
      `${why} needs credentials: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set`,
      'export them (and ALIBABA_CLOUD_SECURITY_TOKEN for STS); fc-sim never prints them',
    );
  return key;
}

/**
 * The remote target the flags name. From here on everything the run prints or writes passes its redactor: it knows
 * the caller's credentials and the function's, and masks Authorization values.
 */
export function remoteTargetFrom(flags: FunctionFlags, io: CommandIo, eventDefaults: Partial<FunctionConfig> = {}): RemoteInstance {
  const kind = targetKind(flags);
  const env = accessKeyFromEnv(io.env);
  io.guard(env?.accessKeySecret, env?.securityToken);
  if (flags.handler !== undefined && kind !== 'custom-runtime') {
    throw usage(
      `--handler runs a handler locally; ${flags.url ? '--url' : '--target'} sends the events to a deployed function: choose one`,
      'drop --handler (it is sent in x-fc-function-handler only with --target custom-runtime)',
    );
  }
  const transport: TransportOptions = {
    connections: flags.concurrency ?? DEFAULT_CONCURRENCY,
    ...(flags.requestTimeout === undefined ? {} : { requestTimeoutMs: flags.requestTimeout }),
    retry: {
      ...(flags.retries === undefined ? {} : { retries: flags.retries }),
      ...(flags.retryDelay === undefined ? {} : { baseDelayMs: flags.retryDelay }),
      retryUnsafe: flags.retryUnsafe ?? false,
    },
  };
  let spec: RemoteTargetSpec;
  if (kind === 'http-trigger' || kind === 'custom-runtime') {
    if (flags.url === undefined)
      throw usage(
        `--target ${kind} needs --url`,
        kind === 'custom-runtime' ? 'e.g. --url http://127.0.0.1:9000' : 'e.g. --url https://<trigger-id>.<region>.fcapp.run/',
      );
    for (const [flag, given] of [
      ['--endpoint', flags.endpoint],
      ['--service-name', flags.serviceName],
      ['--qualifier', flags.qualifier],
    ] as const) {
      if (given !== undefined) throw usage(`${flag}: only with --target invoke-fc2 or invoke-fc3`);
    }
    if (kind === 'http-trigger') {
      if (flags.sign !== undefined && flags.sign !== 'fc2' && flags.sign !== 'fc3') throw usage(`--sign: expected fc2 or fc3, got "${flags.sign}"`);
      const sign = flags.sign as 'fc2' | 'fc3' | undefined;
      spec = { kind, url: url('--url', flags.url, io), ...(sign ? { sign, credentials: requireCredentials(`--sign ${sign}`, io) } : {}) };
    } else {
      if (flags.sign !== undefined) throw usage('--sign: only for HTTP triggers (--url without --target, or --target http-trigger)');
      const config = functionConfig(functionConfigFrom(flags, io, { handler: 'index.handler', ...eventDefaults }));
      // The function's credentials travel in FC's headers (x-fc-access-key-secret): never shown either.
      io.guard(config.credentials.accessKeySecret, config.credentials.securityToken);
      spec = { kind, url: url('--url', flags.url, io), config };
    }
  } else {
    if (flags.url !== undefined)
      throw usage(`--url: not with --target ${kind}`, 'the API endpoint is --endpoint (default https://<account-id>.<region>.fc.aliyuncs.com)');
    if (flags.sign !== undefined) throw usage('--sign: InvokeFunction requests are always signed');
    const api = kind === 'invoke-fc2' ? 'fc2' : 'fc3';
    if (!flags.functionName) throw usage(`--target ${kind} needs --function-name`);
    if (api === 'fc2' && !flags.serviceName) throw usage('--target invoke-fc2 needs --service-name (FC 2.0 functions live in services)');
    if (api === 'fc3' && flags.serviceName) throw usage('--service-name: FC 3.0 has no services', 'drop it, or use --target invoke-fc2');
    if (flags.invocationType !== undefined && flags.invocationType !== 'sync' && flags.invocationType !== 'async') {
      throw usage(`--invocation-type: expected sync or async, got "${flags.invocationType}"`);
    }
    let endpoint = flags.endpoint;
    if (endpoint === undefined) {
      if (!flags.accountId || !flags.region)
        throw usage(`--target ${kind} needs --endpoint, or --account-id and --region`, 'e.g. --account-id 1234567890123456 --region cn-hangzhou');
      endpoint = invokeEndpoint(flags.accountId, flags.region);
    }
    spec = {
      kind: 'invoke',
      api,
      endpoint: url('--endpoint', endpoint, io),
      ...(flags.accountId ? { accountId: flags.accountId } : {}),
      ...(flags.serviceName ? { serviceName: flags.serviceName } : {}),
      functionName: flags.functionName,
      ...(flags.qualifier ? { qualifier: flags.qualifier } : {}),
      invocationType: flags.invocationType ?? 'sync',
      credentials: requireCredentials(`--target ${kind}`, io),
    };
  }
  baselineWasmOnly();
  return createRemoteTarget(spec, transport);
}
