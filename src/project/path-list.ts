/**
 * A search path as the deploy tools write it: the function's own value first, then the tool's folders, each entry
 * once (funcraft's and devsapp/fc-deploy's duplicateRemoval).
 */
export function joinOnce(own: string | undefined, dirs: readonly string[]): string {
  return [...new Set([...(own ? own.split(':') : []), ...dirs])].join(':');
}
