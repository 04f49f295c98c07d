/**
 * How Serverless Devs merges one yaml value over another (`extend:`, env.yaml overlays, a resource's `extend.name`
 * template): the `extend2` package's deep extend (Serverless-Devs docs/en/extend.md "Merge rules", parse-spec's
 * `extend2(true, …)` calls). Mappings merge key by key; an array or any other value replaces what was there; an
 * undefined value changes nothing, a null replaces.
 */
export function mergeLikeServerlessDevs(...layers: unknown[]): Record<string, unknown> {
  return layers.reduce<Record<string, unknown>>((merged, layer) => (isMapping(layer) ? mergeInto(merged, layer) : merged), {});
}

function mergeInto(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    result[key] = isMapping(value) ? mergeInto(isMapping(result[key]) ? result[key] : {}, value) : value;
  }
  return result;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
