import type { Glossary } from '../corpus/glossary/build-glossary.js';
import type { Corpus, Paragraph, Transcript } from '../corpus/types.js';
import { spoken, substance } from './quote.js';
import { dayNumber, rotationIndex } from './rotation.js';
import type { Timeline, TimelineEvent } from './timeline.js';
import { UserError } from './user-error.js';

/** A cited piece of the material in the digest. */
export interface DigestCitation {
  readonly file: string;
  readonly line: number;
  readonly title: string;
}

export interface DigestPassage extends DigestCitation {
  readonly section: string | null;
  readonly speaker: string | null;
  /** Whole sentences from the start of the line, verbatim. */
  readonly text: string;
  readonly cutAfter: boolean;
}

/** A term the material defines, with the line that defines it. */
export interface DigestTerm extends DigestCitation {
  readonly term: string;
  readonly variants: readonly string[];
  readonly definition: string;
}

/** A speaker's own words, attributed with confidence. */
export interface DigestQuote extends DigestCitation {
  readonly speaker: string;
  readonly quote: string;
  readonly cutAfter: boolean;
}

/** A question whose answer is in the material, and that answer (shown behind a spoiler). */
export interface DigestQuestion extends DigestCitation {
  readonly term: string;
  readonly answer: string;
}

export interface DigestResult {
  readonly command: 'digest';
  readonly serverId: string;
  /** The local date the digest is for, `YYYY-MM-DD`. */
  readonly date: string;
  /** Which passage of how many this is in the current rotation (1-based), for the footer. */
  readonly passageNumber: number;
  readonly passageCount: number;
  readonly passage: DigestPassage | null;
  readonly term: DigestTerm | null;
  readonly quote: DigestQuote | null;
  readonly event: TimelineEvent | null;
  readonly question: DigestQuestion | null;
}

/** What the digest is made from: the corpus, and what start-up extracted from it. */
export interface DigestDeps {
  readonly corpus: Corpus;
  readonly glossary: Glossary;
  readonly timeline: Timeline;
}

export interface DigestOptions {
  readonly serverId: string;
  readonly date: string;
}

/** A passage is worth a morning's reading from this many characters, in at least two sentences. */
const MIN_PASSAGE_CHARS = 60;
/** Shown up to this many characters, in whole sentences where possible. */
export const MAX_PASSAGE_CHARS = 400;

function codePoints(text: string): number {
  return [...text].length;
}

/** Substantive lines: long enough to teach something, not a question, not a list of names. */
function isSubstantive(paragraph: Paragraph): boolean {
  if (codePoints(paragraph.text) < MIN_PASSAGE_CHARS || paragraph.sentences.length < 2) return false;
  const last = paragraph.sentences.at(-1)?.text.trim() ?? '';
  if (/[?？]$/u.test(last)) return false;
  // Mostly Japanese prose: a line of Latin (a reference list, a URL) is not a study passage.
  const japanese = paragraph.text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  return japanese >= codePoints(paragraph.text) * 0.5;
}

/** Attribution this sure, or better, before a line is quoted under someone's name. */
export const MIN_QUOTE_CONFIDENCE = 0.7;
/** A quote of the day says something (see `substance`): not an interjection, not a question. */
const MIN_QUOTE_SUBSTANCE = 0.25;
/** A quote of the day is one or two sentences, not a paragraph. */
const MAX_QUOTE_CHARS = 200;

function isQuotable(paragraph: Paragraph): boolean {
  return (
    paragraph.speaker !== null &&
    paragraph.speakerConfidence >= MIN_QUOTE_CONFIDENCE &&
    substance(paragraph) >= MIN_QUOTE_SUBSTANCE &&
    !/[?？]\s*$/u.test(paragraph.text)
  );
}

/** Definition kinds that state what a term is, not what it is like. */
const FIRM_DEFINITIONS = new Set(['topic', 'means', 'called', 'expansion', 'named']);
const MIN_TERM_STRENGTH = 0.75;

/**
 * A glossary entry worth a study card: a firm definition, and a term that is not an everyday
 * two-character word the glossary may have caught in a 「Xとは」 (意見, 学習) — acronyms excepted.
 */
function isStudyTerm(entry: Glossary['entries'][number]): boolean {
  const best = entry.definitions[0];
  if (best === undefined || best.strength < MIN_TERM_STRENGTH || !FIRM_DEFINITIONS.has(best.kind)) return false;
  return codePoints(entry.term) >= 3 || /^[A-Z][A-Z0-9]+$/u.test(entry.term);
}

/** The material's substantive passages, in corpus order: the digest's reading list. */
export function digestPassages(corpus: Corpus): Array<{ paragraph: Paragraph; transcript: Transcript }> {
  return corpus.transcripts.flatMap((transcript) =>
    transcript.paragraphs.filter(isSubstantive).map((paragraph) => ({ paragraph, transcript })),
  );
}

/**
 * Whole sentences from the start of `text`, as many as fit in `max` characters (at least the start
 * of the first, cut if it must); `ends` are the sentence ends as offsets into `text`.
 */
