import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FcSimError } from '../errors.js';
import type { Trigger } from '../events/kinds.js';

/** A command-line flag of the event commands and the builder parameter it sets. */
export interface FlagSpec {
  flags: string;
  description: string;
  /** The builder parameter the flag sets. */
  param: string;
  /** Turns the text into the parameter's value; repeatable flags receive the value so far, file flags the folder paths are relative to. */
  parse?: (value: string, previous: unknown, cwd: string) => unknown;
  /** Where in the event the parameter shows, so that a schema error can name the flag. */
  pointers: readonly string[];
}

function usage(flag: string, message: string, hint: string): never {
  throw new FcSimError('E_USAGE', `${flag}: ${message}`, hint);
}

const wholeNumber = (flag: string, min = 0) => (value: string) => {
  if (!/^-?\d+$/.test(value.trim()) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    usage(flag, `not a whole number${min === 0 ? ' ≥ 0' : ''}: ${JSON.stringify(value)}`, `e.g. ${flag} 1024`);
  }
  return Number(value);
};

/** `k=v` (or `k:v` for headers) into a map; repeated names keep every value, as HTTP does. */
const pairs = (flag: string, separator: '=' | ':') => (value: string, previous: unknown) => {
  const at = value.indexOf(separator);
  if (at <= 0) usage(flag, `expected name${separator}value, got ${JSON.stringify(value)}`, `e.g. ${flag} ${separator === ':' ? "'X-Trace: 1'" : 'name=value'}`);
  const [name, item] = [value.slice(0, at).trim(), value.slice(at + 1).trim()];
  const map = { ...((previous as Record<string, string | string[]> | undefined) ?? {}) };
  const existing = map[name];
  map[name] = existing === undefined ? item : [...(Array.isArray(existing) ? existing : [existing]), item];
  return map;
};

/** Single-valued `k=v` pairs (message attributes, OSS user metadata). */
const singlePairs = (flag: string, normaliseKey: (key: string) => string = (key) => key) => (value: string, previous: unknown) => {
  const at = value.indexOf('=');
  if (at <= 0) usage(flag, `expected name=value, got ${JSON.stringify(value)}`, `e.g. ${flag} name=value`);
  return { ...((previous as Record<string, string> | undefined) ?? {}), [normaliseKey(value.slice(0, at).trim())]: value.slice(at + 1) };
};

const list = (value: string, previous: unknown) => [...((previous as string[] | undefined) ?? []), value];

const jsonObject = (flag: string) => (value: string) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    usage(flag, `not JSON: ${value}`, `quote it for the shell, e.g. ${flag} '{"key":"value"}'`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) usage(flag, 'must be a JSON object', `e.g. ${flag} '{"key":"value"}'`);
  return parsed;
};

const region: FlagSpec = { flags: '--region <id>', description: 'region id, e.g. cn-shanghai', param: 'region', pointers: ['/events/0/region', '/events/0/oss/bucket/arn', '/source/endpoint', '/requestContext/domainName'] };
const accountId: FlagSpec = {
  flags: '--account-id <uid>',
  description: 'Alibaba Cloud account id',
  param: 'accountId',
  pointers: ['/events/0/oss/bucket', '/events/0/userIdentity', '/TopicOwner', '/Subscriber', '/requestContext/accountId'],
};
const time: FlagSpec = {
  flags: '--time <time>',
  description: 'event time: ISO-8601, epoch milliseconds or "now" (default: a fixed time)',
  param: 'time',
  parse: (value) => (/^\d+$/.test(value) ? Number(value) : value),
  pointers: ['/events/0/eventTime', '/triggerTime', '/PublishTime', '/cursorTime', '/requestContext/time'],
};

