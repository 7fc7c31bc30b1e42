import type { Paragraph } from '../corpus/types.js';
import type { Retriever } from '../search/retriever.js';
import { resolveSpeaker } from './quote.js';
import { readQueryText } from './query-text.js';
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
 * Ranked excerpts for a query, one page at a time.
 *
 * @example search({ retriever }, { query: 'スケーリング則', page: 1, pageSize: 5, speaker: 'Ilya' })
 */
export function search(deps: { readonly retriever: Retriever }, options: SearchOptions): SearchResult {
  const query = readQueryText(options.query);
  if (!Number.isInteger(options.page) || options.page < 1) throw new UserError('bad_option', { option: 'page' });
  const speaker = options.speaker === undefined || options.speaker.trim() === '' ? null : resolveSpeaker(deps.retriever.corpus, options.speaker);
  const filter = speaker === null ? undefined : (paragraph: Paragraph): boolean => paragraph.speaker !== null && speaker.paragraphNames.has(paragraph.speaker);
  const prepared = deps.retriever.prepare(query);
  // The retriever filters after fetching, and `count` knows no filter: a speaker's matches are
  // fetched as deep as paging reaches, counted, and paged from that one list.
  const filtered = filter === undefined ? null : deps.retriever.retrieve(prepared, { limit: MAX_SEARCH_RESULTS, filter });
  const total = filtered === null ? deps.retriever.count(prepared, MAX_SEARCH_RESULTS) : filtered.length;
  const pageCount = Math.max(1, Math.ceil(total / options.pageSize));
  const page = Math.min(options.page, pageCount);
  const results = (filtered ?? deps.retriever.retrieve(prepared, { limit: page * options.pageSize }))
    .slice((page - 1) * options.pageSize, page * options.pageSize)
    .map((passage) => toResultItem(passage, deps.retriever.marks(passage, prepared)));
  return { command: 'search', query, page, pageCount, pageSize: options.pageSize, total, searchedAs: prepared.alternatives, speaker: speaker?.name ?? null, results };
}
