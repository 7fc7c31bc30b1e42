import { labelLength } from '../corpus/speaker-label.js';
import { findSpeaker, speakerDirectory, type KnownSpeaker } from '../corpus/speaker-directory.js';
import type { Corpus, Paragraph, Transcript } from '../corpus/types.js';
import type { RetrievedPassage, Retriever } from '../search/retriever.js';
import type { PreparedQuery } from '../search/search-engine.js';
import { withAnswersToQuestions } from './answer-lines.js';
import { readQueryText } from './query-text.js';
import { UserError } from './user-error.js';

export interface QuoteOptions {
  /** The speaker as the user typed it: any alias, Japanese or Latin spelling. */
  readonly speaker: string;
  /** What the quotes should be about; empty or absent for the speaker's most substantive lines. */
  readonly topic?: string | undefined;
  readonly limit: number;
}

/** The line before a quote that it answers or follows. */
export interface QuoteContext {
  readonly line: number;
  readonly text: string;
  readonly speaker: string | null;
}

/** One quotation: the speaker's own words, verbatim, with its citation. */
export interface QuoteItem {
  readonly file: string;
  readonly line: number;
  /** The last line the quoted sentence runs on to, when it spans lines. */
  readonly lineEnd?: number;
  readonly speaker: string;
  /** Verbatim text of the line (without its speaker label), or the best sentences of it for the topic. */
  readonly quote: string;
  /** Whether `quote` starts after the start / ends before the end of the speaker's words on the line. */
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
  /** Attribution confidence, 0..1. */
  readonly confidence: number;
  readonly title: string;
  readonly section: string | null;
  readonly context: QuoteContext | null;
}

export interface QuoteResult {
  readonly command: 'quote';
  /** The canonical name the typed speaker resolved to. */
  readonly speaker: string;
  readonly aliases: readonly string[];
  readonly topic: string | null;
  readonly searchedAs: readonly string[];
  readonly results: readonly QuoteItem[];
}

/** A speaker's turn around one line: what the quote card's button opens. */
export interface QuoteTurnResult {
  readonly command: 'quote-turn';
  readonly file: string;
  readonly line: number;
  readonly title: string;
  readonly speaker: string | null;
  readonly lines: ReadonlyArray<{ readonly line: number; readonly text: string; readonly cited: boolean }>;
}

/** Lines searched backwards for the line a quote answers. */
const CONTEXT_REACH = 12;
/** A turn shown by the button holds at most this many lines on each side of the quoted one. */
export const TURN_REACH = 6;
/** Lines shorter than this (code points) are interjections, not quotations worth showing without a topic. */
const SUBSTANTIVE_MIN = 25;
/** Lines shorter than this (code points) are back-channels (「ええ。」「そうですか。」), left out when the speaker said more. */
const STATEMENT_MIN = 8;
/** Length past which a line is not more substantive for being longer. */
const SUBSTANTIVE_FULL = 240;
/** How deep the speaker's matches for a topic are fetched: the retriever filters after fetching, so a speaker with few lines needs depth. */
const TOPIC_DEPTH = 100;
/** How deep the unfiltered search goes for questions the speaker answered. */
const ANSWER_DEPTH = 30;
/** How many lines after another's matching line the speaker's reply may come (a group chat answers a few messages later). */
const REPLY_REACH = 5;
/** The share of that line's score a reply takes: below the speaker's own matches. */
const REPLY_SHARE = 0.5;

/**
 * Resolve what a user typed to a known speaker, or explain who is known. Cheap: call it before
 * deferring so that the explanation can be ephemeral.
 *
 * @example resolveSpeaker(state.corpus, 'Ilya').name // 'イリヤ・サツキーバー'
 */
export function resolveSpeaker(corpus: Corpus, typed: string): KnownSpeaker {
  const name = readQueryText(typed);
  const directory = speakerDirectory(corpus);
  const found = findSpeaker(directory, name);
  if (found === null) throw new UserError('unknown_speaker', { speaker: name, known: directory.map((speaker) => speaker.name).join(', ') });
  return found;
}

/**
 * A speaker's own words, verbatim: the best matches for `topic` first, or without a topic their
 * most substantive lines, each with the line it answers.
 *
 * @example quote({ retriever }, { speaker: 'Ilya', topic: '圧縮', limit: 5 })
 */
