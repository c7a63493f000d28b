/**
 * Runs work exclusively per key within this process. Every key of a call is claimed at once
 * (synchronously), so callers wait only on earlier claims and cannot deadlock.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(keys: Iterable<string>, work: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const earlier = unique.map((key) => this.tails.get(key));
    for (const key of unique) this.tails.set(key, held);
    await Promise.all(earlier);
    try {
      return await work();
    } finally {
      release();
      for (const key of unique) if (this.tails.get(key) === held) this.tails.delete(key);
    }
  }
}
