/**
 * One transcript file → what a reader sees in it: title, byline, date, sections, and the paragraphs
 * worth indexing, each pinned to its 1-based source line. Pure: the same text always parses the same.
 *
 * How a line is classified, in order (the first rule that claims a line wins):
 * 1. blank, or platform boilerplate (see `boilerplate.ts`), a list of links under a `関連記事` label included;
 *    a speaker's label alone above the words (`話者2  00:15`, 〈市民〉) is metadata;
 * 2. the header — the first few lines before any content — holds metadata (bylines, date lines,
 *    speaker lists) and the title, the first line shaped like one; a subtitle and fields no metadata
 *    rule reads (`同時接続：最大 3,812 人`, a cast list) stay content but are never headings;
 * 3. a table of contents near the top (a run of list items, or lines after a `目次` label) whose
 *    entries reappear below as headings; those later lines become the sections;
 * 4. the first echo of the title, markdown headings, and — only when there is no table of contents
 *    and the text is punctuated — short unpunctuated lines that open a block of content (only those
 *    after a heading mark, ■ or 【…】, where the text marks its headings); a heading that states a day
 *    or a month is indexed as a paragraph as well;
 * 5. a line seen before (same key) is a duplicate, and so is a long line contained whole in another;
 * 6. everything else is content, one paragraph per line — or per sentence, where a line stops
 *    mid-sentence and the next finishes it, the next subtitle cue's included (`sentenceEnd`).
 * A cast list under a label near the top (`【登場人物】`) names speakers but stays content.
 */
import type { LineKind, Paragraph, SourceLine, Transcript } from './types.js';
import { isBoilerplate, isLinkListLabel } from './boilerplate.js';
import { dateAtEnd, findDate } from './find-date.js';
import { findSpeakers } from './find-speakers.js';
import { isListItem, isMarkdownHeading, isMarkedHeading, keyLength, lineKey, listMarker, stripMarkup } from './line-key.js';
import { isPlaceField, isUpdateField, readMetadataLine, readSiteByline } from './read-metadata.js';
import { isFieldLabel, labelLength, NAME_SHAPED, readLabel, standingLabel } from './speaker-label.js';
import { splitSentences } from '../text/split-sentences.js';

/** How many title, metadata and subtitle lines the header may hold (fields of the header aside: `HEADER_SPAN`). */
const HEADER_LINES = 10;
/** A title is a line of at most this many code points that does not end like a sentence. */
const TITLE_MAX_LENGTH = 100;
/** A title taken from the first sentence (when the file has no title line) is cut to this length. */
const DERIVED_TITLE_MAX_LENGTH = 80;
/** A table of contents must begin within this many non-blank lines of the top. */
const TOC_START_LINES = 30;
const TOC_MIN_ENTRIES = 3;
const TOC_ENTRY_MAX_LENGTH = 60;
/** A body line may extend its table-of-contents entry by this much (`見出し(前編)`) and still match. */
const TOC_HEADING_EXTRA = 20;
/** Headings found without a table of contents are short: at most this many code points. */
const HEADING_MAX_LENGTH = 40;
/** Share of longer lines that must end in punctuation before an unpunctuated short line reads as a heading. */
const PUNCTUATED_SHARE = 0.6;
/** A line contained whole in a longer one is a repeat only from this length on; short phrases recur. */
const SUBSUMED_MIN_LENGTH = 30;
/** How many leading UTF-16 units of a line index it when looking for the line inside longer ones. */
const SUBSUMED_ANCHOR = 8;
/** Lines after the title searched for the speakers an introduction names. */
const INTRO_LINES = 3;

const TOC_LABELS = new Set(['目次', 'もくじ', 'contents', 'tableofcontents', 'アジェンダ', 'agenda', 'チャプター', 'chapters']);
/** Common all-hiragana headings, exempt from the rule that headings are not mostly hiragana. */
const KANA_HEADINGS = new Set(['はじめに', 'おわりに', 'まとめ', 'さいごに', 'あとがき', 'まえがき']);
/** How a sentence (or a quotation closing one) ends: the line is prose, not a heading. */
const SENTENCE_END = /[。.!?」』)…‥]$/u;
const URL = /https?:\/\/|www\./iu;
const HIRAGANA = /[\u3041-\u309f]/gu;

interface Line {
  readonly number: number;
  readonly raw: string;
  /** NFKC, whitespace collapsed, trimmed: the form every shape rule looks at. */
  readonly shape: string;
  readonly key: string;
  readonly length: number;
  readonly listItem: boolean;
}

/** `null` while a line is still a content candidate. */
type Kinds = Array<LineKind | null>;

interface Heading {
  readonly index: number;
  readonly name: string;
}

/**
 * Parse one transcript. `file` is the seed file name, used in paragraph ids (`${file}:${line}`).
 *
 * @example parseTranscript('talk.txt', 'タイトル\n本文です。').paragraphs[0]?.id // 'talk.txt:2'
 */
