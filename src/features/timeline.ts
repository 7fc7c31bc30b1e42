import type { Corpus } from '../corpus/types.js';
import type { Retriever } from '../search/retriever.js';
import { comparePoints, formatPoint, overlaps, parsePoint, span, type CalendarPoint, type DatePart } from '../text/dates/calendar.js';
import { findTemporal } from '../text/dates/find-temporal.js';
import type { Analyzer } from '../text/analyze.js';
import { unspacedKey } from '../text/normalize.js';
import { asks } from './answer-lines.js';
import { extractEvents, type TimelineEvent } from './timeline/extract-events.js';
import { mergeEvents } from './timeline/merge-events.js';
import { UserError } from './user-error.js';

export type { Citation, TimelineEvent } from './timeline/extract-events.js';

/** Every dated event of the corpus, in chronological order, built once at start-up. */
export interface Timeline {
  readonly events: readonly TimelineEvent[];
  /** Each transcript's own date: stated, inferred from its text (with the line that implies it), or unknown. */
  readonly documents: ReadonlyArray<{ readonly file: string; readonly date: string | null; readonly inferred: boolean; readonly line: number | null }>;
}

export interface TimelineOptions {
  /** Earliest date wanted: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (or 2024年3月). */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Words the event's sentence must contain. */
  readonly topic?: string | undefined;
  /** A seed file name or an unambiguous prefix of one. */
  readonly source?: string | undefined;
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
}

export interface TimelineFilters {
  readonly from: string | null;
  readonly to: string | null;
  readonly topic: string | null;
  readonly source: string | null;
}

export interface TimelineResult {
  readonly command: 'timeline';
  readonly filters: TimelineFilters;
  readonly page: number;
  readonly pageCount: number;
  readonly pageSize: number;
  readonly total: number;
  readonly results: readonly TimelineEvent[];
  /**
   * Words of the topic that the material never uses (「米寿のお祝いの準備」 where nobody writes 準備): left
   * out of the filter, so that the rest of the topic still finds its events; shown to the user.
   */
  readonly topicWordsLeftOut: readonly string[];
}

/** Events per page in Discord and the console's default `--limit`. */
export const TIMELINE_PAGE_SIZE = 10;
/** Longest topic accepted, in code points. */
export const MAX_TOPIC_LENGTH = 100;

/**
 * Extract, resolve, merge and order the dated events of every transcript.
 *
 * @example const timeline = buildTimeline(corpus); timeline.events[0]?.date // '2002'
 */
export function buildTimeline(corpus: Corpus): Timeline {
  const perTranscript = corpus.transcripts.map(extractEvents);
  const fileOrder = new Map(corpus.transcripts.map((transcript, i) => [transcript.file, i]));
  const merged = mergeEvents(perTranscript.flatMap((dates) => dates.events));
  const events = merged
    .map((event, i) => ({ event, i, start: event.date === null ? null : placed(parsePoint(event.date), event.part), end: event.end === null ? null : parsePoint(event.end) }))
    .sort((left, right) => {
      if (left.start === null || right.start === null) return left.start === null ? (right.start === null ? left.i - right.i : 1) : -1;
      return (
        comparePoints(left.start, right.start) ||
        compareEnds(left.end, right.end) ||
        (fileOrder.get(left.event.file) ?? 0) - (fileOrder.get(right.event.file) ?? 0) ||
        left.event.line - right.event.line ||
        left.i - right.i
      );
    })
    .map(({ event }) => event);
  return {
    events,
    documents: perTranscript.map((dates) => ({
      file: dates.file,
      date: dates.documentDate === null ? null : formatPoint(dates.documentDate.point),
      inferred: dates.documentDate?.inferred ?? false,
      line: dates.documentDate?.line ?? null,
    })),
  };
}

/**
 * Where in its month (or year) a part of it falls, for ordering only: 2月末 comes after 2月25日 and
 * 2025年末 after 2025年12月 — the end sorts past every day and month of its period (day 32).
 */
const PART_DAY: Readonly<Record<DatePart, number>> = { early: 1, mid: 11, late: 32 };
const PART_MONTH: Readonly<Record<DatePart, number>> = { early: 1, mid: 6, late: 12 };

function placed(start: CalendarPoint | null, part: DatePart | null): CalendarPoint | null {
  if (start === null || part === null) return start;
  if (start.month === null) return { ...start, month: PART_MONTH[part], day: part === 'late' ? PART_DAY.late : start.day };
  return start.day === null ? { ...start, day: PART_DAY[part] } : start;
}

