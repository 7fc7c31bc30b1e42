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

/** What every sentence of a passage says implicitly: its title, as far as the title is its subject. */
export interface SentenceContext {
  readonly grams: ReadonlySet<string>;
  /** 0..1: how fully a query bigram found only in the context counts (see `titleFocus`). */
  readonly weight: number;
}

/**
 * The sentence of a passage that covers most of the query's (IDF-weighted) bigrams: a question
 * is usually answered by one sentence, so this is both a ranking signal and the excerpt. With a
 * context, a query bigram of the title counts in every sentence, for a sentence need not repeat
 * its passage's subject: 「2000年から着工し…」 answers when 日本共産党's headquarters were built.
 *
 * @example bestSentences(sentenceGrams(text), query.sentenceWeights)[0]?.sentence
 */
export function bestSentences(sentences: readonly SentenceGrams[], query: BigramWeights, context: SentenceContext | null = null): SentenceMatch[] {
  if (query.total <= 0) return [];
  // The context's share of the query, found once; each sentence then takes back the part it holds itself.
  const implied = new Map<string, number>();
  if (context !== null && context.weight > 0) {
    for (const gram of context.grams) {
      const weight = query.weights.get(gram);
      if (weight !== undefined) implied.set(gram, weight * context.weight);
    }
  }
  let impliedTotal = 0;
  for (const weight of implied.values()) impliedTotal += weight;
  return sentences
    .map(({ sentence, grams }) => {
      let covered = impliedTotal;
      for (const gram of grams) covered += (query.weights.get(gram) ?? 0) - (implied.get(gram) ?? 0);
      return { sentence, coverage: covered / query.total };
    })
    .sort((left, right) => right.coverage - left.coverage || left.sentence.start - right.sentence.start);
}