function leadingSentences(text: string, ends: readonly number[], max: number): { text: string; cutAfter: boolean } {
  let end = 0;
  for (const sentenceEnd of ends) {
    if (codePoints(text.slice(0, sentenceEnd)) > max) break;
    end = sentenceEnd;
  }
  if (end === 0) return { text: [...text].slice(0, max).join(''), cutAfter: codePoints(text) > max };
  return { text: text.slice(0, end).trimEnd(), cutAfter: end < text.trimEnd().length };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * The study post for a server on a local date. Deterministic: the same server and date always give
 * the same digest, so `/digest preview` shows what will be posted. Passages rotate per server
 * without repeats until every substantive passage has come up once.
 *
 * @example digest({ corpus }, { serverId: '1234', date: '2026-11-23' }).passage?.line
 */
export function digest(deps: DigestDeps, options: DigestOptions): DigestResult {
  if (!DATE.test(options.date) || Number.isNaN(dayNumber(options.date))) throw new UserError('bad_option', { option: 'date' });
  const day = dayNumber(options.date);
  const pick = <T>(items: readonly T[], part: string): T | undefined => items[rotationIndex(items.length, `${options.serverId}:${part}`, day)];
  const titles = new Map(deps.corpus.transcripts.map((transcript) => [transcript.file, transcript.title]));
  const titleOf = (file: string): string => titles.get(file) ?? file;

  const passages = digestPassages(deps.corpus);
  const chosen = pick(passages, 'passage');
  const passage =
    chosen === undefined
      ? null
      : {
          file: chosen.paragraph.file,
          line: chosen.paragraph.line,
          title: chosen.transcript.title,
          section: chosen.paragraph.section,
          speaker: chosen.paragraph.speaker,
          ...leadingSentences(chosen.paragraph.text, chosen.paragraph.sentences.map((sentence) => sentence.end), MAX_PASSAGE_CHARS),
        };

  // Terms with a firm definition; the question draws from the same list, never today's term.
  const defined = deps.glossary.entries.filter(isStudyTerm);
  const termEntry = pick(defined, 'term');
  const others = defined.filter((entry) => entry !== termEntry);
  const questionEntry = pick(others, 'question');
  const definitionOf = (entry: (typeof defined)[number]) => {
    const best = entry.definitions[0];
    return best === undefined ? null : { file: best.file, line: best.line, title: titleOf(best.file), text: best.text };
  };
  const termDefinition = termEntry === undefined ? null : definitionOf(termEntry);
  const questionDefinition = questionEntry === undefined ? null : definitionOf(questionEntry);

  const quotable = deps.corpus.transcripts.flatMap((transcript) => transcript.paragraphs.filter(isQuotable));
  const quoted = pick(quotable, 'quote');
  const events = deps.timeline.events.filter((event) => event.date !== null && event.kind !== 'publication');

  return {
    command: 'digest',
    serverId: options.serverId,
    date: options.date,
    passageNumber: passages.length === 0 ? 0 : (day % passages.length) + 1,
    passageCount: passages.length,
    passage,
    term:
      termEntry === undefined || termDefinition === null
        ? null
        : { term: termEntry.term, variants: termEntry.variants, definition: termDefinition.text, file: termDefinition.file, line: termDefinition.line, title: termDefinition.title },
    quote:
      quoted?.speaker === undefined || quoted.speaker === null
        ? null
        : { speaker: quoted.speaker, ...quoteText(quoted), file: quoted.file, line: quoted.line, title: titleOf(quoted.file) },
    event: pick(events, 'event') ?? null,
    question:
      questionEntry === undefined || questionDefinition === null
        ? null
        : { term: questionEntry.term, answer: questionDefinition.text, file: questionDefinition.file, line: questionDefinition.line, title: questionDefinition.title },
  };
}

/** The first sentences of a quoted line without its speaker label, up to a quote's length. */
function quoteText(paragraph: Paragraph): { quote: string; cutAfter: boolean } {
  const words = spoken(paragraph);
  const offset = paragraph.text.indexOf(words);
  const ends = paragraph.sentences.map((sentence) => sentence.end - offset).filter((end) => end > 0);
  const { text, cutAfter } = leadingSentences(words, ends, MAX_QUOTE_CHARS);
  return { quote: text, cutAfter };
}

/** The server id the console's digest is made for when none is given. */
export const CONSOLE_SERVER_ID = 'console';

/** The digest's cited pieces in the common item shape of `--json` output (`file`, `line`, …). */
export function digestItems(result: DigestResult): Array<{ readonly part: string; readonly file: string; readonly line: number; readonly text: string }> {
  const items: Array<{ part: string; file: string; line: number; text: string }> = [];
  if (result.passage !== null) items.push({ part: 'passage', file: result.passage.file, line: result.passage.line, text: result.passage.text });
  if (result.term !== null) items.push({ part: 'term', file: result.term.file, line: result.term.line, text: result.term.definition });
  if (result.quote !== null) items.push({ part: 'quote', file: result.quote.file, line: result.quote.line, text: result.quote.quote });
  if (result.event !== null) items.push({ part: 'event', file: result.event.file, line: result.event.line, text: result.event.event });
  if (result.question !== null) items.push({ part: 'question', file: result.question.file, line: result.question.line, text: result.question.answer });
  return items;
}