export function parseTranscript(file: string, text: string): Transcript {
  const lines = splitLines(text).map(describeLine);
  const kinds: Kinds = lines.map((line) => (line.key === '' ? 'blank' : isBoilerplate(line.raw) ? 'boilerplate' : null));
  markLinkLists(lines, kinds);
  markStandingLabels(lines, kinds);

  const punctuated = isPunctuated(lines, kinds);
  const subtitles = isSubtitleFile(lines);
  if (subtitles) markWebVttFurniture(lines, kinds);
  const header = readHeader(lines, kinds, punctuated, subtitles);

  const headings: Heading[] = [];
  const toc = findTableOfContents(lines, kinds);
  if (toc !== null) {
    for (const index of toc.lines) kinds[index] = 'toc';
    for (const heading of toc.headings) kinds[heading.index] = 'heading';
    headings.push(...toc.headings);
  }
  const title = header.title ?? derivedTitle(lines, kinds) ?? file.replace(/\.[^.]+$/u, '');
  const titleKey = lineKey(title);
  const intro = lines.filter((_, i) => kinds[i] === null).slice(0, INTRO_LINES).map((line) => line.raw);
  const speakers = unique([...header.speakers, ...castList(lines, kinds), ...findSpeakers([title, ...intro].join('\n'))]);

  const echo = header.titleIndex === null ? -1 : lines.findIndex((line, i) => kinds[i] === null && line.key === titleKey);
  if (echo >= 0) {
    kinds[echo] = 'heading';
    headings.push({ index: echo, name: title });
  }
  headings.push(...claimMarkdownHeadings(lines, kinds));
  headings.push(...claimTalkDays(lines, kinds));
  // In a subtitle file a short line is a cue's first line of two, not a heading.
  if (toc === null && punctuated && !subtitles) headings.push(...claimPlainHeadings(lines, kinds, speakers, header.fields));

  markDuplicates(lines, kinds, header.titleIndex, echo);
  markSubsumed(lines, kinds);

  const sectionOf = new Map(headings.map((heading) => [heading.index, heading.name]));
  const paragraphs: Paragraph[] = [];
  const breaks = lineBreaks(lines, kinds);
  let section: string | null = null;
  let joinedUpTo = -1;
  lines.forEach((line, i) => {
    const name = sectionOf.get(i);
    if (name !== undefined) section = name;
    // 「## 追記（2024/5/1）」: a date stated only in a heading is cited from the heading itself.
    const dated = name !== undefined && i !== echo && isDated(name);
    if ((kinds[i] !== null && !dated) || i <= joinedUpTo) return;
    const last = dated ? i : sentenceEnd(lines, kinds, i, breaks);
    joinedUpTo = last;
    // Across subtitle cues the cue numbers and timings between the parts are no part of the sentence.
    const text = joinLines(lines.slice(i, last + 1).filter((_, k) => k === 0 || kinds[i + k] === null).map((part) => part.raw), breaks);
    paragraphs.push({
      id: `${file}:${line.number}`,
      file,
      line: line.number,
      ...(last > i ? { lineEnd: line.number + last - i } : {}),
      text,
      section,
      sentences: splitSentences(text, listMarker(text).length),
      speaker: null,
      speakerConfidence: 0,
      speakerEvidence: null,
    });
  });

  const sourceLines: SourceLine[] = lines.map((line, i) => ({ line: line.number, text: line.raw, kind: kinds[i] ?? 'content' }));
  const sections = unique([...headings].sort((a, b) => a.index - b.index).map((heading) => heading.name));

  return { file, title, author: header.author, speakers, cast: [], date: header.date, sections, lines: sourceLines, paragraphs };
}

/**
 * How a file breaks its sentences over lines: `lines` — a line is a paragraph unless it stops on a
 * comma or a particle; `cues` — subtitle cues, whose unpunctuated lines break wherever they are full;
 * `captions` — auto-captions, a timestamp and a few words per line, where only a sentence-final
 * ending closes a sentence.
 */
type Breaks = 'lines' | 'cues' | 'captions';

function lineBreaks(lines: readonly Line[], kinds: Kinds): Breaks {
  if (isSubtitleFile(lines)) return 'cues';
  const candidates = lines.filter((_, i) => kinds[i] === null);
  const stamped = candidates.filter((line) => TIMESTAMP.test(line.shape));
  if (stamped.length < MIN_CAPTION_LINES || stamped.length < candidates.length * CAPTION_SHARE) return 'lines';
  const lengths = stamped.map((line) => [...line.shape.replace(TIMESTAMP, '')].length).sort((a, b) => a - b);
  return (lengths[Math.floor(lengths.length / 2)] ?? 0) <= CAPTION_MEDIAN_LENGTH ? 'captions' : 'lines';
}
/** `0:13 `, `12:34:56 `, `[01:02] ` at the start of a line. */
const TIMESTAMP = /^\s*\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*/u;
const MIN_CAPTION_LINES = 10;
const CAPTION_SHARE = 0.6;
/** Caption lines carry a few words each: half of them at most this many code points after the timestamp. */
const CAPTION_MEDIAN_LENGTH = 16;

/**
 * The last line of the sentence that starts on line `i`: a line that stops mid-sentence is finished
 * by the content line right under it, so a two-line cue or a wrapped line of speech-to-text is one
 * paragraph — or, in a subtitle file, by the next cue's first line, past the blank line, number and
 * timing between them. Never past a blank line otherwise, a label or a list item (a caption's timestamp
 * aside), and at most `MAX_JOINED_LINES` content lines (`MAX_CUE_LINES` in cues) of `MAX_JOINED_LENGTH` in all.
 */
function sentenceEnd(lines: readonly Line[], kinds: Kinds, i: number, breaks: Breaks): number {
  let last = i;
  let joined = 1;
  let length = lines[i]?.raw.length ?? 0;
  const maxLines = breaks === 'captions' ? MAX_CAPTION_LINES : breaks === 'cues' ? MAX_CUE_LINES : MAX_JOINED_LINES;
  for (;;) {
    const line = lines[last];
    const following = breaks === 'cues' ? nextCueLine(lines, kinds, last) : last + 1;
    const next = lines[following];
    if (line === undefined || next === undefined || kinds[following] !== null || joined >= maxLines) return last;
    if (breaks === 'captions' ? !TIMESTAMP.test(next.shape) : line.listItem || next.listItem) return last;
    if (labelLength(next.raw) > 0 || QA_MARKER.test(next.raw.normalize('NFKC')) || !stopsMidSentence(line.shape, breaks)) return last;
    length += next.raw.length;
    if (length > MAX_JOINED_LENGTH) return last;
    last = following;
    joined += 1;
  }
}

/** The line after `i` in a subtitle file, past the blank line, cue number and timing that part two cues. */
function nextCueLine(lines: readonly Line[], kinds: Kinds, i: number): number {
  let j = i + 1;
  const furniture = (k: number): boolean => isCueFurniture(lines[k]?.shape ?? '') || CUE_TIMING.test(lines[k + 1]?.raw ?? '');
  while (j < lines.length && (kinds[j] === 'blank' || (kinds[j] === 'boilerplate' && furniture(j)))) j += 1;
  return j;
}

