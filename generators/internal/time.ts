import fc from 'fast-check';

/** 2000–2099: the four-digit years every FC time format assumes. */
const range = { min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2100, 0, 1) - 1), noInvalidDate: true };

/**
 * An instant in 2000–2099. `second` draws whole seconds, as timer, OSS and CDN times are; `millisecond` keeps the
 * milliseconds that epoch-millisecond fields (MNS PublishTime, HTTP timeEpoch) carry. Shrinks towards 2000-01-01.
 */
export function instant(precision: 'second' | 'millisecond'): fc.Arbitrary<Date> {
  const dates = fc.date(range);
  return precision === 'second' ? dates.map((date) => new Date(date.getTime() - (date.getTime() % 1000))) : dates;
}
