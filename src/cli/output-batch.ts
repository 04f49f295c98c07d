/** Output gathered up to this size before it is written: few writes, and a pipe's reader sets the pace. */
export const BATCH_BYTES = 64 * 1024;

/**
 * Text and bytes gathered into one buffer, encoded as they come: writing a batch costs no join of its strings and
 * no second copy of them (a third of the cost of printing an event beside JSON.stringify). Each batch taken is a
 * buffer of its own, so that a pipe may hold it until the reader takes it.
 */
export class OutputBatch {
  private buffer = Buffer.allocUnsafe(2 * BATCH_BYTES);
  private used = 0;

  /** Adds text (as UTF-8) or bytes; true once the batch holds BATCH_BYTES or more. */
  add(chunk: string | Uint8Array): boolean {
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    const most = typeof chunk === 'string' ? 3 * chunk.length : chunk.length;
    if (this.used + most > this.buffer.length) this.grow(this.used + most);
    if (typeof chunk === 'string') this.used += this.buffer.write(chunk, this.used, 'utf8');
    else {
      this.buffer.set(chunk, this.used);
      this.used += chunk.length;
    }
    return this.used >= BATCH_BYTES;
  }

  get isEmpty(): boolean {
    return this.used === 0;
  }

  /** The batch's bytes; the next ones go into a new buffer. */
  take(): Buffer {
    const taken = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(2 * BATCH_BYTES);
    this.used = 0;
    return taken;
  }

  private grow(size: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(size, 2 * this.buffer.length));
    this.buffer.copy(bigger, 0, 0, this.used);
    this.buffer = bigger;
  }
}