/** A cue's number or its timing line. */
function isCueFurniture(shape: string): boolean {
  return /^\d+$/u.test(shape) || CUE_TIMING.test(shape);
}
/** A question or an answer of a FAQ (Q. …, A1. …, 問　…, 答：…) starts a paragraph, whatever the line before ends on. */
const QA_MARKER = /^\s*(?:[QA]\d{0,3}\s*[.:)]|[QA]\d{0,3}\s+(?=[^\x00-\x7f])|[問答]\d{0,3}\s*[.:\s\u3000])/u;
const MAX_JOINED_LINES = 3;
/**
 * A sentence may run on over this many cue lines. Japanese subtitles hold some 13–16 characters a line, two lines a
 * cue, so five lines are 65–80 characters: a long spoken sentence of two or three clauses. Lines that run on past
 * that without a sentence's end are several sentences whose stops were left out, better cited apart.
 */
const MAX_CUE_LINES = 5;
const MAX_CAPTION_LINES = 8;
const MAX_JOINED_LENGTH = 200;
/**
 * Endings no sentence has: a comma, or a particle that asks for more (を, が, へ, から, ので, けど,
 * のに, ながら, たら, れば, 〜くて, a topic は). Not て/で or の: 「待って」「ほんまやで」「行くの」 end a
 * spoken sentence as often as they continue one.
 */
const MID_SENTENCE = /(?:[、,]|[をがへ]|(?<!こんにち|こんばん)は|から|ので|けど|けれど|のに|ながら|たら|れば|くて)$/u;
/** How a spoken sentence ends (です, ました, ください, ね, よ, か, だ, …), or a caption that is only a response or a greeting. */
const SPOKEN_END = /(?:[。.!?」』)…‥]|です|ます|でした|ました|ません|ください|ましょう|でしょう|ない|(?<!だい)たい|[ねよかなわぞぜだたう]|ok|OK)$/u;
const INTERJECTION = /^(?:はい|えー*|あー*|うん|よし|さて|どうも|はいどうも|こんにちは|みなさんこんにちは|皆さんこんにちは|ありがとうございます)$/u;

function stopsMidSentence(shape: string, breaks: Breaks): boolean {
  if (breaks === 'captions') {
    const words = shape.replace(TIMESTAMP, '');
    return !SPOKEN_END.test(words) && !INTERJECTION.test(words);
  }
  if (MID_SENTENCE.test(shape)) return true;
  // A subtitle cue breaks its sentence wherever the line is full.
  return breaks === 'cues' && !SENTENCE_END.test(shape) && !/[）)♪】]$/u.test(shape);
}

/**
 * Lines of one sentence as one text: Latin words keep a space between them, Japanese needs none;
 * a caption keeps its first timestamp, and its fragments a space between them, as the pauses were.
 */
function joinLines(parts: readonly string[], breaks: Breaks): string {
  return parts.reduce((text, part) => {
    const left = text.trimEnd();
    if (breaks === 'captions') return `${left} ${part.replace(TIMESTAMP, '').trim()}`;
    const right = part.trimStart();
    return /[A-Za-z0-9]$/u.test(left) && /^[A-Za-z0-9]/u.test(right) ? `${left} ${right}` : `${left}${right}`;
  });
}

/** A file of subtitle cues: timing lines (`00:00:01,000 --> 00:00:04,000`) recur. */
function isSubtitleFile(lines: readonly Line[]): boolean {
  return lines.filter((line) => CUE_TIMING.test(line.raw)).length >= MIN_CUES;
}
/**
 * The lines of a subtitle file that are the player's, not anyone's words: a WebVTT cue's identifier (`c7`, `intro`)
 * between the blank line and its timing, the header's settings and a NOTE mark.
 */
function markWebVttFurniture(lines: readonly Line[], kinds: Kinds): void {
  // The header's settings (Kind: captions, Language: ja) up to the first blank line, and a NOTE mark, are the
  // format's; the note's own lines stay, as they may give the title and the date.
  const header = lines[0] !== undefined && /^\uFEFF?WEBVTT\b/u.test(lines[0].raw);
  for (let i = 1; header && i < lines.length && kinds[i] !== 'blank'; i += 1) kinds[i] = 'boilerplate';
  lines.forEach((line, i) => {
    if (header && kinds[i] === null && /^NOTE$/u.test(line.raw.trim()) && (kinds[i - 1] === 'blank')) kinds[i] = 'boilerplate';
    const after = lines[i + 1];
    if (kinds[i] === null && (i === 0 || kinds[i - 1] === 'blank') && after !== undefined && CUE_TIMING.test(after.raw) && !line.raw.includes('-->')) {
      kinds[i] = 'boilerplate';
    }
  });
}
const CUE_TIMING = /^\s*\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\s*-->\s*\d{1,2}:\d{2}/u;
const MIN_CUES = 2;

/**
 * A list of links under a label such as `関連記事` is the page's: the label and every list item or
 * link after it (blank lines between them aside) are boilerplate, up to the first other line.
 */
function markLinkLists(lines: readonly Line[], kinds: Kinds): void {
  lines.forEach((line, i) => {
    if (kinds[i] !== null || !isLinkListLabel(line.raw)) return;
    let end = i + 1;
    while (end < lines.length && (kinds[end] !== null || lines[end]?.listItem === true || LINK.test(lines[end]?.shape ?? ''))) end += 1;
    // Blank lines or boilerplate after the list stay as they were; so does a label with no list under it.
    while (end > i + 1 && kinds[end - 1] !== null) end -= 1;
    if (end === i + 1) return;
    for (let j = i; j < end; j += 1) if (kinds[j] === null) kinds[j] = 'boilerplate';
  });
}

