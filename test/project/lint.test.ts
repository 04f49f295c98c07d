import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintProject } from '../../src/project/lint.js';
import { loadProject } from '../../src/project/load.js';
import { tempDir } from '../helpers/temp-dir.js';

const projects = resolve('fixtures/projects');

describe('lintProject', () => {
  it.each(['fc3-app', 'fc-app', 'fun-app'])('finds no error in %s', (name) => {
    expect(lintProject(loadProject(join(projects, name))).filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('finds every rule broken in lint-errors, each with a fix', () => {
    const findings = lintProject(loadProject(join(projects, 'lint-errors')));
    const seen = findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.location.path}: ${finding.message}`);
    expect(seen).toEqual([
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Serverless Devs variable, left as written
      'warning unresolved-variable resources.python.props.environmentVariables.TOKEN: ${env(FC_SIM_LINT_UNSET_VARIABLE)} left as written: the environment variable FC_SIM_LINT_UNSET_VARIABLE is not set (s stops here: set it, or in .env beside the project file)',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Serverless Devs variable with a typo
      'error variable-stops-deploy resources.python.props.environmentVariables.REGION: ${vars.regoin}: s deploy stops here: Serverless Devs 3.x finds no value for it: vars has no regoin (did you mean vars.region?)',
      'warning unknown-property resources.python.props.timout: timout is no function prop the fc3 component knows (did you mean timeout?): the component drops it without a word, and FC deploys without it',
      // FC 3.0 takes other triggers beside an HTTP trigger, and one HTTP trigger per qualifier.
      'error http-trigger-alone resources.http-and-timer.props: http-and-timer has 2 HTTP triggers for qualifier LATEST',
      'error memory-size resources.http-and-timer.props: http-and-timer: memorySize 100 MB',
      'error timeout resources.http-and-timer.props: http-and-timer: timeout 100000 s',
      expect.stringMatching(/^error trigger-config resources\.http-and-timer\.props\.triggers\[1\]: http-and-timer\/web2: \/methods\/0: must be one of "GET"/),
      expect.stringMatching(
        /^error trigger-config resources\.http-and-timer\.props\.triggers\[2\]: http-and-timer\/tick: \/cronExpression: must be a string matching/,
      ),
      expect.stringMatching(/^error cron-expression resources\.http-and-timer\.props\.triggers\[2\]: http-and-timer\/tick: cronExpression "0 0 4 \* \*": /),
      'warning runtime-known resources.broken.props: broken: runtime nodejs8 is deprecated: FC no longer creates functions on it (fc-sim runs it on nodejs12)',
      expect.stringMatching(/^error handler-exists resources\.broken\.props: broken: handler index\.missing: .*index\.js does not export "missing"$/),
      expect.stringMatching(
        /^error trigger-config resources\.broken\.props\.triggers\[0\]: broken\/uploads: \/events\/0: must be one of .*found "ObjectCreated:PutObject"/,
      ),
      'error trigger-type resources.broken.props.triggers[1]: broken/queue: unknown trigger type "mns_queue"',
      'warning runtime-known resources.python.props: python: runtime python3.10 is an FC runtime fc-sim does not run',
      expect.stringMatching(
        /^error trigger-config resources\.python\.props\.triggers\[0\]: python\/domains: \/eventVersion: must be "1\.0\.0"; found "1\.0\.1"/,
      ),
    ]);
    for (const finding of findings) expect(finding.fix.length).toBeGreaterThan(10);
    expect(findings.find((finding) => finding.rule === 'trigger-config' && finding.message.includes('/events/0'))!.fix).toMatch(
      /did you mean "oss:ObjectCreated:PutObject"/,
    );
    expect(findings.find((finding) => finding.rule === 'memory-size')!.fix).toBe('use 128–32768 MB in steps of 64 MB (e.g. 128)');
  });
});

describe('a custom runtime whose start command names files the code folder lacks', () => {
  /** An fc3 project of custom-runtime functions, each `[name, customRuntimeConfig]`, over a code folder holding `files`. */
  function customProject(functions: [string, Record<string, unknown>][], files: string[]): string {
    const root = tempDir('fc-sim-lint-custom-');
    for (const file of files) {
      mkdirSync(join(root, 'code', file, '..'), { recursive: true });
      writeFileSync(join(root, 'code', file), '');
    }
    const resources = functions.map(
      ([name, config]) =>
        `  ${name}:\n    component: fc3\n    props:\n      functionName: ${name}\n      runtime: custom.debian10\n      code: ./code\n      customRuntimeConfig: ${JSON.stringify(config)}\n`,
    );
    writeFileSync(join(root, 's.yaml'), `edition: 3.0.0\nname: custom\nresources:\n${resources.join('')}`);
    return root;
  }
  const entryFindings = (root: string) =>
    lintProject(loadProject(root))
      .filter((finding) => finding.rule === 'custom-runtime-entry')
      .map((finding) => `${finding.severity} ${finding.location.path}: ${finding.message.replace(root, '<root>')}`);

  it('flags a Node.js server not built yet (devsapp start-mcp-server before its pre-deploy build) as an error', () => {
    const root = customProject([['mcp', { command: ['node', './dist/index.js'], port: 3000 }]], ['package.json', 'src/index.ts']);
    expect(entryFindings(root)).toEqual([
      'error resources.mcp.props: mcp: customRuntimeConfig starts node ./dist/index.js, and ./dist/index.js is not in the code folder <root>/code',
    ]);
  });

  it('flags a program FC runs that is not executable, or a script without #!, as an error (copies that drop the mode)', () => {
    const root = customProject(
      [
        ['bare', {}],
        ['dotted', { command: ['./bootstrap'], port: 9000 }],
        ['node', { command: ['node', './index.js'], port: 9000 }],
      ],
      ['bootstrap', 'index.js'],
    );
    expect(entryFindings(root)).toEqual([
      'error resources.bare.props: bare: bootstrap is not executable, and FC runs it as a program: its start fails with permission denied',
      'error resources.dotted.props: dotted: ./bootstrap is not executable, and FC runs it as a program: its start fails with permission denied',
    ]);
    chmodSync(join(root, 'code', 'bootstrap'), 0o755);
    // Executable now, but a script without #! (doc 132044: FC answers CAExited).
    expect(entryFindings(root)).toEqual([
      'error resources.bare.props: bare: bootstrap is a script without a #! line, which FC starts without a shell: its start fails there (CAExited)',
      'error resources.dotted.props: dotted: ./bootstrap is a script without a #! line, which FC starts without a shell: its start fails there (CAExited)',
    ]);
    writeFileSync(join(root, 'code', 'bootstrap'), '#!/bin/bash\nnode index.js\n');
    expect(entryFindings(root)).toEqual([]);
  });

  it("flags another language's missing build output and a missing bootstrap as warnings", () => {
    const root = customProject(
      [
        ['jar', { command: ['java'], args: ['-jar', 'target/demo.jar'] }],
        ['go', { command: ['/code/main'] }],
        ['bare', {}],
      ],
      ['pom.xml'],
    );
    expect(entryFindings(root)).toEqual([
      'warning resources.jar.props: jar: customRuntimeConfig starts java -jar target/demo.jar, and target/demo.jar is not in the code folder <root>/code',
      'warning resources.go.props: go: customRuntimeConfig starts /code/main, and main is not in the code folder <root>/code',
      'warning resources.bare.props: bare: FC starts ./bootstrap (no customRuntimeConfig command), and bootstrap is not in the code folder <root>/code',
    ]);
  });

  it("says nothing when the files are there, or the command names none of the project's", () => {
    const root = customProject(
      [
        ['built', { command: ['node', './dist/index.js'], args: ['--port=9000'] }],
        ['python', { command: ['python3', 'server.py'] }],
        ['npm', { command: ['npm', 'run', 'start'] }],
        ['shell', { command: ['sh', '-c', 'cd /code && node dist/index.js'] }],
        ['layer', { command: ['/opt/nodejs20/bin/node', '/code/dist/index.js'] }],
        ['bare', {}],
      ],
      ['dist/index.js', 'server.py', 'bootstrap'],
    );
    writeFileSync(join(root, 'code', 'bootstrap'), '#!/bin/sh\nexec node dist/index.js\n');
    chmodSync(join(root, 'code', 'bootstrap'), 0o755);
    expect(entryFindings(root)).toEqual([]);
  });
});

describe('a custom runtime whose bare `node` FC’s image does not have', () => {
  it('warns on custom.debian10 and 11 when the PATH names no folder that could give one; not for a node named by path', () => {
    const root = tempDir('fc-sim-lint-node-');
    mkdirSync(join(root, 'code'));
    writeFileSync(join(root, 'code', 'a.js'), '');
    const fn = (name: string, runtime: string, command: string[], path?: string) =>
      `  ${name}:\n    component: fc3\n    props:\n      functionName: ${name}\n      runtime: ${runtime}\n      code: ./code\n      customRuntimeConfig: ${JSON.stringify({ command: [...command, 'a.js'] })}\n${path ? `      environmentVariables: { PATH: '${path}' }\n` : ''}`;
    const resources = [
      fn('plain', 'custom.debian10', ['node']),
      fn('debian11', 'custom.debian11', ['node'], '/usr/local/bin:/usr/bin:/bin'),
      fn('lang', 'custom.debian10', ['node'], '/var/fc/lang/nodejs20/bin:/usr/bin'),
      fn('layer', 'custom.debian10', ['node'], '/opt/nodejs16/bin:/usr/bin'),
      fn('named', 'custom.debian10', ['/var/fc/lang/nodejs20/bin/node']),
      fn('debian9', 'custom', ['node']),
    ];
    writeFileSync(join(root, 's.yaml'), `edition: 3.0.0\nname: node\nresources:\n${resources.join('')}`);
    const findings = lintProject(loadProject(root)).filter((finding) => finding.rule === 'custom-runtime-node');
    expect(findings.map((finding) => `${finding.severity} ${finding.location.path}: ${finding.message} (fix: ${finding.fix})`)).toEqual([
      "warning resources.plain.props: plain: customRuntimeConfig starts a bare `node`, and FC's custom.debian10 image has none on the function's PATH, so the server does not start there (fix: put /var/fc/lang/nodejs20/bin or /var/fc/lang/nodejs18/bin or an official Node.js layer's /opt/nodejs<major>/bin first on its PATH)",
      "warning resources.debian11.props: debian11: customRuntimeConfig starts a bare `node`, and FC's custom.debian11 image has none on the function's PATH, so the server does not start there (fix: put an official Node.js layer's /opt/nodejs<major>/bin first on its PATH)",
    ]);
  });
});
