import { timeFlag } from '../_shared/flags.js';
import type { CommandOption, FlagSpec } from '../types.js';
import type { TimerEventParams } from './build.js';

export const timerFlags: readonly FlagSpec<TimerEventParams>[] = [
  { flags: '--payload <text>', description: 'the trigger payload, verbatim (default: awesome-fc)', param: 'payload', pointers: ['/payload'] },
  { flags: '--trigger-name <name>', description: 'the timer trigger name', param: 'triggerName', pointers: ['/triggerName'] },
  timeFlag,
];

/** `fc-sim timer --cron …`: the firings of a schedule instead of one event (src/cli/commands/timer-schedule.ts). */
export const timerScheduleOptions: readonly CommandOption[] = [
  {
    flags: '--cron <expression>',
    description:
      "print the firings of an FC timer expression instead of one event: six fields, seconds first, optional 'CRON_TZ=<zone> ' prefix, or '@every <duration>'; with --json the event of each firing",
  },
  { flags: '--tz <zone>', description: "with --cron: the IANA zone to run it in (overrides the expression's CRON_TZ=; default CRON_TZ=, else UTC)" },
  { flags: '--from <time>', description: 'with --cron: firings at or after this time (ISO-8601 with Z or an offset, epoch ms, or now; default now)' },
  { flags: '--to <time>', description: 'with --cron: firings before this time (default: --count firings)' },
  { flags: '--realtime', description: 'with --cron and --handler: fire on the wall clock instead of in virtual time' },
];
