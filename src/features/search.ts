import type { Paragraph } from '../corpus/types.js';
import type { Retriever } from '../search/retriever.js';
import { resolveSpeaker } from './quote.js';
import { readQueryText, searchableText } from './query-text.js';
import { toResultItem, type ResultItem } from './result-item.js';
import { UserError } from './user-error.js';

export interface SearchOptions {
  readonly query: string;
  /** 1-based page number. */
  readonly page: number;
  readonly pageSize: number;
  /** Only paragraphs this speaker says (any alias); absent or empty for everyone. */
  readonly speaker?: string | undefined;
}

export interface SearchResult {
  readonly command: 'search';
  readonly query: string;
  readonly page: number;
  readonly pageCount: number;
  readonly pageSize: number;
  /** Matching paragraphs, counted up to MAX_SEARCH_RESULTS. */
  readonly total: number;
  readonly searchedAs: readonly string[];
  /** The canonical speaker the search was limited to, or null. */
  readonly speaker: string | null;
  readonly results: readonly ResultItem[];
}

/** Paging reaches this many results; past it a query is too broad to page through usefully. */
export const MAX_SEARCH_RESULTS = 100;

/**
 * A line matches when its excerpt shows the query's words (in some spelling) holding at least this
 * share of their weight, or one of its sentences holds this share of the query's characters (a
 * compound or dialect the dictionary splits otherwise). A line with only the commonest word of the
 * query (データ of データセンター), or with the word only in its transcript's title, does not count.
 */
const MIN_COVERAGE = 0.5;

/**
 * Ranked excerpts for a query, one page at a time.
 *
 * @example search({ retriever }, { query: 'スケーリング則', page: 1, pageSize: 5, speaker: 'Ilya' })
 */
export function search(deps: { readonly retriever: Retriever }, options: SearchOptions): SearchResult {
  const query = readQueryText(options.query);
  if (!Number.isInteger(options.page) || options.page < 1) throw new UserError('bad_option', { option: 'page' });
  const speaker = options.speaker === undefined || options.speaker.trim() === '' ? null : resolveSpeaker(deps.retriever.corpus, options.speaker);
  const filter = speaker === null ? undefined : (paragraph: Paragraph): boolean => paragraph.speaker !== null && speaker.paragraphNames.has(paragraph.speaker);
  const prepared = deps.retriever.prepare(searchableText(query));
  // Matches are fetched as deep as paging reaches, counted and paged from that one list, so the
  // count is of lines that match, not of every line that shares two characters with the query.
  const matching = deps.retriever
    .retrieve(prepared, { limit: MAX_SEARCH_RESULTS, ...(filter === undefined ? {} : { filter }) })
    .map((passage) => ({ passage, marks: deps.retriever.marks(passage, prepared) }))
    .filter(({ passage, marks }) => (marks.length > 0 && passage.wordCoverage >= MIN_COVERAGE) || passage.excerpt.coverage >= MIN_COVERAGE);
  const total = matching.length;
  const pageCount = Math.max(1, Math.ceil(total / options.pageSize));
  const page = Math.min(options.page, pageCount);
  const results = matching
    .slice((page - 1) * options.pageSize, page * options.pageSize)
    .map(({ passage, marks }) => toResultItem(passage, marks));
  return { command: 'search', query, page, pageCount, pageSize: options.pageSize, total, searchedAs: prepared.alternatives, speaker: speaker?.name ?? null, results };
}