export const triggerFlags: Record<Trigger, readonly FlagSpec[]> = {
  oss: [
    { flags: '--bucket <name>', description: 'bucket name', param: 'bucket', pointers: ['/events/0/oss/bucket'] },
    { flags: '--key <key>', description: 'object key, as it should appear in the event', param: 'key', pointers: ['/events/0/oss/object/key'] },
    { flags: '--size <bytes>', description: 'object size in bytes', param: 'size', parse: wholeNumber('--size'), pointers: ['/events/0/oss/object/size'] },
    { flags: '--delta-size <bytes>', description: 'size change in bytes (may be negative)', param: 'deltaSize', parse: wholeNumber('--delta-size', -Infinity), pointers: ['/events/0/oss/object/deltaSize'] },
    { flags: '--event-name <name>', description: 'any OSS eventName, e.g. ObjectCreated:UploadPart', param: 'eventName', pointers: ['/events/0/eventName'] },
    { flags: '--etag <hex>', description: 'object ETag (default: derived from bucket, key and size)', param: 'eTag', pointers: ['/events/0/oss/object/eTag'] },
    { flags: '--mime-type <type>', description: 'objectMeta.mimeType', param: 'mimeType', pointers: ['/events/0/oss/object/objectMeta'] },
    {
      flags: '--user-meta <name=value>',
      description: 'objectMeta.userMeta entry (x-oss-meta- is added when missing); repeatable',
      param: 'userMeta',
      parse: singlePairs('--user-meta', (key) => (key.toLowerCase().startsWith('x-oss-meta-') ? key.toLowerCase() : `x-oss-meta-${key.toLowerCase()}`)),
      pointers: ['/events/0/oss/object/objectMeta'],
    },
    { flags: '--source-ip <ip>', description: 'requester IP address', param: 'sourceIp', pointers: ['/events/0/requestParameters'] },
    {
      flags: '--fc-version <2|3>',
      description: 'FC 2.0 events carry virtualBucket: "" (default 3)',
      param: 'fcVersion',
      parse: (value) => (value === '2' || value === '3' ? Number(value) : usage('--fc-version', `must be 2 or 3, got ${value}`, '--fc-version 2')),
      pointers: [],
    },
    region,
    accountId,
    time,
  ],
  timer: [
    { flags: '--payload <text>', description: 'the trigger payload, verbatim (default: awesome-fc)', param: 'payload', pointers: ['/payload'] },
    { flags: '--trigger-name <name>', description: 'the timer trigger name', param: 'triggerName', pointers: ['/triggerName'] },
    time,
  ],
  mns: [
    { flags: '--message <text>', description: 'the message body', param: 'message', pointers: ['/Message', '/body'] },
    { flags: '--topic <name>', description: 'topic name', param: 'topic', pointers: ['/TopicName'] },
    { flags: '--attr <name=value>', description: 'message attribute; repeatable', param: 'attributes', parse: singlePairs('--attr'), pointers: ['/attrs'] },
    { flags: '--subscription <name>', description: 'subscription name', param: 'subscriptionName', pointers: ['/SubscriptionName'] },
    accountId,
    time,
  ],
  sls: [
    { flags: '--project <name>', description: 'SLS project', param: 'project', pointers: ['/source/projectName'] },
    { flags: '--logstore <name>', description: 'source logstore', param: 'logstore', pointers: ['/source/logstoreName'] },
    { flags: '--shard <id>', description: 'shard id', param: 'shardId', parse: wholeNumber('--shard'), pointers: ['/source/shardId'] },
    { flags: '--parameter <json>', description: "the trigger's functionParameter (JSON object)", param: 'parameter', parse: jsonObject('--parameter'), pointers: ['/parameter'] },
    region,
    time,
  ],
  cdn: [
    { flags: '--domain <domain>', description: 'accelerated domain', param: 'domain', pointers: ['/events/0/resource', '/events/0/eventParameter/domain'] },
    { flags: '--object-path <path>', description: 'refreshed/pushed/blocked path; repeatable', param: 'objectPaths', parse: list, pointers: ['/events/0/eventParameter/objectPath'] },
    { flags: '--object-type <File|Directory>', description: 'refresh task object type', param: 'objectType', pointers: ['/events/0/eventParameter/objectType'] },
    { flags: '--file-size <bytes>', description: 'log file size (cdn:logfile)', param: 'fileSize', parse: wholeNumber('--file-size'), pointers: ['/events/0/eventParameter/fileSize'] },
    { flags: '--status <status>', description: 'domain status (cdn:domain-started/stopped)', param: 'status', pointers: ['/events/0/eventParameter/status'] },
    accountId,
    time,
  ],
  http: [
    { flags: '--path <path>', description: 'decoded request path, may end in ?query', param: 'path', pointers: ['/rawPath', '/requestContext/http/path', '/path', '/url'] },
    { flags: '--method <method>', description: 'override the kind’s method', param: 'method', parse: (value) => value.toUpperCase(), pointers: ['/requestContext/http/method', '/method'] },
    { flags: '--header <name:value>', description: 'request header; repeatable (repeated names keep every value)', param: 'headers', parse: pairs('--header', ':'), pointers: ['/headers'] },
    { flags: '--query <name=value>', description: 'query parameter; repeatable', param: 'query', parse: pairs('--query', '='), pointers: ['/queryParameters', '/queries'] },
    { flags: '--body <text>', description: 'request body (UTF-8 text)', param: 'body', pointers: ['/body'] },
    {
      flags: '--body-file <file>',
      description: 'request body from a file (binary bodies become base64 in the event)',
      param: 'body',
      parse: (file, _previous, cwd) => {
        try {
          return new Uint8Array(readFileSync(resolve(cwd, file)));
        } catch (error) {
          return usage('--body-file', `cannot read ${file}: ${(error as Error).message}`, 'check the path');
        }
      },
      pointers: ['/body'],
    },
    { flags: '--source-ip <ip>', description: 'client IP address', param: 'sourceIp', pointers: ['/requestContext/http/sourceIp', '/clientIP'] },
    { flags: '--trigger-id <id>', description: 'HTTP trigger id (the fcapp.run subdomain)', param: 'triggerId', pointers: ['/requestContext/domainName'] },
    region,
    accountId,
    time,
  ],
};
