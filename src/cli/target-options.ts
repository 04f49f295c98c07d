import type { Command } from 'commander';
import { FcSimError } from '../errors.js';
import { accountId } from '../triggers/_shared/flags.js';

/** The flags that send events to a deployed function (or a server speaking FC's protocol) instead of a local handler. */
export interface TargetFlags {
  url?: string;
  target?: string;
  endpoint?: string;
  accountId?: string;
  region?: string;
  serviceName?: string;
  qualifier?: string;
  sign?: string;
  concurrency?: number;
  rate?: number;
  /** Milliseconds. */
  requestTimeout?: number;
  retries?: number;
  retryDelay?: number;
  retryUnsafe?: boolean;
  out?: string;
}

export const TARGET_KINDS = ['http-trigger', 'custom-runtime', 'invoke-fc2', 'invoke-fc3'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

const usage = (message: string, hint?: string) => new FcSimError('E_USAGE', message, hint);

const wholeNumber = (flag: string, min: number) => (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) < min) throw usage(`${flag}: expected a whole number ≥ ${min}, got ${JSON.stringify(value)}`);
  return Number(value);
};

const positiveNumber = (flag: string) => (value: string) => {
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || number <= 0) throw usage(`${flag}: expected a number > 0, got ${JSON.stringify(value)}`);
  return number;
};

/** `500ms`, `2s`, `1m`, or a number of seconds: milliseconds. */
export function parseDuration(flag: string) {
  return (value: string): number => {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(value.trim());
    const ms = match ? Number(match[1]) * (match[2] === 'ms' ? 1 : match[2] === 'm' ? 60_000 : 1000) : NaN;
    if (!(ms > 0)) throw usage(`${flag}: expected a duration such as 500ms, 2s or 1m, got ${JSON.stringify(value)}`);
    return Math.round(ms);
  };
}

/** Adds the target flags; `--account-id` and `--region` are shared with kinds that already have them (they set the event's too). */
export function addTargetOptions(command: Command): Command {
  const has = (flag: string) => command.options.some((option) => option.long === flag);
  command
    .option(
      '--url <url>',
      'send the events to a deployed function instead: an HTTP trigger URL (…/2016-08-15/proxy/<service>/<function>/, https://<id>.<region>.fcapp.run/, any base URL), or with --target custom-runtime the server',
    )
    .option('--target <kind>', `where the events go: ${TARGET_KINDS.join(', ')} (default http-trigger with --url)`)
    .option('--endpoint <url>', 'with --target invoke-*: the API endpoint (default https://<account-id>.<region>.fc.aliyuncs.com)');
  if (!has('--account-id'))
    command.option('--account-id <id>', 'with --target invoke-*: the account id (endpoint, x-fc-account-id)', accountId('--account-id'));
  if (!has('--region')) command.option('--region <id>', 'with --target invoke-*: the region of the endpoint, e.g. cn-hangzhou');
  return command
    .option('--service-name <name>', 'with --target invoke-fc2: the service of the function')
    .option('--qualifier <qualifier>', 'with --target invoke-*: a version or alias (default LATEST)')
    .option(
      '--sign <fc2|fc3>',
      'with --url: sign the requests (fc2: FC 2.0 function auth; fc3: ACS3-HMAC-SHA256 signature auth) with ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET/SECURITY_TOKEN',
    )
    .option('--concurrency <n>', 'remote: requests in flight at once (default 8)', wholeNumber('--concurrency', 1))
    .option('--rate <n>', 'remote: at most n requests started per second', positiveNumber('--rate'))
    .option('--request-timeout <duration>', 'remote: limit of one request, e.g. 500ms, 30s (default 60s)', parseDuration('--request-timeout'))
    .option(
      '--retries <n>',
      'remote: retries after connection errors, timeouts, 429 and 5xx (default 3; non-idempotent requests only when the connection failed, unless --retry-unsafe)',
      wholeNumber('--retries', 0),
    )
    .option('--retry-delay <duration>', 'remote: first backoff, doubled each retry (default 100ms)', parseDuration('--retry-delay'))
    .option('--retry-unsafe', 'remote: also retry POST/PATCH requests (InvokeFunction, non-HTTP events) that may have reached the function')
    .option('--out <file>', 'write one NDJSON record per event (outcome, status, latency, attempts, result, error, logs); folders created');
}

/** True when the flags send events somewhere else than a local handler. */
export function hasTarget(flags: TargetFlags): boolean {
  return flags.url !== undefined || flags.target !== undefined;
}

const LOAD_FLAGS: ReadonlyArray<[keyof TargetFlags, string]> = [
  ['concurrency', '--concurrency'],
  ['rate', '--rate'],
  ['requestTimeout', '--request-timeout'],
  ['retries', '--retries'],
  ['retryDelay', '--retry-delay'],
  ['retryUnsafe', '--retry-unsafe'],
  ['endpoint', '--endpoint'],
  ['serviceName', '--service-name'],
  ['qualifier', '--qualifier'],
  ['sign', '--sign'],
];

/** Remote-only flags given to a local run: refused, naming the flag. */
export function refuseRemoteFlags(flags: TargetFlags): void {
  const given = LOAD_FLAGS.find(([key]) => flags[key] !== undefined);
  if (given)
    throw usage(`${given[1]}: only for a deployed function (--url or --target)`, 'e.g. --url https://<trigger-id>.<region>.fcapp.run/ --concurrency 16');
}

export function targetKind(flags: TargetFlags): TargetKind {
  const kind = flags.target ?? 'http-trigger';
  if (!(TARGET_KINDS as readonly string[]).includes(kind)) throw usage(`--target: unknown target "${kind}"`, `use one of: ${TARGET_KINDS.join(', ')}`);
  return kind as TargetKind;
}

/** The target flags again, for the replay commands a report prints (never a credential: those come from the environment). */
export function targetArgs(flags: TargetFlags & { functionName?: string; invocationType?: string }): string {
  const quote = (value: string) => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
  const pairs: Array<[string, string | undefined]> = [
    ['--target', flags.target],
    ['--url', flags.url],
    ['--endpoint', flags.endpoint],
    ['--account-id', flags.target?.startsWith('invoke') && !flags.endpoint ? flags.accountId : undefined],
    ['--region', flags.target?.startsWith('invoke') && !flags.endpoint ? flags.region : undefined],
    ['--service-name', flags.serviceName],
    ['--function-name', flags.target?.startsWith('invoke') ? flags.functionName : undefined],
    ['--qualifier', flags.qualifier],
    ['--sign', flags.sign],
    ['--invocation-type', flags.target?.startsWith('invoke') ? flags.invocationType : undefined],
  ];
  return pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([flag, value]) => `${flag} ${quote(value)}`)
    .join(' ');
}