/**
 * A speaker's label alone on its line above the words (a transcription tool's `話者2  00:15`, a news caption's
 * 〈市民〉) says who speaks next, nothing of its own: it is read like metadata and never cited. Only a label that
 * is a person's by its shape (a part, a role, a word for people), a caption that recurs, or a name before a time
 * that heads words (the next line with anything on it is neither a label nor timed) twice or more. A schedule
 * (`講演　10:00` / `休憩　10:50` / `講演　11:00`) names its items again and again, but each heads the next item.
 */
function markStandingLabels(lines: readonly Line[], kinds: Kinds): void {
  const labels = lines.map((line, i) => (kinds[i] === null ? standingLabel(line.raw) : null));
  const headsWords = (i: number): boolean => {
    let next = i + 1;
    while (kinds[next] === 'blank') next += 1;
    const shape = lines[next]?.shape;
    return shape !== undefined && kinds[next] === null && labels[next] === null && !CLOCK_TIME.test(shape);
  };
  const heading = labels.map((label, i) => label !== null && (label.caption || headsWords(i)));
  const counts = new Map<string, number>();
  labels.forEach((label, i) => {
    if (label !== null && heading[i] === true) counts.set(label.name, (counts.get(label.name) ?? 0) + 1);
  });
  labels.forEach((label, i) => {
    if (label !== null && (label.part || (heading[i] === true && (counts.get(label.name) ?? 0) >= 2))) kinds[i] = 'metadata';
  });
}
/** A time of day (10:00, 0:03:15): a line carrying one is a schedule's or a label's, not the words under a label. */
const CLOCK_TIME = /\d{1,2}:\d{2}/u;

/** A line that is a link: a URL or a Markdown link, alone or after a short note. */
const LINK = /^(?:\S.{0,40}\s)?(?:https?:\/\/\S+|\[[^\]]+\]\([^)\s]+\))$/u;

/** Lines as an editor numbers them: CRLF, CR and LF all end a line; a final line ending adds no line. */
function splitLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function describeLine(raw: string, index: number): Line {
  const key = lineKey(raw);
  return {
    number: index + 1,
    raw,
    shape: raw.normalize('NFKC').replace(/\s+/gu, ' ').trim(),
    key,
    length: keyLength(key),
    listItem: isListItem(raw),
  };
}

interface Header {
  readonly title: string | null;
  readonly titleIndex: number | null;
  readonly author: string | null;
  readonly date: string | null;
  readonly speakers: readonly string[];
  /**
   * Header lines that stay content, since they may state facts (「同時接続：最大 3,812 人」), but describe
   * the whole text: a subtitle, fields no metadata rule reads, a cast list. Never section headings.
   */
  readonly fields: ReadonlySet<number>;
}

/**
 * Title and metadata from the top of the file. The header ends at the first line that is neither
 * metadata, nor (while there is no title yet) shaped like a title, nor (after it) a subtitle or a
 * field of the header. In unpunctuated text (raw speech-to-text) every line is shaped like a title,
 * so there the title must also stand apart: followed by a blank line, boilerplate or metadata.
 */
function readHeader(lines: readonly Line[], kinds: Kinds, punctuated: boolean, subtitles: boolean): Header {
  let title: string | null = null;
  let titleIndex: number | null = null;
  let author: string | null = null;
  let date: string | null = null;
  /** The day the text was last updated: its date only when no other line gives one. */
  let updated: string | null = null;
  const speakers: string[] = [];
  const fields = new Set<number>();
  const channel = channelName(lines, kinds);
  if (channel !== null) {
    kinds[channel] = 'title';
    titleIndex = channel;
    title = lines[channel]?.raw.trim() ?? null;
  }
  let seen = 0;
  let spanned = 0;
  for (let i = 0; i < lines.length && seen < HEADER_LINES && spanned < HEADER_SPAN; i += 1) {
    const line = lines[i];
    if (line === undefined || kinds[i] !== null) continue;
    spanned += 1;
    const metadata = readMetadataLine(line.raw) ?? (titleIndex === null ? null : readSiteByline(line.raw));
    if (metadata !== null && titleIndex !== null && isPlaceField(line.raw)) {
      fields.add(i);
      continue;
    }
    if (metadata !== null && titleIndex !== null && isUpdateField(line.raw)) {
      updated ??= metadata.date;
      fields.add(i);
      continue;
    }
    if (metadata !== null) {
      seen += 1;
      kinds[i] = 'metadata';
      author ??= metadata.author;
      date ??= metadata.date;
      speakers.push(...metadata.speakers);
      continue;
    }
    if (titleIndex === null) {
      // A subtitle file is all cues: its first short line is the first of a sentence, never a title.
      if (!isTitleShaped(line) || isChatMessage(line) || !(punctuated || standsApart(lines, kinds, i)) || subtitles) break;
      seen += 1;
      kinds[i] = 'title';
      titleIndex = i;
      title = stripMarkup(line.raw);
      date ??= dateAtEnd(title);
      continue;
    }
    if (isHeaderField(line)) {
      fields.add(i);
      continue;
    }
    // 「第3回公判調書（証人尋問部分・抄）」 right under the title, with the header's fields below it.
    if (!punctuated || !isSubtitle(lines, kinds, i, titleIndex)) break;
    seen += 1;
    fields.add(i);
  }
  return { title, titleIndex, author, date: date ?? updated, speakers, fields };
}
/** A chat channel's name alone on the first line of its saved messages: `#stat2-勉強会`, `#general`. */
const CHANNEL = /^#[^\s#]+$/u;
/** Lines under a channel name where its first message must show for the name to be the export's title. */
const CHANNEL_REACH = 5;

/**
 * The line naming the channel a chat export was saved from, when the file opens with it and a chat message
 * follows: the title, not a hashtag, and never the first message either.
 */
function channelName(lines: readonly Line[], kinds: Kinds): number | null {
  const first = lines.findIndex((line) => line.key !== '');
  const line = lines[first];
  if (line === undefined || !CHANNEL.test(line.raw.normalize('NFKC').trim())) return null;
  const after = lines.slice(first + 1, first + 1 + CHANNEL_REACH).filter((_, k) => kinds[first + 1 + k] !== 'blank');
  return after.some(isChatMessage) ? first : null;
}

