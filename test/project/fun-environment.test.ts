import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { funDeployEnvironment } from '../../src/project/fun-environment.js';
import { loadProject } from '../../src/project/load.js';
import { testProject } from '../../src/project/project-test.js';

// Each expectation was checked against funcraft 3.6.24's own addEnv (lib/install/env.js), which `fun deploy` applies
// to every function's EnvironmentVariables.
describe('the environment fun deploy gives a function', () => {
  it('extends PATH, LD_LIBRARY_PATH and NODE_PATH after the function’s own, and sets PYTHONUSERBASE', () => {
    const environment = funDeployEnvironment({ STAGE: 'test', NODE_PATH: '/opt/nodejs/node_modules' });
    expect(environment).toMatchObject({ STAGE: 'test', PYTHONUSERBASE: '/code/.fun/python' });
    expect(environment.NODE_PATH).toBe('/opt/nodejs/node_modules:/code/node_modules:/usr/local/lib/node_modules');
    expect(environment.PATH!.split(':')).toEqual([
      ...['/usr/local/bin', '/usr/local/sbin', '/usr/bin', '/usr/sbin', '/sbin', '/bin'].map((dir) => `/code/.fun/root${dir}`),
      '/code',
      '/code/node_modules/.bin',
      '/code/.fun/python/bin',
      '/code/.fun/node_modules/.bin',
      ...['/usr/local/bin', '/usr/local/sbin', '/usr/bin', '/usr/sbin', '/sbin', '/bin'],
    ]);
    expect(environment.LD_LIBRARY_PATH!.split(':').slice(-4)).toEqual([
      '/code/.fun/root/python/lib/python3.6/site-packages',
      '/code',
      '/code/lib',
      '/usr/local/lib',
    ]);
  });

  it('keeps an entry once, the function’s first', () => {
    expect(funDeployEnvironment({ PATH: '/usr/local/bin:/code' }).PATH!.split(':').slice(0, 3)).toEqual([
      '/usr/local/bin',
      '/code',
      '/code/.fun/root/usr/local/bin',
    ]);
    expect(funDeployEnvironment({ PYTHONUSERBASE: '/p' }).PYTHONUSERBASE).toBe('/p');
  });

  it('a program fun install put into .fun/root/usr/bin runs, found through that PATH (fixtures/projects/fun-install)', async () => {
    const project = loadProject(resolve('fixtures/projects/fun-install'));
    const [result] = await testProject(project, { runs: 2 });
    expect(result).toMatchObject({ outcome: 'passed' });
  });
});
