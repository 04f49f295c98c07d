import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { installAtomically } from './atomic-install.js';
import { cacheDir } from './cache-dir.js';
import { NodeUnavailable, provisionNode } from './node-binary.js';

/**
 * A Node.js that FC's instance has in a folder of its own, which a custom runtime's command or PATH names: an official
 * Node.js layer's `/opt/nodejs16`, or the custom.debian10 image's `/var/fc/lang/nodejs20`.
 */
export interface FcNodeFolder {
  /** The folder in FC's instance (`bin/node` in it). */
  fcPath: string;
  /** `16.17.0` */
  version: string;
  /** What gives it: the layer's ARN, or the runtime. */
  source: string;
}

/**
 * The Node.js of each of FC's official Node.js layers (`acs:fc:{region}:official:layers/Nodejs20/versions/3`), as
 * their pages give it (awesome-fc/awesome-layers `docs/Nodejs<major>/README.md`, for the layer's latest version; an
 * older version of a layer may hold another patch release of the same major). The layer puts it in
 * `/opt/nodejs<major>`, whose `bin` the function adds to the front of its PATH.
 */
const OFFICIAL_LAYER_VERSIONS: Readonly<Record<number, string>> = {
  12: '12.22.12',
  14: '14.20.0',
  16: '16.17.0',
  17: '17.9.1',
  18: '18.19.0',
  20: '20.11.0',
  22: '22.23.2',
  24: '24.19.0',
};

/**
 * The Node.js versions a custom runtime's image holds, by FC's runtime: custom.debian10 has Node.js 20 and 18 in
 * `/var/fc/lang` for a command or PATH that names them (help.aliyun.com/document_detail/132053, "Custom
 * Runtime(Debian10)": v20.10.0 and v18.19.0, `PATH=/var/fc/lang/nodejs20/bin:$PATH`). The other images list none.
 */
const IMAGE_NODE_FOLDERS: Readonly<Record<string, readonly { fcPath: string; version: string }[]>> = {
  'custom.debian10': [
    { fcPath: '/var/fc/lang/nodejs20', version: '20.10.0' },
    { fcPath: '/var/fc/lang/nodejs18', version: '18.19.0' },
  ],
};

/**
 * What FC's custom runtime image makes of a bare `node` that no folder of the function's PATH gives: custom (Debian 9)
 * has Node.js 10.16.2 on its default PATH; custom.debian10, 11 and 12 have none (help.aliyun.com/document_detail/132053:
 * debian10's Node.js 20 and 18 want `PATH=/var/fc/lang/nodejs20/bin:$PATH`, 11 and 12 list Python only). Undefined
 * for any other runtime.
 */
export function imageBareNode(runtime: string): { inFc: string; fix?: string } | undefined {
  if (runtime === 'custom') return { inFc: "FC's custom (Debian 9) image runs it as Node.js 10.16.2" };
  if (!/^custom\.debian1[0-2]$/.test(runtime)) return undefined;
  const folders = imageNodeFolders(runtime).map((folder) => `${folder.fcPath}/bin`);
  return {
    inFc: `FC's ${runtime} image has none on the function's PATH, so the server does not start there`,
    fix: `put ${[...folders, "an official Node.js layer's /opt/nodejs<major>/bin"].join(' or ')} first on its PATH`,
  };
}

/**
 * The Node.js folder an official Node.js layer gives, or undefined for any other ARN.
 *
 * @example
 * ```ts
 * officialLayerNode('acs:fc:cn-hangzhou:official:layers/Nodejs16/versions/1'); // { fcPath: '/opt/nodejs16', version: '16.17.0', … }
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/configure-common-layers-for-a-function-1
 */
export function officialLayerNode(arn: string): FcNodeFolder | undefined {
  const major = Number(/^acs:fc:[^:]+:official:layers\/Nodejs(\d+)\/versions\/\d+$/.exec(arn)?.[1]);
  const version = OFFICIAL_LAYER_VERSIONS[major];
  return version ? { fcPath: `/opt/nodejs${major}`, version, source: arn } : undefined;
}

/** The Node.js folders a custom runtime's image holds (custom.debian10: /var/fc/lang/nodejs20 and nodejs18). */
export function imageNodeFolders(runtime: string): FcNodeFolder[] {
  return (IMAGE_NODE_FOLDERS[runtime] ?? []).map((folder) => ({ ...folder, source: runtime }));
}

/**
 * A local folder standing for an FC Node.js folder: its `bin/node` is that Node.js (`FC_SIM_NODE_<major>` when set,
 * else its version, downloaded once into the cache as the runtimes' are). When that Node.js cannot be had here
 * (offline, a platform without binaries), this machine's, with a warning that says so.
 */
export async function localNodeFolder(
  folder: FcNodeFolder,
  options: { env?: NodeJS.ProcessEnv; progress?: (line: string) => void } = {},
): Promise<{ dir: string; warning?: string }> {
  const env = options.env ?? process.env;
  const major = folder.version.split('.')[0];
  const named = env[`FC_SIM_NODE_${major}`];
  let binary = process.execPath;
  let unavailable: string | undefined;
  if (named) {
    if (existsSync(named)) binary = named;
    else unavailable = `FC_SIM_NODE_${major}: no such file: ${named}`;
  } else if (folder.version !== process.versions.node) {
    try {
      binary = await provisionNode(folder.version, options);
    } catch (error) {
      if (!(error instanceof NodeUnavailable)) throw error;
      unavailable = error.message;
    }
  }
  const warning = unavailable
    ? `${folder.fcPath} (${folder.source}) holds Node.js v${folder.version} in FC, which is not available here (${unavailable}): it runs on this machine's ${process.version}`
    : undefined;
  return { dir: await linkFolder(binary, env), ...(warning ? { warning } : {}) };
}

/** `<cache>/node-folders/<key>/bin/node`, a link to `binary`: one folder per binary, made once. */
async function linkFolder(binary: string, env: NodeJS.ProcessEnv): Promise<string> {
  const key = createHash('sha1').update(binary).digest('hex').slice(0, 12);
  const dir = join(cacheDir(env), 'node-folders', key);
  await installAtomically(dir, async (partial) => {
    mkdirSync(join(partial, 'bin'));
    symlinkSync(binary, join(partial, 'bin', 'node'));
  });
  return dir;
}
