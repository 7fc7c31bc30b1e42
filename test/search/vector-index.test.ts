import { describe, expect, it } from 'vitest';
import { createVectorIndex } from '../../src/search/vector-index.js';

/** Deterministic pseudo-random unit vectors (a linear congruential generator, not Math.random). */
function randomUnitVectors(count: number, dimensions: number, seed: number): Float32Array {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648 - 0.5;
  };
  const out = new Float32Array(count * dimensions);
  for (let row = 0; row < count; row += 1) {
    let norm = 0;
    for (let i = 0; i < dimensions; i += 1) {
      const value = next();
      out[row * dimensions + i] = value;
      norm += value * value;
    }
    for (let i = 0; i < dimensions; i += 1) out[row * dimensions + i] = (out[row * dimensions + i] ?? 0) / Math.sqrt(norm);
  }
  return out;
}

describe('createVectorIndex', () => {
  it('finds the same top rows as sorting every similarity', () => {
    const dimensions = 16;
    const vectors = randomUnitVectors(500, dimensions, 7);
    const index = createVectorIndex(vectors, dimensions);
    for (const seed of [1, 2, 3]) {
      const query = randomUnitVectors(1, dimensions, seed);
      const all = Array.from({ length: 500 }, (_unused, row) => ({ row, similarity: index.similarity(query, row) })).sort(
        (left, right) => right.similarity - left.similarity,
      );
      const hits = index.search(query, 10);
      expect(hits.map((hit) => hit.row)).toEqual(all.slice(0, 10).map((hit) => hit.row));
      expect(hits[0]?.similarity).toBeCloseTo(all[0]?.similarity ?? NaN, 6);
    }
  });

  it('scores a row against itself as 1 and ranks it first', () => {
    const vectors = randomUnitVectors(50, 8, 11);
    const index = createVectorIndex(vectors, 8);
    const [hit] = index.search(vectors.slice(8 * 17, 8 * 18), 1);
    expect(hit?.row).toBe(17);
    expect(hit?.similarity).toBeCloseTo(1, 5);
  });

  it('keeps the earlier row on equal similarity', () => {
    const vectors = new Float32Array([1, 0, 0, 1, 1, 0, 1, 0]);
    expect(createVectorIndex(vectors, 2).search(new Float32Array([1, 0]), 2).map((hit) => hit.row)).toEqual([0, 2]);
  });

  it('returns every row when asked for more than it holds, and none from an empty index', () => {
    expect(createVectorIndex(randomUnitVectors(3, 4, 5), 4).search(randomUnitVectors(1, 4, 6), 10)).toHaveLength(3);
    expect(createVectorIndex(new Float32Array(0), 4).search(randomUnitVectors(1, 4, 6), 10)).toEqual([]);
  });

  it('refuses rows that do not fit the dimensions, and a query of another size', () => {
    expect(() => createVectorIndex(new Float32Array(5), 2)).toThrow(/rows of 2/u);
    expect(() => createVectorIndex(new Float32Array(4), 2).search(new Float32Array(3), 1)).toThrow(/3 dimensions/u);
  });
});
