/**
 * The Node.js runtimes FC offers.
 *
 * @example
 * ```ts
 * for (const runtime of runtimeNames) console.log(runtime, (await invoke('index.handler', buildTimerEvent(), { runtime })).status);
 * ```
 * @see https://alibabacloud.com/help/doc-detail/58011.htm
 */
export const runtimeNames = ['nodejs12', 'nodejs14', 'nodejs16', 'nodejs18', 'nodejs20'] as const;

/**
 * One of FC's Node.js runtimes: nodejs12–16 behave as FC 2.0's, nodejs18/20 as FC 3.0's (ES modules, async results).
 *
 * @see https://alibabacloud.com/help/doc-detail/58011.htm
 */
export type RuntimeName = (typeof runtimeNames)[number];

/**
 * FC 2.0-era runtimes (nodejs ≤ 16) and FC 3.0-era runtimes (nodejs 18/20) behave differently in ways handlers
 * notice; each difference is one flag here, with the source of the rule.
 */
export interface RuntimeTraits {
  name: RuntimeName;
  /** `fc2`: UUID request ids, `FunctionUnhandledError: ` error types, the FC 2.0 context. `fc3`: the rest. */
  generation: 'fc2' | 'fc3';
  /** nodejs ≤ 16 resolve only `<module>.js` as CommonJS; 18/20 load ES modules (`.mjs`, `"type": "module"`). */
  esm: boolean;
  /** nodejs ≤ 16 ignore what an async handler resolves to (only `callback` answers); 18/20 use it. */
  asyncResult: boolean;
}

export function isRuntimeName(name: string): name is RuntimeName {
  return (runtimeNames as readonly string[]).includes(name);
}

export function runtimeTraits(name: RuntimeName): RuntimeTraits {
  const fc3 = name === 'nodejs18' || name === 'nodejs20';
  return { name, generation: fc3 ? 'fc3' : 'fc2', esm: fc3, asyncResult: fc3 };
}
