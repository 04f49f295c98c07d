import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'fc-sim-junit-redaction-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('fc-sim test: a signed Authorization value a function echoes is *** in the JUnit file and on stdout', async () => {
  mkdirSync(join(dir, 'code'));
  const signature = 'f'.repeat(64);
  writeFileSync(
    join(dir, 'code', 'index.js'),
    // callback(error): a handled error keeps the instance warm while the event shrinks (a throw recycles it each time).
    `exports.job = (_event, _context, callback) => callback(new Error('echoed Authorization: ACS3-HMAC-SHA256 Credential=LTAIexample/20250101/cn-hangzhou/fc/aliyun_v4_request,SignedHeaders=host,Signature=${signature} and FC LTAIexample:c2lnbmF0dXJlCg=='));\n`,
  );
  writeFileSync(
    join(dir, 's.yaml'),
    'edition: 3.0.0\nname: echo-app\nresources:\n  job:\n    component: fc3\n    props:\n      region: cn-hangzhou\n      functionName: job\n      runtime: nodejs20\n      code: ./code\n      handler: index.job\n      triggers:\n        - triggerName: hourly\n          triggerType: timer\n          triggerConfig:\n            cronExpression: "0 0 * * * *"\n            enable: true\n',
  );
  const junit = join(dir, 'reports', 'fc-sim.xml');
  const run = await runCli(['test', '--runs', '2', '--junit', junit], { cwd: dir });
  expect(run.status).toBe(1);
  const written = readFileSync(junit, 'utf8');
  for (const text of [written, run.stdout]) {
    expect(text).toContain('echoed Authorization: ACS3-HMAC-SHA256 ***');
    expect(text).toContain('and FC ***');
    expect(text).not.toContain(signature);
    expect(text).not.toContain('c2lnbmF0dXJlCg==');
  }
});
