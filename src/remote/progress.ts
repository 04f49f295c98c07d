/** The progress line: `[#########...........] 4500/10000 45% 3120/s`; `4500 events 3120/s` while the total is unknown (a stream). */
export function progressLine(done: number, total: number | undefined, elapsedMs: number, width = 24): string {
  const rate = elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0;
  if (total === undefined) return `${done} events ${rate}/s`;
  const fraction = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${Math.floor(fraction * 100)}% ${rate}/s`;
}

export interface ProgressBar {
  update(done: number): void;
  /** Erases the line. */
  done(): void;
}

/** A progress bar rewritten in place on a terminal (at most every 100 ms); nothing when the stream is not one. */
export function progressBar(total: number | undefined, stream: { readonly isTTY?: boolean; write(text: string): unknown } = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  const started = performance.now();
  let shownAt = 0;
  return {
    update(done) {
      const now = performance.now();
      if (now - shownAt < 100 && (total === undefined || done < total)) return;
      shownAt = now;
      stream.write(`\r${progressLine(done, total, now - started)}`);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
