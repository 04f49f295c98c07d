import { describe, expect, it } from 'vitest';
import { readAhead } from '../../src/io/read-ahead.js';

/**
 * A source that counts the items read from it and says whether it was ended (its `finally`): batches of one item,
 * or of `batch` items.
 */
function counted(count: number, options: { failAt?: number; size?: number; batch?: number } = {}) {
  const state = { read: 0, ended: false, batches: 0 };
  async function* source() {
    try {
      let batch: Array<{ index: number; bytes: number }> = [];
      for (let i = 0; i < count; i++) {
        if (i === options.failAt) throw new Error(`cannot read item ${i}`);
        state.read += 1;
        batch.push({ index: i, bytes: options.size ?? 1 });
        if (batch.length === (options.batch ?? 1) || i === count - 1) {
          state.batches += 1;
          yield batch;
          batch = [];
        }
      }
    } finally {
      state.ended = true;
    }
  }
  return { state, source: source() };
}

const sizeOf = (item: { bytes: number }) => item.bytes;
const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('readAhead', () => {
  it('gives every item once, in order (N in = N out), and reads ahead of the consumer', async () => {
    const { state, source } = counted(500);
    const seen: number[] = [];
    for await (const item of readAhead(source, { items: 16, bytes: 1 << 20, sizeOf })) {
      // While the consumer works on one item, the next ones are being read.
      if (item.index === 0) {
        for (let i = 0; i < 40; i++) await macrotask();
        expect(state.read).toBeGreaterThan(1);
      }
      seen.push(item.index);
    }
    expect(seen).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(state.ended).toBe(true);
  });

  it('reads at most the bound ahead, by items and by bytes', async () => {
    const byItems = counted(1000);
    const ahead = readAhead(byItems.source, { items: 8, bytes: 1 << 20, sizeOf });
    await ahead.next();
    for (let i = 0; i < 50; i++) await macrotask();
    // The one taken, 8 waiting.
    expect(byItems.state.read).toBe(9);
    await ahead.return?.();

    const byBytes = counted(1000, { size: 100 });
    const bounded = readAhead(byBytes.source, { items: 1000, bytes: 350, sizeOf });
    await bounded.next();
    for (let i = 0; i < 50; i++) await macrotask();
    // 4 × 100 bytes reach the 350-byte bound.
    expect(byBytes.state.read).toBe(5);
    await bounded.return?.();
  });

  it('takes the source in batches: every item once and in order, the bound checked before each batch', async () => {
    const { state, source } = counted(1000, { batch: 32 });
    const ahead = readAhead(source, { items: 40, bytes: 1 << 20, sizeOf });
    expect((await ahead.next()).value).toEqual({ index: 0, bytes: 1 });
    for (let i = 0; i < 50; i++) await macrotask();
    // Two batches: after the first (31 waiting) there was room; after the second (63) there is none.
    expect(state.batches).toBe(2);
    const seen = [0];
    for await (const item of ahead) seen.push(item.index);
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(state.ended).toBe(true);
  });

  it('an item larger than the byte bound is still read, alone', async () => {
    const { source } = counted(3, { size: 1000 });
    const seen: number[] = [];
    for await (const item of readAhead(source, { items: 10, bytes: 100, sizeOf })) seen.push(item.index);
    expect(seen).toEqual([0, 1, 2]);
  });

  it("a source's error reaches the consumer in its place, after the items before it", async () => {
    const { source } = counted(10, { failAt: 6 });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of readAhead(source, { items: 4, bytes: 1 << 20, sizeOf })) seen.push(item.index);
      })(),
    ).rejects.toThrow('cannot read item 6');
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('stopping early ends the source (its files closed) and reads nothing more', async () => {
    const { state, source } = counted(1000);
    for await (const item of readAhead(source, { items: 8, bytes: 1 << 20, sizeOf })) if (item.index === 2) break;
    expect(state.ended).toBe(true);
    const read = state.read;
    for (let i = 0; i < 20; i++) await macrotask();
    expect(state.read).toBe(read);
    expect(read).toBeLessThanOrEqual(3 + 8 + 1);
  });
});
