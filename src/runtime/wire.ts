/**
 * Messages between an instance and its process go as JSON: the process may run another Node.js (12 to 20) than
 * fc-sim, and V8's structured-clone format ('advanced' serialization) of a newer V8 cannot be read by an older one.
 * Bytes (the event, a result) travel as base64 and come back as Buffers.
 */
type Bytes = { $bytes: string };

const isBytes = (value: object): value is Bytes => Object.keys(value).length === 1 && typeof (value as Bytes).$bytes === 'string';

function encode(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = encode((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** A message as it is sent: bytes as base64. */
export function toWire(message: object): object {
  return encode(message) as object;
}

/** A message as it was sent: base64 bytes back to Buffers. */
export function fromWire<T>(value: unknown): T {
  if (Array.isArray(value)) return value.map((item) => fromWire(item)) as T;
  if (typeof value === 'object' && value !== null) {
    if (isBytes(value)) return Buffer.from(value.$bytes, 'base64') as T;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = fromWire((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value as T;
}
