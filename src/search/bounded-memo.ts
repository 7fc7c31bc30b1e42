/**
 * Values remembered for the `limit` keys used most recently: for work that repeats (the same
 * paragraphs read by a burst of queries, the same question asked by a class), without letting
 * memory grow with the corpus or the traffic.
 *
 * @example const sentences = new BoundedMemo<string, SentenceGrams[]>(1_024); sentences.get(id, () => sentenceGrams(text));
 */
export class BoundedMemo<K, V> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  readonly #values = new Map<K, V>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The value remembered for `key`, or `compute()`'s, remembered from now on. */
  get(key: K, compute: () => V): V {
    if (this.#values.has(key)) {
      const known = this.#values.get(key) as V;
      this.#values.delete(key);
      this.#values.set(key, known);
      return known;
    }
    const value = compute();
    this.#values.set(key, value);
    if (this.#values.size > this.#limit) {
      const oldest = this.#values.keys().next();
      if (oldest.done !== true) this.#values.delete(oldest.value);
    }
    return value;
  }

  /** Whether a value is remembered for `key` (without counting as a use). */
  has(key: K): boolean {
    return this.#values.has(key);
  }

  /** Forget `key` (a value found wrong, such as a failed promise). */
  delete(key: K): void {
    this.#values.delete(key);
  }
}
