/** A row of the index and its cosine similarity to the query (both sides normalised). */
export interface VectorHit {
  readonly row: number;
  readonly similarity: number;
}

export interface VectorIndex {
  readonly dimensions: number;
  readonly size: number;
  /** The `limit` rows most similar to `query`, best first; ties keep row order. */
  search(query: Float32Array, limit: number): VectorHit[];
  /** The cosine similarity of `query` to one row. */
  similarity(query: Float32Array, row: number): number;
  /** The mean similarity of `query` to all rows (its dot product with their centroid). */
  meanSimilarity(query: Float32Array): number;
}

/**
 * Exact nearest neighbours by brute force over one typed array of normalised rows. At 384
 * dimensions a scan costs about a millisecond per 10,000 rows here, so below a few hundred
 * thousand passages an approximate index would buy little (README, "Embeddings").
 *
 * @example createVectorIndex(vectors, 384).search(queryVector, 10)
 */
export function createVectorIndex(vectors: Float32Array, dimensions: number): VectorIndex {
  if (!Number.isInteger(dimensions) || dimensions <= 0 || vectors.length % dimensions !== 0) {
    throw new Error(`vector index: ${vectors.length} values do not make rows of ${dimensions}`);
  }
  const size = vectors.length / dimensions;
  const centroid = new Float32Array(dimensions);
  for (let row = 0; row < size; row += 1) {
    for (let i = 0; i < dimensions; i += 1) centroid[i] = (centroid[i] ?? 0) + (vectors[row * dimensions + i] ?? 0) / size;
  }
  return {
    dimensions,
    size,
    similarity(query, row) {
      let dot = 0;
      const offset = row * dimensions;
      for (let i = 0; i < dimensions; i += 1) dot += (query[i] ?? 0) * (vectors[offset + i] ?? 0);
      return dot;
    },
    meanSimilarity(query) {
      let dot = 0;
      for (let i = 0; i < dimensions; i += 1) dot += (query[i] ?? 0) * (centroid[i] ?? 0);
      return dot;
    },
    search(query, limit) {
      if (query.length !== dimensions) throw new Error(`vector index: query has ${query.length} dimensions, index ${dimensions}`);
      const k = Math.min(limit, size);
      if (k <= 0) return [];
      // A min-heap of the best k so far: its root is the one to beat.
      const heapRows = new Int32Array(k);
      const heapScores = new Float32Array(k);
      let filled = 0;
      for (let row = 0; row < size; row += 1) {
        const offset = row * dimensions;
        let dot = 0;
        for (let i = 0; i < dimensions; i += 1) dot += (query[i] ?? 0) * (vectors[offset + i] ?? 0);
        if (filled < k) {
          siftUp(heapRows, heapScores, filled, row, dot);
          filled += 1;
        } else if (dot > (heapScores[0] ?? Infinity)) {
          siftDown(heapRows, heapScores, k, row, dot);
        }
      }
      const hits: VectorHit[] = [];
      for (let i = 0; i < filled; i += 1) hits.push({ row: heapRows[i] ?? 0, similarity: heapScores[i] ?? 0 });
      return hits.sort((left, right) => right.similarity - left.similarity || left.row - right.row);
    },
  };
}

/** Lower score first; among equal scores the later row is lower, so earlier rows survive ties. */
function below(scoreA: number, rowA: number, scoreB: number, rowB: number): boolean {
  return scoreA < scoreB || (scoreA === scoreB && rowA > rowB);
}

function siftUp(rows: Int32Array, scores: Float32Array, at: number, row: number, score: number): void {
  let child = at;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    if (!below(score, row, scores[parent] ?? 0, rows[parent] ?? 0)) break;
    rows[child] = rows[parent] ?? 0;
    scores[child] = scores[parent] ?? 0;
    child = parent;
  }
  rows[child] = row;
  scores[child] = score;
}

function siftDown(rows: Int32Array, scores: Float32Array, size: number, row: number, score: number): void {
  let parent = 0;
  for (;;) {
    const left = parent * 2 + 1;
    if (left >= size) break;
    const right = left + 1;
    let child = left;
    if (right < size && below(scores[right] ?? 0, rows[right] ?? 0, scores[left] ?? 0, rows[left] ?? 0)) child = right;
    if (!below(scores[child] ?? 0, rows[child] ?? 0, score, row)) break;
    rows[parent] = rows[child] ?? 0;
    scores[parent] = scores[child] ?? 0;
    parent = child;
  }
  rows[parent] = row;
  scores[parent] = score;
}
