/**
 * The six fields of an FC timer cron expression, seconds first, as FC's timer documentation lists them
 * (https://help.aliyun.com/document_detail/171746.html; see ../shared/reference/runtime.md §8.1):
 *
 * | field        | values              | special characters |
 * |--------------|---------------------|--------------------|
 * | second       | 0–59                | none               |
 * | minute       | 0–59                | , - * /            |
 * | hour         | 0–23                | , - * /            |
 * | day-of-month | 1–31                | , - * ? /          |
 * | month        | 1–12 or JAN–DEC     | , - * /            |
 * | day-of-week  | 1–7 or MON–SUN      | , - * ?            |
 *
 * Where the documentation is silent or unclear, fc-sim chooses the narrower reading, so that an expression fc-sim
 * accepts is one FC documents:
 * - second: one number. FC's table lists no special character for it, and a timer fires at most once a minute
 *   (the console's interval mode counts whole minutes; Alibaba's EMAS Serverless, a sibling product, says the same
 *   and requires a plain number here).
 * - day-of-week: 1 = MON … 7 = SUN, as FC's table orders them ("1~7 or MON~SUN"). 0 is refused: in other cron
 *   dialects it is Sunday, in FC's table it does not exist. See {@link DAY_OF_WEEK_NUMBERS}.
 * - L, W, # and H, and macros such as @daily, are not documented by FC and are refused.
 * - names are case-insensitive three-letter abbreviations (JAN, mon); ranges may use them (MON-FRI).
 */
export type CronFieldName = 'second' | 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';

/** The special characters a field may contain, beyond numbers and names. */
export type CronSpecialCharacter = ',' | '-' | '*' | '?' | '/';

export interface CronFieldSpec {
  name: CronFieldName;
  /** How messages name the field: `minute field "61": …`. */
  label: string;
  min: number;
  max: number;
  specials: readonly CronSpecialCharacter[];
  /** Names the field accepts (upper case) and their numbers. */
  names?: Readonly<Record<string, number>>;
}

export const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  JAN: 1,
  FEB: 2,
  MAR: 3,
  APR: 4,
  MAY: 5,
  JUN: 6,
  JUL: 7,
  AUG: 8,
  SEP: 9,
  OCT: 10,
  NOV: 11,
  DEC: 12,
};

/**
 * FC's day-of-week numbering: 1 = Monday … 7 = Sunday (FC's table: "1~7 or MON~SUN"). Parsed expressions carry
 * these numbers; cron-parser's Sunday is 0, and the schedule converts (`day % 7`).
 *
 * @example
 * ```ts
 * const sunday = DAY_OF_WEEK_NUMBERS.SUN; // 7: write `0 0 4 ? * 7`, not `0 0 4 ? * 0`
 * const expression = parseTimerExpression(`0 0 4 ? * ${sunday}`);
 * ```
 * @see https://help.aliyun.com/document_detail/171746.html
 */
export const DAY_OF_WEEK_NUMBERS: Readonly<Record<string, number>> = {
  MON: 1,
  TUE: 2,
  WED: 3,
  THU: 4,
  FRI: 5,
  SAT: 6,
  SUN: 7,
};

/** The fields in the order FC reads them. */
export const CRON_FIELDS: readonly CronFieldSpec[] = [
  { name: 'second', label: 'second', min: 0, max: 59, specials: [] },
  { name: 'minute', label: 'minute', min: 0, max: 59, specials: [',', '-', '*', '/'] },
  { name: 'hour', label: 'hour', min: 0, max: 23, specials: [',', '-', '*', '/'] },
  { name: 'dayOfMonth', label: 'day-of-month', min: 1, max: 31, specials: [',', '-', '*', '?', '/'] },
  { name: 'month', label: 'month', min: 1, max: 12, specials: [',', '-', '*', '/'], names: MONTH_NUMBERS },
  { name: 'dayOfWeek', label: 'day-of-week', min: 1, max: 7, specials: [',', '-', '*', '?'], names: DAY_OF_WEEK_NUMBERS },
];
