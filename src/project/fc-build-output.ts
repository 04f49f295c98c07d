import { statSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_BINS, SYSTEM_LIBS, joinOnce } from './path-list.js';
import { isCustomRuntime } from '../runtime/runtimes.js';

/**
 * The code `s deploy` deploys for an fc 2.x function after `s build`: the build's copy of it in
 * `.s/build/artifacts/<service>/<function>` beside the project file (with its node_modules), in place of codeUri
 * (devsapp/fc-deploy `FcFunction.getCodeUriWithBuildPath`); none for a custom container, or before a build.
 */
export function fcBuildOutput(projectDir: string, service: string, functionName: string, runtime: string): string | undefined {
  if (runtime === 'custom-container') return undefined;
  const dir = join(projectDir, '.s', 'build', 'artifacts', service, functionName);
  try {
    return statSync(dir).isDirectory() ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The environment `s deploy` gives a built fc 2.x function, so that it finds what `s build` installed under
 * `/code/.s` (devsapp/fc-deploy `src/lib/env.ts` addEnv, applied in `initLocalConfig` to a built function). s asks
 * before adding it; `s deploy -y`, as CI runs it, adds it without asking, and this follows that.
 */
export function fcBuildEnvironment(own: Readonly<Record<string, string>>, runtime: string): Record<string, string> {
  const root = '/code/.s/root';
  // As fc-deploy writes them: not under /code/.s/root.
  const runtimeLibs: Readonly<Record<string, string>> = {
    'python2.7': '/python/lib/python2.7/site-packages',
    python3: '/python/lib/python3.6/site-packages',
    'python3.9': '/python/lib/python3.9/site-packages',
    custom: '/python/lib/python3.7/site-packages',
  };
  const node = runtime.startsWith('nodejs') || isCustomRuntime(runtime);
  const python = runtime.startsWith('python') || isCustomRuntime(runtime);
  const libraryPath = [
    ...SYSTEM_LIBS.map((dir) => root + dir),
    ...(runtimeLibs[runtime] ? [runtimeLibs[runtime]] : []),
    '/code',
    '/code/lib',
    '/usr/local/lib',
  ];
  const path = [
    ...SYSTEM_BINS.map((dir) => root + dir),
    '/code',
    ...(node ? ['/code/node_modules/.bin', '/code/.s/node_modules/.bin'] : []),
    ...(python ? ['/code/.s/python/bin'] : []),
    ...SYSTEM_BINS,
  ];
  return {
    ...own,
    LD_LIBRARY_PATH: joinOnce(own.LD_LIBRARY_PATH, libraryPath),
    PATH: joinOnce(own.PATH, path),
    ...(node ? { NODE_PATH: joinOnce(own.NODE_PATH, ['/opt/node_modules', '/code/node_modules', '/usr/local/lib/node_modules']) } : {}),
    ...(python ? { PYTHONUSERBASE: own.PYTHONUSERBASE ?? '/code/.s/python' } : {}),
  };
}