/** A single date sorts before a range starting with it; shorter ranges first. */
function compareEnds(left: CalendarPoint | null, right: CalendarPoint | null): number {
  if (left === null || right === null) return left === null ? (right === null ? 0 : -1) : 1;
  return comparePoints(left, right);
}

/** What `timeline` reads, from the bot's state: the events, the analyser, the files, search's spellings. */
export function timelineDeps(state: { readonly timeline: Timeline; readonly retriever: Retriever; readonly corpus: Corpus }): TimelineDeps {
  return {
    timeline: state.timeline,
    analyzer: state.retriever.analyzer,
    files: state.corpus.transcripts.map((transcript) => transcript.file),
    spellings: (topic) => state.retriever.prepare(topic).variants,
    // Titles' words count: a topic word a transcript's title holds is matched through `about`.
    inMaterial: (word) => state.retriever.engine.index.wordId(word) >= 0,
    lineText: (file, line) => state.corpus.transcripts.find((transcript) => transcript.file === file)?.lines[line - 1]?.text,
    paragraphBefore: (file, line) => {
      const paragraphs = state.corpus.transcripts.find((transcript) => transcript.file === file)?.paragraphs ?? [];
      const at = paragraphs.findIndex((paragraph) => paragraph.line <= line && line <= (paragraph.lineEnd ?? paragraph.line));
      const previous = at > 0 ? paragraphs[at - 1] : undefined;
      // A question under another heading is not the one this line answers.
      return previous !== undefined && previous.section === paragraphs[at]?.section ? previous.text : undefined;
    },
    sectionUnder: (file, line) => {
      const transcript = state.corpus.transcripts.find((candidate) => candidate.file === file);
      if (transcript?.lines[line - 1]?.kind !== 'heading') return '';
      const next = transcript.lines.find((candidate) => candidate.line > line && candidate.kind === 'heading')?.line ?? Number.POSITIVE_INFINITY;
      return transcript.paragraphs.filter((paragraph) => paragraph.line > line && paragraph.line < next).map((paragraph) => paragraph.text).join(' ');
    },
    about: (file) => {
      const transcript = state.corpus.transcripts.find((candidate) => candidate.file === file);
      return transcript === undefined ? '' : [transcript.title, ...transcript.paragraphs.slice(0, LEAD_PARAGRAPHS).map((paragraph) => paragraph.text)].join(' ');
    },
    subject: (file, line) => {
      const transcript = state.corpus.transcripts.find((candidate) => candidate.file === file);
      if (transcript === undefined) return [];
      const heading = transcript.lines.slice(0, Math.max(0, line - 1)).filter((candidate) => candidate.kind === 'heading').pop();
      const named = transcript.paragraphs.slice(0, LEAD_PARAGRAPHS).flatMap((paragraph) => [...paragraph.text.matchAll(QUOTED_NAME)].map((match) => match[1] ?? ''));
      return [transcript.title, heading?.text ?? '', ...named].filter((text) => text !== '');
    },
  };
}

/** Paragraphs at the top of a transcript that say what it is about (its lead), with its title. */
const LEAD_PARAGRAPHS = 2;
/**
 * A name quoted in the lead: the work or the system the text is about (『鉄腕の旅』, 「kintai-x」). A quote
 * with a sentence's punctuation in it is speech (ナレーター「昭和三十四年、九月。…」), not a name.
 */
