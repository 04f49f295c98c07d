import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A project folder with `file` holding `text` and an empty code folder. */
function project(file: string, text: string): string {
  const dir = tempDir('fc-sim-settings-');
  mkdirSync(join(dir, 'code'));
  writeFileSync(join(dir, file), text);
  return dir;
}

/** A Serverless Devs 3.x project of fc3 resources (`resources` as YAML lines under `resources:`). */
const fc3Project = (resources: string) => project('s.yaml', `edition: 3.0.0\nname: x\nresources:\n${resources}`);

const LAYER = 'acs:fc:cn-hangzhou:123:layers/sharp/versions/2';

describe('custom runtimes, instance concurrency, layers and NAS, in each format’s spelling', () => {
  it('fc3: customRuntimeConfig {command, args, port}, instanceConcurrency, layers, nasConfig on the function', () => {
    const dir = fc3Project(
      `  web:
    component: fc3
    props:
      functionName: web
      runtime: custom.debian10
      code: ./code
      handler: index.handler
      instanceConcurrency: 10
      customRuntimeConfig: { command: [node], args: [index.js], port: 8080 }
      layers: ['${LAYER}']
      nasConfig: { mountPoints: [{ serverAddr: 'nas.example.com:/fc', mountDir: /mnt/data }] }
`,
    );
    expect(loadProject(dir).functions[0]).toMatchObject({
      customRuntimeConfig: { command: ['node'], args: ['index.js'], port: 8080 },
      instanceConcurrency: 10,
      layers: [LAYER],
      nasMounts: [{ serverAddr: 'nas.example.com:/fc', mountDir: '/mnt/data' }],
    });
  });

  it('fc3: a custom runtime without a handler gets the fc3 component’s index.handler; a Node.js function without one gets none', () => {
    const dir = fc3Project(
      `  web:
    component: fc3
    props: { functionName: web, runtime: custom.debian10, code: ./code, customRuntimeConfig: { command: [node, server.js] } }
  api:
    component: fc3
    props: { functionName: api, runtime: nodejs20, code: ./code }
`,
    );
    expect(loadProject(dir).functions.map((fn) => [fn.name, fn.handler])).toEqual([
      ['web', 'index.handler'],
      ['api', ''],
    ]);
  });

  it('fc 2.x: customRuntimeConfig and caPort on the function, nasConfig on the service (auto at /mnt/auto; fcDir)', () => {
    const yaml = (nas: string) => `edition: 1.0.0
name: x
services:
  web:
    component: fc
    props:
      region: cn-hangzhou
      service: { name: svc, nasConfig: ${nas} }
      function: { name: web, runtime: custom, codeUri: ./code, caPort: 9001, customRuntimeConfig: { command: [./start.sh] }, layers: ['${LAYER}'] }
`;
    expect(loadProject(project('s.yaml', yaml('auto'))).functions[0]).toMatchObject({
      customRuntimeConfig: { command: ['./start.sh'], args: [], port: 9001 },
      layers: [LAYER],
      nasMounts: [{ mountDir: '/mnt/auto' }],
    });
    const fcDir = loadProject(project('s.yaml', yaml("{ mountPoints: [{ serverAddr: 'nas.example.com', nasDir: /fc, fcDir: /mnt/fc }] }"))).functions[0];
    expect(fcDir?.nasMounts).toEqual([{ serverAddr: 'nas.example.com/fc', mountDir: '/mnt/fc' }]);
  });

  it('Fun: CAPort, CustomRuntimeConfig (none: ./bootstrap, port 9000), InstanceConcurrency, Layers, the service’s NasConfig', () => {
    const dir = project(
      'template.yml',
      `ROSTemplateFormatVersion: '2015-09-01'
Transform: 'Aliyun::Serverless-2018-04-03'
Resources:
  svc:
    Type: 'Aliyun::Serverless::Service'
    Properties:
      NasConfig: { MountPoints: [{ ServerAddr: 'nas.example.com:/', MountDir: /mnt/test }] }
    web:
      Type: 'Aliyun::Serverless::Function'
      Properties: { Runtime: custom, CodeUri: ./code, Handler: index.handler, InstanceConcurrency: 5, Layers: ['${LAYER}'] }
    node:
      Type: 'Aliyun::Serverless::Function'
      Properties: { Runtime: nodejs14, CodeUri: ./code, Handler: index.handler }
`,
    );
    const [web, node] = loadProject(dir).functions;
    expect(web).toMatchObject({
      customRuntimeConfig: { command: [], args: [], port: 9000 },
      instanceConcurrency: 5,
      layers: [LAYER],
      nasMounts: [{ serverAddr: 'nas.example.com:/', mountDir: '/mnt/test' }],
    });
    expect(node?.customRuntimeConfig).toBeUndefined();
  });
});
