import { stripInvisible } from '../text/normalize.js';
import { UserError } from './user-error.js';

/** Longest question or query accepted, in code points: a paragraph, not a document. */
export const MAX_QUERY_LENGTH = 500;

/**
 * Clean what a user typed (invisible and control characters out, spaces trimmed) and refuse what
 * cannot be searched, with a reason the user can act on.
 *
 * @example readQueryText('  原子力\u200b ') // '原子力'
 */
export function readQueryText(raw: string): string {
  const text = stripInvisible(raw).replace(/\s+/gu, ' ').trim();
  if (text === '') throw new UserError('empty_query');
  const length = [...text].length;
  if (length > MAX_QUERY_LENGTH) throw new UserError('query_too_long', { length, max: MAX_QUERY_LENGTH });
  if (!/[\p{L}\p{N}]/u.test(text)) throw new UserError('no_searchable_words');
  return text;
}