export function quote(deps: { readonly retriever: Retriever }, options: QuoteOptions): QuoteResult {
  const { retriever } = deps;
  const speaker = resolveSpeaker(retriever.corpus, options.speaker);
  const says = (paragraph: Paragraph): boolean => paragraph.speaker !== null && speaker.paragraphNames.has(paragraph.speaker) && spoken(paragraph).length > 0;
  const topicText = options.topic === undefined || options.topic.trim() === '' ? null : readQueryText(options.topic);
  const base = { command: 'quote' as const, speaker: speaker.name, aliases: speaker.aliases, topic: topicText };
  if (topicText === null) {
    const theirs = retriever.corpus.transcripts.flatMap((transcript) => transcript.paragraphs.filter(says).map((paragraph) => ({ paragraph, transcript })));
    // Their most substantive lines first, then their shorter statements and questions (a student's
    // 「二酸化炭素だと思う。」): a limit the long lines leave room under is filled, not cut short. A
    // back-channel (「ええ。」) is quoted only for someone who never said anything longer.
    const substantive = theirs.filter(({ paragraph }) => substance(paragraph) > 0);
    const said = theirs.filter(({ paragraph }) => [...spoken(paragraph)].length >= STATEMENT_MIN);
    const ranked = (substantive.length > 0 ? said : theirs)
      .sort((a, b) => substance(b.paragraph) - substance(a.paragraph) || spoken(b.paragraph).length - spoken(a.paragraph).length || a.paragraph.id.localeCompare(b.paragraph.id))
      .slice(0, options.limit);
    return { ...base, searchedAs: [], results: ranked.map(({ paragraph, transcript }) => quoteItem(paragraph, transcript, null)) };
  }
  const prepared = retriever.prepare(topicText);
  const depth = Math.max(options.limit, TOPIC_DEPTH);
  // Their lines that match the topic, and their answers to questions that match it (「学生へのアドバイスは?」
  // matches the interviewer's question, not the answer).
  const own = retriever.retrieve(prepared, { limit: depth, filter: says }).map((passage) => ({ passage, score: passage.score }));
  const matched = retriever.retrieve(prepared, { limit: ANSWER_DEPTH });
  const answers = withAnswersToQuestions(retriever, prepared, matched).filter(({ passage }) => says(passage.paragraph));
  const best = new Map<string, { passage: RetrievedPassage; score: number }>();
  for (const entry of [...own, ...answers, ...repliesTo(retriever, prepared, matched, says)]) {
    const seen = best.get(entry.passage.paragraph.id);
    if (seen === undefined || entry.score > seen.score) best.set(entry.passage.paragraph.id, entry);
  }
  const passages = [...best.values()].sort((a, b) => b.score - a.score).slice(0, options.limit).map(({ passage }) => passage);
  return {
    ...base,
    searchedAs: prepared.alternatives,
    results: passages.map((passage) => quoteItem(passage.paragraph, passage.transcript, { start: passage.excerpt.start, end: passage.excerpt.end })),
  };
}

/**
 * The speaker's replies to others' lines that match the topic: their first line within `REPLY_REACH`
 * lines after one, in the same section, if it says something (`STATEMENT_MIN`). In a group chat the
 * answer to 「日にちの候補は4/20か4/27です。都合を教えてください」 may come a few messages later
 * (「27日は出張だからムリ」) and never name the topic itself.
 */
function repliesTo(
  retriever: Retriever,
  query: PreparedQuery,
  matched: readonly RetrievedPassage[],
  says: (paragraph: Paragraph) => boolean,
): Array<{ passage: RetrievedPassage; score: number }> {
  const replies: Array<{ passage: RetrievedPassage; score: number }> = [];
  for (const other of matched) {
    if (says(other.paragraph)) continue;
    const { paragraphs } = other.transcript;
    const at = paragraphs.indexOf(other.paragraph);
    const reply = paragraphs.slice(at + 1, at + 1 + REPLY_REACH).find((paragraph) => paragraph.section !== other.paragraph.section || says(paragraph));
    // A stamp or a back-channel (「[写真]」「了解」) is no quotable reply.
    if (reply === undefined || reply.section !== other.paragraph.section || [...spoken(reply)].length < STATEMENT_MIN) continue;
    const passage = retriever.passageFor(reply, query);
    if (passage !== null) replies.push({ passage, score: other.score * REPLY_SHARE });
  }
  return replies;
}

/**
 * The turn a quoted line belongs to: the same speaker's neighbouring lines, up to `TURN_REACH` each side.
 *
 * @example quoteTurn({ retriever }, { file: '001_talk.txt', line: 12 })
 */