/** A saved chat's message (「[2024-05-14 21:03] 佐藤: …」): someone's words, never a title. */
function isChatMessage(line: Line): boolean {
  return readLabel(line.raw.normalize('NFKC').trim())?.shape === 'chat';
}

/** Non-blank lines a header may run to when most of them are fields (a court record's cast list). */
const HEADER_SPAN = 20;

/**
 * A field of a header that no metadata rule reads: `配信者：ミナセ・ルカ`, `Hosts：ケンタ、Maya`,
 * `同時接続：最大 3,812 人` (a short label, a colon and a value that is no sentence), or a line of a cast
 * list, a role and a name parted by wide spaces (`裁判長　裁判官　大槻 正隆`).
 */
function isHeaderField(line: Line): boolean {
  if (line.length > HEADER_FIELD_MAX_LENGTH || isMarkedHeading(line.raw) || isMarkdownHeading(line.raw)) return false;
  const text = stripMarkup(line.raw).normalize('NFKC').trim();
  if (/[。!?]|です|ます/u.test(text)) return false;
  const field = /^([^:、「」]{1,16}?)\s*:\s*(\S.*)$/u.exec(text);
  if (field !== null) return !/[、,]$/u.test(field[2] ?? '');
  return /^[^\s、]{1,12}(?:\u3000+|\s{2,})\S/u.test(line.raw.replace(/^[\s\u3000]+/u, ''));
}
const HEADER_FIELD_MAX_LENGTH = 80;

/**
 * The line right under the title names what the text is a part of (`記録集 第七号`, `資料No.11`) when
 * it is shaped like a title and the header's fields follow it: a first heading is followed by content.
 */
function isSubtitle(lines: readonly Line[], kinds: Kinds, i: number, titleIndex: number): boolean {
  const line = lines[i];
  if (line === undefined || neighbour(lines, kinds, i, -1) !== titleIndex) return false;
  if (!isTitleShaped(line) || isMarkedHeading(line.raw) || isMarkdownHeading(line.raw) || /^[♪♫♬]/u.test(line.shape)) return false;
  const next = neighbour(lines, kinds, i, 1);
  const nextLine = next === null ? undefined : lines[next];
  return nextLine !== undefined && kinds[next ?? -1] === null && (readMetadataLine(nextLine.raw) !== null || isHeaderField(nextLine));
}

/** Whether a line is set off from what follows: by a blank line, boilerplate, metadata or a list. */
function standsApart(lines: readonly Line[], kinds: Kinds, i: number): boolean {
  const next = lines[i + 1];
  if (next === undefined || isMarkdownHeading(lines[i]?.raw ?? '')) return true;
  return kinds[i + 1] === 'blank' || kinds[i + 1] === 'boilerplate' || next.listItem || readMetadataLine(next.raw) !== null;
}

function isTitleShaped(line: Line): boolean {
  if (isMarkdownHeading(line.raw)) return true;
  return !line.listItem && line.length <= TITLE_MAX_LENGTH && !/[。.、,]$/u.test(line.shape) && !URL.test(line.shape);
}

/**
 * The people a cast list near the top names (`【登場人物】` over `岬 ハル（17）……灯台守の娘`, `ナレーター`): each
 * entry a name, perhaps an age or a reading in brackets, then nothing or what the part is after a leader
 * (……, ：, ―). The list stays content, since it states facts (an age, who someone is).
 */
function castList(lines: readonly Line[], kinds: Kinds): string[] {
  const label = lines.findIndex((line, i) => i < TOC_START_LINES && kinds[i] === null && CAST_LABEL.test(line.shape));
  if (label < 0) return [];
  const names: string[] = [];
  for (let i = label + 1; i < lines.length; i += 1) {
    const line = lines[i];
    if (line === undefined || kinds[i] === 'blank') break;
    const name = CAST_ENTRY.exec(line.shape)?.[1]?.trim();
    if (name === undefined || !NAME_SHAPED.test(name)) break;
    names.push(name);
  }
  return names.length >= MIN_CAST ? names : [];
}
/** A cast list's label: `【登場人物】`, `■キャスト`, `出演：` with the names below it. */
const CAST_LABEL = /^(?:[【\[■●◆]\s*)?(?:登場人物|キャスト|配役|出演|出演者|cast|characters)\s*(?:[】\]])?\s*:?$/iu;
/** A name (a family and a given name may stand apart), an age or a reading in brackets, then a leader (…… folds to ......) or nothing. */
const CAST_ENTRY = /^([^\s().…‥:―—]{1,8}(?: [^\s().…‥:―—]{1,8})?)\s*(?:\([^()]{1,12}\))?\s*(?:\.{2,}|[…‥:―—]|$)/u;
const MIN_CAST = 2;

/** When no line is a title: the first sentence of the first content line, which usually says what this is. */
function derivedTitle(lines: readonly Line[], kinds: Kinds): string | null {
  // A chat message is someone's words, never the name of the file they were saved in.
  const opening = lines.filter((line, i) => kinds[i] === null && !isChatMessage(line)).slice(0, DERIVED_TITLE_LINES);
  const sentences = opening.flatMap((line) => {
    const text = stripMarkup(line.raw);
    const split = splitSentences(text).map((sentence) => sentence.text.trim());
    return split.length > 0 ? split : [text];
  });
  // A talk opens with a greeting; what it is about comes after 「皆さんこんにちは」 and the thanks.
  const chosen = sentences.find((sentence) => !GREETING.test(sentence.normalize('NFKC'))) ?? sentences[0];
  if (chosen === undefined) return null;
  const sentence = chosen.replace(/[。.!?\uFF01\uFF1F]+$/u, '').replace(LEADING_FILLER, '') || chosen;
  const chars = [...sentence];
  return chars.length <= DERIVED_TITLE_MAX_LENGTH ? sentence : `${chars.slice(0, DERIVED_TITLE_MAX_LENGTH).join('')}…`;
}
/** Content lines read for a title when the file has no title line. */
const DERIVED_TITLE_LINES = 3;
/** Hesitations a speaker opens with: not part of a title. */
const LEADING_FILLER = /^(?:(?:えー+|えっと|えーと|あのー*|まあ|はい|では)[、,\s]*)+/u;
/** A sentence that only greets or thanks (「はいどうもこんにちは」「本日はお招きいただきありがとうございます」). */
const GREETING =
  /^[^。!?]{0,24}(?:こんにちは|こんばんは|おはようございます|はじめまして|初めまして|よろしくお願いします|よろしくお願いいたします|ありがとうございます|ありがとうございました)[ー〜~!。.\s]*$/u;

