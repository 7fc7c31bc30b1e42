import type { WordSpan } from '../text/analyze.js';
import { bestSentences, type BigramWeights, type SentenceGrams } from './sentence-match.js';

/** A verbatim piece of a paragraph: its best sentence(s) for the query. */
export interface Excerpt {
  /** Verbatim text of the paragraph from `start` to `end`, without added ellipses. */
  readonly text: string;
  /** UTF-16 offsets of the excerpt in the paragraph. */
  readonly start: number;
  readonly end: number;
  /** Share of the query's bigram weight held by the best sentence, 0..1. */
  readonly coverage: number;
}

/** Excerpts are about this long: a sentence or two, enough to check without opening the source. */
export const EXCERPT_MAX_LENGTH = 300;

/** The content words of `paragraph.slice(start, end)`, with spans in the slice's own offsets. */
export type SliceWords = (start: number, end: number) => readonly WordSpan[];

/**
 * Cut the best sentence (and its neighbours while they fit) out of a paragraph. The text is never
 * altered: what a student reads is what the transcript says. The matched words are marked by
 * `markWords`, for the excerpts actually shown.
 *
 * @example buildExcerpt(text, sentenceGrams(text), weights, new Set(['原子力']), (start, end) => analyzer.wordSpans(text.slice(start, end)))
 */
export function buildExcerpt(
  paragraph: string,
  sentences: readonly SentenceGrams[],
  weights: BigramWeights,
  queryWords: ReadonlySet<string>,
  wordsOf: SliceWords,
  maxLength = EXCERPT_MAX_LENGTH,
): Excerpt {
  const ranked = bestSentences(sentences, weights);
  const best = ranked[0];
  let start = best?.sentence.start ?? 0;
  let end = best?.sentence.end ?? paragraph.length;
  const ordered = ranked.map((match) => match.sentence).sort((left, right) => left.start - right.start);
  let index = ordered.findIndex((sentence) => sentence.start === start);
  // Grow by whole sentences, following first (the answer often continues), while within the limit.
  let after = index + 1;
  let before = index - 1;
  while (index >= 0) {
    const next = ordered[after];
    const previous = ordered[before];
    if (next !== undefined && next.end - start <= maxLength) {
      end = next.end;
      after += 1;
    } else if (previous !== undefined && end - previous.start <= maxLength) {
      start = previous.start;
      before -= 1;
    } else {
      index = -1;
    }
  }
  if (end - start > maxLength) [start, end] = windowAroundMatch(paragraph, start, end, queryWords, wordsOf, maxLength);
  const text = paragraph.slice(start, end);
  return { text, start, end, coverage: best?.coverage ?? 0 };
}

/** A long sentence is cut to a window that starts a little before its first matched word. */
function windowAroundMatch(
  paragraph: string,
  start: number,
  end: number,
  queryWords: ReadonlySet<string>,
  wordsOf: SliceWords,
  maxLength: number,
): [number, number] {
  const first = wordsOf(start, end).find((span) => queryWords.has(span.key));
  const lead = Math.floor(maxLength / 5);
  let from = start + Math.max(0, (first?.start ?? 0) - lead);
  if (end - from < maxLength) from = Math.max(start, end - maxLength);
  let to = Math.min(end, from + maxLength);
  // Never cut a surrogate pair in half.
  if (isLowSurrogate(paragraph.charCodeAt(from))) from += 1;
  if (isLowSurrogate(paragraph.charCodeAt(to))) to -= 1;
  return [from, to];
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The spans of a text's content words (`words`, e.g. from `Analyzer.wordSpans`) that are query
 * words; overlapping spans are merged.
 */
export function markWords(words: readonly WordSpan[], queryWords: ReadonlySet<string>): Array<[number, number]> {
  const spans = words
    .filter((span) => queryWords.has(span.key))
    .map((span): [number, number] => [span.start, span.end])
    .sort((left, right) => left[0] - right[0] || right[1] - left[1]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}
