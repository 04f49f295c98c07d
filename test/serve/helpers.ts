import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Project, ProjectFunction } from '../../src/project/model.js';
import type { RunningServer, ServeOptions } from '../../src/serve/server.js';
import { startServer } from '../../src/serve/server.js';

/** Servers and temp folders a test made; `cleanUp` (afterEach) closes and removes them. */
const servers: RunningServer[] = [];
const folders: string[] = [];

export async function serve(project: Project, options: ServeOptions = {}): Promise<RunningServer & { logs: string[] }> {
  const logs: string[] = [];
  const running = await startServer(project, { port: 0, host: '127.0.0.1', watch: false, accessKey: null, log: (line) => logs.push(line), ...options });
  servers.push(running);
  return Object.assign(running, { logs });
}

export async function cleanUp(): Promise<void> {
  await Promise.all(servers.splice(0).map((running) => running.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `fc-sim-serve-${prefix}-`));
  folders.push(dir);
  return dir;
}

/** A copy of a fixture project in a temp folder (to change its code). */
export function copyFixture(name: string): string {
  const dir = tempDir(name);
  cpSync(join('fixtures/projects', name), dir, { recursive: true });
  return dir;
}

/** A project of HTTP functions written on the spot: `files` in one code folder, one function per entry. */
export function inlineProject(
  files: Record<string, string>,
  functions: Array<Partial<ProjectFunction> & Pick<ProjectFunction, 'name' | 'handler' | 'runtime'> & { authType?: string; methods?: string[] }>,
): Project {
  const root = tempDir('inline');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  const location = { file: join(root, 's.yaml'), path: '' };
  return {
    format: functions.some((fn) => fn.service) ? 'fc' : 'fc3',
    file: location.file,
    root,
    functions: functions.map(({ authType, methods, ...fn }) => ({
      codeDir: root,
      environment: {},
      location,
      timeout: 2,
      triggers: [{ name: 'http', type: 'http', config: { authType: authType ?? 'anonymous', methods: methods ?? ['GET', 'POST'] }, location }],
      platform: fn.service ? 'fc2' : 'fc3',
      ...fn,
    })),
    customDomains: [],
    problems: [],
  };
}

/** Waits (polling, bounded) until a condition holds. */
export async function until(condition: () => boolean, timeoutMs = 5000, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
