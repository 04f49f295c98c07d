import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const project = (name: string) => ({ cwd: resolve('fixtures/projects', name) });

describe('fc-sim ls', () => {
  it('lists the functions and triggers of the project in the current folder, with no flags', async () => {
    const run = await runCli(['ls'], project('fc-app'));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^s\.yaml \(Serverless Devs, fc component\): 5 functions\n/);
    expect(run.stdout).toMatch(
      /^media\/resize\s+nodejs16\s+index\.resize\s+256 MB\s+30 s\s+ossTrigger \(oss: oss:ObjectCreated:PutObject,oss:ObjectCreated:PostObject incoming\/\*\.jpg\)$/m,
    );
    expect(run.stdout).toMatch(/^\s+logTrigger \(log: media-logs\/uploads\)$/m);
    expect(run.stdout).toContain('custom domain media.example.com (HTTP)');
    expect(run.stdout).toMatch(/^\/docs\/\*\s+media\/docs/m);
  });

  it('prints the model as JSON, and names a project elsewhere with --project', async () => {
    const run = await runCli(['ls', '--json', '--project', resolve('fixtures/projects/fun-app')]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ format: 'fun', functions: [{ name: 'on-upload' }, { name: 'tick' }, { name: 'hello' }, { name: 'bye' }] });
  });

  it('exits 2 where there is no project', async () => {
    const run = await runCli(['ls'], { cwd: resolve('fixtures') });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no project file in');
    expect(run.stderr).toContain('hint: fc-sim reads s.yaml, s.yml, template.yml, template.yaml');
  });
});

describe('fc-sim lint', () => {
  it('exits 0 on a clean project, saying so', async () => {
    const run = await runCli(['lint'], project('fun-app'));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('✓ template.yml: 4 functions, 0 errors, 0 warnings\n');
  });

  it('exits 1 listing each finding with where it is and how to fix it', async () => {
    const run = await runCli(['lint'], project('lint-errors'));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '✗ error memory-size: s.yaml resources.http-and-timer.props\n  http-and-timer: memorySize 100 MB\n  fix: use 128–32768 MB in steps of 64 MB (e.g. 128)\n',
    );
    // FC 3.0 takes a timer beside an HTTP trigger; nodejs8 is deprecated, a warning.
    expect(run.stdout).toMatch(/✗ s\.yaml: 3 functions, 11 errors, 4 warnings\n$/);
  });
});
