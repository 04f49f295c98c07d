/** How far {@link readAhead} may read before its consumer takes what it read. */
export interface ReadAheadBound<T> {
  /** Items read and not yet taken, at most. */
  items: number;
  /** Their bytes, at most (one item larger than this is still read, alone). */
  bytes: number;
  sizeOf: (item: T) => number;
}

type Slot<T> = { item: T } | { error: unknown };

/**
 * A stream read ahead of its consumer, in order: while the consumer works (sends the requests of the events read),
 * the next items are read, at most `bound.items` items and `bound.bytes` bytes ahead (give or take the last batch
 * read), so that the consumer finds its next item ready instead of waiting for the read. The source gives its items
 * in batches (what it read in one go, see readEventBatches): the steps from one read to the next are per batch, not
 * per item. Reading gives way to the event loop between batches: answers that came in are handled first, and reading
 * fills the time spent waiting for them. An error of the source reaches the consumer in its place, after the items
 * read before it; returning early ends the source.
 */
export function readAhead<T>(source: AsyncIterable<readonly T[]>, bound: ReadAheadBound<T>): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const queue: Array<Slot<T>> = [];
  let head = 0;
  let queuedBytes = 0;
  let ended = false;
  let stopped = false;
  let pumped: Promise<void> | undefined;
  /** The consumer waiting for an item, and the pump waiting for room. */
  let itemReady: (() => void) | undefined;
  let roomReady: (() => void) | undefined;

  const full = () => queue.length - head >= bound.items || queuedBytes >= bound.bytes;
  const wake = () => {
    const ready = itemReady;
    itemReady = undefined;
    ready?.();
  };

  const pump = async () => {
    try {
      while (!ended && !stopped) {
        if (full()) {
          await new Promise<void>((resolve) => {
            roomReady = resolve;
          });
          continue;
        }
        // Answers that came in meanwhile go first, unless the consumer has nothing to work on.
        if (queue.length > head) await new Promise<void>((resolve) => setImmediate(resolve));
        if (stopped) break;
        let next: IteratorResult<readonly T[]>;
        try {
          next = await iterator.next();
        } catch (error) {
          ended = true;
          queue.push({ error });
          break;
        }
        if (next.done) {
          ended = true;
          break;
        }
        for (const item of next.value) {
          queue.push({ item });
          queuedBytes += bound.sizeOf(item);
        }
        wake();
      }
    } finally {
      wake();
    }
  };

  /** The next item, which is there. */
  const shift = (): IteratorResult<T> => {
    const slot = queue[head]!;
    queue[head++] = undefined as unknown as Slot<T>;
    // Taken slots are dropped now and then, not one shift per item.
    if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    if ('error' in slot) {
      stopped = true;
      throw slot.error;
    }
    queuedBytes -= bound.sizeOf(slot.item);
    const room = roomReady;
    roomReady = undefined;
    room?.();
    return { done: false, value: slot.item };
  };

  const waitForItem = async (): Promise<IteratorResult<T>> => {
    while (queue.length === head) {
      if (ended || stopped) return { done: true, value: undefined };
      await new Promise<void>((resolve) => {
        itemReady = resolve;
      });
    }
    return shift();
  };

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      pumped ??= pump();
      if (queue.length === head) return waitForItem();
      // An item read ahead: no asynchronous function's steps for it.
      try {
        return Promise.resolve(shift());
      } catch (error) {
        return Promise.reject(error);
      }
    },
    async return() {
      stopped = true;
      const room = roomReady;
      roomReady = undefined;
      room?.();
      // The pump may be inside iterator.next(): the source is ended once that read is done.
      await pumped;
      if (!ended) {
        ended = true;
        await iterator.return?.();
      }
      return { done: true, value: undefined };
    },
  };
}
