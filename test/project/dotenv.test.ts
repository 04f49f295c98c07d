// biome-ignore-all lint/suspicious/noTemplateCurlyInString: .env values and Serverless Devs variables are what this file tests
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A one-function project whose env vars A and C are `env('A')` and `env('C')`, with a `.env` beside it and in its code. */
function project(edition: '3.0.0' | '1.0.0', rootEnv: string, codeEnv: string): string {
  const root = tempDir('fc-sim-dotenv-');
  mkdirSync(join(root, 'code'));
  writeFileSync(join(root, 'code', 'index.js'), 'exports.handler = () => 1;\n');
  writeFileSync(join(root, '.env'), rootEnv);
  writeFileSync(join(root, 'code', '.env'), codeEnv);
  const variables = { A: "${env('A', 'unset')}", C: "${env('C', 'unset')}" };
  const file =
    edition === '3.0.0'
      ? {
          edition,
          name: 'd',
          resources: {
            f: {
              component: 'fc3',
              props: { functionName: 'f', runtime: 'nodejs18', code: './code', handler: 'index.handler', environmentVariables: variables },
            },
          },
        }
      : {
          edition,
          name: 'd',
          services: {
            f: {
              component: 'fc',
              props: {
                service: { name: 's' },
                function: {
                  name: 'f',
                  runtime: 'nodejs18',
                  codeUri: './code',
                  handler: 'index.handler',
                  environmentVariables: { A: '${env(A)}', C: '${env(C)}' },
                },
              },
            },
          },
        };
  writeFileSync(join(root, 's.yaml'), JSON.stringify(file));
  return root;
}

const values = (root: string, env: NodeJS.ProcessEnv = {}) => {
  const { A, C } = loadProject(root, { env }).functions[0]!.environment;
  return { A, C };
};

// Each as s deploy handed it to a local component that recorded its props (s 3.1.10, s 2.2.2).
describe('.env files, loaded as s deploy loads them', () => {
  it.each([
    ['plain', 'B=bee\nA=plain\n', 'plain'],
    ['${NAME}', 'B=bee\nA=${B}-x\n', 'bee-x'],
    ['a default', 'A=${MISSING:-dflt}\n', 'dflt'],
    ['a default where the name is set', 'B=bee\nA=${B:-fallback}\n', 'bee'],
    ['an escaped $, expanded by the second parse', 'B=bee\nA=\\${B}\n', 'bee'],
    ['$$NAME: expanded twice to nothing, so unset', 'B=bee\nA=$$B\n', 'unset'],
  ])('edition 3.0.0: %s', (_, rootEnv, expected) => {
    expect(values(project('3.0.0', rootEnv, '')).A).toBe(expected);
  });

  it("edition 3.0.0: the project folder's .env first, then the code folder's, each expanded with what is set by then", () => {
    expect(values(project('3.0.0', 'A=root\n', 'A=code\n')).A).toBe('root');
    expect(values(project('3.0.0', 'C=c2\n', 'C=c1\nA=${C}\n'))).toEqual({ A: 'c2', C: 'c2' });
    expect(values(project('3.0.0', 'B=fromroot\n', 'A=${B}\n')).A).toBe('fromroot');
    // The process wins over both.
    expect(values(project('3.0.0', 'A=root\n', 'A=code\n'), { A: 'process' }).A).toBe('process');
  });

  it("edition 1.0.0 (s 2.x): the project folder's .env, then each service's codeUri folder's, neither expanded", () => {
    expect(values(project('1.0.0', 'B=bee\nA=${B}-x\n', 'C=code\n'))).toEqual({ A: '${B}-x', C: 'code' });
  });
});
