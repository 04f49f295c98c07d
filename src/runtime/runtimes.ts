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
 * One of FC's Node.js runtimes. What depends on the runtime (its agent and its Node.js: ES modules, async results,
 * nodejs ≤ 16's error rules) is in {@link RuntimeTraits}; what depends on where the function is deployed is its
 * {@link Platform}.
 *
 * @see https://alibabacloud.com/help/doc-detail/58011.htm
 */
export type RuntimeName = (typeof runtimeNames)[number];

/**
 * The FC platforms a function can be deployed on: FC 2.0 (services and functions; Fun's template.yml, the fc 2.x
 * component of s.yaml) and FC 3.0 (functions only; the fc3 component).
 *
 * @example
 * ```ts
 * for (const platform of platformNames) console.log(platform, (await invoke('index.handler', buildTimerEvent(), { platform })).requestId);
 * ```
 * @see README.md#run-a-handler-locally
 */
export const platformNames = ['fc2', 'fc3'] as const;

/**
 * The platform a function runs on, whatever its runtime (runtime.md, Corrections 1: FC 3.0 also runs nodejs10–16,
 * FC 2.0 also runs nodejs18/20). It decides the context's shape, the request id's form, the HTTP calling convention
 * (FC 3.0's HTTP trigger event, FC 2.0's `(request, response, context)`) and the lifecycle hooks (PreFreeze on FC 2.0).
 *
 * @example
 * ```ts
 * const platform: Platform = 'fc2'; // an fc 2.x or Fun project
 * await invoke('index.handler', buildTimerEvent(), { runtime: 'nodejs18', platform });
 * ```
 * @see README.md#run-a-handler-locally
 */
export type Platform = (typeof platformNames)[number];

/**
 * How a function's runtime and platform together behave in ways handlers notice; each difference is one flag
 * here, with the source of the rule.
 */
export interface RuntimeTraits {
  name: RuntimeName;
  /** Context shape, request ids, the HTTP calling convention, PreFreeze: where the function is deployed. */
  platform: Platform;
  /** nodejs ≤ 16 resolve only `<module>.js` as CommonJS; 18/20 load ES modules (`.mjs`, `"type": "module"`). */
  esm: boolean;
  /** nodejs ≤ 16 ignore what an async handler resolves to (only `callback` answers); 18/20 use it. */
  asyncResult: boolean;
  /**
   * nodejs ≤ 16 run FC's nodejs12–16 agent (runtime.md, Corrections 5–6): `FunctionUnhandledError: ` error types,
   * thrown non-errors answered as handled errors, an uncaught exception answered and the process kept, only a
   * Buffer result sent as bytes. The agent belongs to the runtime's image, so it is the same on both platforms.
   */
  legacyAgent: boolean;
  /** nodejs12/14 run Node < 15: an unhandled rejection only prints a warning (runtime.md, Corrections 2). */
  rejectionWarns: boolean;
}

export function isRuntimeName(name: string): name is RuntimeName {
  return (runtimeNames as readonly string[]).includes(name);
}

/** FC's custom runtimes (`custom`, `custom.debian10`, …), whose server is started from the code; not `custom-container`, an image. */
export function isCustomRuntime(name: string): boolean {
  return /^custom(\.|$)/.test(name);
}

export function isPlatform(name: string): name is Platform {
  return (platformNames as readonly string[]).includes(name);
}

export function runtimeTraits(name: RuntimeName, platform: Platform): RuntimeTraits {
  const modern = name === 'nodejs18' || name === 'nodejs20';
  return { name, platform, esm: modern, asyncResult: modern, legacyAgent: !modern, rejectionWarns: name === 'nodejs12' || name === 'nodejs14' };
}
