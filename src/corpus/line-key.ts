/**
 * Keys for comparing source lines. Display text is never normalised: a key only decides whether two
 * lines say the same thing (a repeated line, a heading that echoes a table-of-contents entry).
 */

/**
 * A leading list marker: a bullet, a list number (`1.`, `(2)`, `3)`), or a timestamp (`12:34`,
 * `[1:02:03]`). Applied to NFKC text, so full-width forms (`－`, `１．`) are covered.
 */
const LIST_MARKER =
  /^\s*(?:[-*+]\s+|[・•●○◦▪■□◆◇▶►▸‣]\s*|\d{1,3}[.)](?!\d)\s*|\(\d{1,3}\)\s*|\d{1,2}:\d{2}(?::\d{2})?\s+|\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)/u;
/** Marks that Japanese articles put before a heading (`■ 見出し`) rather than before a list item. */
const HEADING_MARK = /^\s*[■□◆◇▶►▸]/u;

/**
 * Whether `text` opens with a mark that only headings carry: `■ 見出し`, `◆見出し`, or a label in
 * lenticular brackets, `【展開②　実験】`, `【第1部】概況説明`.
 */
export function isMarkedHeading(text: string): boolean {
  const folded = text.normalize('NFKC');
  return HEADING_MARK.test(folded) || /^\s*【[^【】]{1,30}】/u.test(folded);
}

/** Markdown heading marks: `## 見出し`. */
const MARKDOWN_HEADING = /^\s*#{1,6}\s+/u;
/** A line wrapped in emphasis: `**見出し**`. */
const EMPHASIS = /^(\*\*|__)(.+)\1$/u;
/** A line between rules, as plain-text transcripts mark a part: `==== 本編 ====`, `――前半――`. */
const BANNER = /^[=＝─━―~～-]{2,}\s*([^=＝─━―~～-].*?)\s*[=＝─━―~～-]{2,}$/u;

/**
 * The list marker that opens `text`, spelled as in `text` (leading whitespace included), or '' when
 * there is none; `text.slice(marker.length)` is the item itself.
 *
 * @example listMarker('- 見出し') // '- '
 */
export function listMarker(text: string): string {
  return leading(text, LIST_MARKER);
}

/**
 * Whether `text` is an item of a list (`- 項目`, `1. 項目`, `00:12 発言`): marked, but not with a
 * heading mark such as `■`.
 */
export function isListItem(text: string): boolean {
  return listMarker(text) !== '' && !HEADING_MARK.test(text.normalize('NFKC'));
}

/** Whether `text` is a markdown heading (`## 見出し`), a line in bold (`**見出し**`) or between rules (`==== 本編 ====`). */
export function isMarkdownHeading(text: string): boolean {
  const folded = text.normalize('NFKC').trim();
  return MARKDOWN_HEADING.test(folded) || EMPHASIS.test(folded) || BANNER.test(folded);
}

/**
 * The text a reader sees once list and markdown marks are gone, in its original spelling.
 *
 * @example stripMarkup('- 見出し') // '見出し'
 */
export function stripMarkup(text: string): string {
  let out = text.trim();
  if (EMPHASIS.test(out.normalize('NFKC'))) out = [...out].slice(2, -2).join('').trim();
  const banner = BANNER.exec(out);
  if (banner?.[1] !== undefined) return banner[1].trim();
  const marker = leading(out, MARKDOWN_HEADING) || leading(out, LIST_MARKER);
  return out.slice(marker.length).trim();
}

/**
 * The comparison key of a line: markup stripped, NFKC, lower case, no whitespace.
 *
 * @example lineKey('－ ＡＩの未来') === lineKey('AIの未来') // true
 */
export function lineKey(text: string): string {
  return stripMarkup(text.normalize('NFKC')).toLowerCase().replace(/\s+/gu, '');
}

/** The length of a key in code points, the unit every shape limit is stated in. */
export function keyLength(key: string): number {
  return [...key].length;
}

/**
 * The prefix of `text` that `pattern` matches on its NFKC form, cut from the original. NFKC maps each
 * character these patterns can match (`－`, `＃`, `１`, ideographic space) to exactly one code point,
 * so counting code points carries the match back to the original spelling.
 */
function leading(text: string, pattern: RegExp): string {
  const match = pattern.exec(text.normalize('NFKC'));
  if (match === null) return '';
  return [...text].slice(0, [...match[0]].length).join('');
}
