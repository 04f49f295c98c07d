/**
 * The bytes FC answers with for what a handler returns (nodejs16 runtime `_formatData`, FC docs): nothing for
 * null/undefined, a Buffer as is, a string as UTF-8, any object (arrays too) as JSON, anything else as its string.
 * On nodejs ≤ 16 (`legacyAgent`) only a Buffer is bytes: a Uint8Array is an object, sent as JSON (runtime.md,
 * Corrections 5); nodejs 18/20 send its bytes.
 */
export function serializeResult(data: unknown, legacyAgent: boolean): Buffer {
  if (data === null || data === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array && !legacyAgent) return Buffer.from(data);
  if (typeof data === 'string') return Buffer.from(data);
  // The runtime's quirk: a function answers with its constructor's source (`function Function() { [native code] }`).
  if (typeof data === 'function') return Buffer.from(data.constructor.toString());
  if (typeof data === 'object') return Buffer.from(JSON.stringify(data) ?? '');
  return Buffer.from(String(data));
}
