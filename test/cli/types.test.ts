import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { readCommittedTypes } from '../../scripts/gen-types.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('fc-sim types', () => {
  it('prints the generated types', async () => {
    const run = await runCli(['types']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readCommittedTypes());
    expect(run.stdout).toContain('export interface OssEvent');
  });

  it('writes them to --out, creating the folder', async () => {
    const out = join(tempDir('fc-sim-types-'), 'src', 'fc-types.ts');
    const run = await runCli(['types', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^wrote \d+ types to /);
    expect(readFileSync(out, 'utf8')).toBe(readCommittedTypes());
  });
});

describe('fc-sim schema', () => {
  it('lists the schemas', async () => {
    const run = await runCli(['schema']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^oss\s+OSS trigger event/m);
    expect(run.stdout).toMatch(/^http-trigger-config\s+HTTP triggerConfig/m);
  });

  it('prints one', async () => {
    const run = await runCli(['schema', 'timer']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).title).toBe('TimerEvent');
  });
});
