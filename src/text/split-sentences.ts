/**
 * Sentences of one paragraph, as UTF-16 offsets into its original text, so an excerpt can quote a
 * sentence verbatim and point at where it stands.
 */
import type { Sentence } from '../corpus/types.js';

/** Marks that end a Japanese or English sentence; runs such as `!?` end it once. */
const TERMINATORS = new Set(['。', '｡', '!', '?', '\uFF01', '\uFF1F', '．']);
/** Closing brackets and quotes that belong to the sentence they follow: `…です。」`. */
const CLOSERS = new Set(['」', '』', ')', '）', '】', '〉', '》', '〕', '"', '”', '’', "'"]);
/** Particles that carry a sentence on past a closing quote: 「…ですか?」って, 「…!」と, 「…。」など. */
const QUOTE_CONTINUATION = /^(?:って|っと|と|か|の|は|が|を|に|で|も|や|な|ね|よ|まで|より|など|みたい)/u;
const WHITESPACE = /\s/u;
/** Words before an English full stop that do not end a sentence (`Mr. Smith`, `e.g. this`). */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'ltd', 'co', 'jr', 'sr', 'no', 'fig', 'u.s', 'approx']);

/**
 * Split `text` into sentences, starting at `from` (e.g. after a list bullet). A sentence ends after
 * 。!?!? (with any closing quotes that follow) or after an English `. `. A quotation that goes on
 * in the same sentence — 「…ですか?」って思う — is not cut, and long sentences stay whole.
 *
 * @example splitSentences('はい。そうです!') // [{ start: 0, end: 3, text: 'はい。' }, { start: 3, end: 8, text: 'そうです!' }]
 */
export function splitSentences(text: string, from = 0): Sentence[] {
  const sentences: Sentence[] = [];
  let start = from;
  let i = from;
  while (i < text.length) {
    const end = sentenceEndAt(text, i);
    if (end === null) {
      i += 1;
      continue;
    }
    push(sentences, text, start, end);
    start = end;
    i = end;
  }
  push(sentences, text, start, text.length);
  return sentences;
}

/** Where the sentence ends if the character at `i` ends it, else null. */
function sentenceEndAt(text: string, i: number): number | null {
  const char = text.charAt(i);
  if (char === '.') return englishStopEnd(text, i);
  if (!TERMINATORS.has(char)) return null;
  let end = i + 1;
  while (end < text.length && TERMINATORS.has(text.charAt(end))) end += 1;
  let closed = false;
  while (end < text.length && CLOSERS.has(text.charAt(end))) {
    end += 1;
    closed = true;
  }
  // 「great!」か / 「再稼働させるの?」って思わんといて: the quote is part of a longer sentence.
  if (closed && QUOTE_CONTINUATION.test(text.slice(end, end + 3))) return null;
  return end;
}

/** An English full stop ends a sentence when a word precedes it, whitespace follows, then no lower-case word. */
function englishStopEnd(text: string, i: number): number | null {
  const next = text.charAt(i + 1);
  if (next !== '' && !WHITESPACE.test(next)) return null;
  const word = /([A-Za-z0-9][A-Za-z0-9.-]*)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1];
  if (word === undefined || ABBREVIATIONS.has(word.toLowerCase())) return null;
  // A single capital before the stop is an initial (`J. Smith`), not the end of a sentence.
  if (/^[A-Z]$/u.test(word)) return null;
  // `… e.g. the` or `3.5 billion` style continuations start in lower case or with a digit.
  const after = /\S/u.exec(text.slice(i + 1));
  if (after !== null && /[a-z0-9]/u.test(after[0])) return null;
  return i + 1;
}

function push(sentences: Sentence[], text: string, from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && WHITESPACE.test(text.charAt(start))) start += 1;
  while (end > start && WHITESPACE.test(text.charAt(end - 1))) end -= 1;
  if (start < end) sentences.push({ start, end, text: text.slice(start, end) });
}
