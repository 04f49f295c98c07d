import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintProject } from '../../../src/project/lint.js';
import { loadProject } from '../../../src/project/load.js';
import { deliveredBy, matchingEvents, rejectedEvents } from '../../../src/project/matching-events.js';
import type { ProjectTrigger } from '../../../src/project/model.js';
import { tablestore } from '../../../src/triggers/tablestore/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

function projectFrom(file: string, text: string) {
  const dir = tempDir('fc-sim-ots-project-');
  writeFileSync(join(dir, file), text);
  return loadProject(dir);
}

const FUN = `ROSTemplateFormatVersion: '2015-09-01'
Transform: 'Aliyun::Serverless-2018-04-03'
Resources:
  svc:
    Type: 'Aliyun::Serverless::Service'
    sync:
      Type: 'Aliyun::Serverless::Function'
      Properties: { Handler: index.handler, Runtime: nodejs16, CodeUri: ./ }
      Events:
        stream:
          Type: TableStore
          Properties: { InstanceName: shop, TableName: orders }
`;

const FC2 = `edition: 1.0.0
services:
  sync:
    component: devsapp/fc
    props:
      region: cn-hangzhou
      service: { name: svc }
      function: { name: sync, runtime: nodejs16, codeUri: ./, handler: index.handler }
      triggers:
        - name: stream
          type: tablestore
          role: acs:ram::123456789:role/AliyunTableStoreStreamNotificationRole
          sourceArn: acs:ots:cn-hangzhou:123456789:instance/shop/table/orders
          config: { instanceName: shop, tableName: orders }
`;

const trigger = (config: Record<string, unknown>, sourceArn?: string): ProjectTrigger => ({
  name: 'stream',
  type: 'tablestore',
  config,
  ...(sourceArn === undefined ? {} : { sourceArn }),
  location: { file: 's.yaml', path: 'triggers[0]' },
});

describe('Tablestore triggers in projects', () => {
  it('reads Fun TableStore (InstanceName, TableName) and fc 2.x tablestore triggers as the API type, the table named', () => {
    for (const project of [projectFrom('template.yml', FUN), projectFrom('s.yaml', FC2)]) {
      const [stream] = project.functions[0]!.triggers;
      expect(stream).toMatchObject({ name: 'stream', type: 'tablestore', config: { instanceName: 'shop', tableName: 'orders' } });
      expect(tablestore.project.describe(stream!.config, stream!.sourceArn)).toBe('shop/orders');
      expect(lintProject(project).filter((finding) => finding.severity === 'error' && finding.rule !== 'handler-exists')).toEqual([]);
    }
  });

  it('lint: a trigger must name its table, in a sourceArn of the Tablestore form that agrees with fc 2.x names', () => {
    const lint = (config: Record<string, unknown>, sourceArn?: string) => tablestore.project.lint!(config, sourceArn).map((finding) => finding.message);
    expect(lint({}, 'acs:ots:cn-hangzhou:1:instance/shop/table/orders')).toEqual([]);
    expect(lint({})).toEqual(['the trigger names no Tablestore table']);
    // Named by what s init or a variable fills (awesome-fc's ots-trigger-nodejs): named, the loader's warning says the rest.
    expect(lint({}, 'acs:ots:cn-hangzhou:{{ accountId }}:instance/{{ instanceName }}/table/{{ tableName }}')).toEqual([]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Serverless Devs variable, as s.yaml writes it
    expect(lint({ instanceName: '${vars.instance}', tableName: 'orders' })).toEqual([]);
    expect(lint({}, 'acs:ots:cn-hangzhou:1:instance/shop')).toEqual(['sourceArn acs:ots:cn-hangzhou:1:instance/shop does not name a Tablestore table']);
    expect(lint({ instanceName: 'shop', tableName: 'users' }, 'acs:ots:cn-hangzhou:1:instance/shop/table/orders')).toEqual([
      'tableName "users" is not the sourceArn\'s orders',
    ]);
  });

  it('lint: the config schema too (fc3 sends {}; instanceName is text)', () => {
    const project = projectFrom('s.yaml', FC2.replace('config: { instanceName: shop, tableName: orders }', 'config: { instanceName: 7 }'));
    expect(lintProject(project).map((finding) => `${finding.rule}: ${finding.message}`)).toContainEqual(
      expect.stringMatching(/^trigger-config: sync\/stream: \/instanceName: must be a string; found 7/),
    );
  });

  it('delivers every change of the table as CBOR, draws one schema for the table, rejects none', () => {
    const ordersStream = trigger({}, 'acs:ots:cn-hangzhou:1:instance/shop/table/orders');
    const events = matchingEvents(ordersStream, { fcVersion: 3 });
    expect(events?.delivery).toBe('cbor');
    const keyTypes = fc
      .sample(events!.arbitrary, { seed: 9, numRuns: 30 })
      .map((event) =>
        JSON.stringify(
          (event as { Records: { PrimaryKey: { ColumnName: string; Value: unknown }[] }[] }).Records[0]!.PrimaryKey.map((column) => [
            column.ColumnName,
            typeof column.Value,
          ]),
        ),
      );
    // One table: the same key columns every time (the values' JSON types vary only between plain and marked integers).
    expect(
      new Set(
        keyTypes.map((types) =>
          JSON.parse(types)
            .map(([name]: [string]) => name)
            .join(','),
        ),
      ).size,
    ).toBe(1);
    expect(rejectedEvents(ordersStream, { fcVersion: 3 })).toBeUndefined();
    expect(deliveredBy(ordersStream, {})).toBe(true);
  });
});
