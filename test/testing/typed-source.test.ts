/**
 * The property's event is inferred from the trigger, kind or arbitrary, and a property written for another event does
 * not compile: `npm test` type-checks this file (each @ts-expect-error fails the build if the line compiles), vitest
 * runs it.
 */
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EventOf, Fc2HttpRequest, HttpTriggerEvent, OssEvent, TimerEvent } from '../../src/index.js';
import { checkHandler } from '../../src/testing/index.js';

const handler = 'echo.handler';
const runtime = { codeDir: 'fixtures/handlers' };

/** Compiled, never called: the options of each checkHandler call are what the type test is about. */
function typeOnly(): void {
  void checkHandler({ handler, trigger: 'timer', property: (event) => event.triggerTime.length > 0 });
  void checkHandler({ handler, trigger: 'oss', constraints: { keyPrefix: 'uploads/' }, property: (event) => expectTypeOf(event).toEqualTypeOf<OssEvent>() });
  void checkHandler({ handler, kind: 'oss:put', property: (event) => expectTypeOf(event).toEqualTypeOf<OssEvent>() });
  void checkHandler({ handler, kind: 'timer', property: (event) => expectTypeOf(event).toEqualTypeOf<TimerEvent>() });
  void checkHandler({ handler, kind: 'mns:json', property: (event) => expectTypeOf(event).toEqualTypeOf<EventOf<'mns'> | EventOf<'mns-queue'>>() });
  void checkHandler({ handler, trigger: 'http', property: (event) => expectTypeOf(event).toEqualTypeOf<HttpTriggerEvent>() });
  void checkHandler({ handler, trigger: 'fc2-http', property: (event) => expectTypeOf(event.request).toEqualTypeOf<Fc2HttpRequest>() });
  void checkHandler({ handler, kind: 'http:post', fc2: true, property: (event) => expectTypeOf(event.request).toEqualTypeOf<Fc2HttpRequest>() });
  void checkHandler({ handler, arbitrary: fc.record({ id: fc.nat() }), property: (event) => expectTypeOf(event).toEqualTypeOf<{ id: number }>() });

  // @ts-expect-error a timer trigger's property cannot take OSS events
  void checkHandler({ handler, trigger: 'timer', property: (event: OssEvent) => event.events.length > 0 });
  // @ts-expect-error nor can an oss:put kind's take timer events
  void checkHandler({ handler, kind: 'oss:put', property: (event: TimerEvent) => event.triggerTime !== '' });
  // @ts-expect-error an arbitrary of numbers gives numbers
  void checkHandler({ handler, arbitrary: fc.nat(), property: (event: string) => event.length > 0 });
  // @ts-expect-error a kind that no trigger has
  void checkHandler({ handler, kind: 'nothing:here' });
  // @ts-expect-error one source at a time
  void checkHandler({ handler, trigger: 'oss', kind: 'oss:put' });
  // @ts-expect-error the oss trigger's constraints are OSS ones
  void checkHandler({ handler, trigger: 'oss', constraints: { cron: '0 0 3 * * *' } });
}
void typeOnly;

describe('checkHandler with a typed property', () => {
  it('runs the property on the events of the trigger, typed as them', async () => {
    const seen: string[] = [];
    await checkHandler({
      handler,
      runtime,
      trigger: 'timer',
      runs: 20,
      failuresDir: false,
      property: (event, result) => {
        seen.push(event.triggerTime);
        return JSON.parse(result.body.toString()).triggerTime === event.triggerTime;
      },
    });
    expect(seen).toHaveLength(20);
    expect(seen.every((time) => /^\d{4}-\d\d-\d\dT/.test(time))).toBe(true);
  });
});
