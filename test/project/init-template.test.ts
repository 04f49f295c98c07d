/** `s init` templates read in place: publish.yaml's defaults fill `{{ … }}`, quoted or written as a whole value. */
import { cpSync } from 'node:fs';
import fc from 'fast-check';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { quoteBarePlaceholders } from '../../src/project/init-template.js';
import { lintProject } from '../../src/project/lint.js';
import { matchingEvents } from '../../src/project/matching-events.js';
import { loadProject } from '../../src/project/load.js';
import { tempDir } from '../helpers/temp-dir.js';
import type { OssEvent } from '../../src/types/generated.js';

const template = resolve('fixtures/projects/init-template');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('quoteBarePlaceholders', () => {
  it('quotes a placeholder that is a whole unquoted value, keeping the comment after it', () => {
    const { text, bare } = quoteBarePlaceholders(['region: {{ region }}', '  memorySize: {{memorySize}} # MB', '    - {{ domain }}', ''].join('\n'));
    expect(text).toBe(['region: "{{ region }}"', '  memorySize: "{{ memorySize }}" # MB', '    - "{{ domain }}"', ''].join('\n'));
    expect([...bare]).toEqual(['region', 'memorySize', 'domain']);
  });

  it('leaves quoted placeholders and those inside a longer value as they are', () => {
    const lines = [
      'access: "{{ access }}"',
      "name: '{{ name }}'",
      'arn: acs:ram::{{ accountId }}:role/x',
      'url: {{ scheme }}://host',
      '# key: {{ commented }}',
    ];
    expect(quoteBarePlaceholders(lines.join('\n'))).toEqual({ text: lines.join('\n'), bare: new Set() });
  });

  it('leaves a block scalar’s text as it is, and quotes again after it', () => {
    const lines = [
      'environmentVariables:',
      '  SCRIPT: |',
      '    key: {{ inScript }}',
      '',
      '    - {{ listed }}',
      '  NOTE: >-',
      '    {{ folded }}',
      'steps:',
      '  - |',
      '    run: {{ inStep }}',
      '  - {{ after }}',
      'region: {{ region }}',
    ];
    const expected = [...lines.slice(0, 10), '  - "{{ after }}"', 'region: "{{ region }}"'];
    expect(quoteBarePlaceholders(lines.join('\n'))).toEqual({ text: expected.join('\n'), bare: new Set(['after', 'region']) });
    // Parsed, each stays text inside its scalar, unquoted.
    expect(parse(expected.join('\n'))).toMatchObject({ environmentVariables: { SCRIPT: 'key: {{ inScript }}\n\n- {{ listed }}\n', NOTE: '{{ folded }}' } });
  });
});

describe('loadProject on an s init template', () => {
  it("fills publish.yaml's defaults as YAML reads s init's text (a number, a boolean written as text), without a YAML warning on stderr", () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const project = loadProject(join(template, 'src'));
    const fn = project.functions[0]!;
    expect(fn).toMatchObject({ name: 'uploads-local', memorySize: 256, region: 'cn-shanghai' });
    // nightlyEnabled's default is the text 'true': s init writes it unquoted, so YAML reads the boolean.
    expect(fn.triggers[1]!.config.enable).toBe(true);
    expect(lintProject(project).filter((item) => item.severity === 'error')).toEqual([]);
    expect(project.problems.find((problem) => problem.kind === 'note' && problem.message.includes('s init'))?.message).toMatch(
      /filled with the defaults of .*publish\.yaml \(region=cn-shanghai, functionName=uploads-local, memorySize=256, nightlyEnabled=true\)$/,
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('leaves a placeholder without a default as written, a string, and names it where it first stands', () => {
    const project = loadProject(join(template, 'src'));
    expect(JSON.stringify(project.functions[0]!.triggers[0])).toContain('"prefix":"{{ bucketName }}"');
    const finding = lintProject(project).find((item) => item.rule === 'unresolved-variable');
    expect(finding).toMatchObject({
      severity: 'warning',
      message: expect.stringMatching(/^\{\{ bucketName \}\} left as written: .*publish\.yaml gives it no default \(s init asks for it\)$/),
      fix: expect.stringContaining('run s init'),
      location: { path: 'resources.uploads.props.triggers[0].sourceArn' },
    });
    // Its events come from any bucket, not from one named `{{ bucketName }}`, which OSS never sends and SDKs refuse.
    const events = fc.sample(matchingEvents(project.functions[0]!.triggers[0]!, { fcVersion: 3 })!.arbitrary, { numRuns: 20 }) as OssEvent[];
    for (const event of events) expect(event.events[0]!.oss.bucket.name).toMatch(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/);
    // `access` names credentials, which fc-sim never reads: no finding for it.
    expect(lintProject(project).filter((item) => item.message.includes('{{ access }}'))).toEqual([]);
  });

  it('without publish.yaml, every placeholder stays as written: a number field names it as written', () => {
    const folder = tempDir('fc-sim-init-template-');
    cpSync(join(template, 'src'), folder, { recursive: true });
    expect(() => loadProject(folder)).toThrow(/s\.yaml resources\.uploads\.props\.memorySize: "\{\{ memorySize \}\}" is not a number$/);
  });
});