const QUOTED_NAME = /[「『【"“]([^「」『』【】"“”。、！？!?]{1,40})[」』】"”]/gu;
/** The title of a work, in 『』. */
const WORK_TITLE = /『([^『』]{1,40})』/gu;

export interface TimelineDeps {
  readonly timeline: Timeline;
  readonly analyzer: Analyzer;
  readonly files: readonly string[];
  /** Other spellings of a topic's words, as search finds them (AlphaFold → アルファフォールド). */
  readonly spellings?: (topic: string) => ReadonlyMap<string, readonly string[]>;
  /** Whether the material uses a word (as the analyser reads it) anywhere; without it, every word counts as used. */
  readonly inMaterial?: (word: string) => boolean;
  /** The whole line an event was read from: a topic may be named in the line's other sentences. */
  readonly lineText?: (file: string, line: number) => string | undefined;
  /** The paragraph before the one holding a line, in the same section (blank lines between are skipped). */
  readonly paragraphBefore?: (file: string, line: number) => string | undefined;
  /** The text of the section a heading line heads ('' for any other line): a dated heading's row stands for it. */
  readonly sectionUnder?: (file: string, line: number) => string;
  /** What a transcript is about: its title and lead, where a topic's other words may be named once for all its events. */
  readonly about?: (file: string) => string;
  /**
   * What a transcript, or the section a line is in, is about, named as a whole: its title, the section's
   * heading, the names its lead quotes. A topic that is one of these is the topic of all it dates.
   */
  readonly subject?: (file: string, line: number) => readonly string[];
}

/**
 * The timeline, filtered by date range, topic and source (filters combine), one page at a time.
 * Events with a date that could not be resolved come last, and only when no date range is asked for.
 *
 * @example timeline({ timeline, analyzer }, { from: '2020', topic: 'GPT', page: 1, pageSize: 10 })
 */
export function timeline(deps: TimelineDeps, options: TimelineOptions): TimelineResult {
  if (!Number.isInteger(options.page) || options.page < 1) throw new UserError('bad_option', { option: 'page' });
  const from = readBound(options.from, 'from');
  const to = readBound(options.to, 'to');
  if (from !== null && to !== null && !overlaps(span(from.point), null, to.point)) {
    throw new UserError('bad_date_range', { from: from.text, to: to.text });
  }
  const topic = readTopic(options.topic);
  const source = readSource(options.source, deps.files);
  const topicTerms = topic === null ? null : topicTermsOf(topic, deps.analyzer, deps.spellings?.(topic) ?? new Map(), deps.inMaterial ?? (() => true));
  const dated = from !== null || to !== null;
  const matching = deps.timeline.events.filter((event) => {
    if (source !== null && !event.citations.some((citation) => citation.file === source)) return false;
    if (topicTerms !== null && !matchesTopic(event, topicTerms, deps.lineText?.(event.file, event.line), `${questionBefore(deps, event)} ${deps.sectionUnder?.(event.file, event.line) ?? ''}`, deps.about?.(event.file) ?? '', deps.subject?.(event.file, event.line) ?? [])) return false;
    if (!dated) return true;
    if (event.date === null) return false;
    const start = parsePoint(event.date);
    const end = event.end === null ? null : parsePoint(event.end);
    return start !== null && overlaps(span(start, { end }), from?.point ?? null, to?.point ?? null);
  });
  const total = matching.length;
  const pageCount = Math.max(1, Math.ceil(total / options.pageSize));
  const page = Math.min(options.page, pageCount);
  return {
    command: 'timeline',
    filters: { from: from?.text ?? null, to: to?.text ?? null, topic, source },
    page,
    pageCount,
    pageSize: options.pageSize,
    total,
    results: matching.slice((page - 1) * options.pageSize, page * options.pageSize),
    topicWordsLeftOut: topicTerms?.leftOut ?? [],
  };
}

/** A date bound as typed (2024, 2024-03, 2024年3月, 令和6年); its canonical form is echoed back. */
function readBound(raw: string | undefined, option: 'from' | 'to'): { point: CalendarPoint; text: string } | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  let value = parsePoint(text);
  if (value === null) {
    const mentions = findTemporal(text);
    const only = mentions[0];
    if (mentions.length === 1 && only?.kind === 'absolute' && only.value.end === null && only.length >= text.replace(/\s+$/u, '').length - 1) value = only.value.start;
  }
  if (value === null) throw new UserError('bad_date', { option, value: text });
  return { point: value, text: formatPoint(value) };
}

function readTopic(raw: string | undefined): string | null {
  const text = raw?.replace(/\s+/gu, ' ').trim() ?? '';
  if (text === '') return null;
  const length = [...text].length;
  if (length > MAX_TOPIC_LENGTH) throw new UserError('query_too_long', { length, max: MAX_TOPIC_LENGTH });
  return text;
}

function readSource(raw: string | undefined, files: readonly string[]): string | null {
  const wanted = raw?.trim() ?? '';
  if (wanted === '') return null;
  if (files.includes(wanted)) return wanted;
  const matches = files.filter((file) => file.startsWith(wanted));
  const only = matches[0];
  if (matches.length !== 1 || only === undefined) throw new UserError('unknown_file', { file: wanted, known: files.join(', ') });
  return only;
}

