/**
 * What the JSON document provider holds, bounded: at most `limit` documents, the least recently
 * used one that is not open in the window forgotten first. Open documents keep their content (an
 * editor may ask for it again). No `vscode` here: whether a document is open is asked through `isOpen`.
 */

/** Documents held at most (open ones aside). */
export const DOCUMENT_CACHE_LIMIT = 100;

export class DocumentCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly isOpen: (key: string) => boolean,
    private readonly limit = DOCUMENT_CACHE_LIMIT,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  values(): IterableIterator<V> {
    return this.entries.values();
  }

  /** Holds `value` as the most recently used, then forgets the least recently used closed documents beyond the limit. */
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size <= this.limit) return;
    for (const old of [...this.entries.keys()]) {
      if (this.entries.size <= this.limit) break;
      if (old !== key && !this.isOpen(old)) this.entries.delete(old);
    }
  }

  /** Forgets a document whose editor closed, unless it is open again. */
  closed(key: string): void {
    if (!this.isOpen(key)) this.entries.delete(key);
  }
}
