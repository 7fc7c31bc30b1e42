import type { Retriever } from '../search/retriever.js';
import { readQueryText } from './query-text.js';
import { toResultItem, type ResultItem } from './result-item.js';
import { UserError } from './user-error.js';

export interface SearchOptions {
  readonly query: string;
  /** 1-based page number. */
  readonly page: number;
  readonly pageSize: number;
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
  readonly results: readonly ResultItem[];
}

/** Paging reaches this many results; past it a query is too broad to page through usefully. */
export const MAX_SEARCH_RESULTS = 100;

/**
 * Ranked excerpts for a query, one page at a time.
 *
 * @example search({ retriever }, { query: 'スケーリング則', page: 1, pageSize: 5 })
 */
export function search(deps: { readonly retriever: Retriever }, options: SearchOptions): SearchResult {
  const query = readQueryText(options.query);
  if (!Number.isInteger(options.page) || options.page < 1) throw new UserError('bad_option', { option: 'page' });
  const prepared = deps.retriever.prepare(query);
  const total = deps.retriever.count(prepared, MAX_SEARCH_RESULTS);
  const pageCount = Math.max(1, Math.ceil(total / options.pageSize));
  const page = Math.min(options.page, pageCount);
  const results = deps.retriever
    .retrieve(prepared, { limit: page * options.pageSize })
    .slice((page - 1) * options.pageSize)
    .map((passage) => toResultItem(passage, deps.retriever.marks(passage.excerpt.text, prepared)));
  return { command: 'search', query, page, pageCount, pageSize: options.pageSize, total, searchedAs: prepared.alternatives, results };
}
