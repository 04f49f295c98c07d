import { holdsUnresolved, sourceTable } from '../../project/source-arn.js';
import type { TriggerProjectRules } from '../types.js';
import { tablestoreEvent } from './arbitrary.js';

const ARN_FORM = 'acs:ots:<region>:<account-id>:instance/<instance>/table/<table>';
const TABLE_ARN = /^acs:ots:[^:]*:[^:]*:instance\/[^/]+\/table\/[^/]+$/;

/**
 * A Tablestore trigger delivers every change of its table's stream: no filter. Its events are drawn from one
 * schema per table (derived from the instance and table names), so a test run sees the column types stay put.
 */
export const tablestoreProject: TriggerProjectRules = {
  matching: (trigger) => ({ arbitrary: tablestoreEvent(sourceTable(trigger)), delivery: 'cbor' }),
  rejected: () => undefined,
  delivers: () => true,
  describe(config, sourceArn) {
    const { instance, table } = sourceTable({ config, sourceArn });
    return `${instance ?? '?'}/${table ?? '?'}`;
  },
  lint(config, sourceArn) {
    const named = sourceTable({ config, sourceArn });
    const findings = [];
    if (sourceArn !== undefined && !TABLE_ARN.test(sourceArn)) {
      findings.push({ rule: 'trigger-config', message: `sourceArn ${sourceArn} does not name a Tablestore table`, fix: `write it as ${ARN_FORM}` });
    } else if ((named.instance === undefined || named.table === undefined) && ![sourceArn, config.instanceName, config.tableName].some(holdsUnresolved)) {
      // A table named by a placeholder s init fills is named: the unresolved-variable warning already says so.
      findings.push({
        rule: 'trigger-config',
        message: 'the trigger names no Tablestore table',
        fix: `set sourceArn: ${ARN_FORM} (fc 2.x: config.instanceName and tableName; Fun: InstanceName and TableName)`,
      });
    }
    for (const key of ['instanceName', 'tableName'] as const) {
      const fromArn = sourceTable({ config: {}, sourceArn })[key === 'instanceName' ? 'instance' : 'table'];
      const written = config[key];
      if (fromArn !== undefined && typeof written === 'string' && written !== fromArn) {
        findings.push({
          rule: 'trigger-config',
          message: `${key} "${written}" is not the sourceArn's ${fromArn}`,
          fix: `make them agree: FC reads the table from the sourceArn`,
        });
      }
    }
    return findings;
  },
};
