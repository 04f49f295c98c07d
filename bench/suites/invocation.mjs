// Warm invocations of a no-op handler: what fc-sim's runtime adds to each call, next to lambda-local (the closest
// in-process tool for another cloud) on the same handler.
import { createRequire } from 'node:module';
import { fcSim, fixturesDir } from '../lib/dist.mjs';
import { interleaved } from '../lib/timing.mjs';
import { row } from '../lib/report.mjs';

const SECTION = 'Warm local invocation of a no-op handler';
const require = createRequire(import.meta.url);

export async function run() {
  const { createInstance, buildOssEvent } = await fcSim();
  const lambdaLocal = require('lambda-local');
  const noop = async () => {};
  const event = buildOssEvent();
  const bytes = Buffer.from(JSON.stringify(event));
  const context = { requestId: 'r' };
  const inProcess = createInstance(noop, { runtime: 'nodejs20' });
  const child = createInstance('noop.handler', { runtime: 'nodejs20', codeDir: fixturesDir });
  const ensure = (invocation) => {
    if (invocation.status !== 'success') throw new Error(`no-op handler: ${invocation.status} ${invocation.error?.errorMessage}`);
  };
  try {
    ensure(await child.invoke(bytes));
    const ms = await interleaved(
      {
        // What a test calling the handler itself pays: the bytes as FC hands them, a context, an await.
        direct: () => noop(Buffer.from(bytes), context),
        inProcess: async () => ensure(await inProcess.invoke(bytes)),
        lambdaLocal: () => lambdaLocal.execute({ event, lambdaFunc: { handler: noop }, timeoutMs: 3000, verboseLevel: 0 }),
        child: { fn: async () => ensure(await child.invoke(bytes)), iterations: 500 },
      },
      { iterations: 5_000, rounds: 7, warmup: 1_000, budgetMs: 15_000 },
    );
    const us = (name) => ms[name] * 1000;
    const overhead = (name) => us(name) - us('direct');
    const perSecond = (name) => 1000 / ms[name];
    const lambdaLocalOverhead = { name: 'lambda-local', value: overhead('lambdaLocal'), unit: 'µs' };
    return [
      row({
        section: SECTION,
        name: 'in-process runner (handler function): cost above a direct call',
        value: overhead('inProcess'),
        unit: 'µs',
        reference: lambdaLocalOverhead,
        ratioLabel: "lambda-local's",
        target: { text: '< 50 µs and below lambda-local', met: overhead('inProcess') < 50 && overhead('inProcess') < overhead('lambdaLocal') },
      }),
      row({
        section: SECTION,
        name: 'in-process runner: invocations/s',
        value: perSecond('inProcess'),
        unit: '/s',
        reference: { name: 'lambda-local', value: perSecond('lambdaLocal'), unit: '/s' },
        ratioLabel: "lambda-local's rate",
      }),
      row({
        section: SECTION,
        name: 'isolated instance (handler string, own process): cost above a direct call',
        value: overhead('child'),
        unit: 'µs',
        reference: lambdaLocalOverhead,
        ratioLabel: "lambda-local's (which isolates nothing)",
      }),
      row({
        section: SECTION,
        name: 'isolated instance: invocations/s',
        value: perSecond('child'),
        unit: '/s',
        reference: { name: 'lambda-local', value: perSecond('lambdaLocal'), unit: '/s' },
        ratioLabel: "lambda-local's rate",
      }),
      row({
        section: SECTION,
        name: 'lambda-local: cost above a direct call',
        value: overhead('lambdaLocal'),
        unit: 'µs',
        reference: { name: 'direct call', value: us('direct'), unit: 'µs' },
        ratioLabel: 'a direct call',
      }),
    ];
  } finally {
    await inProcess.dispose();
    await child.dispose();
  }
}
