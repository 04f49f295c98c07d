import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../src/schema/catalog.js';
import { schemaKeys } from '../../src/project/known-properties.js';
import type { LintRule } from '../../src/project/lint.js';
import { lintProject } from '../../src/project/lint.js';
import type { Project } from '../../src/project/model.js';
import { loadProject } from '../../src/project/load.js';
import { testProject } from '../../src/project/project-test.js';
import { funTemplate } from '../helpers/fun-template.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const funProject = resolve('fixtures/projects/fun-unknown-keys');

/** A project's findings of one rule, a line each: severity, where, and the message or the fix. */
const findingsOf = (project: Project, rule: LintRule, text: 'message' | 'fix') =>
  lintProject(project)
    .filter((finding) => finding.rule === rule)
    .map((finding) => `${finding.severity} ${finding.location.path}: ${finding[text]}`);

// Each expectation was checked against Fun 3.6.24's own `fun validate` (the check `fun deploy` runs first), which
// refuses this template for exactly these four keys.
describe('keys Fun does not take (fixtures/projects/fun-unknown-keys)', () => {
  const project = loadProject(funProject);

  it('are lint errors where each is, naming the key meant: fun deploy refuses the template', () => {
    const found = findingsOf(project, 'unknown-property', 'fix');
    expect(found).toEqual([
      expect.stringMatching(/^error Globals: write its properties into each function: Globals is AWS SAM's, Fun has none/),
      'error Resources.reports.Properties.Descripton: rename it Description',
      'error Resources.reports.nightly.Properties.Memorysize: rename it MemorySize',
      'error Resources.reports.nightly.Events.tick.Properties.Enabled: rename it Enable',
    ]);
    expect(project.problems[2]!.message).toBe(
      'Memorysize is no function property Fun knows (did you mean MemorySize?): `fun deploy` refuses the template ("Unexpected property")',
    );
  });

  it('Globals is not applied, nor is a misspelt key: the function keeps Fun’s defaults', async () => {
    expect(project.functions[0]).toMatchObject({ memorySize: 128, timeout: 3, environment: {} });
    const [result] = await testProject(project, { runs: 1 });
    expect(result!.outcome).toBe('passed');
  });

  it('fc-sim lint exits 1 on them, and fc-sim test says each as an error before it tests', async () => {
    const lint = await runCli(['lint'], { cwd: funProject });
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('✗ error unknown-property: template.yml Resources.reports.nightly.Properties.Memorysize');
    const tested = await runCli(['test', '--runs', '1'], { cwd: funProject });
    expect(tested.stderr).toContain(
      'fc-sim: error: Resources.reports.nightly.Events.tick.Properties.Enabled: Enabled is no Timer event property Fun knows (did you mean Enable?)',
    );
    expect(tested.status).toBe(0);
  });
});

describe('keys Fun requires that nothing else checks', () => {
  it('a function without CodeUri and an MNS topic event without TopicName are errors; a custom-container function needs no CodeUri', () => {
    const dir = tempDir('fc-sim-missing-keys-');
    const template = funTemplate({
      f: {
        Type: 'Aliyun::Serverless::Function',
        Properties: { Handler: 'index.handler', Runtime: 'nodejs12' },
        Events: { topic: { Type: 'MNSTopic', Properties: { NotifyContentFormat: 'JSON' } } },
      },
      image: { Type: 'Aliyun::Serverless::Function', Properties: { Runtime: 'custom-container', CustomContainerConfig: { Image: 'x' } } },
    });
    writeFileSync(join(dir, 'template.yml'), JSON.stringify(template));
    writeFileSync(join(dir, 'index.js'), 'exports.handler = (event, context, callback) => callback(null, "ok");\n');
    const found = findingsOf(loadProject(dir), 'missing-property', 'message');
    expect(found).toEqual([
      'error Resources.s.f.Properties: s/f has no CodeUri: `fun deploy` refuses the template ("Missing property CodeUri")',
      'error Resources.s.f.Events.topic.Properties: f/topic has no TopicName: `fun deploy` refuses the template ("Missing property TopicName")',
    ]);
  });
});

describe('keys the fc3 component or FC drops', () => {
  const fc3Project = (props: Record<string, unknown>) => {
    const dir = tempDir('fc-sim-unknown-keys-');
    writeFileSync(join(dir, 'index.js'), 'exports.handler = (event, context, callback) => callback(null, "ok");\n');
    const base = { region: 'cn-hangzhou', functionName: 'f', runtime: 'nodejs18', code: '.', handler: 'index.handler' };
    writeFileSync(join(dir, 's.yaml'), JSON.stringify({ edition: '3.0.0', name: 'app', resources: { f: { component: 'fc3', props: { ...base, ...props } } } }));
    return loadProject(dir);
  };

  it('are lint warnings: the project deploys, with the default in place of what was meant', () => {
    const project = fc3Project({
      memorySzie: 1024,
      triggers: [{ triggerName: 't', triggerType: 'timer', trigerConfig: {}, triggerConfig: { cronExpression: '0 0 8 * * *', enabel: true } }],
    });
    expect(project.functions[0]!.memorySize).toBe(512);
    const found = findingsOf(project, 'unknown-property', 'message');
    expect(found).toEqual([
      'warning resources.f.props.memorySzie: memorySzie is no function prop the fc3 component knows (did you mean memorySize?): the component drops it without a word, and FC deploys without it',
      'warning resources.f.props.triggers[0].trigerConfig: trigerConfig is no trigger key the fc3 component knows (did you mean triggerConfig?): the component drops it without a word, and FC deploys without it',
      "warning resources.f.props.triggers[0].triggerConfig.enabel: enabel is no timer triggerConfig key FC knows (did you mean enable?): FC's API defines no such key, so the trigger is deployed without it",
    ]);
  });

  it('fc 2.x: a service or function key fc-deploy does not take is a warning (awesome-fc’s lua demo writes Timeout: 30)', () => {
    const dir = tempDir('fc-sim-unknown-keys-');
    writeFileSync(join(dir, 'index.js'), 'exports.handler = (event, context, callback) => callback(null, "ok");\n');
    const fn = { name: 'f', runtime: 'nodejs14', codeUri: '.', handler: 'index.handler', Timeout: 30, cAPort: 9000 };
    const services = { f: { component: 'devsapp/fc', props: { region: 'cn-hangzhou', service: { name: 's', descripton: 'x' }, function: fn } } };
    writeFileSync(join(dir, 's.yaml'), JSON.stringify({ edition: '1.0.0', name: 'app', services }));
    const project = loadProject(dir);
    expect(project.functions[0]!.timeout).toBe(3);
    const found = findingsOf(project, 'unknown-property', 'fix');
    expect(found).toEqual([
      'warning services.f.props.service.descripton: rename it description',
      'warning services.f.props.function.Timeout: rename it timeout',
      'warning services.f.props.function.cAPort: rename it caPort',
    ]);
  });

  it('a triggerConfig key that differs from FC’s only in case is left alone: whether FC tells them apart is not documented', () => {
    const project = fc3Project({ triggers: [{ triggerName: 't', triggerType: 'timer', triggerConfig: { CronExpression: '0 0 8 * * *', Enable: true } }] });
    expect(project.problems.filter((problem) => problem.kind === 'unknown-property')).toEqual([]);
  });

  it('every key of the fixtures’ fc3 and fc 2.x projects is known', () => {
    for (const name of [
      'fc3-app',
      'start-fc3-nodejs-http',
      'sdevs-variables',
      'eventbridge-app',
      'data-pipeline',
      'fc-app',
      'fc-built',
      'start-fc-http-nodejs18',
    ]) {
      expect(loadProject(resolve('fixtures/projects', name)).problems.filter((problem) => problem.kind === 'unknown-property')).toEqual([]);
    }
  });

  it("a trigger config's keys are its schema's, the EventBridge sources' branches included", () => {
    expect(schemaKeys(loadSchema('timer-trigger-config'))).toEqual(['cronExpression', 'enable', 'payload']);
    expect(schemaKeys(loadSchema('eventbridge-trigger-config'))).toEqual(
      expect.arrayContaining(['triggerEnable', 'asyncInvocationType', 'eventRuleFilterPattern', 'eventSourceConfig', 'eventSinkConfig', 'runOptions']),
    );
  });
});
