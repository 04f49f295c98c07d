/**
 * What becomes of each event `fc-sim <kind>` prints or runs, after it was built or drawn: the flags' check, `--set`,
 * and its printed form.
 */
import { FcSimError } from '../errors.js';
import type { EventKind } from '../triggers/basics.js';
import { schemaOfKind, triggerBasics } from '../triggers/basics.js';
import { setAtPath } from '../io/json-pointer.js';
import type { ValidationIssue } from '../schema/issues.js';
import { formatIssue } from '../schema/issues.js';
import { validate } from '../schema/validate.js';

/** `--set pointer=value`: the value is JSON when it parses as JSON, else the text itself. */
function applySets(event: unknown, sets: readonly string[]): unknown {
  let result = event;
  for (const assignment of sets) {
    const at = assignment.indexOf('=');
    if (at <= 0)
      throw new FcSimError(
        'E_USAGE',
        `--set: expected path=value, got ${JSON.stringify(assignment)}`,
        'e.g. --set /events/0/oss/object/size=0 or --set events.0.region=cn-shanghai',
      );
    const raw = assignment.slice(at + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: the text itself, so that --set key=photo.jpg needs no JSON quoting.
    }
    result = setAtPath(result, assignment.slice(0, at), value);
  }
  return result;
}

/** Names the flag behind a schema issue, when one sets that part of the event. */
function flagFor(kind: EventKind, issue: ValidationIssue): string | undefined {
  const spec = triggerBasics(kind.trigger).flags.find((flag) => flag.pointers.some((pointer) => issue.pointer.startsWith(pointer)));
  return spec ? spec.flags.split(' ')[0] : undefined;
}

/**
 * The event after the user's flags and `--set`s, checked against its schema: flags that make an event FC would not send
 * are refused (E_USAGE, naming the flags); `--set` may make one, which is printed with a warning. A generator's own
 * draw (no flag pinned any of it) skips the first check: the generator's tests hold its events to the schema, and
 * checking each of `--count`'s events cost more than printing it.
 */
export function finishedEvent(
  kind: EventKind,
  event: unknown,
  sets: readonly string[] | undefined,
  { generatorsOwn = false }: { generatorsOwn?: boolean } = {},
): { event: unknown; warning?: string } {
  if (!generatorsOwn) refuseInvalid(kind, event);
  if (!sets?.length) return { event };
  const set = applySets(event, sets);
  const issues = issueLines(kind, set);
  return issues
    ? { event: set, warning: `fc-sim: warning: after --set the event is not a valid ${issues.schema} event (printed anyway):\n${issues.lines.join('\n')}\n` }
    : { event: set };
}

function issueLines(kind: EventKind, event: unknown): { schema: string; lines: string[] } | undefined {
  const schema = schemaOfKind(kind, event);
  if (!schema) return undefined;
  const { issues } = validate(schema, event);
  if (issues.length === 0) return undefined;
  const lines = issues.map((issue) => {
    const flag = flagFor(kind, issue);
    return `  ${flag ? `${flag}: ` : ''}${formatIssue(issue).replace(/\n/g, '\n  ')}`;
  });
  return { schema, lines };
}

function refuseInvalid(kind: EventKind, event: unknown): void {
  const issues = issueLines(kind, event);
  if (!issues) return;
  throw new FcSimError(
    'E_USAGE',
    `these values make an event FC would not send:\n${issues.lines.join('\n')}`,
    'change the flags above; --set changes any field without this check',
  );
}

/** The event as printed: pretty JSON, or one line of NDJSON with --count. */
export function renderEvent(event: unknown, ndjson: boolean): string {
  // A STREAM-format MNS event without attributes is the raw message body: printed as is, one JSON string in NDJSON.
  if (typeof event === 'string' && !ndjson) return event.endsWith('\n') ? event : `${event}\n`;
  return ndjson ? `${JSON.stringify(event)}\n` : `${JSON.stringify(event, null, 2)}\n`;
}
