const pending = new Map<string, Promise<unknown>>();

/**
 * One provisioning per target and process, however many instances ask for it at the same time (`installAtomically`
 * covers other processes). A failure is not kept: the next asker tries again.
 */
export function oncePerProcess<T>(key: string, make: () => Promise<T>): Promise<T> {
  let running = pending.get(key) as Promise<T> | undefined;
  if (!running) {
    running = make();
    pending.set(key, running);
    running.catch(() => pending.delete(key));
  }
  return running;
}
