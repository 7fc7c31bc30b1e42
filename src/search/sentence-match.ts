import { bigramsOf } from '../text/analyze.js';
import type { Sentence } from '../corpus/types.js';
import { splitSentences } from '../text/split-sentences.js';

/** Query bigrams with their inverse document frequencies, computed once per query. */
export interface BigramWeights {
  readonly weights: ReadonlyMap<string, number>;
  readonly total: number;
}

/**
 * Each query bigram weighs its IDF times its weight in the query (the user's own at 1, a derived
 * spelling or translation less); a bigram asked twice counts once, at its highest weight.
 */
export function bigramWeights(
  bigrams: ReadonlyArray<{ readonly term: string; readonly weight: number }>,
  documentCount: number,
  frequency: (bigram: string) => number,
): BigramWeights {
  const weights = new Map<string, number>();
  for (const { term, weight } of bigrams) {
    const df = frequency(term);
    const idf = Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
    weights.set(term, Math.max(weights.get(term) ?? 0, idf * weight));
  }
  let total = 0;
  for (const weight of weights.values()) total += weight;
  return { weights, total };
}

export interface SentenceMatch {
  readonly sentence: Sentence;
  /** Share of the query's bigram weight this sentence holds, 0..1. */
  readonly coverage: number;
}

/** A sentence and its distinct bigrams: what scoring it needs that does not depend on the query. */
export interface SentenceGrams {
  readonly sentence: Sentence;
  readonly grams: readonly string[];
}

/** The sentences of a passage with their distinct bigrams, to score against any number of queries. */
export function sentenceGrams(text: string): SentenceGrams[] {
  return splitSentences(text).map((sentence) => ({ sentence, grams: [...new Set(bigramsOf(sentence.text))] }));
}

/**
 * The sentence of a passage that covers most of the query's (IDF-weighted) bigrams: a question
 * is usually answered by one sentence, so this is both a ranking signal and the excerpt.
 *
 * @example bestSentences(sentenceGrams(text), query.sentenceWeights)[0]?.sentence
 */
export function bestSentences(sentences: readonly SentenceGrams[], query: BigramWeights): SentenceMatch[] {
  if (query.total <= 0) return [];
  return sentences
    .map(({ sentence, grams }) => {
      let covered = 0;
      for (const gram of grams) covered += query.weights.get(gram) ?? 0;
      return { sentence, coverage: covered / query.total };
    })
    .sort((left, right) => right.coverage - left.coverage || left.sentence.start - right.sentence.start);
}
