/** The system's program folders, in the order both deploy tools append them to PATH. */
export const SYSTEM_BINS = ['/usr/local/bin', '/usr/local/sbin', '/usr/bin', '/usr/sbin', '/sbin', '/bin'];

/** The system's library folders both deploy tools put under their install root on LD_LIBRARY_PATH. */
export const SYSTEM_LIBS = ['/usr/local/lib', '/usr/lib', '/usr/lib/x86_64-linux-gnu', '/usr/lib64', '/lib', '/lib/x86_64-linux-gnu'];

/**
 * A search path as the deploy tools write it: the function's own value first, then the tool's folders, each entry
 * once (funcraft's and devsapp/fc-deploy's duplicateRemoval).
 */
export function joinOnce(own: string | undefined, dirs: readonly string[]): string {
  return [...new Set([...(own ? own.split(':') : []), ...dirs])].join(':');
}
