import MiniSearch from 'minisearch';
import type { Analysis, Analyzer } from '../text/analyze.js';

/** What the lexical index takes: any passage with an id, a title (context) and its text. */
export interface IndexedDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** The text's analysis when already made (in parallel, see `analyzeAll`); made here otherwise. */
  readonly analysis?: Analysis;
}

/** A query term with its weight (1 for the user's own words; less for derived alternatives). */
export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
}

export interface LexicalQuery {
  readonly words: readonly WeightedTerm[];
  readonly bigrams: readonly WeightedTerm[];
}

export interface LexicalHit {
  readonly id: string;
  readonly score: number;
  /** Query words (not bigrams) the document contains. */
  readonly matchedWords: readonly string[];
}

export interface LexicalOptions {
  /** Field weights in the fused score. */
  readonly wordWeight: number;
  readonly bigramWeight: number;
  /**
   * Exponent on the share of the query's bigram weight a document matches: rewards passages that
   * cover the whole question over ones that repeat a part of it.
   */
  readonly coverage: number;
  /** BM25 saturation and length normalisation. */
  readonly k1: number;
  readonly b: number;
}

/**
 * Tuned on JSQuAD (see bench/retrieval.ts and the README's figures); one setting for every corpus.
 */
export const DEFAULT_LEXICAL_OPTIONS: LexicalOptions = {
  wordWeight: 2,
  bigramWeight: 1,
  coverage: 0.5,
  k1: 0.9,
  b: 0.75,
};

/**
 * Terms in more than this share of documents say almost nothing (BM25 gives them near-zero IDF)
 * but cost a pass over most postings; they are left out of the query unless nothing rarer is left.
 */
const COMMON_TERM_SHARE = 0.2;
const MIN_KEPT_TERMS = 2;

function pruneCommonTerms(weights: Map<string, number>, frequency: ReadonlyMap<string, number>, documentCount: number): void {
  const limit = COMMON_TERM_SHARE * documentCount;
  const common = [...weights.keys()].filter((term) => (frequency.get(term) ?? 0) > limit);
  if (weights.size - common.length < MIN_KEPT_TERMS) return;
  for (const term of common) weights.delete(term);
}

export interface LexicalIndex {
  readonly documentCount: number;
  /** How many documents contain a word (words field), for excerpt scoring and query translation. */
  documentFrequency(word: string): number;
  /** How many documents contain a bigram (bigrams field), for sentence-level scoring. */
  bigramFrequency(bigram: string): number;
  /** Every distinct word of the words field; read by transliteration to find spelling variants. */
  vocabulary(): IterableIterator<string>;
  search(query: LexicalQuery, limit: number): LexicalHit[];
}

interface FieldDocument {
  readonly id: number;
  readonly words: string;
  readonly bigrams: string;
}

const SEPARATOR = ' ';

/**
 * Analyse and index documents once. Each field is searched on its own and the BM25 scores are
 * fused by weight, which keeps each field's contribution explicit and tunable.
 *
 * @example const index = buildLexicalIndex(docs, analyzer); index.search(toLexicalQuery(analyzer.analyze(q)), 10);
 */
export function buildLexicalIndex(
  documents: readonly IndexedDocument[],
  analyzer: Analyzer,
  options: Partial<LexicalOptions> = {},
): LexicalIndex {
  const settings = { ...DEFAULT_LEXICAL_OPTIONS, ...options };
  const miniSearch = new MiniSearch<FieldDocument>({
    fields: ['words', 'bigrams'],
    tokenize: (text) => text.split(SEPARATOR),
    processTerm: (term) => (term === '' ? null : term),
    searchOptions: { bm25: { k: settings.k1, b: settings.b, d: 0 } },
  });
  const ids = documents.map((document) => document.id);
  const documentFrequency = new Map<string, number>();
  const bigramFrequency = new Map<string, number>();
  // A title is analysed once however many paragraphs share it, and indexed with each of them.
  const titles = new Map<string, Analysis>();
  const batch: FieldDocument[] = [];
  documents.forEach((document, position) => {
    const analysis = document.analysis ?? analyzer.analyze(document.text);
    for (const word of new Set(analysis.words)) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    for (const gram of new Set(analysis.bigrams)) bigramFrequency.set(gram, (bigramFrequency.get(gram) ?? 0) + 1);
    let title = titles.get(document.title);
    if (title === undefined) {
      title = analyzer.analyze(document.title);
      titles.set(document.title, title);
    }
    batch.push({
      id: position,
      words: [...title.words, ...analysis.words].join(SEPARATOR),
      bigrams: [...title.bigrams, ...analysis.bigrams].join(SEPARATOR),
    });
  });
  miniSearch.addAll(batch);
  batch.length = 0;

  function searchField(field: keyof Omit<FieldDocument, 'id'>, terms: readonly WeightedTerm[]): Map<number, { score: number; terms: string[]; coverage: number }> {
    const scores = new Map<number, { score: number; terms: string[]; coverage: number }>();
    if (terms.length === 0) return scores;
    const weights = new Map<string, number>();
    for (const { term, weight } of terms) weights.set(term, (weights.get(term) ?? 0) + weight);
    pruneCommonTerms(weights, field === 'words' ? documentFrequency : bigramFrequency, documents.length);
    let totalWeight = 0;
    for (const weight of weights.values()) totalWeight += weight;
    const results = miniSearch.search(
      { combineWith: 'OR', queries: [...weights.keys()] },
      { fields: [field], boostTerm: (term) => weights.get(term) ?? 0 },
    );
    for (const result of results) {
      if (typeof result.id !== 'number') continue;
      // minisearch multiplies by the number of matched terms; undo it so fields fuse on plain BM25.
      let matchedWeight = 0;
      for (const term of result.queryTerms) matchedWeight += weights.get(term) ?? 0;
      scores.set(result.id, {
        score: result.score / Math.max(1, result.queryTerms.length),
        terms: result.queryTerms,
        coverage: totalWeight > 0 ? matchedWeight / totalWeight : 0,
      });
    }
    return scores;
  }

  return {
    documentCount: documents.length,
    documentFrequency: (word) => documentFrequency.get(word) ?? 0,
    bigramFrequency: (bigram) => bigramFrequency.get(bigram) ?? 0,
    vocabulary: () => documentFrequency.keys(),
    search(query, limit) {
      const words = searchField('words', query.words);
      const bigrams = searchField('bigrams', query.bigrams);
      const fused = new Map<number, number>();
      const add = (field: Map<number, { score: number }>, weight: number): void => {
        for (const [id, { score }] of field) fused.set(id, (fused.get(id) ?? 0) + weight * score);
      };
      add(words, settings.wordWeight);
      add(bigrams, settings.bigramWeight);
      if (settings.coverage !== 0) {
        for (const [id, score] of fused) fused.set(id, score * (bigrams.get(id)?.coverage ?? 0.01) ** settings.coverage);
      }
      return [...fused.entries()]
        .sort((left, right) => right[1] - left[1] || left[0] - right[0])
        .slice(0, limit)
        .map(([position, score]) => ({
          id: ids[position] ?? String(position),
          score,
          matchedWords: words.get(position)?.terms ?? [],
        }));
    },
  };
}
