import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/project/load.js';
import { projectInstance } from '../../../src/project/project-instance.js';
import { findFunction } from '../../../src/project/select.js';
import type { Instance } from '../../../src/runtime/invoke.js';
import { cachedNodePath } from '../../../src/runtime/node/node-binary.js';
import { imageNodeFolders, officialLayerNode } from '../../../src/runtime/node/fc-node-folders.js';

const LAYER = 'acs:fc:cn-hangzhou:official:layers/Nodejs16/versions/1';
// The test setup's nodejs16 and nodejs18 binaries stand in for FC's (FC_SIM_NODE_<major>): no download in a test.
const node16 = cachedNodePath('16.15.1');
const node18 = cachedNodePath('18.20.8');

const instances: Instance[] = [];
afterEach(async () => {
  await Promise.all(instances.splice(0).map((instance) => instance.dispose()));
  delete process.env.FC_SIM_NODE_16;
  delete process.env.FC_SIM_NODE_18;
});

/** The Node.js a function of the fixture project answers from, and the warnings of its first invocation. */
async function versionOf(name: string): Promise<{ version: string; warnings: string[] }> {
  const warned: string[] = [];
  const project = loadProject(resolve('fixtures/projects/fc-node-folders'), { env: {} });
  const instance = projectInstance(findFunction(project, name), {}, { layers: {}, nas: {} }, (message) => warned.push(message));
  instances.push(instance);
  const result = await instance.invoke(Buffer.from('{}'));
  expect(result.status).toBe('success');
  return { version: (JSON.parse(result.body.toString()) as { version: string }).version, warnings: [...warned, ...result.warnings] };
}

describe('the Node.js folders of FC’s instance: official Node.js layers, custom.debian10’s /var/fc/lang', () => {
  it('knows each official Node.js layer by its ARN, and custom.debian10’s folders, with the Node.js their pages give', () => {
    expect(officialLayerNode(LAYER)).toEqual({ fcPath: '/opt/nodejs16', version: '16.17.0', source: LAYER });
    expect(officialLayerNode('acs:fc:cn-shanghai:official:layers/Nodejs20/versions/3')).toMatchObject({ fcPath: '/opt/nodejs20', version: '20.11.0' });
    expect(officialLayerNode('acs:fc:cn-hangzhou:official:layers/Python310/versions/2')).toBeUndefined();
    expect(officialLayerNode('acs:fc:cn-hangzhou:123456:layers/Nodejs16/versions/1')).toBeUndefined();
    expect(officialLayerNode('acs:fc:cn-hangzhou:official:layers/Nodejs99/versions/1')).toBeUndefined();
    expect(imageNodeFolders('custom.debian10').map((folder) => [folder.fcPath, folder.version])).toEqual([
      ['/var/fc/lang/nodejs20', '20.10.0'],
      ['/var/fc/lang/nodejs18', '18.19.0'],
    ]);
    expect(imageNodeFolders('custom.debian11')).toEqual([]);
  });

  it.skipIf(!existsSync(node16))(
    'a custom runtime’s `node` on the layer’s PATH runs the layer’s Node.js, not this machine’s; when it cannot be had, a warning says so',
    async () => {
      process.env.FC_SIM_NODE_16 = node16;
      const onLayer = await versionOf('layer');
      expect(onLayer.version).toBe('v16.15.1');
      // No "has no local folder" warning: fc-sim provides this layer's Node.js.
      expect(onLayer.warnings).toEqual([]);
      process.env.FC_SIM_NODE_16 = '/nonexistent/node';
      const without = await versionOf('layer');
      expect(without.version).toBe(process.version);
      expect(without.warnings).toEqual([
        `/opt/nodejs16 (${LAYER}) holds Node.js v16.17.0 in FC, which is not available here (FC_SIM_NODE_16: no such file: /nonexistent/node): it runs on this machine's ${process.version}`,
      ]);
    },
    20_000,
  );

  it.skipIf(!existsSync(node18))('a custom.debian10 command that names /var/fc/lang/nodejs18/bin/node runs Node.js 18', async () => {
    process.env.FC_SIM_NODE_18 = node18;
    expect(await versionOf('image')).toEqual({ version: 'v18.20.8', warnings: [] });
  });

  it('a bare `node` that nothing of FC’s gives runs on this machine’s, and a warning says that FC’s custom.debian10 has none', async () => {
    expect(await versionOf('bare')).toEqual({
      version: process.version,
      warnings: [
        `\`node\` is this machine's ${process.version} here; FC's custom.debian10 image has none on the function's PATH, so the server does not start there: put /var/fc/lang/nodejs20/bin or /var/fc/lang/nodejs18/bin or an official Node.js layer's /opt/nodejs<major>/bin first on its PATH`,
      ],
    });
  });
});
