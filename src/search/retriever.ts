import type { Corpus, Paragraph, Transcript } from '../corpus/types.js';
import type { Analysis, Analyzer } from '../text/analyze.js';
import type { Lexicon } from '../text/lexicon/lexicon.js';
import { unspacedKey } from '../text/normalize.js';
import type { Embedder } from './embedder.js';
import { BoundedMemo } from './bounded-memo.js';
import { buildExcerpt, markWords, type Excerpt, type SliceWords } from './excerpt.js';
import { fuseLexicalAndVector } from './fuse.js';
import { createSearchEngine, type PreparedQuery, type SearchEngine } from './search-engine.js';
import { storeParagraphWords } from './paragraph-words.js';
import type { VectorIndex } from './vector-index.js';

/** A paragraph found for a query, with its excerpt and the other places the same words stand. */
export interface RetrievedPassage {
  readonly paragraph: Paragraph;
  readonly transcript: Transcript;
  readonly score: number;
  readonly excerpt: Excerpt;
  /** Share of the query's content words (counting spelling variants) this paragraph contains, 0..1. */
  readonly wordCoverage: number;
  /** Identical paragraphs elsewhere in the material, merged into this result. */
  readonly duplicates: readonly Paragraph[];
  /** Where each side ranked this passage, when retrieval was hybrid. */
  readonly hybrid?: HybridEvidence;
}

export interface HybridEvidence {
  /** 1-based rank in the lexical and in the vector list; null when outside the fetched depth. */
  readonly lexicalRank: number | null;
  readonly vectorRank: number | null;
  /** Cosine similarity of the passage to the question. */
  readonly similarity: number;
}

/** Passage vectors, one row per paragraph in corpus order, and the model that made them. */
export interface SemanticIndex {
  readonly embedder: Embedder;
  readonly vectors: VectorIndex;
}

export interface PrepareOptions {
  /** Also embed the query (when a model is loaded), making retrieval hybrid; for questions, not keyword search. */
  readonly semantic?: boolean;
}

export interface RetrieveOptions {
  readonly limit: number;
  /** Keep only paragraphs this returns true for (e.g. one speaker, one file). */
  readonly filter?: (paragraph: Paragraph) => boolean;
}

/** One interface over whatever finds passages: the features see only this. */
export interface Retriever {
  readonly corpus: Corpus;
  readonly analyzer: Analyzer;
  readonly engine: SearchEngine;
  /** The passage vectors, or null when retrieval is lexical only. */
  readonly semantic: SemanticIndex | null;
  prepare(query: string, options?: PrepareOptions): PreparedQuery;
  retrieve(query: PreparedQuery, options: RetrieveOptions): RetrievedPassage[];
  /** Spans of a passage's excerpt (offsets in the excerpt) that match the query's words (and their variants). */
  marks(passage: Pick<RetrievedPassage, 'paragraph' | 'excerpt'>, query: PreparedQuery): Array<[number, number]>;
  /** How many distinct paragraphs match, counted up to `cap`. */
  count(query: PreparedQuery, cap: number): number;
  /** The paragraph at a file and line, if that line is indexed content. */
  paragraphAt(file: string, line: number): { paragraph: Paragraph; transcript: Transcript } | null;
  /**
   * A given paragraph as a passage for `query` (its excerpt, its word coverage, score 0), whether or
   * not the search reached it: the answer that follows a question line, say.
   */
  passageFor(paragraph: Paragraph, query: PreparedQuery): RetrievedPassage | null;
  transcript(file: string): Transcript | null;
}

/** How far past the requested count the lexical search reaches, to survive filtering and merging. */
const OVERFETCH = 2;
const MIN_FETCH = 30;
const FILTERED_FETCH = 1_000;
/** Paragraphs whose duplicate-finding key is kept ready. */
const TEXT_KEY_MEMO_SIZE = 4_096;

/**
 * Index a corpus's paragraphs (with their transcript title and section as context) for retrieval.
 *
 * @example const retriever = buildRetriever(corpus, analyzer); retriever.retrieve(retriever.prepare('原子力'), { limit: 5 });
 */