interface TableOfContents {
  /** The label (`目次`) and entry lines. */
  readonly lines: readonly number[];
  /** Body lines that repeat an entry, named after it. */
  readonly headings: readonly Heading[];
}

/**
 * A table of contents near the top: list items (or lines under a `目次` label) that are short and not
 * sentences. It counts only when a label introduces it or at least half of its entries (two or more)
 * reappear, in order, as heading-shaped lines further down — a bulleted list of topics in an
 * introduction stays content.
 */
function findTableOfContents(lines: readonly Line[], kinds: Kinds): TableOfContents | null {
  let nonBlank = 0;
  for (let i = 0; i < lines.length && nonBlank < TOC_START_LINES; i += 1) {
    const line = lines[i];
    if (line === undefined || kinds[i] === 'blank') continue;
    nonBlank += 1;
    if (kinds[i] !== null) continue;
    const labelled = TOC_LABELS.has(line.key.replace(/[:\uFF1A]$/u, ''));
    if (!labelled && !line.listItem) continue;
    const entries = tocRun(lines, kinds, labelled ? i + 1 : i);
    if (entries.length < (labelled ? 1 : TOC_MIN_ENTRIES)) continue;
    const last = entries[entries.length - 1] ?? i;
    const headings = matchEntries(lines, kinds, entries, last + 1);
    if (labelled || (headings.length >= 2 && headings.length * 2 >= entries.length)) {
      return { lines: labelled ? [i, ...entries] : entries, headings };
    }
    // A rejected list is rejected whole: its tail is not tried again as a shorter table of contents.
    nonBlank += entries.length - 1;
    i = last;
  }
  return null;
}

/**
 * Consecutive entry-shaped lines from `from`, all list items or (under a label) all plain lines.
 * List items may be spaced by blank lines; plain lines end at the first blank line, since the body's
 * first heading usually follows one.
 */
function tocRun(lines: readonly Line[], kinds: Kinds, from: number): number[] {
  const entries: number[] = [];
  let listed: boolean | null = null;
  for (let i = from; i < lines.length; i += 1) {
    const line = lines[i];
    if (line === undefined) break;
    if (kinds[i] === 'blank') {
      if (listed === false) break;
      continue;
    }
    listed ??= line.listItem;
    const shaped = kinds[i] === null && line.listItem === listed && line.length <= TOC_ENTRY_MAX_LENGTH && !/[。.]$/u.test(line.shape);
    if (!shaped) break;
    entries.push(i);
  }
  return entries;
}

function matchEntries(lines: readonly Line[], kinds: Kinds, entries: readonly number[], from: number): Heading[] {
  const headings: Heading[] = [];
  let position = from;
  for (const entry of entries) {
    const entryLine = lines[entry];
    if (entryLine === undefined || entryLine.length < 2) continue;
    for (let i = position; i < lines.length; i += 1) {
      const line = lines[i];
      if (line === undefined || kinds[i] !== null || !repeatsEntry(line, entryLine)) continue;
      headings.push({ index: i, name: sectionName(entryLine.raw) });
      position = i + 1;
      break;
    }
  }
  return headings;
}

/** The line equals the entry, or starts with it and is still short and unpunctuated, like a heading. */
function repeatsEntry(line: Line, entry: Line): boolean {
  if (line.key === entry.key) return true;
  return line.key.startsWith(entry.key) && line.length <= entry.length + TOC_HEADING_EXTRA && !/[。.、,!」』…‥]$/u.test(line.shape);
}

function claimMarkdownHeadings(lines: readonly Line[], kinds: Kinds): Heading[] {
  const headings: Heading[] = [];
  lines.forEach((line, i) => {
    if (kinds[i] !== null || !isMarkdownHeading(line.raw) || line.length > TOC_ENTRY_MAX_LENGTH) return;
    kinds[i] = 'heading';
    headings.push({ index: i, name: sectionName(line.raw) });
  });
  return headings;
}

/**
 * Headings with no markup: a short line that does not read as a sentence, opens a longer line of
 * content, and does not continue the line before it. Trusted only in punctuated text — in a raw
 * speech-to-text dump every short line is unpunctuated. A line ending in `?` is a heading only when
 * it is echoed right after its block (`見出し?` / content / `見出し?`), since a spoken question
 * otherwise looks the same.
 */
