/** A sentence as a span of its paragraph: `text === paragraph.slice(start, end)`. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Split a paragraph after sentence-final punctuation (。!?!? and their closing brackets, or `. `
 * in Latin text). Leading and trailing spaces stay outside the spans; no span is empty.
 *
 * @example splitSentences('ほな。始めるで!') // [{ start: 0, end: 3, text: 'ほな。' }, { start: 3, end: 8, ... }]
 */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const boundary = /[。!?!?…]+[」』)）"”]*|\.(?=\s)|\n+/gu;
  let start = 0;
  const push = (end: number): void => {
    let from = start;
    let to = end;
    while (from < to && /\s/u.test(paragraph[from] ?? '')) from += 1;
    while (to > from && /\s/u.test(paragraph[to - 1] ?? '')) to -= 1;
    if (to > from) spans.push({ start: from, end: to, text: paragraph.slice(from, to) });
  };
  for (const match of paragraph.matchAll(boundary)) {
    const end = (match.index ?? 0) + match[0].length;
    push(end);
    start = end;
  }
  push(paragraph.length);
  return spans;
}
