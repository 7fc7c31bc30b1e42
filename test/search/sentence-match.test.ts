import { describe, expect, it } from 'vitest';
import { bigramsOf } from '../../src/text/analyze.js';
import { bestSentences, bigramWeights, sentenceGrams } from '../../src/search/sentence-match.js';

/** Every query bigram weighs 1 (as if each were in one document of many). */
function weightsOf(query: string) {
  return bigramWeights(bigramsOf(query).map((term) => ({ term, weight: 1 })), 100, () => 1);
}

describe('bestSentences', () => {
  const text = 'ラオスは東南アジアの国である。通貨はキープが使われている。';
  const query = weightsOf('ラオスの通貨');

  it('counts only what a sentence holds when there is no context', () => {
    const [best] = bestSentences(sentenceGrams(text), query);
    // ラオ, オス of ラオ オス スノ ノ通 通貨: the first sentence wins on the title it repeats.
    expect(best?.sentence.text).toBe('ラオスは東南アジアの国である。');
    expect(best?.coverage).toBeCloseTo(2 / 5, 10);
  });

  it('counts the query bigrams of the title in every sentence, at the title’s focus', () => {
    const context = { grams: new Set(bigramsOf('ラオス')), weight: 1 };
    const [best, second] = bestSentences(sentenceGrams(text), query, context);
    expect(best?.sentence.text).toBe('通貨はキープが使われている。');
    expect(best?.coverage).toBeCloseTo(3 / 5, 10);
    // A bigram the sentence holds itself is not counted twice.
    expect(second?.coverage).toBeCloseTo(2 / 5, 10);
    const half = bestSentences(sentenceGrams(text), query, { ...context, weight: 0.5 });
    expect(half[0]?.coverage).toBeCloseTo(2 / 5, 10);
  });
});