function claimPlainHeadings(lines: readonly Line[], kinds: Kinds, speakers: readonly string[], header: ReadonlySet<number>): Heading[] {
  const counts = new Map<string, number>();
  /** The different lines each label opens: an echoed heading (`A:B` / … / `A:B`) is one. */
  const labels = new Map<string, Set<string>>();
  lines.forEach((line, i) => {
    if (kinds[i] === 'blank') return;
    counts.set(line.key, (counts.get(line.key) ?? 0) + 1);
    const label = lineLabel(line);
    if (label !== null) labels.set(label, (labels.get(label) ?? new Set<string>()).add(line.key));
  });
  if (usesLabelLines(lines, kinds, counts, header)) return [];
  const speakerKeys = speakers.map(lineKey);
  // A text that marks its headings (■ 1. 開会, 【質疑】) marks them all: an unmarked short line there is
  // a list entry or a footer (「74分　山田（北）」「〇〇会　連絡先：…」).
  const marksHeadings = lines.filter((line, i) => kinds[i] === null && isMarkedHeading(line.raw) && headingShape(line) !== null).length >= MIN_MARKED_HEADINGS;
  const firstSeen = new Set<string>();
  const headings: Heading[] = [];
  lines.forEach((line, i) => {
    const first = !firstSeen.has(line.key);
    firstSeen.add(line.key);
    // A field of the header (「聞き手：阿部　記録：千葉」) or its subtitle describes the whole text.
    if (kinds[i] !== null || !first || header.has(i)) return;
    if (marksHeadings && !isMarkedHeading(line.raw)) return;
    const shape = headingShape(line);
    if (shape === null || (counts.get(line.key) ?? 0) > 2) return;
    // 「板書：化学変化…」 when 「板書：」 opens other lines too: a labelled line, like a speaker's.
    const label = lineLabel(line);
    if (label !== null && (labels.get(label)?.size ?? 0) >= 2) return;
    if (speakerKeys.some((speaker) => speaker.includes(line.key.replace(/[:\uFF1A]$/u, '')))) return;
    const next = neighbour(lines, kinds, i, 1);
    const nextLine = next === null ? undefined : lines[next];
    if (next === null || nextLine === undefined || kinds[next] !== null) return;
    // A heading mark (■, 【…】) says what the line is: a short line under it may still be content.
    const marked = isMarkedHeading(line.raw);
    if (marked ? isMarkedHeading(nextLine.raw) : headingShape(nextLine) !== null) return;
    // Unmarked, a heading opens a longer line; after a mark the block under it may open with a short cue (SE　足音).
    if ((!marked && nextLine.length <= line.length) || continuesPrevious(lines, kinds, i)) return;
    if (shape === 'question' && !isEchoed(lines, kinds, i)) return;
    kinds[i] = 'heading';
    headings.push({ index: i, name: sectionName(line.raw) });
  });
  return headings;
}

const MIN_MARKED_HEADINGS = 2;

/** A saved talk's day line, the date with its weekday alone on the line: 「2025/03/01(土)」, 「2025.03.01 土曜日」. */
const TALK_DAY = /^\s*\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\s*(?:[(（][月火水木金土日](?:曜日?)?[)）]|[月火水木金土日]曜日)\s*$/u;
/** A saved talk's message, the time and a tab before the sender: 「20:14\tママ\t…」. */
const TALK_MESSAGE = /^\s*\d{1,2}:\d{2}\t/u;

/**
 * The day lines of a messaging app's saved talk: each dates the messages under it, as a dated heading
 * does its section, whether or not a header field was taken for it (the first sits right under the
 * export's header). Only above a message, so a date alone in a text is not made a heading by its shape.
 */
function claimTalkDays(lines: readonly Line[], kinds: Kinds): Heading[] {
  const headings: Heading[] = [];
  lines.forEach((line, i) => {
    if ((kinds[i] !== null && kinds[i] !== 'metadata') || !TALK_DAY.test(line.raw)) return;
    const next = neighbour(lines, kinds, i, 1);
    if (next === null || !TALK_MESSAGE.test(lines[next]?.raw ?? '')) return;
    kinds[i] = 'heading';
    headings.push({ index: i, name: sectionName(line.raw) });
  });
  return headings;
}

/**
 * Whether short lines recur without being echoed headings, as speaker labels on their own line do
 * (`田中` / speech / `鈴木` / speech / `田中`): then short lines are labels, not headings.
 */
function usesLabelLines(lines: readonly Line[], kinds: Kinds, counts: ReadonlyMap<string, number>, header: ReadonlySet<number>): boolean {
  const checked = new Set<string>();
  return lines.some((line, i) => {
    if (kinds[i] === 'blank' || checked.has(line.key)) return false;
    checked.add(line.key);
    // A header line signed again at the end (a record's clerk) is no speaker's label.
    if (header.has(i)) return false;
    // Only a key first seen on a content line: a repeated title or heading is an echo, not a label.
    return kinds[i] === null && (counts.get(line.key) ?? 0) >= 2 && headingShape(line) !== null && !isEchoed(lines, kinds, i);
  });
}

/** `plain` for a short label-like line, `question` for one ending in `?`, null for anything else. */
/** A laugh or applause noted at the end of a spoken line: (笑), （拍手）. */
const STAGE_DIRECTION_END = /[(（](?:笑|笑い|笑う|苦笑|爆笑|一同笑|拍手|会場笑|汗)[)）]$/u;

