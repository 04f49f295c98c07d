import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';
import { installAtomically } from '../../src/runtime/node/atomic-install.js';
import { cacheDir, registryUrl } from '../../src/runtime/node/cache-dir.js';
import { oncePerProcess } from '../../src/runtime/node/once-per-process.js';
import { tempDir } from './temp-dir.js';

/** The tsx the tests run TypeScript handlers with: fc-sim does not depend on tsx, a user's project does. */
const TSX_SPEC = 'tsx@4';

/** npm install of tsx into `prefix`. */
function npmInstall(prefix: string): Promise<void> {
  const args = ['install', '--prefix', prefix, '--registry', registryUrl(), '--no-audit', '--no-fund', '--no-save', '--loglevel=error', TSX_SPEC];
  return new Promise((resolve, reject) => {
    const npm = spawn('npm', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    npm.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    npm.on('error', reject);
    npm.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm install ${TSX_SPEC} failed (exit ${code}):\n${errors}`))));
  });
}

/**
 * tsx's package folder, installed from the npm registry into fc-sim's cache once per machine (as the runtimes' Node.js
 * binaries are), never into fc-sim's own node_modules.
 */
export async function cachedTsx(): Promise<string> {
  const prefix = join(cacheDir(), 'test-tools', TSX_SPEC.replace('@', '-'));
  await oncePerProcess(prefix, () => installAtomically(prefix, npmInstall));
  return join(prefix, 'node_modules', 'tsx');
}

/**
 * A copy of a fixture project in a temp folder, with the cached tsx linked into its node_modules as `npm i -D tsx`
 * would put it there (Node follows the link, so tsx finds its own dependencies beside it in the cache).
 */
export async function projectWithTsx(fixture: string): Promise<string> {
  const project = projectWithoutTsx(fixture);
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(await cachedTsx(), join(project, 'node_modules', 'tsx'), 'dir');
  return project;
}

/** A copy of a fixture project in a temp folder, outside this checkout: nothing above it provides tsx. */
export function projectWithoutTsx(fixture: string): string {
  const project = join(tempDir('fc-sim-ts-'), 'project');
  cpSync(join(packageRoot, fixture), project, { recursive: true });
  return project;
}
