/**
 * A string as a regular expression that matches it literally (a name or option read from input,
 * to be built into a pattern).
 *
 * @example new RegExp(`${escapeRegExp('C++')}さん`, 'u').test('C++さん') // true
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
