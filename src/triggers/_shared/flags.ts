import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FcSimError } from '../../errors.js';
import type { FlagSpec } from '../types.js';

/** Parsers of flag values shared by the triggers' flags, and the flags every source has (region, account, time). */

export function usage(flag: string, message: string, hint: string): never {
  throw new FcSimError('E_USAGE', `${flag}: ${message}`, hint);
}

export const wholeNumber =
  (flag: string, min = 0) =>
  (value: string) => {
    if (!/^-?\d+$/.test(value.trim()) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
      usage(flag, `not a whole number${min === 0 ? ' ≥ 0' : ''}: ${JSON.stringify(value)}`, `e.g. ${flag} 1024`);
    }
    return Number(value);
  };

/** `k=v` (or `k:v` for headers) into a map; repeated names keep every value, as HTTP does. */
export const pairs = (flag: string, separator: '=' | ':') => (value: string, previous: unknown) => {
  const at = value.indexOf(separator);
  if (at <= 0) usage(flag, `expected name${separator}value, got ${JSON.stringify(value)}`, `e.g. ${flag} ${separator === ':' ? "'X-Trace: 1'" : 'name=value'}`);
  const [name, item] = [value.slice(0, at).trim(), value.slice(at + 1).trim()];
  const map = { ...((previous as Record<string, string | string[]> | undefined) ?? {}) };
  const existing = map[name];
  map[name] = existing === undefined ? item : [...(Array.isArray(existing) ? existing : [existing]), item];
  return map;
};

/** Single-valued `k=v` pairs (message attributes, OSS user metadata). */
export const singlePairs =
  (flag: string, normaliseKey: (key: string) => string = (key) => key) =>
  (value: string, previous: unknown) => {
    const at = value.indexOf('=');
    if (at <= 0) usage(flag, `expected name=value, got ${JSON.stringify(value)}`, `e.g. ${flag} name=value`);
    return { ...((previous as Record<string, string> | undefined) ?? {}), [normaliseKey(value.slice(0, at).trim())]: value.slice(at + 1) };
  };

/** A file's bytes (a path relative to the folder the CLI runs in); an unreadable file names the flag. */
export const fileBytes = (flag: string) => (file: string, _previous: unknown, cwd: string) => {
  try {
    return new Uint8Array(readFileSync(resolve(cwd, file)));
  } catch (error) {
    return usage(flag, `cannot read ${file}: ${(error as Error).message}`, 'check the path');
  }
};

export const list = (value: string, previous: unknown) => [...((previous as string[] | undefined) ?? []), value];

export const jsonObject = (flag: string) => (value: string) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    usage(flag, `not JSON: ${value}`, `quote it for the shell, e.g. ${flag} '{"key":"value"}'`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) usage(flag, 'must be a JSON object', `e.g. ${flag} '{"key":"value"}'`);
  return parsed;
};

export const regionFlag: FlagSpec<{ region: string }> = {
  flags: '--region <id>',
  description: 'region id, e.g. cn-shanghai',
  param: 'region',
  pointers: ['/events/0/region', '/events/0/oss/bucket/arn', '/source/endpoint', '/requestContext/domainName'],
};

/** An Alibaba Cloud account id (UID): digits, as in ARNs and `ownerIdentity` (events.md §OSS). */
export const accountId = (flag: string) => (value: string) => {
  if (!/^\d+$/.test(value)) usage(flag, `not an Alibaba Cloud account id (digits): ${JSON.stringify(value)}`, `e.g. ${flag} 1234567890123456`);
  return value;
};

/**
 * A domain name as DNS has them (RFC 1123 labels: letters, digits and inner hyphens, at most 63 characters, 253 in
 * all, at least two labels), optionally `*.` for a wildcard domain, as CDN accelerated domains may be.
 */
export const domainName = (flag: string) => (value: string) => {
  const label = '(?!-)[A-Za-z0-9-]{1,63}(?<!-)';
  if (value.length > 253 || !new RegExp(`^(\\*\\.)?${label}(\\.${label})+$`).test(value)) {
    usage(flag, `not a domain name: ${JSON.stringify(value)}`, `e.g. ${flag} cdn.example.com`);
  }
  return value;
};

export const accountIdFlag: FlagSpec<{ accountId: string }> = {
  flags: '--account-id <uid>',
  description: 'Alibaba Cloud account id (digits)',
  param: 'accountId',
  parse: accountId('--account-id'),
  pointers: ['/events/0/oss/bucket', '/events/0/userIdentity', '/TopicOwner', '/Subscriber', '/requestContext/accountId'],
};

export const timeFlag: FlagSpec<{ time: unknown }> = {
  flags: '--time <time>',
  description: 'event time: ISO-8601, epoch milliseconds or "now" (default: a fixed time)',
  param: 'time',
  parse: (value) => (/^\d+$/.test(value) ? Number(value) : value),
  pointers: ['/events/0/eventTime', '/triggerTime', '/PublishTime', '/cursorTime', '/requestContext/time'],
};
