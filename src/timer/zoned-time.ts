/** An instant as a wall clock in some zone shows it. */
export interface ZonedTime {
  /** `2025-03-07` */
  date: string;
  /** `09:30:00` */
  time: string;
  /** `Fri` */
  weekday: string;
  /** `+08:00`; tells apart the two 02:30s of a day when clocks go back. */
  offset: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
      timeZoneName: 'longOffset',
    });
    formats.set(zone, format);
  }
  return format;
}

/** The wall-clock time of `instant` in `zone` (an IANA name), to the second. */
export function zonedTime(instant: Date, zone: string): ZonedTime {
  const parts = Object.fromEntries(
    formatFor(zone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  // `longOffset` is "GMT+08:00", or plain "GMT" at offset zero.
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName!.replace(/^GMT/, '');
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}`, weekday: parts.weekday!, offset };
}
