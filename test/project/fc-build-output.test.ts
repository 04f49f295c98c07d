import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fcBuildEnvironment } from '../../src/project/fc-build-output.js';
import { loadProject } from '../../src/project/load.js';
import { testProject } from '../../src/project/project-test.js';

const project = resolve('fixtures/projects/fc-built');
const system = ['/usr/local/bin', '/usr/local/sbin', '/usr/bin', '/usr/sbin', '/sbin', '/bin'];

// Each expectation follows devsapp/fc-deploy's src/lib/env.ts addEnv, which s deploy applies to a built function.
describe('the search paths s deploy adds to a function s build built (fc 2.x)', () => {
  it('Node.js: .s/root and node_modules folders on PATH, NODE_PATH with /opt/node_modules, no PYTHONUSERBASE', () => {
    const environment = fcBuildEnvironment({ STAGE: 'prod', PATH: '/code/bin' }, 'nodejs14');
    expect(environment.PATH!.split(':')).toEqual([
      '/code/bin',
      ...system.map((dir) => `/code/.s/root${dir}`),
      '/code',
      '/code/node_modules/.bin',
      '/code/.s/node_modules/.bin',
      ...system,
    ]);
    expect(environment).toMatchObject({ STAGE: 'prod', NODE_PATH: '/opt/node_modules:/code/node_modules:/usr/local/lib/node_modules' });
    expect(environment.LD_LIBRARY_PATH!.split(':').slice(-4)).toEqual(['/code/.s/root/lib/x86_64-linux-gnu', '/code', '/code/lib', '/usr/local/lib']);
    expect(environment.PYTHONUSERBASE).toBeUndefined();
  });

  it('Python: its site-packages as fc-deploy writes it, PYTHONUSERBASE; a custom runtime gets both languages’ folders', () => {
    const python = fcBuildEnvironment({}, 'python3');
    expect(python.LD_LIBRARY_PATH).toContain('/code/.s/root/lib/x86_64-linux-gnu:/python/lib/python3.6/site-packages:/code');
    expect(python).toMatchObject({ PYTHONUSERBASE: '/code/.s/python' });
    expect(python.NODE_PATH).toBeUndefined();
    const custom = fcBuildEnvironment({ PYTHONUSERBASE: '' }, 'custom');
    expect(custom.PATH).toContain('/code/node_modules/.bin:/code/.s/node_modules/.bin:/code/.s/python/bin');
    expect(custom).toMatchObject({ PYTHONUSERBASE: '', NODE_PATH: '/opt/node_modules:/code/node_modules:/usr/local/lib/node_modules' });
  });
});

describe('an fc 2.x function after s build (fixtures/projects/fc-built)', () => {
  const loaded = loadProject(project);

  it('runs the build in .s/build/artifacts, not codeUri, and says so', () => {
    expect(loaded.functions[0]!.codeDir).toBe(join(project, '.s', 'build', 'artifacts', 'media', 'convert'));
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        kind: 'note',
        message: expect.stringMatching(/^s deploy deploys what s build left in \.s\/build\/artifacts\/media\/convert, not codeUri/),
      }),
    ]);
  });

  it('the build’s program runs, found through the PATH s deploy adds (the source’s handler fails on purpose)', async () => {
    const [result] = await testProject(loaded, { runs: 2 });
    expect(result).toMatchObject({ outcome: 'passed' });
  });
});
