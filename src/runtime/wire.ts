/**
 * How messages between an instance and its process travel. `advanced` (V8's structured clone: Buffers as they are)
 * when both run the same Node.js major; `json` otherwise, as an older V8 cannot read a newer one's clones: bytes
 * (the event, a result) then travel as base64 and come back as Buffers.
 */
export type WireFormat = 'advanced' | 'json';
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

/** A message as it is sent. */
export function toWire(format: WireFormat, message: object): object {
  return format === 'json' ? (encode(message) as object) : message;
}

/** A message as it was sent. */
export function fromWire<T>(format: WireFormat, message: unknown): T {
  return format === 'json' ? decode<T>(message) : (message as T);
}

function decode<T>(value: unknown): T {
  if (Array.isArray(value)) return value.map((item) => decode(item)) as T;
  if (typeof value === 'object' && value !== null) {
    if (isBytes(value)) return Buffer.from(value.$bytes, 'base64') as T;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = decode((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value as T;
}