export function buildRetriever(
  corpus: Corpus,
  analyzer: Analyzer,
  lexicon: Lexicon | null = null,
  /** The paragraphs' analyses, in corpus order, when made beforehand (`analyzeAll`). */
  analyses: readonly Analysis[] = [],
  semantic: SemanticIndex | null = null,
): Retriever {
  const entries = new Map<string, { paragraph: Paragraph; transcript: Transcript }>();
  for (const transcript of corpus.transcripts) {
    for (const paragraph of transcript.paragraphs) entries.set(paragraph.id, { paragraph, transcript });
  }
  /** The lines a sentence run on from its first line (`lineEnd`) find the paragraph they belong to. */
  const continuations = new Map<string, { paragraph: Paragraph; transcript: Transcript }>();
  for (const entry of entries.values()) {
    const { paragraph } = entry;
    for (let line = paragraph.line + 1; line <= (paragraph.lineEnd ?? paragraph.line); line += 1) continuations.set(`${paragraph.file}:${line}`, entry);
  }
  const positions = new Map([...entries.keys()].map((id, position) => [id, position]));
  const texts = [...entries.values()].map(({ paragraph }) => paragraph.text);
  const analysed = analyses.length === texts.length ? analyses : texts.map((text) => analyzer.analyze(text));
  const engine = createSearchEngine(
    [...entries.values()].map(({ paragraph, transcript }, position) => ({
      id: paragraph.id,
      title: paragraph.section === null ? transcript.title : `${transcript.title} ${paragraph.section}`,
      text: paragraph.text,
      analysis: analysed[position],
    })),
    analyzer,
    {},
    lexicon,
  );
  // Kept from indexing, so that no answer runs kuromoji over a paragraph again.
  const stored = storeParagraphWords(analysed, engine.index);
  const textKeys = new BoundedMemo<Paragraph, string>(TEXT_KEY_MEMO_SIZE);
  const textKeyOf = (paragraph: Paragraph): string => textKeys.get(paragraph, () => textKey(paragraph));
  /** The words of a stretch of an indexed paragraph, from its stored words (only cut clauses analysed). */
  function wordsOf(paragraph: Paragraph): SliceWords {
    const position = positions.get(paragraph.id);
    if (position === undefined) return (start, end) => analyzer.wordSpans(paragraph.text.slice(start, end));
    return (start, end) => analyzer.sliceSpans(paragraph.text, stored.morphemeSpans(position), start, end);
  }
  function wordsIn(paragraph: Paragraph): readonly string[] {
    const position = positions.get(paragraph.id);
    return position === undefined ? analyzer.analyze(paragraph.text).words : stored.words(position);
  }
  function excerptOf(paragraph: Paragraph, query: PreparedQuery, queryWords: ReadonlySet<string>): Excerpt {
    return buildExcerpt(paragraph.text, engine.sentencesOf(paragraph.id), query.sentenceWeights, queryWords, wordsOf(paragraph));
  }
  const transcripts = new Map(corpus.transcripts.map((transcript) => [transcript.file, transcript]));
  // Built only for hybrid retrieval: lexical-only retrieval pays nothing for the vector side.
  const rowIds = semantic === null ? [] : [...entries.keys()];
  if (semantic !== null && semantic.vectors.size !== rowIds.length) {
    throw new Error(`semantic index has ${semantic.vectors.size} rows for ${rowIds.length} paragraphs`);
  }

  /** The ranked hits to read: lexical alone, or lexical and vector lists fused by rank. */
  function rankedHits(query: PreparedQuery, fetch: number): RankedHit[] {
    const lexical = engine.search(query, fetch);
    const vector = query.vector;
    if (semantic === null || vector === undefined || vector === null) return lexical;
    const nearest = semantic.vectors.search(vector, fetch);
    const similarity = new Map(nearest.map((hit) => [rowIds[hit.row] ?? '', hit.similarity]));
    const matched = new Map(lexical.map((hit) => [hit.id, hit.matchedWords]));
    const fused = fuseLexicalAndVector(
      lexical.map((hit) => hit.id),
      nearest,
      semantic.vectors.meanSimilarity(vector),
      (row) => rowIds[row] ?? '',
    );
    return fused.map((hit) => ({
      id: hit.id,
      score: hit.score,
      matchedWords: matched.get(hit.id) ?? null,
      hybrid: { lexicalRank: hit.ranks[0] ?? null, vectorRank: hit.ranks[1] ?? null, similarity: similarity.get(hit.id) ?? cosine(vector, hit.id) },
    }));
  }

  const rowOf = new Map(rowIds.map((id, row) => [id, row]));
  function cosine(vector: Float32Array, id: string): number {
    const row = rowOf.get(id);
    return row === undefined || semantic === null ? 0 : semantic.vectors.similarity(vector, row);
  }

  return {
    corpus,
    analyzer,
    engine,
    semantic,
    prepare(query, options = {}) {
      const prepared = engine.prepare(query);
      if (options.semantic !== true || semantic === null) return prepared;
      return { ...prepared, vector: semantic.embedder.embedQuery(query) };
    },
    retrieve(query, options) {
      // A filter (one speaker, one file) may keep few of the best hits: reach much deeper then.
      const fetch = options.filter === undefined ? Math.max(MIN_FETCH, options.limit * OVERFETCH) : Math.max(FILTERED_FETCH, options.limit * OVERFETCH);
      const queryWords = new Set(query.words.map((word) => word.term));
      const results: RetrievedPassage[] = [];
      // The same words in two files (a repost, a quoted passage) are one result citing both places.
      const duplicatesByText = new Map<string, Paragraph[]>();
      for (const hit of rankedHits(query, fetch)) {
        const entry = entries.get(hit.id);
        if (entry === undefined || (options.filter !== undefined && !options.filter(entry.paragraph))) continue;
        const key = textKeyOf(entry.paragraph);
        const duplicates = duplicatesByText.get(key);
        if (duplicates !== undefined) {
          duplicates.push(entry.paragraph);
          continue;
        }
        if (results.length >= options.limit) continue;
        const ownDuplicates: Paragraph[] = [];
        duplicatesByText.set(key, ownDuplicates);
        // A passage only the vectors found was not scored lexically: read its words now.
        const matchedWords = hit.matchedWords ?? wordsIn(entry.paragraph);
        results.push({
          ...entry,
          score: hit.score,
          excerpt: excerptOf(entry.paragraph, query, queryWords),
          wordCoverage: wordCoverage(query, new Set(matchedWords), engine),
          duplicates: ownDuplicates,
          ...(hit.hybrid === undefined ? {} : { hybrid: hit.hybrid }),
        });
      }
      return results;
    },
    marks({ paragraph, excerpt }, query) {
      return markWords(wordsOf(paragraph)(excerpt.start, excerpt.end), new Set(query.words.map((word) => word.term)));
    },
    count(query, cap) {
      const keys = new Set<string>();
      for (const hit of engine.search(query, cap * OVERFETCH)) {
        const entry = entries.get(hit.id);
        if (entry !== undefined) keys.add(textKeyOf(entry.paragraph));
        if (keys.size >= cap) break;
      }
      return keys.size;
    },
    paragraphAt(file, line) {
      return entries.get(`${file}:${line}`) ?? continuations.get(`${file}:${line}`) ?? null;
    },
    passageFor(paragraph, query) {
      const entry = entries.get(paragraph.id);
      if (entry === undefined) return null;
      const queryWords = new Set(query.words.map((word) => word.term));
      return {
        ...entry,
        score: 0,
        excerpt: excerptOf(paragraph, query, queryWords),
        wordCoverage: wordCoverage(query, new Set(wordsIn(paragraph)), engine),
        duplicates: [],
      };
    },
    transcript: (file) => transcripts.get(file) ?? null,
  };
}

interface RankedHit {
  readonly id: string;
  readonly score: number;
  /** Null when the lexical search did not reach the passage (found by its vector alone). */
  readonly matchedWords: readonly string[] | null;
  readonly hybrid?: HybridEvidence;
}

function textKey(paragraph: Paragraph): string {
  return unspacedKey(paragraph.text);
}

/**
 * IDF-weighted share of the query's own words a paragraph matched, where a spelling variant
 * (アルトマン for altman) stands for the word it came from.
 */
function wordCoverage(query: PreparedQuery, matched: ReadonlySet<string>, engine: SearchEngine): number {
  let total = 0;
  let found = 0;
  const count = engine.index.documentCount;
  for (const word of new Set(query.analysis.words)) {
    const df = engine.index.documentFrequency(word);
    const variants = query.variants.get(word) ?? [];
    const variantDf = Math.max(df, ...variants.map((variant) => engine.index.documentFrequency(variant)));
    const idf = Math.log(1 + (count - variantDf + 0.5) / (variantDf + 0.5));
    total += idf;
    if (matched.has(word) || variants.some((variant) => matched.has(variant))) found += idf;
  }
  return total > 0 ? found / total : 0;
}
