import { describe, expect, it } from 'vitest';
import { fuseLexicalAndVector, reciprocalRankFusion, RRF_K, standingOut, VECTOR_MIN_RELATIVE_SIMILARITY } from '../../src/search/fuse.js';

describe('reciprocalRankFusion', () => {
  it('scores each list (k + 1) / (k + rank), so a first place counts 1', () => {
    const fused = reciprocalRankFusion([['a', 'b', 'c'], ['c', 'a']]);
    const score = (id: string): number => fused.find((hit) => hit.id === id)?.score ?? NaN;
    expect(score('a')).toBeCloseTo(1 + (RRF_K + 1) / (RRF_K + 2), 12);
    expect(score('b')).toBeCloseTo((RRF_K + 1) / (RRF_K + 2), 12);
    expect(score('c')).toBeCloseTo((RRF_K + 1) / (RRF_K + 3) + 1, 12);
    expect(fused.map((hit) => hit.id)).toEqual(['a', 'c', 'b']);
    expect(fused.map((hit) => hit.ranks)).toEqual([[1, 2], [3, 1], [2, null]]);
  });

  it('uses the given k', () => {
    const [top] = reciprocalRankFusion([['x', 'y'], ['y']], 1);
    // y: 2/3 + 2/2 beats x: 2/2.
    expect(top).toEqual({ id: 'y', score: 2 / 3 + 1, ranks: [2, 1] });
  });

  it('keeps the order of a single list and scores its first hit 1', () => {
    const fused = reciprocalRankFusion([['p', 'q', 'r']]);
    expect(fused.map((hit) => hit.id)).toEqual(['p', 'q', 'r']);
    expect(fused[0]?.score).toBe(1);
  });

  it('breaks ties by the earlier list, then by first appearance', () => {
    // m is first in the second list, n first in the first: equal scores, the first list wins.
    expect(reciprocalRankFusion([['n'], ['m']]).map((hit) => hit.id)).toEqual(['n', 'm']);
    // Same ranks everywhere: first appearance decides.
    expect(reciprocalRankFusion([['s', 't'], ['t', 's']]).map((hit) => hit.id)).toEqual(['s', 't']);
  });

  it('counts an id repeated within a list once, at its best rank', () => {
    const fused = reciprocalRankFusion([['a', 'a', 'b']]);
    expect(fused.map((hit) => [hit.id, hit.ranks[0]])).toEqual([
      ['a', 1],
      ['b', 3],
    ]);
  });

  it('returns nothing for empty lists', () => {
    expect(reciprocalRankFusion([[], []])).toEqual([]);
  });
});

describe('standingOut', () => {
  const hits = [
    { row: 4, similarity: 0.9 },
    { row: 1, similarity: 0.8 },
    { row: 2, similarity: 0.72 },
    { row: 3, similarity: 0.7 },
  ];

  it('keeps neighbours at least half as far above the mean as the best one', () => {
    expect(VECTOR_MIN_RELATIVE_SIMILARITY).toBe(0.5);
    // Mean 0.7: 0.8 is (0.8 − 0.7) / (0.9 − 0.7) = 0.5 → kept; 0.72 is 0.1 → dropped.
    expect(standingOut(hits, 0.7).map((hit) => hit.row)).toEqual([4, 1]);
    // A lower mean lifts everyone: 0.72 is (0.72 − 0.5) / 0.4 = 0.55.
    expect(standingOut(hits, 0.5).map((hit) => hit.row)).toEqual([4, 1, 2]);
  });

  it('keeps only the best when nothing stands out from the mean', () => {
    expect(standingOut(hits, 0.9).map((hit) => hit.row)).toEqual([4]);
    expect(standingOut([], 0.3)).toEqual([]);
  });
});

describe('fuseLexicalAndVector', () => {
  it('fuses the lexical ids with the neighbours that stand out, named by row', () => {
    const fused = fuseLexicalAndVector(['b', 'x'], [{ row: 0, similarity: 0.9 }, { row: 1, similarity: 0.85 }, { row: 2, similarity: 0.1 }], 0.2, (row) => ['a', 'b', 'c'][row] ?? '');
    expect(fused.map((hit) => [hit.id, hit.ranks])).toEqual([
      ['b', [1, 2]],
      ['a', [null, 1]],
      ['x', [2, null]],
    ]);
  });
});
