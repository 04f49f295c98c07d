import type { CronFieldSpec, CronSpecialCharacter } from './fields.js';
import { TimerExpressionError } from './timer-expression-error.js';

/** One parsed field of a cron expression. */
export interface CronField {
  /** The field as written. */
  text: string;
  /** The values it selects, ascending, in FC's numbering (day-of-week 1 = MON … 7 = SUN). */
  values: readonly number[];
  /** `*` or `?`: the field does not restrict (what decides between day-of-month and day-of-week). */
  wildcard: boolean;
}

/** Cron features other dialects have and FC does not document, recognised so that the message can name them. */
const UNSUPPORTED: readonly { pattern: RegExp; message: string; hint: (spec: CronFieldSpec) => string }[] = [
  {
    pattern: /#/,
    message: 'FC does not support # (nth weekday of the month)',
    hint: () => 'fire on that weekday (e.g. 0 0 9 ? * MON) and check the date in the handler',
  },
  {
    pattern: /^(?:\d+|[A-Z]{3})?L$|^L(?:W|-\d+)?$/i,
    message: 'FC does not support L (last)',
    hint: (spec) =>
      spec.name === 'dayOfWeek'
        ? 'for the last Friday of the month, fire on Fridays (? * FRI) and return early unless the date is within 7 days of the month end'
        : 'for the last day of the month, fire on days 28-31 (28-31 * ?) and return early unless tomorrow is the 1st',
  },
  { pattern: /^\d+W$/i, message: 'FC does not support W (nearest weekday)', hint: () => 'fire on the days around it and check the weekday in the handler' },
  { pattern: /^H(?:\(\d+-\d+\))?(?:\/\d+)?$/i, message: 'FC does not support H (hashed values)', hint: () => 'write the value itself' },
];

/** A list item: `*` or `?`, a value, or a range, each optionally with a step. */
const ITEM = /^(?:(?<wildcard>[*?])|(?<from>[0-9A-Za-z]+)(?:-(?<to>[0-9A-Za-z]+))?)(?:\/(?<step>[0-9A-Za-z]*))?$/;

interface Located {
  text: string;
  /** Where the text starts in the whole expression. */
  start: number;
}

/** Parses one field of an FC cron expression; `offset` is where the field starts in the expression. */
export function parseCronField(spec: CronFieldSpec, text: string, offset: number): CronField {
  const whole: Located = { text, start: offset };
  const fail = (at: Located, detail: string, hint?: string): never => {
    const subject = at.text === text ? `${spec.label} field "${text}"` : `${spec.label} field "${at.text}" (in "${text}")`;
    throw new TimerExpressionError(`${subject}: ${detail}`, spec.name, { start: at.start, end: at.start + at.text.length }, hint);
  };

  const items: Located[] = [];
  let start = offset;
  for (const item of text.split(',')) {
    items.push({ text: item, start });
    start += item.length + 1;
  }
  for (const item of items) {
    const unsupported = UNSUPPORTED.find(({ pattern }) => pattern.test(item.text));
    if (unsupported) fail(item, unsupported.message, unsupported.hint(spec));
  }
  checkCharacters(spec, whole, fail);
  if (items.some((item) => item.text === '')) fail(whole, 'empty list item');

  const values = new Set<number>();
  for (const item of items) {
    for (const value of itemValues(spec, item, fail)) values.add(value);
  }
  return { text, values: [...values].sort((a, b) => a - b), wildcard: text === '*' || text === '?' };
}

type Fail = (at: Located, detail: string, hint?: string) => never;

function checkCharacters(spec: CronFieldSpec, field: Located, fail: Fail): void {
  const special = [...field.text].find((char): char is CronSpecialCharacter => ',-*?/'.includes(char) && !spec.specials.includes(char as CronSpecialCharacter));
  if (special !== undefined) {
    if (spec.specials.length === 0) fail(field, `FC takes one number ${spec.min}–${spec.max} here (a timer fires at most once a minute)`);
    if (special === '?') fail(field, '? is only allowed in day-of-month and day-of-week');
    fail(field, `FC does not allow ${special} in this field (allowed: ${spec.specials.join(' ')})`);
  }
  const unexpected = /[^0-9A-Za-z,*?/-]/.exec(field.text);
  if (unexpected) fail(field, `unexpected character ${JSON.stringify(unexpected[0])}`);
}

function itemValues(spec: CronFieldSpec, item: Located, fail: Fail): number[] {
  const match = ITEM.exec(item.text);
  if (!match?.groups) return fail(item, 'not a value, a range or a step (e.g. 5, 1-5, */15)');
  const { wildcard, from, to, step } = match.groups;
  if (wildcard === '?' && step !== undefined) fail(item, '? takes no step');

  const first = from === undefined ? spec.min : value(spec, from, item, fail);
  // `5/15` runs from 5 to the end of the field, as in every cron with steps.
  const last = to !== undefined ? value(spec, to, item, fail) : from !== undefined && step === undefined ? first : spec.max;
  if (first > last) {
    // Suggest the two ranges in the user's own notation: numbers, or names (FRI-MON → FRI-SUN,MON).
    const spell = (n: number, token: string) => (/^\d+$/.test(token) ? String(n) : nameOf(spec, n));
    const range = (a: string, b: string) => (a === b ? a : `${a}-${b}`);
    const split = `${range(spell(first, from!), spell(spec.max, from!))},${range(spell(spec.min, to!), spell(last, to!))}`;
    fail(item, `range runs backwards (${first}-${last})`, `split it in two: ${split}`);
  }

  let increment = 1;
  if (step !== undefined) {
    if (step === '') fail(item, 'missing step after /');
    if (!/^\d+$/.test(step)) fail(item, `step ${JSON.stringify(step)} is not a number`);
    increment = Number(step);
    if (increment < 1) fail(item, 'step must be at least 1');
  }
  const values: number[] = [];
  for (let n = first; n <= last; n += increment) values.push(n);
  return values;
}

function value(spec: CronFieldSpec, token: string, item: Located, fail: Fail): number {
  let number: number | undefined;
  if (/^\d+$/.test(token)) number = Number(token);
  else if (spec.names) number = spec.names[token.toUpperCase()];
  // The message names the token only when the item has more than it (`1-MONDAY`).
  const is = token === item.text ? '' : `${JSON.stringify(token)} is `;
  if (number === undefined) {
    if (spec.names && /^[A-Za-z]+$/.test(token)) {
      const names = Object.keys(spec.names);
      return fail(item, `${is}not a ${spec.name === 'month' ? 'month' : 'day'} name (${names[0]}–${names.at(-1)})`);
    }
    return fail(item, `${is}not a number`);
  }
  if (number < spec.min || number > spec.max) {
    const range = `${is}out of range ${spec.min}–${spec.max}`;
    if (spec.name === 'dayOfWeek') fail(item, `${range}: FC numbers the days MON=1 … SUN=7`, 'write 7 or SUN for Sunday');
    fail(item, range);
  }
  return number;
}

function nameOf(spec: CronFieldSpec, n: number): string {
  return Object.entries(spec.names ?? {}).find(([, number]) => number === n)?.[0] ?? String(n);
}