export function quoteTurn(deps: { readonly retriever: Retriever }, options: { readonly file: string; readonly line: number }): QuoteTurnResult {
  const found = deps.retriever.paragraphAt(options.file, options.line);
  if (found === null) throw new UserError('line_out_of_range', { file: options.file, line: options.line, max: deps.retriever.transcript(options.file)?.lines.length ?? 0 });
  const { paragraph, transcript } = found;
  const index = transcript.paragraphs.indexOf(paragraph);
  const same = (other: Paragraph | undefined): boolean => other !== undefined && paragraph.speaker !== null && other.speaker === paragraph.speaker;
  let from = index;
  while (from > 0 && index - from < TURN_REACH && same(transcript.paragraphs[from - 1])) from -= 1;
  let to = index;
  while (to + 1 < transcript.paragraphs.length && to - index < TURN_REACH && same(transcript.paragraphs[to + 1])) to += 1;
  return {
    command: 'quote-turn',
    file: transcript.file,
    line: paragraph.line,
    title: transcript.title,
    speaker: paragraph.speaker,
    lines: transcript.paragraphs.slice(from, to + 1).map((other) => ({ line: other.line, text: other.text, cited: other === paragraph })),
  };
}

function quoteItem(paragraph: Paragraph, transcript: Transcript, span: { start: number; end: number } | null): QuoteItem {
  const [labelEnd, wordsEnd] = wordsRange(paragraph);
  const start = Math.max(labelEnd, span?.start ?? 0);
  const end = Math.min(wordsEnd, span?.end ?? paragraph.text.length);
  return {
    file: paragraph.file,
    line: paragraph.line,
    ...(paragraph.lineEnd === undefined ? {} : { lineEnd: paragraph.lineEnd }),
    speaker: paragraph.speaker ?? '',
    quote: paragraph.text.slice(start, end).trim(),
    cutBefore: start > labelEnd,
    cutAfter: end < paragraph.text.length,
    confidence: paragraph.speakerConfidence,
    title: transcript.title,
    section: paragraph.section,
    context: contextOf(paragraph, transcript),
  };
}

/**
 * Where the speaker's own words are on a line: after its label; and on a line a narrator quotes
 * them on (「…」と、佐々木氏は語る), only inside the quotation marks, never the narrator's words.
 */
function wordsRange(paragraph: Paragraph): [number, number] {
  const text = paragraph.text;
  if (paragraph.speakerEvidence !== 'quoted-by-narrator') return [labelLength(text), text.length];
  const open = text.search(/[「『]/u);
  const close = text.search(/[」』]/u);
  if (open >= 0 && close > open) return [open + 1, close];
  if (open >= 0) return [open + 1, text.length];
  if (close >= 0) return [0, close];
  return [0, text.length];
}

/** The speaker's words on a line: without its label, and without a narrator's words around a quotation. */
export function spoken(paragraph: Paragraph): string {
  const [start, end] = wordsRange(paragraph);
  return paragraph.text.slice(start, end).trim();
}

/** How much a line says: its length up to a cap, weighed by how sure its attribution is; questions count less. */
export function substance(paragraph: Paragraph): number {
  const text = spoken(paragraph);
  const length = [...text].length;
  if (length < SUBSTANTIVE_MIN) return 0;
  const question = /[?\uFF1F]\s*$/u.test(text) ? 0.5 : 1;
  return (Math.min(length, SUBSTANTIVE_FULL) / SUBSTANTIVE_FULL) * paragraph.speakerConfidence * question;
}

/**
 * The line a quote answers: the last line before the speaker's turn began (the question put to
 * them), else the line just before.
 */
function contextOf(paragraph: Paragraph, transcript: Transcript): QuoteContext | null {
  const index = transcript.paragraphs.indexOf(paragraph);
  for (let i = index - 1; i >= 0 && index - i <= CONTEXT_REACH; i -= 1) {
    const other = transcript.paragraphs[i];
    // Not across a heading: a line of another section (another item of the agenda) is not what this one answers.
    if (other === undefined || other.section !== paragraph.section) break;
    if (other.speaker !== paragraph.speaker || paragraph.speaker === null) return { line: other.line, text: other.text, speaker: other.speaker };
  }
  const before = transcript.paragraphs[index - 1];
  return before === undefined || before.section !== paragraph.section ? null : { line: before.line, text: before.text, speaker: before.speaker };
}
