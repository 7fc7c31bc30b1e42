import type { Corpus, Paragraph, Transcript } from '../corpus/types.js';
import type { Analysis, Analyzer } from '../text/analyze.js';
import type { Lexicon } from '../text/lexicon/lexicon.js';
import { normalizeForMatch } from '../text/normalize.js';
import { buildExcerpt, markWords, type Excerpt } from './excerpt.js';
import { createSearchEngine, type PreparedQuery, type SearchEngine } from './search-engine.js';

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
  prepare(query: string): PreparedQuery;
  retrieve(query: PreparedQuery, options: RetrieveOptions): RetrievedPassage[];
  /** Spans of an excerpt's text that match the query's words (and their variants). */
  marks(text: string, query: PreparedQuery): Array<[number, number]>;
  /** How many distinct paragraphs match, counted up to `cap`. */
  count(query: PreparedQuery, cap: number): number;
  /** The paragraph at a file and line, if that line is indexed content. */
  paragraphAt(file: string, line: number): { paragraph: Paragraph; transcript: Transcript } | null;
  transcript(file: string): Transcript | null;
}

/** How far past the requested count the lexical search reaches, to survive filtering and merging. */
const OVERFETCH = 2;
const MIN_FETCH = 30;

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
): Retriever {
  const entries = new Map<string, { paragraph: Paragraph; transcript: Transcript }>();
  for (const transcript of corpus.transcripts) {
    for (const paragraph of transcript.paragraphs) entries.set(paragraph.id, { paragraph, transcript });
  }
  const engine = createSearchEngine(
    [...entries.values()].map(({ paragraph, transcript }, position) => ({
      id: paragraph.id,
      title: paragraph.section === null ? transcript.title : `${transcript.title} ${paragraph.section}`,
      text: paragraph.text,
      analysis: analyses[position],
    })),
    analyzer,
    {},
    lexicon,
  );
  const transcripts = new Map(corpus.transcripts.map((transcript) => [transcript.file, transcript]));

  return {
    corpus,
    analyzer,
    engine,
    prepare: (query) => engine.prepare(query),
    retrieve(query, options) {
      const fetch = Math.max(MIN_FETCH, options.limit * OVERFETCH);
      const queryWords = new Set(query.words.map((word) => word.term));
      const results: RetrievedPassage[] = [];
      // The same words in two files (a repost, a quoted passage) are one result citing both places.
      const duplicatesByText = new Map<string, Paragraph[]>();
      for (const hit of engine.search(query, fetch)) {
        const entry = entries.get(hit.id);
        if (entry === undefined || (options.filter !== undefined && !options.filter(entry.paragraph))) continue;
        const key = textKey(entry.paragraph);
        const duplicates = duplicatesByText.get(key);
        if (duplicates !== undefined) {
          duplicates.push(entry.paragraph);
          continue;
        }
        if (results.length >= options.limit) continue;
        const ownDuplicates: Paragraph[] = [];
        duplicatesByText.set(key, ownDuplicates);
        results.push({
          ...entry,
          score: hit.score,
          excerpt: buildExcerpt(entry.paragraph.text, query.sentenceWeights, queryWords, analyzer),
          wordCoverage: wordCoverage(query, new Set(hit.matchedWords), engine),
          duplicates: ownDuplicates,
        });
      }
      return results;
    },
    marks(text, query) {
      return markWords(text, new Set(query.words.map((word) => word.term)), analyzer);
    },
    count(query, cap) {
      const texts = new Set<string>();
      for (const hit of engine.search(query, cap * OVERFETCH)) {
        const entry = entries.get(hit.id);
        if (entry !== undefined) texts.add(textKey(entry.paragraph));
        if (texts.size >= cap) break;
      }
      return texts.size;
    },
    paragraphAt(file, line) {
      return entries.get(`${file}:${line}`) ?? null;
    },
    transcript: (file) => transcripts.get(file) ?? null,
  };
}

function textKey(paragraph: Paragraph): string {
  return normalizeForMatch(paragraph.text).replace(/\s+/gu, '');
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
