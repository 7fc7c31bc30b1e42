import { createFieldIndex, type FieldScores } from './field-index.js';
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
  /** The words field's part of `score`, unweighted: what the rerank weighs a passage by. */
  readonly wordScore: number;
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
 * `coverage` is off: rewarding passages that cover the whole question (0.5 before) cost the bot's
 * own questions, whose words an answering line rarely all repeats (ask-dev 59 → 60/90, the held-out
 * set 26 → 29/40), and the distractor corpus (R@1 0.906 → 0.910), for 0.002 of jsquad-valid R@1.
 */
export const DEFAULT_LEXICAL_OPTIONS: LexicalOptions = {
  wordWeight: 2,
  bigramWeight: 1,
  coverage: 0,
  k1: 0.9,
  b: 0.75,
};

/**
 * A title up to this many characters names what its passages are about (梅雨, グスタフ・マーラー,
 * 国際連合平和維持活動); a longer one is a headline or a summary, about several things, each less
 * surely the subject of every passage under it. JSQuAD's titles are nearly all shorter (median 5,
 * 99th percentile 21); the transcripts' (title and section) run from 24 to over 100.
 */
const SUBJECT_TITLE_LENGTH = 24;

/**
 * How surely a title names the subject of every passage under it, 0..1: 1 up to
 * SUBJECT_TITLE_LENGTH characters, then less as the title grows.
 *
 * @example titleFocus('梅雨') // 1
 */
export function titleFocus(title: string): number {
  const length = [...title].length;
  return length <= SUBJECT_TITLE_LENGTH ? 1 : SUBJECT_TITLE_LENGTH / length;
}

/**
 * Terms in more than this share of documents say almost nothing (BM25 gives them near-zero IDF)
 * but cost a pass over most postings; they are left out of the query unless nothing rarer is left.
 */
const COMMON_TERM_SHARE = 0.2;
const MIN_KEPT_TERMS = 2;

function pruneCommonTerms(weights: Map<string, number>, frequency: (term: string) => number, documentCount: number): void {
  const limit = COMMON_TERM_SHARE * documentCount;
  const common = [...weights.keys()].filter((term) => frequency(term) > limit);
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
  /** A word's number in the words field (titles' words included), or -1; and back. */
  wordId(word: string): number;
  wordAt(id: number): string | undefined;
  search(query: LexicalQuery, limit: number): LexicalHit[];
}

const FIELDS = ['words', 'bigrams'] as const;

/**
 * Analyse and index documents once. Each field is an inverted index of its own (`field-index.ts`);
 * their BM25 scores are fused by weight, which keeps each field's contribution explicit and tunable.
 *
 * minisearch did this job first; at 100× the seed corpus it took 88 s and ~1 GB to build and
 * 1.4 s at p95 to query, against 10 s, ~190 MB and 64 ms for typed-array postings (bench:perf).
 *
 * @example const index = buildLexicalIndex(docs, analyzer); index.search({ words, bigrams }, 10);
 */
export function buildLexicalIndex(
  documents: readonly IndexedDocument[],
  analyzer: Analyzer,
  options: Partial<LexicalOptions> = {},
): LexicalIndex {
  const settings = { ...DEFAULT_LEXICAL_OPTIONS, ...options };
  const ids = documents.map((document) => document.id);
  const fields = { words: createFieldIndex(), bigrams: createFieldIndex() };
  // A title is analysed once however many paragraphs share it, and indexed with each of them as
  // context: frequencies count the texts alone, or a title repeated over every paragraph of a
  // transcript (or an article's passages) would look common and lose its weight in sentence scoring.
  const titles = new Map<string, Analysis>();
  for (const document of documents) {
    const analysis = document.analysis ?? analyzer.analyze(document.text);
    let title = titles.get(document.title);
    if (title === undefined) {
      title = analyzer.analyze(document.title);
      titles.set(document.title, title);
    }
    const focus = titleFocus(document.title);
    fields.words.add(analysis.words, title.words, focus);
    fields.bigrams.add(analysis.bigrams, title.bigrams, focus);
  }
  for (const field of FIELDS) fields[field].freeze();

  function scoreField(field: (typeof FIELDS)[number], terms: readonly WeightedTerm[]): FieldScores & { readonly totalWeight: number } {
    const weights = new Map<string, number>();
    for (const { term, weight } of terms) weights.set(term, (weights.get(term) ?? 0) + weight);
    pruneCommonTerms(weights, fields[field].ownFrequency, documents.length);
    let totalWeight = 0;
    for (const weight of weights.values()) totalWeight += weight;
    return { ...fields[field].score(weights, settings.k1, settings.b), totalWeight };
  }

  return {
    documentCount: documents.length,
    documentFrequency: (word) => fields.words.ownFrequency(word),
    bigramFrequency: (bigram) => fields.bigrams.ownFrequency(bigram),
    vocabulary: () => fields.words.ownTerms(),
    wordId: (word) => fields.words.termId(word),
    wordAt: (id) => fields.words.termAt(id),
    search(query, limit) {
      const words = scoreField('words', query.words);
      const bigrams = scoreField('bigrams', query.bigrams);
      const candidates = new Set([...words.touched, ...bigrams.touched]);
      const fused: Array<readonly [number, number]> = [];
      for (const document of candidates) {
        let score = settings.wordWeight * (words.scores[document] ?? 0) + settings.bigramWeight * (bigrams.scores[document] ?? 0);
        if (settings.coverage !== 0) {
          const covered = bigrams.totalWeight > 0 ? (bigrams.matchedWeight[document] ?? 0) / bigrams.totalWeight : 0;
          score *= (covered > 0 ? covered : NO_COVERAGE) ** settings.coverage;
        }
        fused.push([document, score]);
      }
      return topScores(fused, limit).map(([document, score]) => ({
        id: ids[document] ?? String(document),
        score,
        wordScore: words.scores[document] ?? 0,
        matchedWords: [...new Set(query.words.map((word) => word.term))].filter((word) => fields.words.contains(word, document)),
      }));
    },
  };
}

/** Coverage assumed for a document that matched no bigram (only words): small, never zero. */
const NO_COVERAGE = 0.01;

/** The `limit` highest scores, best first (ties by document order), without sorting them all. */
function topScores(entries: ReadonlyArray<readonly [number, number]>, limit: number): Array<readonly [number, number]> {
  const better = (left: readonly [number, number], right: readonly [number, number]): boolean =>
    left[1] > right[1] || (left[1] === right[1] && left[0] < right[0]);
  if (entries.length <= limit * 4) return [...entries].sort((left, right) => (better(left, right) ? -1 : 1)).slice(0, limit);
  // A min-heap of the best `limit` so far; its root is the weakest of them.
  const heap: Array<readonly [number, number]> = [];
  const swap = (i: number, j: number): void => {
    const held = heap[i] as readonly [number, number];
    heap[i] = heap[j] as readonly [number, number];
    heap[j] = held;
  };
  const weaker = (i: number, j: number): boolean => better(heap[j] as readonly [number, number], heap[i] as readonly [number, number]);
  for (const entry of entries) {
    if (heap.length < limit) {
      heap.push(entry);
      for (let i = heap.length - 1; i > 0 && weaker(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (heap[0] !== undefined && better(entry, heap[0])) {
      heap[0] = entry;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && weaker(left, smallest)) smallest = left;
        if (right < heap.length && weaker(right, smallest)) smallest = right;
        if (smallest === i) break;
        swap(i, smallest);
        i = smallest;
      }
    }
  }
  return heap.sort((left, right) => (better(left, right) ? -1 : 1));
}