function headingShape(line: Line): 'plain' | 'question' | null {
  const { shape } = line;
  if (line.length < 2 || line.length > HEADING_MAX_LENGTH || line.listItem) return null;
  // 「■ 3. 新製品「WindDesk 2」」: after a heading mark, a closing quote ends a name, not a sentence.
  const marked = isMarkedHeading(line.raw);
  if (URL.test(shape) || shape.includes('。') || (!marked && /[.、,!…‥」』"]$/u.test(shape))) return null;
  // 「Q. 塩の量は」: a FAQ's question, however short, not a heading.
  if (QA_MARKER.test(shape)) return null;
  // 「♪ジングル（CM入り）」: a cue for music or a jingle, not a heading.
  if (/^[♪♫♬]/u.test(shape)) return null;
  // 「[chat] user123: 草」「(12:03) 田中: はい」: a message after a tag is someone speaking.
  if (TAGGED_MESSAGE.test(shape)) return null;
  // 「落としたのは14回でした（笑）」: a stage direction closes speech, never a heading.
  if (STAGE_DIRECTION_END.test(shape)) return null;
  // 「都市整備部長　　　　村上　洋介君」: a role and a name set apart in columns, a line of a cast list.
  if (/\S(?:\u3000{2,}|[ \t]{3,})\S/u.test(line.raw)) return null;
  // 「※ユキ＝雪村 葵、…」: an editor's note, not a heading.
  if (/^[※*]/u.test(shape)) return null;
  // 「定休日：毎週月曜日」: a field of an info box with its value, not a heading.
  // So is a line of several parts one of which is such a field (「〇〇会　連絡先：公民館内」).
  const parts = line.raw.split(/\u3000+|\s{2,}/u).map((part) => part.normalize('NFKC').trim());
  for (const part of [shape, ...parts]) {
    const field = /^([^:]{1,12}):\s*\S/u.exec(part);
    if (field?.[1] !== undefined && isFieldLabel(field[1])) return null;
  }
  // Mostly hiragana is speech (「そうなんですね」), unless a heading mark says otherwise (【まとめ】).
  const bare = line.key.replace(/^【(.*)】$/u, '$1');
  if (!marked && !KANA_HEADINGS.has(bare) && (bare.match(HIRAGANA)?.length ?? 0) / keyLength(bare) >= 0.6) return null;
  return shape.endsWith('?') && !marked ? 'question' : 'plain';
}
/** A tag in brackets, then a name and a colon: a chat message or a timestamped line of speech. */
const TAGGED_MESSAGE = /^(?:\[[^\]]{1,20}\]|\([^)]{1,20}\))\s*[^\s:][^:]{0,29}:\s*\S/u;

/** The words before a line's colon (`板書`, `[chat] user123`), when a short label opens it; null otherwise. */
function lineLabel(line: Line): string | null {
  const label = /^([^:]{1,20}?)\s*:\s*\S/u.exec(line.shape)?.[1];
  return label === undefined ? null : label.toLowerCase();
}

/** Whether most lines of some length end like sentences, so that an unpunctuated line stands out. */
function isPunctuated(lines: readonly Line[], kinds: Kinds): boolean {
  // Prose is what is longer than a heading. A text with no such line is judged on its lines that are
  // not list items (`- GPT-5` is not a sentence), leaving out the first, the title in question.
  const candidates = lines.filter((_, i) => kinds[i] === null);
  const long = candidates.filter((line) => line.length > HEADING_MAX_LENGTH);
  const prose = long.length > 0 ? long : candidates.slice(1).filter((line) => !line.listItem);
  if (prose.length === 0) return false;
  return prose.filter((line) => SENTENCE_END.test(line.shape)).length / prose.length >= PUNCTUATED_SHARE;
}

/** A line is a continuation when the line before it is prose that stopped mid-sentence. */
function continuesPrevious(lines: readonly Line[], kinds: Kinds, i: number): boolean {
  const previous = neighbour(lines, kinds, i, -1);
  const line = previous === null ? undefined : lines[previous];
  if (previous === null || line === undefined || kinds[previous] !== null) return false;
  return /[、,]$/u.test(line.shape) || (line.length > HEADING_MAX_LENGTH && !SENTENCE_END.test(line.shape));
}

/** The line is repeated right after the block of content it opens. */
function isEchoed(lines: readonly Line[], kinds: Kinds, i: number): boolean {
  const line = lines[i];
  if (line === undefined) return false;
  let content = 0;
  for (let j = neighbour(lines, kinds, i, 1); j !== null; j = neighbour(lines, kinds, j, 1)) {
    const other = lines[j];
    if (other === undefined) return false;
    if (other.key === line.key) return content > 0;
    if (kinds[j] !== null || headingShape(other) !== null) return false;
    content += 1;
  }
  return false;
}

/** The nearest line before (-1) or after (+1) that is neither blank nor boilerplate. */
function neighbour(lines: readonly Line[], kinds: Kinds, i: number, step: 1 | -1): number | null {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) {
    if (kinds[j] !== 'blank' && kinds[j] !== 'boilerplate') return j;
  }
  return null;
}

/**
 * Repeated lines are indexed once: a content or metadata line whose key appeared earlier on a title,
 * metadata, heading or content line is a duplicate. The first echo of the title stays a heading;
 * table-of-contents entries do not count as seen, or their headings would vanish.
 */
function markDuplicates(lines: readonly Line[], kinds: Kinds, titleIndex: number | null, echo: number): void {
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const kind = kinds[i];
    if (i === titleIndex || i === echo || kind === 'heading') {
      seen.add(line.key);
      return;
    }
    if (kind !== null && kind !== 'metadata') return;
    if (seen.has(line.key)) kinds[i] = 'duplicate';
    else seen.add(line.key);
  });
}

/**
 * A long content line found whole inside a longer one (`- <intro> <more>` restating the intro) is a
 * duplicate of it: the longer line carries everything the shorter says and more, so only it is
 * indexed, whichever comes first.
 */
function markSubsumed(lines: readonly Line[], kinds: Kinds): void {
  const candidates = lines.flatMap((line, i) => (kinds[i] === null && line.length >= SUBSUMED_MIN_LENGTH ? [{ key: line.key, i }] : []));
  // Index the shorter lines by their opening characters, then slide over each longer line once:
  // linear in the text instead of comparing every pair of lines.
  const byOpening = new Map<string, Array<{ readonly key: string; readonly i: number }>>();
  for (const candidate of candidates) {
    const opening = candidate.key.slice(0, SUBSUMED_ANCHOR);
    const bucket = byOpening.get(opening);
    if (bucket === undefined) byOpening.set(opening, [candidate]);
    else bucket.push(candidate);
  }
  for (const longer of candidates) {
    for (let at = 0; at + SUBSUMED_ANCHOR <= longer.key.length; at += 1) {
      for (const shorter of byOpening.get(longer.key.slice(at, at + SUBSUMED_ANCHOR)) ?? []) {
        if (shorter.key.length < longer.key.length && longer.key.startsWith(shorter.key, at)) kinds[shorter.i] = 'duplicate';
      }
    }
  }
}

/**
 * Whether a heading states a day or a month (`追記（2024/5/1）`, `研究協議会 2023年11月28日`): such a
 * heading is indexed as a paragraph as well, so that the date can be found and cited. A year alone is
 * too often a heading's subject (`2030年のAI`) to count; other headings are searched only as the
 * section of the paragraphs under them.
 */
function isDated(heading: string): boolean {
  const found = findDate(heading);
  return found !== null && found.date.length >= 7;
}

/** A heading as a section name: without list or markdown marks and without a trailing colon. */
function sectionName(raw: string): string {
  return stripMarkup(raw).replace(/\s*[:\uFF1A]$/u, '');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
