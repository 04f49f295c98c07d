import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The function's search paths, whose entries name folders of FC's instance (`/code/bin`, `/opt/nodejs/node_modules`). */
export const SEARCH_PATHS = ['PATH', 'NODE_PATH', 'LD_LIBRARY_PATH'] as const;

/** Whether an FC path is `folder` or in it. */
export const isUnder = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);

/** Where the folders of FC's instance are on this machine. */
export interface LocalFolders {
  /** FC's `/code`. */
  codeDir: string;
  /** FC's `/opt`: the layers' folders, latest first (a later layer's files win, as FC extracts it over the others). */
  optDirs: readonly string[];
  /** Other folders of FC's, each with the local folders that stand for it (an FC Node.js folder, the preinstalled modules). */
  provided?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Where a path of FC's instance is here: `/code/…` in the code folder, a provided folder's path in the folders that
 * stand for it, `/opt/…` in each layer folder that has it; anything else, or what no layer has, as written.
 */
export function localPath(path: string, folders: LocalFolders): string[] {
  if (isUnder(path, '/code')) return [join(folders.codeDir, path.slice('/code'.length))];
  for (const [fcPath, dirs] of folders.provided ?? []) if (isUnder(path, fcPath) && dirs.length > 0) return dirs.map((dir) => dir + path.slice(fcPath.length));
  if (!isUnder(path, '/opt')) return [path];
  const found = folders.optDirs.map((dir) => join(dir, path.slice('/opt'.length))).filter((local) => existsSync(local));
  return found.length > 0 ? found : [path];
}

/**
 * The function's own search paths with FC's folders found here: `NODE_PATH=/code/lib` (FC's `/code`) is the code
 * folder's `lib`, `PATH=/code/apt-archives/usr/bin:…` finds what `s build` put there. Variables the function does not
 * set are left out.
 */
export function localSearchPaths(environment: Readonly<Record<string, string>>, folders: LocalFolders): Record<string, string> {
  const local: Record<string, string> = {};
  for (const name of SEARCH_PATHS) {
    const value = environment[name];
    if (value)
      local[name] = value
        .split(delimiter)
        .flatMap((entry) => localPath(entry, folders))
        .join(delimiter);
  }
  return local;
}
