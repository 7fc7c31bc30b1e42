import type { Embedder } from '../../src/search/embedder.js';

/**
 * A deterministic embedder for fusion and cache tests. Each concept is one dimension, lit when the
 * text contains any of its words; a last dimension keeps texts with no concept apart from zero.
 * It counts what it embeds, so a test can see the cache at work.
 */
export class FakeEmbedder implements Embedder {
  readonly dimensions: number;
  /** Every passage text embedded so far, in order. */
  readonly embedded: string[] = [];
  readonly queries: string[] = [];

  constructor(
    private readonly concepts: ReadonlyArray<readonly string[]>,
    readonly id: string = 'fake#1',
  ) {
    this.dimensions = concepts.length + 1;
  }

  vector(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions);
    this.concepts.forEach((words, i) => {
      vector[i] = words.filter((word) => text.includes(word)).length;
    });
    vector[this.concepts.length] = 0.1;
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  }

  embedPassages(texts: readonly string[]): Promise<Float32Array> {
    this.embedded.push(...texts);
    const out = new Float32Array(texts.length * this.dimensions);
    texts.forEach((text, i) => out.set(this.vector(text), i * this.dimensions));
    return Promise.resolve(out);
  }

  embedQuery(text: string): Float32Array {
    this.queries.push(text);
    return this.vector(text);
  }
}
