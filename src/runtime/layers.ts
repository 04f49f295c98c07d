import { delimiter, join } from 'node:path';

/**
 * Where FC's layers show in an instance: FC extracts every layer into `/opt`, a later layer's files over an earlier
 * one's, and sets NODE_PATH `…:/opt/nodejs/node<major>/node_modules:/opt/nodejs/node_modules` (after its preinstalled
 * modules: runtime.md §2, aliyun/fc-docker nodejs Dockerfiles), `/opt/bin` on PATH and `/opt/lib` on
 * LD_LIBRARY_PATH. Locally each layer is a folder, not one `/opt`: its folders are listed latest layer first so that
 * its files win as in FC. Code that names `/opt/...` by its absolute path does not find them (README.md#layers-and-nas).
 */
export function layerEnvironment(layerDirs: readonly string[], runtime: string, nodePath: string | undefined): Record<string, string> {
  if (layerDirs.length === 0) return {};
  const latestFirst = [...layerDirs].reverse();
  const major = /^nodejs(\d+)$/.exec(runtime)?.[1];
  const modules = latestFirst.flatMap((dir) => [...(major ? [join(dir, 'nodejs', `node${major}`, 'node_modules')] : []), join(dir, 'nodejs', 'node_modules')]);
  const joined = (before: string | undefined, dirs: string[]) => [...(before ? [before] : []), ...dirs].join(delimiter);
  return {
    NODE_PATH: joined(nodePath, modules),
    PATH: joined(
      process.env.PATH,
      latestFirst.map((dir) => join(dir, 'bin')),
    ),
    LD_LIBRARY_PATH: joined(
      process.env.LD_LIBRARY_PATH,
      latestFirst.map((dir) => join(dir, 'lib')),
    ),
  };
}
