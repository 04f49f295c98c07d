import { existsSync, readFileSync } from 'node:fs';
import { Module } from 'node:module';
import { dirname, join, sep } from 'node:path';

/** Node's CommonJS loader internals this file wraps; stable from Node 12 to 20. */
interface LoaderInternals {
  _extensions: Record<string, (module: { _compile(content: string, filename: string): unknown }, filename: string) => unknown>;
}

/** The nearest package.json from `dir` upwards, stopping after `stop` (inclusive), or undefined. */
function nearestManifest(dir: string, stop?: string): string | undefined {
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return manifest;
    if (dir === stop || dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
}

function declaresModule(manifest: string | undefined): boolean {
  if (!manifest) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module';
  } catch {
    return false;
  }
}

/**
 * Makes `require` inside the code folder see what it sees under FC's `/code/`, which has no package.json above it
 * (runtime.md, Corrections 4): a `.js` file without a package.json of its own inside the code folder is CommonJS even
 * when a package.json above it (a monorepo's root) says `"type": "module"`. `node_modules` folders above the code
 * folder stay visible: workspaces hoist dependencies there, and deploying installs or bundles them.
 */
export function confineToCodeRoot(codeDir: string): void {
  // Node would read the module type from the package.json above the code folder: only then is there anything to do.
  if (!declaresModule(nearestManifest(dirname(codeDir)))) return;
  const loader = Module as unknown as LoaderInternals;
  const inside = (path: string) => path === codeDir || path.startsWith(codeDir + sep);
  const loadJs = loader._extensions['.js']!;
  loader._extensions['.js'] = function (module, filename) {
    if (!inside(filename) || nearestManifest(dirname(filename), codeDir)) return loadJs.call(this, module, filename);
    const content = readFileSync(filename, 'utf8');
    return module._compile(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content, filename);
  };
}
