import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteTarget } from '../../src/index.js';
import { checkHandler, ContractFailure } from '../../src/testing/index.js';
import { runCli } from '../helpers/run-cli.js';
import type { TestServer } from '../remote/helpers/servers.js';
import { json, startServer } from '../remote/helpers/servers.js';

const key = { id: 'STS.fc-sim-disk-key-id', secret: 'FcSimDiskSecret/With+Chars=', token: 'FcSimDiskSecurityToken-0123456789' };
const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: key.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: key.secret, ALIBABA_CLOUD_SECURITY_TOKEN: key.token };

let server: TestServer;
let dir: string;
beforeAll(async () => {
  // A function whose error echoes every credential it was sent: the header values, the Authorization signature, and
  // the caller's secret and token (it should not know them, but may).
  server = await startServer((request, response) =>
    json(
      response,
      200,
      {
        errorMessage: `leaked ${key.secret} ${key.token} ${request.headers.authorization ?? ''} ${request.headers['x-fc-access-key-secret'] ?? ''}`,
        errorType: 'Error',
      },
      { 'x-fc-error-type': 'UnhandledInvocationError' },
    ),
  );
  dir = mkdtempSync(join(tmpdir(), 'fc-sim-disk-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function savedText(folder: string): string {
  const files = readdirSync(folder);
  expect(files).toHaveLength(1);
  return readFileSync(join(folder, files[0]!), 'utf8');
}

function expectNoSecret(text: string): void {
  for (const secret of [key.secret, encodeURIComponent(key.secret), JSON.stringify(key.secret).slice(1, -1), key.token]) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/ACS3-HMAC-SHA256 Credential=/);
  expect(text).not.toMatch(/Signature=[0-9a-f]{64}/);
  expect(text).not.toMatch(/FC STS\.fc-sim-disk-key-id:[A-Za-z0-9+/]/);
}

describe('what fc-sim writes to disk passes the redactor stdout passes', () => {
  it.each([
    ['--sign fc3', ['--url', '', '--sign', 'fc3']],
    ['--sign fc2', ['--url', '', '--sign', 'fc2']],
    ['invoke-fc3', ['--target', 'invoke-fc3', '--endpoint', '', '--function-name', 'fn']],
  ])('fuzz %s: the saved failure holds *** where the function echoed the credentials', async (name, flags) => {
    const failures = join(dir, name.replace(/\W+/g, '-'));
    const args = flags.map((flag) => (flag === '' ? server.origin : flag));
    const run = await runCli(['fuzz', 'timer', ...args, '--runs', '2', '--failures', failures], { env });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('leaked *** ***');
    const saved = savedText(failures);
    expect(saved).toContain('leaked *** ***');
    expectNoSecret(saved);
  });

  it('checkHandler with a remote target (no CLI): the target masks its own credentials in the saved file', async () => {
    const failures = join(dir, 'library');
    const target = createRemoteTarget({
      kind: 'http-trigger',
      url: `${server.origin}/`,
      sign: 'fc3',
      credentials: { accessKeyId: key.id, accessKeySecret: key.secret, securityToken: key.token },
    });
    const failure = await checkHandler({ handler: 'remote', trigger: 'timer', runs: 2, target, failuresDir: failures }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContractFailure);
    const saved = savedText(failures);
    expect(saved).toContain('leaked *** ***');
    expectNoSecret(saved);
  });

  it('--failures naming a file: exit 2 before anything runs, naming the flag', async () => {
    const file = join(dir, 'a-file.json');
    writeFileSync(file, '{}');
    for (const failures of [file, join(file, 'below')]) {
      const run = await runCli(['fuzz', 'timer', '--url', server.origin, '--runs', '2', '--failures', failures]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/--failures .*is a file, not a folder/);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
    expect(server.received).toBeGreaterThan(0); // the server was called by the tests above only
  });

  it('a failure that cannot be saved still reports itself, saying why it is not saved', async () => {
    const file = join(dir, 'blocker');
    writeFileSync(file, 'x');
    const target = createRemoteTarget({ kind: 'http-trigger', url: `${server.origin}/` });
    const failure = await checkHandler({ handler: 'remote', trigger: 'timer', runs: 2, target, failuresDir: join(file, 'failures') }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ContractFailure);
    expect((failure as ContractFailure).message).toContain('the handler failed "no-unhandled-error"');
    expect((failure as ContractFailure).message).toMatch(/Not saved: cannot write to .*blocker\/failures: /);
  });
});
