import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { runCli } from '../helpers/run-cli.js';

const folder = resolve('fixtures/projects/sdevs-extend');
const temp = mkdtempSync(join(tmpdir(), 'fc-sim-extend-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A folder of yaml files written on the spot. */
function files(name: string, contents: Record<string, string>): string {
  const dir = join(temp, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(contents)) writeFileSync(join(dir, file), text);
  return dir;
}

const fc3 = (extra = '') =>
  `edition: 3.0.0\nname: x\n${extra}resources:\n  a:\n    component: fc3\n    props: {functionName: a, runtime: nodejs18, code: ./, handler: index.handler}\n`;

describe('extend: another yaml file (fixtures/projects/sdevs-extend)', () => {
  it('s.pre.yaml over s.yaml: mappings merged, arrays replaced, vars merged before each file resolves its own resources', () => {
    const [hello, ...others] = loadProject(folder, { template: 's.pre.yaml', env: {} }).functions;
    expect(others).toEqual([]);
    expect(hello).toMatchObject({ name: 'hello-pre', runtime: 'nodejs18', memorySize: 256, timeout: 9 });
    // ${vars.stage} sees s.pre.yaml's vars; ${this.props.functionName} in s.yaml resolved in s.yaml's own pass.
    expect(hello!.environment).toEqual({ STAGE: 'pre', BASE_NAME: 'hello' });
    expect(hello!.triggers.map((trigger) => trigger.name)).toEqual(['http']);
    expect(loadProject(folder, { env: {} }).functions[0]).toMatchObject({ name: 'hello', environment: { STAGE: 'base', BASE_NAME: 'hello' } });
  });

  // As parse-spec 0.0.29 answers: each file's resources are resolved alone, and "${this.props.functionName} not found"
  // stops s though the base has the name; a base's own error is reported once, in the base.
  it('each file resolves its own resources: what one cannot resolve stops s (variable-stops-deploy), whatever the other has', () => {
    const dir = files('alone', {
      's.yaml': `edition: 3.0.0\nname: x\nresources:\n  a:\n    component: fc3\n    props: {functionName: a, runtime: nodejs18, code: ./, handler: index.handler, description: '\${vars.missing}'}\n`,
      's.pre.yaml': `edition: 3.0.0\nname: x\nextend: s.yaml\nresources:\n  a:\n    props: {environmentVariables: {NAME: '\${this.props.functionName}'}}\n`,
    });
    const project = loadProject(dir, { template: 's.pre.yaml', env: {} });
    expect(
      project.problems.filter((problem) => problem.kind === 'variable-stops-deploy').map((problem) => [problem.location.file, problem.location.path]),
    ).toEqual([
      [join(dir, 's.yaml'), 'resources.a.props.description'],
      [join(dir, 's.pre.yaml'), 'resources.a.props.environmentVariables.NAME'],
    ]);
  });

  it('edition 1.0.0: the whole documents merged, as the extend docs show', () => {
    const dir = files('v1', {
      's.yaml':
        'edition: 1.0.0\nservices:\n  demo:\n    component: fc\n    props:\n      region: cn-hangzhou\n      service: {name: svc, description: base}\n      function: {name: hello, runtime: nodejs14, codeUri: ./, handler: index.handler}\n',
      's.prod.yaml': 'extend: s.yaml\nservices:\n  demo:\n    props:\n      service: {name: svc-prod}\n',
    });
    expect(loadProject(dir, { template: 's.prod.yaml' }).functions[0]).toMatchObject({ service: 'svc-prod', name: 'hello', runtime: 'nodejs14' });
  });

  it('a missing or non-yaml base, a file extending itself, a cycle: exit 2 naming the files; a longer chain is a warning', async () => {
    const dir = files('bad', {
      'missing.yaml': 'extend: nowhere.yaml\n',
      'text.yaml': 'extend: notes.txt\n',
      'self.yaml': 'extend: self.yaml\n',
      'a.yaml': `extend: b.yaml\n${fc3()}`,
      'b.yaml': `extend: a.yaml\n${fc3()}`,
      'c.yaml': 'extend: d.yaml\n',
      'd.yaml': `extend: e.yaml\n${fc3()}`,
      'notes.txt': 'x',
    });
    const cases: Array<[string, string]> = [
      ['missing.yaml', `extend: nowhere.yaml: no such file (looked for ${join(dir, 'nowhere.yaml')})`],
      ['text.yaml', 'extend: notes.txt is not a .yaml or .yml file'],
      ['self.yaml', 'extend: self.yaml is this file itself'],
      ['a.yaml', `extend: cycle a.yaml → b.yaml → a.yaml (${join(dir, 'b.yaml')} extends back)`],
    ];
    for (const [file, message] of cases) {
      const result = await runCli(['ls', '--project', join(dir, file)]);
      expect(result.status, file).toBe(2);
      expect(result.stderr).toContain(`${join(dir, file)}: ${message}`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const chain = loadProject(join(dir, 'c.yaml'));
    expect(chain.functions.map((fn) => fn.name)).toEqual(['a']);
    expect(chain.problems[0]!.message).toBe('d.yaml has extend: e.yaml too; not followed: Serverless Devs reads one level of extend');
  });

  it('extend: with --env, or with env: and no --env, is refused as Serverless Devs refuses it', async () => {
    const dir = files('conflict', { 's.yaml': fc3(), 'pre.yaml': 'extend: s.yaml\n', 'envs.yaml': 'extend: s.yaml\nenv: env.yaml\n' });
    const withFlag = await runCli(['lint', '--project', dir, '-t', 'pre.yaml', '--env', 'dev']);
    expect(withFlag.status).toBe(2);
    expect(withFlag.stderr).toContain('extend: and --env dev together (Serverless Devs: "Environment and extend is conflict")');
    const withKey = await runCli(['ls', '--project', join(dir, 'envs.yaml')]);
    expect(withKey.status).toBe(2);
    expect(withKey.stderr).toContain('extend: and env: together');
  });
});
