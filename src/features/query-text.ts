import { stripInvisible } from '../text/normalize.js';
import { UserError } from './user-error.js';

/** Longest question or query accepted, in code points: a paragraph, not a document. */
export const MAX_QUERY_LENGTH = 500;

/** Discord's mentions, channel links and custom emoji (`<@123>`, `<@&42>`, `<#7>`, `<:name:99>`), and @everyone / @here. */
const DISCORD_TOKEN = /<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b/gu;
/** Markdown that only formats: code fences and backticks, bold, underline, spoiler and strike-through marks. */
const MARKDOWN_MARK = /```[A-Za-z]*|`|\*\*|__|\|\||~~/gu;

/**
 * Clean what a user typed (invisible and control characters out, spaces trimmed) and refuse what
 * cannot be searched, with a reason the user can act on. The text is what the reply echoes; search
 * with `searchableText` of it.
 *
 * @example readQueryText('  原子力\u200b ') // '原子力'
 */
export function readQueryText(raw: string): string {
  const text = stripInvisible(raw).replace(/\s+/gu, ' ').trim();
  if (text === '') throw new UserError('empty_query');
  const length = [...text].length;
  if (length > MAX_QUERY_LENGTH) throw new UserError('query_too_long', { length, max: MAX_QUERY_LENGTH });
  if (!/[\p{L}\p{N}]/u.test(searchableText(text))) throw new UserError('no_searchable_words');
  return text;
}

/**
 * The words of a cleaned query, without Discord's mentions and formatting marks: a question that
 * pings @everyone is searched for its words, not for "everyone".
 *
 * @example searchableText('<@123> **原子力** @everyone') // '原子力'
 */
export function searchableText(text: string): string {
  return text.replace(DISCORD_TOKEN, ' ').replace(MARKDOWN_MARK, ' ').replace(/\s+/gu, ' ').trim();
}
