import { SYSTEM_BINS, SYSTEM_LIBS, joinOnce } from './path-list.js';

/**
 * The environment `fun deploy` gives every function it deploys (funcraft `lib/fc.js` makeFunction, through
 * `lib/install/env.js` addEnv): the function's own variables, with PATH, LD_LIBRARY_PATH and NODE_PATH extended by the
 * folders `fun install` fills (`/code/.fun/root/...`) and FC's own, and PYTHONUSERBASE. A handler that runs a program
 * `fun install` put in `.fun/root/usr/bin` (funcraft's ghostscript example runs `gs`) finds it through this PATH.
 *
 * This is the default `fun deploy`, through FC's API; `fun deploy --use-ros` hands the template to ROS, which adds
 * none of these. Left out: NAS mount paths (a service's NasConfig) and the `.fun/root/etc/ld.so.conf.d` entries.
 */
export function funDeployEnvironment(own: Readonly<Record<string, string>>): Record<string, string> {
  const funRoot = '/code/.fun/root';
  // Fun also puts both Python versions' site-packages under its root.
  const libs = [...SYSTEM_LIBS, '/python/lib/python2.7/site-packages', '/python/lib/python3.6/site-packages'];
  const path = [
    ...SYSTEM_BINS.map((dir) => funRoot + dir),
    '/code',
    '/code/node_modules/.bin',
    '/code/.fun/python/bin',
    '/code/.fun/node_modules/.bin',
    ...SYSTEM_BINS,
  ];
  const libraryPath = [...libs.map((dir) => funRoot + dir), '/code', '/code/lib', '/usr/local/lib'];
  const nodePath = ['/code/node_modules', '/usr/local/lib/node_modules'];
  return {
    ...own,
    LD_LIBRARY_PATH: joinOnce(own.LD_LIBRARY_PATH, libraryPath),
    PATH: joinOnce(own.PATH, path),
    NODE_PATH: joinOnce(own.NODE_PATH, nodePath),
    PYTHONUSERBASE: own.PYTHONUSERBASE || '/code/.fun/python',
  };
}
