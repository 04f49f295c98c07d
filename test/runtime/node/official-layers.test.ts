import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/project/load.js';
import { projectInstance } from '../../../src/project/project-instance.js';
import { findFunction } from '../../../src/project/select.js';
import type { Instance } from '../../../src/runtime/invoke.js';
import { cachedNodePath } from '../../../src/runtime/node/node-binary.js';
import { officialNodeLayer } from '../../../src/runtime/node/official-layers.js';

const LAYER = 'acs:fc:cn-hangzhou:official:layers/Nodejs16/versions/1';
// The test setup's nodejs16 binary stands in for the layer's v16.17.0 (FC_SIM_NODE_16): no download in a test.
const node16 = cachedNodePath('16.15.1');

const instances: Instance[] = [];
afterEach(async () => {
  await Promise.all(instances.splice(0).map((instance) => instance.dispose()));
  delete process.env.FC_SIM_NODE_16;
});

/** The project's server, started with FC_SIM_NODE_16 as given, and the warnings of its first invocation. */
async function versionOnLayer(node16Binary: string): Promise<{ version: string; warnings: string[] }> {
  process.env.FC_SIM_NODE_16 = node16Binary;
  const warned: string[] = [];
  const project = loadProject(resolve('fixtures/projects/node-layer'), { env: {} });
  const instance = projectInstance(findFunction(project, 'server'), {}, { layers: {}, nas: {} }, (message) => warned.push(message));
  instances.push(instance);
  const result = await instance.invoke(Buffer.from('{}'));
  expect(result.status).toBe('success');
  return { version: (JSON.parse(result.body.toString()) as { version: string }).version, warnings: [...warned, ...result.warnings] };
}

describe('FC’s official Node.js layers', () => {
  it('knows each one by its ARN, with the Node.js its page gives', () => {
    expect(officialNodeLayer(LAYER)).toEqual({ arn: LAYER, major: 16, version: '16.17.0' });
    expect(officialNodeLayer('acs:fc:cn-shanghai:official:layers/Nodejs20/versions/3')).toMatchObject({ major: 20, version: '20.11.0' });
    expect(officialNodeLayer('acs:fc:cn-hangzhou:official:layers/Python310/versions/2')).toBeUndefined();
    expect(officialNodeLayer('acs:fc:cn-hangzhou:123456:layers/Nodejs16/versions/1')).toBeUndefined();
    expect(officialNodeLayer('acs:fc:cn-hangzhou:official:layers/Nodejs99/versions/1')).toBeUndefined();
  });

  it.skipIf(!existsSync(node16))(
    'a custom runtime’s `node` on the layer’s PATH runs the layer’s Node.js, not this machine’s; without it, one warning says so',
    async () => {
      const onLayer = await versionOnLayer(node16);
      expect(onLayer.version).toBe('v16.15.1');
      // No "has no local folder" warning: fc-sim provides this layer.
      expect(onLayer.warnings.filter((warning) => warning.includes(LAYER))).toEqual([]);
      const without = await versionOnLayer('/nonexistent/node');
      expect(without.version).toBe(process.version);
      expect(without.warnings).toContainEqual(
        expect.stringMatching(
          /^layer acs:fc:cn-hangzhou:official:layers\/Nodejs16\/versions\/1: its Node\.js v16\.17\.0 is not available here \(FC_SIM_NODE_16: no such file: \/nonexistent\/node\): `node` runs on this machine's v20\./,
        ),
      );
    },
    20_000,
  );
});
