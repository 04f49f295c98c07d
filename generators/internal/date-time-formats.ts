import fc from 'fast-check';
import { UnsupportedSchemaError } from './schema-context.js';

type DateTimeFormatter = (date: Date) => string;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `YYYY-MM-DDTHH:mm:ss`, `fractionDigits` digits of the milliseconds, then `zone`, read on that zone's clock. */
function rfc3339(fractionDigits: 0 | 1 | 2 | 3, zone: 'Z' | '+08:00'): DateTimeFormatter {
  const offsetMs = zone === 'Z' ? 0 : CHINA_OFFSET_MS;
  return (date) => {
    const clock = new Date(date.getTime() + offsetMs);
    const fraction = fractionDigits === 0 ? '' : `.${pad(clock.getUTCMilliseconds(), 3).slice(0, fractionDigits)}`;
    return (
      `${pad(clock.getUTCFullYear(), 4)}-${pad(clock.getUTCMonth() + 1)}-${pad(clock.getUTCDate())}` +
      `T${pad(clock.getUTCHours())}:${pad(clock.getUTCMinutes())}:${pad(clock.getUTCSeconds())}${fraction}${zone}`
    );
  };
}

/**
 * The time forms FC triggers use, simplest first (shrinking goes towards the first one a pattern accepts): timer and
 * HTTP send whole seconds in UTC, OSS milliseconds, EventBridge 0–3 fraction digits, CDN China time (+08:00).
 */
const FORMATTERS: readonly DateTimeFormatter[] = [
  rfc3339(0, 'Z'),
  rfc3339(3, 'Z'),
  rfc3339(1, 'Z'),
  rfc3339(2, 'Z'),
  rfc3339(0, '+08:00'),
  rfc3339(3, '+08:00'),
];

// Dates with and without milliseconds, at both ends of a day, to tell the formatters apart.
const PROBES = [new Date('2000-01-01T00:00:00.000Z'), new Date('2024-02-29T23:59:58.123Z')];

// Ends early on 2099-12-31 so that the +08:00 form stays in 2099 too.
const DATES = fc.date({
  min: new Date('2000-01-01T00:00:00.000Z'),
  max: new Date('2099-12-31T15:59:59.999Z'),
  noInvalidDate: true,
});

/**
 * RFC 3339 date-times (years 2000–2099) in every form FC uses that `pattern` accepts. Formatting a real date, rather
 * than generating from the pattern, keeps days and hours valid, so no value is filtered away.
 */
export function dateTimeArbitrary(pattern?: string): fc.Arbitrary<string> {
  const regex = pattern === undefined ? undefined : new RegExp(pattern, 'u');
  const formatters = regex ? FORMATTERS.filter((format) => PROBES.every((date) => regex.test(format(date)))) : [(date: Date) => date.toISOString()];
  const [simplest, ...others] = formatters;
  if (!simplest) throw new UnsupportedSchemaError(`no date-time form fc-sim knows matches the pattern ${pattern}`);
  return fc.tuple(DATES, fc.constantFrom(simplest, ...others)).map(([date, format]) => format(date));
}
