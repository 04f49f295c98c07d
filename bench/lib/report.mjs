// Results as a Markdown table (bench/results.md) and JSON (bench/results.json): one row per figure, each figure a
// ratio to a reference measured in the same run, with the absolute values and the target beside it.
import { writeFileSync } from 'node:fs';

/** A number as people read it: 3 significant digits, thousands separated. */
export function formatNumber(value) {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

const withUnit = (value, unit) => (value === undefined ? '' : `${formatNumber(value)} ${unit}`.trim());

/**
 * One figure. `value` (with `unit`) is fc-sim's; `reference` is what it is measured against in the same run;
 * `ratio` is value ÷ reference unless given; `ratioLabel` says how to read it; `target` is the goal and whether it is met.
 */
export function row({ section, name, value, unit, reference, ratio, ratioLabel, target, note }) {
  const computed = ratio ?? (reference?.value ? value / reference.value : undefined);
  return { section, name, value, unit, reference, ratio: computed, ratioLabel, target, note };
}

/** A row that could not be measured, and why. */
export function unmeasured({ section, name, why, target }) {
  return { section, name, value: null, unit: '', reference: undefined, ratio: undefined, target: target ? { text: target, met: null } : undefined, note: why };
}

export function markdown(results) {
  const { machine, rows, durationS } = results;
  const lines = [
    '# fc-sim benchmarks',
    '',
    `Measured ${machine.date} with Node.js ${machine.node} on ${machine.platform}, ${machine.cores} cores (${machine.cpu}), ` +
      `${machine.memoryGb} GB, load average ${machine.loadAverage}${machine.loadAverageAfter === undefined ? '' : ` → ${machine.loadAverageAfter}`} ` +
      `(other work on the machine); \`npm run bench\` took ${Math.round(durationS)} s. Every ratio compares two figures taken in ` +
      'this same run (medians of interleaved rounds), so that a noisy machine moves both.',
    '',
  ];
  let section;
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push(`## ${section}`, '', '| measure | fc-sim | reference | ratio | target |', '|---|---:|---|---:|---|');
    }
    const reference = r.reference ? `${r.reference.name}: ${withUnit(r.reference.value, r.reference.unit ?? r.unit)}` : '';
    const ratio = r.ratio === undefined ? '' : `${formatNumber(r.ratio)}×${r.ratioLabel ? ` ${r.ratioLabel}` : ''}`;
    const target = r.target ? `${r.target.text}${r.target.met === true ? ' ✅' : r.target.met === false ? ' ❌ missed' : ''}` : '';
    const value = r.value === null ? `not measured${r.note ? `: ${r.note}` : ''}` : withUnit(r.value, r.unit);
    lines.push(`| ${r.name}${r.note && r.value !== null ? ` (${r.note})` : ''} | ${value} | ${reference} | ${ratio} | ${target} |`);
    const next = rows[rows.indexOf(r) + 1];
    if (!next || next.section !== section) lines.push('');
  }
  return lines.join('\n');
}

export function writeResults(results, { markdownFile, jsonFile }) {
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(markdownFile, `${markdown(results)}\n`);
}
