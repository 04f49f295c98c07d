/** The words of printed commands: every setting as a flag, quoted for the shell, secrets left to the shell. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFlags, commandLine, functionFlags, vitestCommand } from '../../src/testing/replay-command.js';

describe('printed commands', () => {
  it('carry every setting that has a flag, relative to the folder they are pasted in', () => {
    const cwd = '/work/app';
    const { args, complete } = functionFlags(
      'index.handler',
      {
        codeDir: join(cwd, 'code'),
        runtime: 'nodejs16',
        platform: 'fc2',
        timeout: 10,
        memorySize: 256,
        initializer: 'index.init',
        environment: { MODE: 'a b' },
      },
      cwd,
    );
    expect(complete).toBe(true);
    expect(commandLine(args)).toBe(
      "--handler index.handler --code-dir code --runtime nodejs16 --platform fc2 --timeout 10 --memory 256 --initializer index.init --env 'MODE=a b'",
    );
  });

  it('leave secret-looking environment values to the shell, and say when a setting has no flag', () => {
    const { args, complete } = functionFlags('index.handler', { environment: { DB_PASSWORD: 'hunter2', API_TOKEN: 't' }, region: 'cn-beijing' }, '/');
    expect(commandLine(args)).toBe('--handler index.handler --env "DB_PASSWORD=$DB_PASSWORD" --env "API_TOKEN=$API_TOKEN"');
    expect(commandLine(args)).not.toContain('hunter2');
    expect(complete).toBe(false);
    expect(functionFlags('index.handler', { initializer: () => undefined }).complete).toBe(false);
  });

  it('name checks only when they differ from the default, and quote vitest names as a regular expression', () => {
    expect(checkFlags(undefined)).toEqual([]);
    expect(checkFlags({ idempotent: true, 'no-handled-error': false })).toEqual([
      '--check',
      'no-unhandled-error',
      '--check',
      'within-timeout',
      '--check',
      'http-response',
      '--check',
      'idempotent',
    ]);
    expect(vitestCommand({ file: 'test/a.test.ts', name: "uploads > a key with (parens) isn't decoded" })).toBe(
      "npx vitest run test/a.test.ts -t 'uploads a key with \\(parens\\) isn'\\''t decoded'",
    );
  });
});
