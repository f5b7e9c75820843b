/**
 * Keeps one action per grant (or license) in flight. `tryRun` runs `fn` only when
 * nothing runs for the same key, and returns `{ busy: true }` without calling it
 * otherwise. The key is taken synchronously, before `fn`'s first await.
 */
export class InFlight {
  private readonly running = new Map<string, string>();

  /** The label of the action running for `key`, if any. */
  current(key: string): string | undefined {
    return this.running.get(key);
  }

  async tryRun<T>(
    key: string,
    label: string,
    fn: () => Promise<T>,
  ): Promise<{ busy: false; value: T } | { busy: true; running: string }> {
    const running = this.running.get(key);
    if (running !== undefined) return { busy: true, running };
    this.running.set(key, label);
    try {
      return { busy: false, value: await fn() };
    } finally {
      this.running.delete(key);
    }
  }
}
