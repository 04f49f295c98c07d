import type { TriggerResult } from './project-test.js';

// XML 1.0 cannot carry these control characters at all, escaped or not: they are dropped.
const xmlText = (text: string) =>
  text
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML forbids is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/**
 * JUnit XML, as CI systems read it: one test case per function trigger; a failure carries the whole report.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { junitXml, loadProject, testProject } from 'fc-sim';
 *
 * const results = await testProject(loadProject('.'), { runs: 500 });
 * writeFileSync('reports/fc-sim.xml', junitXml('fc-sim', results));
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export function junitXml(name: string, results: readonly TriggerResult[]): string {
  const count = (outcome: TriggerResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const cases = results.map((result) => {
    const open = `    <testcase classname="${xmlText(result.function)}" name="${xmlText(`${result.trigger} (${result.type})`)}" time="${seconds(result.durationMs)}"`;
    if (result.outcome === 'passed') return `${open}/>`;
    if (result.outcome === 'skipped') return `${open}>\n      <skipped message="${xmlText(result.detail)}"/>\n    </testcase>`;
    const first = result.detail.split('\n')[0] ?? '';
    return `${open}>\n      <failure message="${xmlText(first)}">${xmlText(result.detail)}</failure>\n    </testcase>`;
  });
  const total = seconds(results.reduce((sum, result) => sum + result.durationMs, 0));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="fc-sim" tests="${results.length}" failures="${count('failed')}" skipped="${count('skipped')}" time="${total}">`,
    `  <testsuite name="${xmlText(name)}" tests="${results.length}" failures="${count('failed')}" skipped="${count('skipped')}" time="${total}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
