import type { TextSpan } from './timer-expression-error.js';
import { TimerExpressionError } from './timer-expression-error.js';

/** FC evaluates a timer expression in UTC unless it starts with `CRON_TZ=<zone> `. */
export const DEFAULT_ZONE = 'UTC';

/**
 * Checks an IANA time zone name (`Asia/Shanghai`) and returns it as written. The zone database is the one Node's
 * Intl carries, which is also what cron-parser computes with. Names are case-sensitive, as they are for the Go
 * scheduler FC's `CRON_TZ=` syntax comes from (zone names are file paths there), so `asia/shanghai` is refused
 * with the right spelling; fixed offsets such as `+08:00` are not zone names.
 */
export function ianaZone(name: string, label: string, span?: TextSpan): string {
  if (name === '') throw new TimerExpressionError(`${label}: missing time zone (e.g. Asia/Shanghai)`, 'zone', span);
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    const hint = /^(?:UTC|GMT)?[+-]\d/i.test(name)
      ? 'for a fixed offset use an Etc zone: Etc/GMT-8 is UTC+08:00 (the sign is inverted)'
      : 'e.g. Asia/Shanghai, Europe/Berlin, UTC';
    throw new TimerExpressionError(`${label} "${name}": not an IANA time zone`, 'zone', span, hint);
  }
  const spelled = [resolved, ...Intl.supportedValuesOf('timeZone')].find((zone) => zone.toLowerCase() === name.toLowerCase());
  if (spelled !== undefined && spelled !== name) {
    throw new TimerExpressionError(`${label} "${name}": time zone names are case-sensitive: write "${spelled}"`, 'zone', span);
  }
  return name;
}