/** What a topic must match: the whole topic as typed, or else each content word in one of its spellings. */
interface TopicTerms {
  readonly whole: string;
  readonly words: ReadonlyArray<readonly string[]>;
  /** The topic's words the material never uses, in none of their spellings: not required. */
  readonly leftOut: readonly string[];
}

/**
 * Normalised like the index (width, case, katakana spellings), so GPT-４ finds GPT-4; a word's other
 * spellings (a Latin name's katakana) count as the word. A word the material never uses could only
 * make every event fail, so it is left out — unless no word of the topic is used at all.
 */
function topicTermsOf(topic: string, analyzer: Analyzer, spellings: ReadonlyMap<string, readonly string[]>, inMaterial: (word: string) => boolean): TopicTerms {
  // A word as typed is one of its spellings too: the key of スリーマイル (スリマイル) drops a long vowel the text keeps.
  const typed = new Map<string, string[]>();
  for (const span of analyzer.wordSpans(topic)) typed.set(span.key, [...(typed.get(span.key) ?? []), topic.slice(span.start, span.end)]);
  const all = [...typed].map(([word, surfaces]) => ({ word, typed: surfaces[0] ?? word, spellings: [word, ...surfaces, ...(spellings.get(word) ?? [])] }));
  const used = all.filter((entry) => entry.spellings.some(inMaterial));
  const kept = used.length === 0 ? all : used;
  return {
    whole: unspacedKey(topic),
    words: kept.map((entry) => [...new Set(entry.spellings.map(unspacedKey))]),
    // As the user typed them (スーパーコンピューター, not the key スーパーコンピュータ).
    leftOut: all.filter((entry) => !kept.includes(entry)).map((entry) => entry.typed),
  };
}

/**
 * The topic is in the event's sentence or elsewhere on its line (「うちの窯元は1902年の創業です。…磁器の方に
 * 移った」 is about 磁器's history): a line is one turn or paragraph, about one thing. `nearby` is the
 * question an answer answers, and for a dated heading's row the section it heads.
 */
function matchesTopic(event: TimelineEvent, terms: TopicTerms, line: string | undefined, nearby: string, about: string, subject: readonly string[]): boolean {
  const haystack = unspacedKey(`${event.sentence} ${event.event} ${line ?? ''} ${nearby}`);
  if (haystack.includes(terms.whole)) return true;
  const has = (text: string, spellings: readonly string[]): boolean => spellings.some((spelling) => spelling !== '' && text.includes(spelling));
  const here = terms.words.map((spellings) => has(haystack, spellings));
  if (terms.words.length > 0 && here.every(Boolean)) return true;
  // 「熊本地震を語り継ぐ」: a transcript (or section) whose title or heading names the whole topic, or whose
  // lead quotes it as a name, is about it, and so is what it dates (「2016年4月14日の夜…」 does not repeat
  // the topic). A word its lead only uses in passing (配信 in 「Zoom配信」) does not make it so.
  // A line that names another work by its title (『海鳴りのメロディ』), and not the topic, is about that work.
  const works = [...(line ?? event.sentence).matchAll(WORK_TITLE)].map((match) => unspacedKey(match[1] ?? ''));
  const otherWork = works.length > 0 && !works.some((work) => work.includes(terms.whole));
  if (terms.whole !== '' && !otherWork && subject.some((text) => unspacedKey(text).includes(terms.whole))) return true;
  const whole = unspacedKey(about);
  // 「reserve-api 移行」: the event's line says 移行, and the post says once, at its top, that it is about
  // reserve-api. One word of several must still be in the event's own line.
  return terms.words.length > 1 && here.some(Boolean) && terms.words.every((spellings, i) => here[i] === true || has(whole, spellings));
}

/**
 * An answer is about what it answers: the paragraph before, when it asks (`asks`, as /ask reads a
 * question). A nod (「山崩れ、そうですか。」) has a question's ending but echoes what was just told: its
 * words are no topic the next line answers, so it is left out here, where a question lends its words.
 */
const NOD = /(?:そう|ほう)(?:でしょう|です|でした)か(?:ね|な)?[。.]?[」』)\s]*$/u;

function questionBefore(deps: TimelineDeps, event: TimelineEvent): string {
  const previous = deps.paragraphBefore?.(event.file, event.line) ?? '';
  const trimmed = previous.trim();
  return asks(trimmed) && !NOD.test(trimmed) ? previous : '';
}
