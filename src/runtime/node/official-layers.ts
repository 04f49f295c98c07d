import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { installAtomically } from './atomic-install.js';
import { cacheDir } from './cache-dir.js';
import { NodeUnavailable, provisionNode } from './node-binary.js';

/**
 * The Node.js of each of FC's official Node.js layers (`acs:fc:{region}:official:layers/Nodejs20/versions/3`), as
 * their pages give it (awesome-fc/awesome-layers `docs/Nodejs<major>/README.md`, for the layer's latest version; an
 * older version of a layer may hold another patch release of the same major). The layer puts it in
 * `/opt/nodejs<major>/bin`, which the function adds to the front of its PATH.
 */
const OFFICIAL_NODE_VERSIONS: Readonly<Record<number, string>> = {
  12: '12.22.12',
  14: '14.20.0',
  16: '16.17.0',
  17: '17.9.1',
  18: '18.19.0',
  20: '20.11.0',
  22: '22.23.2',
  24: '24.19.0',
};

/** One of FC's official Node.js layers. */
export interface OfficialNodeLayer {
  arn: string;
  major: number;
  /** `16.17.0` */
  version: string;
}

/**
 * The official Node.js layer an ARN names, or undefined.
 *
 * @example
 * ```ts
 * officialNodeLayer('acs:fc:cn-hangzhou:official:layers/Nodejs16/versions/1'); // { major: 16, version: '16.17.0', … }
 * ```
 * @see https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/configure-common-layers-for-a-function-1
 */
export function officialNodeLayer(arn: string): OfficialNodeLayer | undefined {
  const major = Number(/^acs:fc:[^:]+:official:layers\/Nodejs(\d+)\/versions\/\d+$/.exec(arn)?.[1]);
  const version = OFFICIAL_NODE_VERSIONS[major];
  return version ? { arn, major, version } : undefined;
}

/**
 * A local folder standing for an official Node.js layer: `nodejs<major>/bin/node` is its Node.js (`FC_SIM_NODE_<major>`
 * when set, else the layer's version, downloaded once into the cache as the runtimes' are). Undefined, with the
 * reason, when that Node.js cannot be had here (offline, a platform without binaries).
 */
export async function nodeLayerFolder(
  layer: OfficialNodeLayer,
  options: { env?: NodeJS.ProcessEnv; progress?: (line: string) => void } = {},
): Promise<{ dir: string } | { unavailable: string }> {
  const env = options.env ?? process.env;
  let named = env[`FC_SIM_NODE_${layer.major}`];
  if (!named) {
    try {
      named = layer.version === process.versions.node ? process.execPath : await provisionNode(layer.version, options);
    } catch (error) {
      if (!(error instanceof NodeUnavailable)) throw error;
      return { unavailable: error.message };
    }
  }
  const binary = named;
  if (!existsSync(binary)) return { unavailable: `FC_SIM_NODE_${layer.major}: no such file: ${binary}` };
  // One folder per binary: FC_SIM_NODE_<major> may name another one than the layer's version.
  const key = createHash('sha1').update(binary).digest('hex').slice(0, 12);
  const dir = join(cacheDir(env), 'layers', `Nodejs${layer.major}-${key}`);
  await installAtomically(dir, async (folder) => {
    mkdirSync(join(folder, `nodejs${layer.major}`, 'bin'), { recursive: true });
    symlinkSync(binary, join(folder, `nodejs${layer.major}`, 'bin', 'node'));
  });
  return { dir };
}
