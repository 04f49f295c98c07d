import { list, timeFlag, usage } from '../_shared/flags.js';
import type { FlagSpec } from '../types.js';
import type { TablestoreCell, TablestoreEventParams, TablestoreEventValue } from './build.js';
import { tablestoreValue } from './build.js';

const INTEGER = /^-?\d+$/;
const DOUBLE = /^-?(\d+\.\d*|\.\d+|\d+(\.\d*)?[eE][+-]?\d+)$/;
const MARKS = ['$int64', '$base64', '$double'];

/**
 * A cell's value from its text, typed the way the text reads: `true`/`false` Boolean, `42` Integer (exact across
 * int64), `3.0` or `1e3` Double, `{"$base64":"AQID"}` (or another mark) as written, `"42"` the JSON string, and any
 * other text a String.
 */
function cellValue(flag: string, text: string): TablestoreEventValue {
  if (text === 'true' || text === 'false') return text === 'true';
  if (INTEGER.test(text)) {
    const value = BigInt(text);
    if (value < -(2n ** 63n) || value > 2n ** 63n - 1n)
      usage(flag, `${text} is outside Tablestore's 64-bit integers`, 'use −9223372036854775808 to 9223372036854775807, or quote it as text: \'"…"\'');
    return tablestoreValue(value);
  }
  if (DOUBLE.test(text)) {
    const value = Number(text);
    if (!Number.isFinite(value)) usage(flag, `${text} is beyond a double`, 'use a smaller number');
    return Number.isInteger(value) ? { $double: value } : value;
  }
  if (text.startsWith('{') || text.startsWith('"')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      usage(flag, `not JSON: ${text}`, `e.g. ${flag} 'blob={"$base64":"AQID"}' or ${flag} 'code="007"'`);
    }
    if (typeof parsed === 'string') return parsed;
    const keys = typeof parsed === 'object' && parsed !== null ? Object.keys(parsed) : [];
    if (keys.length !== 1 || !MARKS.includes(keys[0]!))
      usage(flag, `a JSON value must be a string or one of ${MARKS.join(', ')}: ${text}`, `e.g. ${flag} 'blob={"$base64":"AQID"}'`);
    return parsed as TablestoreEventValue;
  }
  return text;
}

/** `name=value` cells into the list so far; a name given twice is a mistake, not an update. */
const cells = (flag: string) => (text: string, previous: unknown) => {
  const at = text.indexOf('=');
  if (at <= 0) usage(flag, `expected name=value, got ${JSON.stringify(text)}`, `e.g. ${flag} id=42`);
  const name = text.slice(0, at).trim();
  const soFar = (previous as TablestoreCell[] | undefined) ?? [];
  if (soFar.some((cell) => cell.name === name)) usage(flag, `column "${name}" given twice`, 'give each column once');
  return [...soFar, { name, value: cellValue(flag, text.slice(at + 1)) }];
};

const deletedVersion = (text: string, previous: unknown) => {
  const at = text.indexOf('=');
  const version = text.slice(at + 1);
  if (at <= 0 || !/^\d+$/.test(version))
    usage('--delete-version', `expected column=version (epoch milliseconds), got ${JSON.stringify(text)}`, '--delete-version status=1741589143000');
  return { ...((previous as Record<string, number> | undefined) ?? {}), [text.slice(0, at).trim()]: Number(version) };
};

const COLUMNS = '/Records/0/Columns';

export const tablestoreFlags: readonly FlagSpec<TablestoreEventParams>[] = [
  {
    flags: '--pk <name=value>',
    description: 'a primary key column, in the table\'s order (42 Integer, text String, {"$base64":"…"} Binary); repeatable',
    param: 'primaryKey',
    parse: cells('--pk'),
    pointers: ['/Records/0/PrimaryKey'],
  },
  {
    flags: '--column <name=value>',
    description: 'a cell written (Put): 42 Integer, 3.5 or 3.0 Double, true Boolean, text String, \'"42"\' the text 42, {"$base64":"…"} Binary; repeatable',
    param: 'columns',
    parse: cells('--column'),
    pointers: [COLUMNS],
  },
  {
    flags: '--delete-column <name>',
    description: 'update-row: delete every version of a column (DeleteAllVersions); repeatable',
    param: 'deleteColumns',
    parse: list,
    pointers: [COLUMNS],
  },
  {
    flags: '--delete-version <name=version>',
    description: 'update-row: delete one version (epoch ms) of a column (DeleteOneVersion); repeatable',
    param: 'deleteVersions',
    parse: deletedVersion,
    pointers: [COLUMNS],
  },
  {
    flags: '--instance <name>',
    description: "the table's instance: FC's event names none, but drawn events (--random, --count) of one table keep its key and column types",
    param: 'instance',
    pointers: [],
  },
  {
    flags: '--table <name>',
    description: 'the table: not in the event either; drawn events of one table keep its key and column types',
    param: 'table',
    pointers: [],
  },
  {
    ...timeFlag,
    description: 'when the row changed (Info.Timestamp in µs, cell versions in ms): ISO-8601, epoch ms or "now"',
    pointers: ['/Records/0/Info', COLUMNS],
  },
];
