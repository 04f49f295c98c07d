import { delimiter, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localPath, localSearchPaths } from '../../src/runtime/fc-paths.js';
import { FunctionInstance } from '../../src/runtime/instance.js';

const codeDir = resolve('fixtures/handlers/search-paths');
const layer = join(codeDir, 'layer');

describe("FC's folders in a function's search paths", () => {
  const folders = {
    codeDir: '/here/code',
    optDirs: ['/here/layer-2', '/here/layer-1'],
    provided: new Map([['/usr/local/lib/node_modules', ['/cache/modules']]]),
  };

  it('/code is the code folder, a provided folder its stand-in, /opt each layer that has it; anything else as written', () => {
    expect(localPath('/code', folders)).toEqual(['/here/code']);
    expect(localPath('/code/apt-archives/usr/bin', folders)).toEqual(['/here/code/apt-archives/usr/bin']);
    expect(localPath('/codes/bin', folders)).toEqual(['/codes/bin']);
    expect(localPath('/usr/local/lib/node_modules', folders)).toEqual(['/cache/modules']);
    expect(localPath('/opt/nodejs/node_modules', folders)).toEqual(['/opt/nodejs/node_modules']);
    expect(localPath('/opt/modules', { codeDir, optDirs: [layer] })).toEqual([join(layer, 'modules')]);
    expect(localPath('/usr/bin', folders)).toEqual(['/usr/bin']);
  });

  it('only the search paths the function sets are rewritten, entry by entry', () => {
    const environment = { PATH: `/code/bin${delimiter}/usr/bin`, NODE_PATH: '/code/lib', STAGE: '/code/x' };
    expect(localSearchPaths(environment, folders)).toEqual({ PATH: `/here/code/bin${delimiter}/usr/bin`, NODE_PATH: '/here/code/lib' });
  });
});

describe('a Node.js function whose NODE_PATH and PATH name /code, /opt and FC’s preinstalled modules', () => {
  const instance = new FunctionInstance({
    handler: 'index.handler',
    codeDir,
    runtime: 'nodejs20',
    timeout: 10,
    layerDirs: [layer],
    environment: { NODE_PATH: '/code/lib:/usr/local/lib/node_modules:/opt/modules', PATH: '/code/bin:/usr/bin:/bin' },
  });
  afterAll(() => instance.dispose());

  it('finds them as FC does (it failed with "Cannot find module" while the raw FC paths were passed on)', async () => {
    const result = await instance.invoke(Buffer.from('{}'));
    expect(result.status).toBe('success');
    expect(JSON.parse(result.body.toString())).toEqual({ greeting: 'hello from /code/lib', preinstalled: true, layer: true, program: 'hello from /code/bin' });
  });
});
