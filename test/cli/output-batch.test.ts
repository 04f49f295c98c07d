import { describe, expect, it } from 'vitest';
import { BATCH_BYTES, OutputBatch } from '../../src/cli/output-batch.js';

describe('OutputBatch', () => {
  it('gathers text as UTF-8 and bytes in order, full from BATCH_BYTES on', () => {
    const batch = new OutputBatch();
    expect(batch.isEmpty).toBe(true);
    expect(batch.add('图片 😀\n')).toBe(false);
    expect(batch.add(Uint8Array.from([0x61, 0x0a]))).toBe(false);
    expect(batch.take().toString('utf8')).toBe('图片 😀\na\n');
    expect(batch.isEmpty).toBe(true);
    expect(batch.add('x'.repeat(BATCH_BYTES - 1))).toBe(false);
    expect(batch.add('y')).toBe(true);
    expect(batch.take()).toHaveLength(BATCH_BYTES);
  });

  it('grows for a chunk larger than its buffer, and hands each batch over in a buffer of its own', () => {
    const batch = new OutputBatch();
    batch.add('a');
    const large = '图'.repeat(3 * BATCH_BYTES);
    expect(batch.add(large)).toBe(true);
    const first = batch.take();
    batch.add('b');
    expect(first.toString('utf8')).toBe(`a${large}`);
    expect(batch.take().toString('utf8')).toBe('b');
  });
});
