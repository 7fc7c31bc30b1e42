import type { VectorHit } from './vector-index.js';

/** A document's place after fusion, with its 1-based rank in each input list (null: not in it). */
export interface FusedHit {
  readonly id: string;
  readonly score: number;
  readonly ranks: ReadonlyArray<number | null>;
}

/**
 * The usual constant of reciprocal-rank fusion (Cormack et al., 2009): large enough that the first
 * few ranks of one list do not drown the other list, and not tuned here.
 */
export const RRF_K = 60;

/**
 * Reciprocal-rank fusion of ranked id lists (lexical, vector, …). Each list adds `(k + 1) / (k + rank)`,
 * so a list's first hit counts 1 and fused scores run from 0 to the number of lists, the scale of
 * the lexical score (top hit 1, plus up to 1 for its best sentence). Ties go to the better rank in
 * the earlier list, then to first appearance, so the order is deterministic.
 *
 * @example reciprocalRankFusion([['a', 'b'], ['b', 'c']]) // b first: it is in both lists
 */
export function reciprocalRankFusion(lists: ReadonlyArray<readonly string[]>, k: number = RRF_K): FusedHit[] {
  const ranks = new Map<string, Array<number | null>>();
  const order: string[] = [];
  lists.forEach((list, listIndex) => {
    list.forEach((id, position) => {
      let entry = ranks.get(id);
      if (entry === undefined) {
        entry = lists.map(() => null);
        ranks.set(id, entry);
        order.push(id);
      }
      // A repeated id keeps its best rank in that list.
      if (entry[listIndex] === null) entry[listIndex] = position + 1;
    });
  });
  const hits = order.map((id, appearance) => {
    const own = ranks.get(id) ?? [];
    const score = own.reduce<number>((sum, rank) => (rank === null ? sum : sum + (k + 1) / (k + rank)), 0);
    return { id, score, ranks: own, appearance };
  });
  hits.sort((left, right) => right.score - left.score || compareRanks(left.ranks, right.ranks) || left.appearance - right.appearance);
  return hits.map(({ id, score, ranks: own }) => ({ id, score, ranks: own }));
}

function compareRanks(left: ReadonlyArray<number | null>, right: ReadonlyArray<number | null>): number {
  for (let i = 0; i < left.length; i += 1) {
    const a = left[i] ?? Infinity;
    const b = right[i] ?? Infinity;
    if (a !== b) return a - b;
  }
  return 0;
}

/**
 * A nearest neighbour joins the fusion only if it stands out from the corpus as much as this share
 * of the best one does: (similarity − mean) / (best − mean). Without a floor, the vector side would
 * always offer its full depth of passages, related or not; the floor is relative because models
 * differ in where their similarities sit (E5's all lie above 0.7). Not calibrated on a real model.
 */
export const VECTOR_MIN_RELATIVE_SIMILARITY = 0.5;

/**
 * The neighbours that stand out (VECTOR_MIN_RELATIVE_SIMILARITY), best first.
 *
 * @example standingOut(index.search(query, 30), index.meanSimilarity(query))
 */
export function standingOut(hits: readonly VectorHit[], meanSimilarity: number): VectorHit[] {
  const best = hits[0]?.similarity ?? meanSimilarity;
  const spread = best - meanSimilarity;
  if (spread <= 1e-6) return hits.slice(0, 1);
  return hits.filter((hit) => (hit.similarity - meanSimilarity) / spread >= VECTOR_MIN_RELATIVE_SIMILARITY);
}

/**
 * Hybrid ranking: the lexical ids, best first, fused with the neighbours that stand out.
 *
 * @example fuseLexicalAndVector(hits.map((h) => h.id), index.search(v, 30), index.meanSimilarity(v), (row) => ids[row])
 */
export function fuseLexicalAndVector(
  lexicalIds: readonly string[],
  nearest: readonly VectorHit[],
  meanSimilarity: number,
  idOfRow: (row: number) => string,
): FusedHit[] {
  return reciprocalRankFusion([lexicalIds, standingOut(nearest, meanSimilarity).map((hit) => idOfRow(hit.row))]);
}
