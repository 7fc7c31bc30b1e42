/**
 * One transcript → its dated statements: every date in every sentence, resolved against the
 * transcript's own date (stated or read off the text) or against the date the passage is about,
 * each with the clause it belongs to and its citation.
 */
import { isLinkListLabel } from '../../corpus/boilerplate.js';
import { readPostStamp } from '../../corpus/post-stamp.js';
import { labelLength } from '../../corpus/speaker-label.js';
import type { Paragraph, Transcript } from '../../corpus/types.js';
import { addDays, formatPoint, precisionOf, type CalendarPoint, type DatePart, type Precision } from '../../text/dates/calendar.js';
import { documentDate, type DocumentDate } from '../../text/dates/document-date.js';
import { findTemporal, foldWidth, type FindTemporalOptions, type TemporalMention } from '../../text/dates/find-temporal.js';
import { resolveTemporal } from '../../text/dates/resolve-temporal.js';
import { eventClause, eventKind, OFFERED, type EventClause, type EventKind } from './event-clause.js';

export interface Citation {
  readonly file: string;
  readonly line: number;
}

/** How a relative date was resolved: from what, and whether that reference was itself read off the text. */
export interface Resolved {
  readonly basis: 'document' | 'context';
  /** The reference date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly reference: string;
  /** The document's date was inferred from its text, not stated. */
  readonly inferred: boolean;
  /** The date is when something still going on began (この業界に20年). */
  readonly since: boolean;
}

export interface TimelineEvent {
  /** Start of the date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null when unresolved. */
  readonly date: string | null;
  /** Inclusive end of a range, else null. */
  readonly end: string | null;
  readonly precision: Precision | 'unresolved';
  readonly approximate: boolean;
  readonly part: DatePart | null;
  readonly kind: EventKind | 'publication';
  /** The statement, quoted verbatim from the sentence (the publication's title for a publication). */
  readonly event: string;
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
  /** The date as the text wrote it. */
  readonly dateText: string;
  /** Null for a date the text states outright. */
  readonly resolved: Resolved | null;
  readonly file: string;
  readonly line: number;
  readonly title: string;
  /** Every place this event is stated, its own first. */
  readonly citations: readonly Citation[];
  /** The whole sentence, for topic filters. */
  readonly sentence: string;
}

export interface TranscriptDates {
  readonly file: string;
  readonly documentDate: DocumentDate | null;
  readonly events: readonly TimelineEvent[];
}

/** A question asking about a date (2025年はどう思いますか?) states no event. */
const INTERROGATIVE = /どの|誰|だれ|何|なに|どう|いつ|どこ|なぜ|どれ|どんな|どちら|いくつ|いくら/u;
const QUESTION_END = /(?:[?\uFF1F]|か[。.]?)[」』)\s]*$/u;
/**
 * 「9月3日の日曜日とかどう？」「来月はいかがですか」: a question offering a date asks about a plan, not
 * about the date, so the date offered stays (what follows it: a weekday or time of day, a particle, どう/いかが).
 */
const PROPOSED = new RegExp(String.raw`^\s*(?:の\s*(?:[月火水木金土日]曜日?|週末|午前|午後|朝|夜|夕方)\s*)?(?:あたり|ごろ|頃)?\s*${OFFERED}[?\uFF1F!\uFF01。.」』)\s]*$`, 'u');
/**
 * 「今年ももう終わりですね」「2025年も半分が過ぎた」: the date itself passing (its subject, then 終わる/過ぎる/経つ)
 * is a remark on how time flies, not something that happened in it.
 */
const TIME_PASSES = /^\s*(?:も|は|が)\s*(?:もう|はや|早くも|すでに|既に|とうとう|いよいよ|あっという間に|気づけば|気付けば)?\s*(?:(?:半分|[\d一二三四五六七八九十]+\s*分の\s*[\d一二三四五六七八九十]+|[\d一二三四五六七八九十]+\s*割)\s*(?:が|も|ほど|くらい)?\s*)?(?:終わ|おわ|過ぎ|すぎ|経っ|経ち|経過|折り返)/u;
/** A clause that ends in thanks, a welcome or a sign-off: dated by 今日/本日, it is manners, not an event. */
const GREETING = /(?:ありがとうございます|ありがとうございました|よろしくお願いします|お願いいたします|お(?:疲れ|つかれ)(?:様|さま)(?:です|でした)|ようこそ|お会いしましょう|お届けします|お迎えしています|お迎えしました|この(?:へん|辺)で|以上です|楽しみにしてきました)[。!\uFF01]*$/u;

/** 今日/本日 in a clause about the occasion itself (司会, guests, the talk or meeting starting or ending): no event either. */
const TODAY = /^(?:本日|今日|きょう|今朝|今夜|今晩)/u;
/**
 * What a talk or lesson says it does today: take up a subject (扱います, 取り上げます, 見ていきます), the
 * speaker's own intention for the session (〜ていこうと思います, 〜しましょう), or its wrap-up
 * (「というわけで今日は…しました」).
 */
const TALK_PROGRAMME = String.raw`(?:作り|やり|進め)ます(?:ね|よ)?[。!\uFF01]*$|扱(?:い|う|っ)|取り上げ|解説し|議論し|(?:見|やっ|進め|学ん|考え)ていき|(?:て|で)いこうと思|(?:て|で)みよ(?:う)?(?:と)?\s*思|ましょう[。!\uFF01]*$|^(?:というわけで|ということで|そんなわけで|以上)[、,\s]*(?:今日|本日)`;
/**
 * A meeting's own proceedings, as a record or a chair states them: the session opened, adjourned or
 * closed (開きます, 散会, 閉会, 休憩), its agenda (本日の日程は…), its business finished (日程は終了いたしました).
 */
const PROCEEDINGS = String.raw`散会|閉会|休会|延会|流会|開議|会議を開|会を開|休憩(?:と|に|を|いた|し)|再開(?:いた|し)|(?:議事)?日程(?:は|を|が|に)|終了(?:いた)?しました`;
const OCCASION = new RegExp(String.raw`司会|ゲスト|お越し|お邪魔し|来て(?:いただ|もら|くださ|くれ)|お集まり|お招き|ご来場|ご参加|ご視聴|(?:終わり|終了|閉会|開会|始め|開催)(?:ます|にします|いたします|ましょう|ていきます|るで|るよ)|話(?:を)?(?:する|します|したい|しよう|そう|していき|させていただ|させてもら)|お話しし|紹介(?:します|したい|していき)|(?:ご)?説明(?:し|いたし|します|いただ)|テーマ|お送りします|ここまで|おしまい|${TALK_PROGRAMME}|${PROCEEDINGS}`, 'u');
/**
 * A relative date in a clause that says nothing else: only fillers before it and a topic particle,
 * perhaps with 「ですね」, after it (「あのー今日はですね」; 「今年中ですね。」 answers, so is kept), or a
 * line cut off mid-phrase with no end mark (「今日は自家製ベーコンの」, a caption line). Such a date only
 * restates when the text was spoken.
 */
const FILLERS_ONLY = /^(?:えー*|えっと|あの[ーう]*|まあ|ま|で|じゃあ|はい|さて|それでは|では|[ー、,\s])*$/u;
const PARTICLE_ONLY = /^\s*(?:は|も|って)\s*(?:ですね|ですけど|ですが|ね|さ)?[、,…。.!\uFF01\s]*$/u;
const CUT_OFF = /(?:の|を|に|が|は|と|へ|から|より)$/u;
/**
 * What may follow a date in a sentence that is only that date: 「三月末。」「2019年春――」, and in speech a
 * season and a copula (「昭和二十三年の九月だ。」「昭和十九年の夏だ。」「…十月だったべか。」「1998年でした。」).
 */
const DATE_ONLY = /^(?:\s*の?\s*(?:春|夏|秋|冬|暮れ|頃|ころ|ごろ))?(?:\s*[だでじや][\u3041-\u3093]{0,6})?[\s。.、,!\uFF01?\uFF1F…―—-]*$/u;
/** A phrase left without its predicate ends in a case particle: 「去年の夏に千葉で。」「春休みに家族と。」 */
const PHRASE_END = /(?:で|に|へ|と|から|まで)[。.!\uFF01]?$/u;
/** Longest such phrase, in code points. */
const MAX_FRAGMENT = 20;
/** What may stand before such a date: nothing, or one short opening clause (「んだなあ、」「戦争終わって、」). */
const DATE_ONLY_LEAD = /^(?:[^、,。]{0,8}[、,])?\s*$/u;
/** A request to the listener or reader, or a host awaiting their calls. */
const ASKS_LISTENER = /(?:ください|下さい|お待ちして(?:い|お)[^。]*)[。!\uFF01]*$/u;
/** 「…はまた来月。」「ではまた来週!」: a sign-off, not a plan. */
const SIGN_OFF = /また(?:来週|来月|次回|明日|今度|来年)[。!\uFF01]*$/u;
/** 「2025年3月期」: a fiscal period's name, not the date of an event. */
const FISCAL_PERIOD = /^\s*期(?![待間限日])/u;

/** 今年, 去年, 来年: dropped where the sentence also states a year outright, which is more reliable. */
const DEICTIC_YEAR = /^(?:一昨年|おととし|去年|昨年|今年|本年|来年|再来年)/u;
/** Between a date and a count restating it (2028年、つまり4年後): the count is not a second date. */
const RESTATEMENT = /^\s*[、,]?\s*(?:つまり|すなわち|要するに|今から|いまから)\s*$/u;
/** Paragraphs at the top in which a labelled date line (日時：…) dates the whole text. */
const HEADER_PARAGRAPHS = 2;
/** How many paragraphs back a stated date still sets the time a passage is about. */
const CONTEXT_PARAGRAPHS = 2;
/** Right before a month: the year just told (その年の9月, 同じ年の). */
const THAT_YEAR = /(?:その年|同じ年|同年)(?:の)?\s*$/u;
/**
 * Right before a month: a count on from the date just told (「二日後の4月16日」「その翌週の」「3か月後、7月に」):
 * the month is in the time of that date, however many lines ago it was told.
 */
const COUNTED_ON = /(?:[0-9０-９一二三四五六七八九十数何]+\s*(?:日|週間|か月|ヶ月|カ月|ケ月|箇月)\s*(?:後|経っ[てた]|たっ[てた])|翌日|翌々日|翌週|翌月|次の日|その後)(?:の|に|、|,)?\s*$/u;
/** Right after a count back: a comparison (1年前と比べて, 3年前より), not the date of an event. */
const COMPARED = /^\s*(?:と|に)?\s*(?:比べ|比較し|くらべ)|^\s*より(?!\s*(?:前|後))/u;
/** Words that tie a relative date to a time told just before: その2年前, それから, 当時, 同じ年. */
const ANAPHORIC = /その|それから|それまで|当時|同じ年|同年|その後|翌年|前年/u;

/**
 * Dated statements of one transcript, in file order, with its publication as the first event.
 *
 * @example extractEvents(transcript).events[0]?.kind // 'publication' when the transcript is dated
 */
export function extractEvents(transcript: Transcript): TranscriptDates {
  const statedLine = transcript.date === null ? null : publicationLine(transcript, transcript.date);
  // With no date the reader found, a header line may still give one: the title (「…2025年6月号」) or a date line just below it.
  const titleLine = transcript.lines.find((line) => line.text.trim() === transcript.title.trim())?.line ?? 1;
  // The reader's metadata lines among them (「文字起こし：自動　収録日：2024年2月9日」) are header too.
  const lead = transcript.paragraphs.slice(0, HEADER_PARAGRAPHS);
  const leadEnd = lead[lead.length - 1]?.line ?? transcript.lines.length;
  const metadata = transcript.lines.filter((line) => line.kind === 'metadata' && line.line <= leadEnd);
  const header = [{ line: titleLine, text: transcript.title }, ...[...metadata, ...lead].sort((left, right) => left.line - right.line)];
  const document = documentDate(transcript.date, transcript.paragraphs, statedLine, header);
  const events: TimelineEvent[] = [];
  /** Where the transcript states its own date: a date line repeating it (an agenda's 開議 line) is cited here. */
  const publicationCitations: Citation[] = [];
  if (document !== null && !document.inferred && statedLine !== null) {
    const publication = publicationEvent(transcript, document.point, statedLine);
    publicationCitations.push(...publication.citations);
    events.push({ ...publication, citations: publicationCitations });
  }
  const headings = datedHeadings(transcript, document);
  const indexed = new Set(transcript.paragraphs.map((paragraph) => paragraph.line));
  for (const heading of headings) {
    // A dated update is a row: the text was added to on that day. Another dated heading (a scene,
    // a day of a diary) is when its section took place: a row standing for the section.
    if (heading.date === null || (!heading.update && isLinkListLabel(heading.text))) continue;
    if (heading.update || !indexed.has(heading.line)) events.push(headingEvent(transcript, heading, document?.point ?? null));
  }
  events.push(...updateNotes(transcript));
  /** The last stated date of each paragraph seen so far, for the passage context. */
  const recent: Array<CalendarPoint | null> = [];
  /** The last date stated anywhere above, for 「その年」. */
  let toldLast: CalendarPoint | null = null;
  for (const paragraph of transcript.paragraphs) {
    const heading = headingAbove(headings, paragraph.line);
    // A list of links to other posts dates those posts, not anything this one tells.
    if (heading !== null && isLinkListLabel(heading.text)) continue;
    // A heading indexed as a paragraph: a dated update is its row already; another dated heading
    // (「【参観者所見】（研究協議会 2023年11月28日）」) says when its section took place, not what is to come.
    const ownHeading = headings.find((candidate) => candidate.line === paragraph.line);
    if (ownHeading?.update === true) continue;
    // The first sentence of a labelled line starts after its label (「高橋（ゲスト）: 2023年3月に…」).
    const label = labelLength(paragraph.text);
    // Under 「追記（2024/5/1）」 the text was written on that date: the present a bare month or 先月 is near.
    // A chat message was written when its stamp says (「[2024-05-14 21:11] 佐藤: 5/28（火）の3限」), and
    // what is said in a scene headed by its day (「シーン3（九月二十六日・昼）」) is said on that day.
    const posted = messageStamp(paragraph.text, label);
    const now = posted ?? heading?.written ?? sceneDay(heading) ?? document?.point ?? null;
    let context = recent.slice(-CONTEXT_PARAGRAPHS).reduce<CalendarPoint | null>((last, value) => value ?? last, null);
    let lastStated: CalendarPoint | null = null;
    for (const [sentenceIndex, whole] of paragraph.sentences.entries()) {
      const sentence = whole.start < label ? { ...whole, text: whole.text.slice(label - whole.start) } : whole;
      const found = datedMentions(sentence.text, { posted: posted !== null });
      // Years the sentence states: 去年/今年/来年 resolving to one of them restate it, not a second event.
      const statedYears = new Set(found.flatMap((mention) => (mention.kind === 'absolute' ? [mention.value.start.year] : [])));
      for (const [i, mention] of found.entries()) {
        // A month with no year takes its year only from its own paragraph: a year two paragraphs up is
        // as often an example (1998年のワールドカップ) as the time being told about.
        // A year stated in an earlier paragraph sets the time for 「2年前」 only when the paragraph
        // points back to it (その2年前, 当時); otherwise a count is from the document's date.
        // A count back (5年前) is from when the text was written, even after another date in the same
        // sentence (「平成2年開業のこの旅館は、5年前、…」), unless the text ties it to that date (その5年前,
        // 2012年の3年前); a count forward (3年後) goes on from the date just told.
        // 「その年の9月」 points back to the year told last, however many turns ago.
        const reach =
          mention.kind === 'month'
            ? lastStated ?? (THAT_YEAR.test(sentence.text.slice(0, mention.index)) ? toldLast : COUNTED_ON.test(sentence.text.slice(0, mention.index)) ? onFrom(toldLast, mention.month) : null)
            : countsBack(mention) && !tiedBack(paragraph.text.slice(0, whole.start), sentence.text, found, i)
              ? null
              : !ANAPHORIC.test(paragraph.text)
                ? lastStated
                : context;
        // A month with no year in a section headed by a date (「## 2024年5月」) is of that date's year.
        const monthContext = mention.kind === 'month' && reach === null && heading !== null && !heading.update ? heading.date : reach;
        const resolution = resolveTemporal(mention, { document: now, context: monthContext });
        const next = found[i + 1];
        const own = eventClause(sentence.text, mention.index, { dateEnd: mention.index + mention.length, nextDate: next?.index ?? null });
        // 「三月末。いよいよ引っ越しの日。」: a sentence that is only a date sets the time of the one after it.
        // In spoken narrative the date comes first and what happened then in the next sentence.
        // 「…リリース日が決まりました。2025年4月15日です。」: closing its turn, it completes the sentence before.
        const dateOnly = found.length === 1 && DATE_ONLY.test(sentence.text.slice(mention.index + mention.length)) && DATE_ONLY_LEAD.test(sentence.text.slice(0, mention.index));
        const following = dateOnly ? paragraph.sentences[sentenceIndex + 1] : undefined;
        // 「私はグランピングなら一回だけ。去年の夏に千葉で。」: a short last phrase with no predicate goes with the sentence before.
        const fragment = sentenceIndex === paragraph.sentences.length - 1 && [...sentence.text.trim()].length <= MAX_FRAGMENT && PHRASE_END.test(sentence.text.trim());
        const before = (dateOnly && following === undefined) || fragment ? paragraph.sentences[sentenceIndex - 1] : undefined;
        const preceding = before === undefined ? '' : before.text.slice(Math.max(0, label - before.start)).trim();
        const clause =
          following !== undefined
            ? { ...own, text: `${own.text}${following.text.trim()}`, cutAfter: sentenceIndex + 2 < paragraph.sentences.length }
            : preceding !== ''
              ? { ...own, text: `${preceding}${own.text}`, cutBefore: sentenceIndex > 1 }
              : own;
        const base = { dateText: mention.text, file: paragraph.file, line: paragraph.line, title: transcript.title, sentence: sentence.text, event: clause.text, cutBefore: clause.cutBefore, cutAfter: clause.cutAfter };
        // 「本日はお忙しいところありがとうございます。」: a greeting happens today, but it is no event.
        if (mention.kind === 'relative' && GREETING.test(clause.text)) continue;
        // 今日 in a text whose day is unknown is only the day it was recorded: a row that places nothing.
        if (mention.kind === 'relative' && TODAY.test(mention.text) && mention.unit === 'day' && !resolution.resolved) continue;
        // 「本日の司会を務めます、前田です。」「今日は電子レンジの話するで。」: the occasion, not an event told.
        if (mention.kind === 'relative' && TODAY.test(mention.text) && OCCASION.test(clause.text)) continue;
        if (mention.kind === 'relative' && SIGN_OFF.test(clause.text)) continue;
        // 「今夜ぜひハザードマップを見てみてください」「今夜もお電話をお待ちしています」: what the listener is asked to do, no event.
        if (mention.kind === 'relative' && TODAY.test(mention.text) && ASKS_LISTENER.test(clause.text)) continue;
        if (mention.kind === 'relative' && saysNothingElse(sentence.text, clause, mention)) continue;
        if (FISCAL_PERIOD.test(sentence.text.slice(mention.index + mention.length))) continue;
        // 「令和6年12月10日（火）午前10時開議」 under the dated title: the document's date restated, not an event.
        if (publicationCitations.length > 0 && mention.kind === 'absolute' && restatesDocumentDate(sentence.text, mention, document?.point ?? null)) {
          if (!publicationCitations.some((other) => other.line === paragraph.line)) publicationCitations.push(citation(paragraph));
          continue;
        }
        // 「3日に」「来週の火曜」 in a text not dated to the day place nothing: not even a row marked unresolved.
        if (!resolution.resolved && (mention.kind === 'day' || mention.kind === 'weekday')) continue;
        if (!resolution.resolved) {
          events.push({ ...base, date: null, end: null, precision: 'unresolved', approximate: false, part: null, kind: 'event', resolved: null, citations: [citation(paragraph)] });
          continue;
        }
        const { value, basis } = resolution;
        if (mention.kind === 'relative' && DEICTIC_YEAR.test(mention.text) && statedYears.has(value.start.year)) continue;
        const reference = basis === 'context' ? monthContext ?? context : basis === 'document' ? now : null;
        events.push({
          ...base,
          date: formatPoint(value.start),
          end: value.end === null ? null : formatPoint(value.end),
          precision: precisionOf(value),
          approximate: value.approximate,
          part: value.part,
          // 「※2024年3月15日更新：…」: an update the text states has been made, whatever its date.
          kind: mention.kind === 'absolute' && statesUpdate(foldWidth(sentence.text), mention) ? 'event' : eventKind(clause.text, value, ownHeading === undefined ? now : null),
          resolved:
            basis === 'absolute' || reference === null
              ? null
              : { basis, reference: formatPoint(reference), inferred: basis === 'document' && (heading?.written ?? null) === null && document?.inferred === true, since: mention.kind === 'relative' && mention.since },
          citations: [citation(paragraph)],
        });
        if (mention.kind === 'absolute') {
          lastStated = value.start;
          context = value.start;
          toldLast = value.start;
        }
      }
    }
    recent.push(lastStated);
  }
  return { file: transcript.file, documentDate: document, events: withoutCoarserRepeats(events) };
}

/** A heading that states a date of at least month precision, and whether it dates an update to the text. */
interface DatedHeading {
  readonly line: number;
  readonly text: string;
  /** Null for a heading without a date: it ends the section of the dated heading before it. */
  readonly date: CalendarPoint | null;
  readonly dateText: string;
  readonly update: boolean;
  /**
   * When the section was written, if it is a dated update or lies within one (a markdown subheading of
   * it); the sections around an update were written when the text was, whether it stands above or below them.
   */
  readonly written: CalendarPoint | null;
  /** How a date the heading gives without its year was placed; null when it states it outright. */
  readonly resolved: Resolved | null;
}

/** The words that name an addition to a published text: 追記, 更新, Update, P.S. */
const UPDATE_WORD = String.raw`(?:追記|追加|更新|補足|訂正|修正|update(?:d)?\b|edit(?:ed)?\b|addendum|postscript|P\.?S\.?(?![a-z]))`;
/** 「追記（2024/5/1）」「【更新】2024-06-10」「Update (May 1, 2024)」: the update word first. */
const UPDATE_FIRST = new RegExp(String.raw`^[\s【\[（(<「『*_]*${UPDATE_WORD}`, 'iu');
/** 「2024/5/1 追記」: with the date taken out, the update word is all that is left. */
const UPDATE_ALONE = new RegExp(String.raw`^[\s【\[（(<「『*_:：、,.\-–—]*(?:に|にて)?\s*${UPDATE_WORD}(?:しました|した)?[\s】\]）)>」』*_:：、,.]*$`, 'iu');
/** A bracket in a heading: 「制度について（2024/5/1 追記）」 is an update if it holds the word with the date. */
const BRACKETED = /[（(【\[]([^（()）【】\[\]]*)[）)】\]]/gu;

/**
 * Whether a heading with this date heads an addition to the text: the update word first, alone beside
 * the date, or in brackets with it. 「2020年4月 制度の追加」 dates a change the text tells of, and is none.
 */
function isUpdateHeading(text: string, dateText: string): boolean {
  if (UPDATE_FIRST.test(text) || UPDATE_ALONE.test(text.replace(dateText, ''))) return true;
  const word = new RegExp(UPDATE_WORD, 'iu');
  return [...text.matchAll(BRACKETED)].some((match) => (match[1] ?? '').includes(dateText) && word.test(match[1] ?? ''));
}

/** A heading dated by the one before it: 「シーン4（同日・夜）」, 「翌日」. */
const SAME_DAY = /同日|当日/u;
const NEXT_DAY = /翌日|翌朝|翌晩/u;

/**
 * Every heading line, with the one date it states (when it states exactly one, to the month or day).
 * A month and day with no year (「シーン2（九月二十五日・朝）」) takes the year of the date told last
 * above it — a dated heading before it, or the narration (「昭和三十四年、九月。」) — or else the one
 * nearest the document's date; 「同日」「翌日」 count from the dated heading before.
 */
function datedHeadings(transcript: Transcript, document: DocumentDate | null): DatedHeading[] {
  let written: CalendarPoint | null = null;
  /** The markdown level of the update heading `written` comes from (0: not markdown, its section ends at the next heading). */
  let updateLevel = 0;
  let previous: DatedHeading | null = null;
  const out: DatedHeading[] = [];
  for (const line of transcript.lines) {
    if (line.kind !== 'heading') continue;
    const level = /^\s*(#+)/u.exec(line.text)?.[1]?.length ?? 0;
    if (updateLevel === 0 || level <= updateLevel) written = null;
    const text = line.text.replace(/^\s*#+\s*/u, '').trim();
    const dates = findTemporal(text).filter((mention) => (mention.kind === 'absolute' && mention.value.end === null) || (mention.kind === 'month' && mention.end === null));
    const only = dates.length === 1 ? dates[0] : undefined;
    let date: CalendarPoint | null = null;
    let resolved: Resolved | null = null;
    if (only?.kind === 'absolute' && only.value.start.month !== null) date = only.value.start;
    else if (only?.kind === 'month') {
      const told = toldBefore(transcript, previous?.line ?? 0, line.line) ?? previous?.date ?? null;
      const resolution = resolveTemporal(only, { document: document?.point ?? null, context: onFrom(told, only.month) });
      if (resolution.resolved) {
        date = resolution.value.start;
        const reference = resolution.basis === 'context' ? told : document?.point ?? null;
        const inferred = resolution.basis === 'document' && document?.inferred === true;
        resolved = reference === null || resolution.basis === 'absolute' ? null : { basis: resolution.basis, reference: formatPoint(reference), inferred, since: false };
      }
    } else if (dates.length === 0 && previous !== null && previous.date !== null && previous.date.day !== null && (SAME_DAY.test(text) || NEXT_DAY.test(text))) {
      date = NEXT_DAY.test(text) ? addDays(previous.date, 1) : previous.date;
      resolved = { basis: 'context', reference: formatPoint(previous.date), inferred: false, since: false };
    }
    const dateText = only?.text ?? (date === null ? '' : (SAME_DAY.exec(text) ?? NEXT_DAY.exec(text))?.[0] ?? '');
    const update = date !== null && only?.kind === 'absolute' && isUpdateHeading(text, only.text);
    if (update) {
      written = date;
      updateLevel = level;
    }
    const heading: DatedHeading = { line: line.line, text, date, dateText, update, written, resolved };
    out.push(heading);
    if (date !== null) previous = heading;
  }
  return out;
}

/** The last date stated outright in the content lines between two lines: what a heading after them is in the time of. */
function toldBefore(transcript: Transcript, after: number, before: number): CalendarPoint | null {
  for (let line = before - 1; line > after; line -= 1) {
    const source = transcript.lines[line - 1];
    if (source === undefined || source.kind !== 'content') continue;
    const stated = findTemporal(source.text).filter((mention): mention is TemporalMention & { kind: 'absolute' } => mention.kind === 'absolute' && mention.value.end === null);
    const last = stated[stated.length - 1];
    if (last !== undefined) return last.value.start;
  }
  return null;
}

/** A dated update stated on a line outside the text's body: 「更新日：2024年3月15日」「※2024年3月15日更新：塩の量を…」. */
const UPDATE_BEFORE = new RegExp(String.raw`(?:最終)?${UPDATE_WORD}(?:日|日時)?\s*[:：]?\s*$`, 'iu');
/** 「2024年3月15日更新：…」, but not a field after the date labelling the next one (「公開日：2023年6月1日　更新日：…」). */
const UPDATE_AFTER = new RegExp(String.raw`^\s*(?:に)?\s*${UPDATE_WORD}(?!日)`, 'iu');

/** Whether a date is the day the text says it was updated: the update word right before or right after it. */
function statesUpdate(folded: string, mention: TemporalMention): boolean {
  return UPDATE_BEFORE.test(folded.slice(0, mention.index)) || UPDATE_AFTER.test(folded.slice(mention.index + mention.length));
}

/**
 * The updates a header or a closing note states (lines the reader keeps out of the body: metadata,
 * a note after a rule), each a row: the text was changed on that day. A body line is read like any other.
 */
function updateNotes(transcript: Transcript): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (const line of transcript.lines) {
    if (line.kind !== 'metadata' && line.kind !== 'boilerplate') continue;
    const folded = foldWidth(line.text);
    for (const mention of findTemporal(line.text)) {
      if (mention.kind !== 'absolute' || mention.value.end !== null || mention.value.start.month === null) continue;
      if (!statesUpdate(folded, mention)) continue;
      out.push(lineRow(transcript, line.line, mention.value.start, { kind: 'event', event: line.text.trim(), dateText: mention.text, resolved: null }));
      break;
    }
  }
  return out;
}

/** The heading of the section a line is in: the last heading above it. */
function headingAbove(headings: readonly DatedHeading[], line: number): DatedHeading | null {
  let found: DatedHeading | null = null;
  for (const heading of headings) {
    if (heading.line >= line) break;
    found = heading;
  }
  return found;
}

/** The day a section's heading gives it, when it is not an update's: the present of what is said under it. */
function sceneDay(heading: DatedHeading | null): CalendarPoint | null {
  return heading === null || heading.update || heading.date === null || heading.date.day === null ? null : heading.date;
}

/**
 * The day a chat message was posted, from the stamp that opens its line right before its sender
 * (「[2024-05-14 21:03] 佐藤:」), or null: a stamp with no sender after it dates no one's message.
 */
function messageStamp(text: string, label: number): CalendarPoint | null {
  const stamp = readPostStamp(text);
  if (stamp === null || (label <= stamp.length && labelLength(text.slice(stamp.length)) === 0)) return null;
  return stamp.date;
}

/**
 * A dated heading is itself a row of the timeline: an update (「追記（2024/5/1）」) says the text was added
 * to on that day, another (a scene, a diary's day) when what its section tells took place.
 */
function headingEvent(transcript: Transcript, heading: DatedHeading, document: CalendarPoint | null): TimelineEvent {
  const date = heading.date as CalendarPoint;
  const kind = heading.update ? 'event' : eventKind(heading.text, { start: date, end: null, approximate: false, part: null }, document);
  return lineRow(transcript, heading.line, date, { kind, event: heading.text, dateText: heading.dateText, resolved: heading.resolved });
}

/**
 * 「令和5年（2023年）に」 or a year and its month read apart: the same statement on one line dated once to
 * the year and once more precisely within it is one event, at the finer date.
 */
function withoutCoarserRepeats(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events.filter(
    (event) =>
      event.date === null ||
      event.end !== null ||
      !events.some((other) => other !== event && other.line === event.line && other.event === event.event && other.end === null && other.date !== null && other.date.startsWith(`${event.date}-`)),
  );
}

/**
 * The mentions of a sentence that date something: in a question, only a date it offers (「20日とかどう？」);
 * not a date said to be passing (「今年ももう終わり」); a restated count (2028年、つまり4年後) is left
 * out (今年/去年 restating a stated year are dropped once resolved).
 */
export function datedMentions(sentence: string, options: Partial<FindTemporalOptions> = {}): TemporalMention[] {
  const trimmed = sentence.trim();
  const question = QUESTION_END.test(trimmed) && INTERROGATIVE.test(trimmed);
  const mentions = findTemporal(sentence, options);
  const folded = foldWidth(sentence);
  return mentions.filter((mention, i) => {
    const after = folded.slice(mention.index + mention.length);
    if (question && !PROPOSED.test(after)) return false;
    if (TIME_PASSES.test(after)) return false;
    if (mention.kind === 'relative' && COMPARED.test(after)) return false;
    if (mention.kind === 'absolute') return true;
    const previous = mentions[i - 1];
    if (previous?.kind === 'absolute' && RESTATEMENT.test(folded.slice(previous.index + previous.length, mention.index))) return false;
    return true;
  });
}

/** The year a month counted on from a date is in: that date's, or the next when the month comes round again (12月30日の三日後の1月2日). */
function onFrom(told: CalendarPoint | null, month: number): CalendarPoint | null {
  if (told === null) return null;
  return told.month !== null && month < told.month ? { ...told, year: told.year + 1, month: null, day: null } : told;
}

/** A bare count of years or months back (5年前, 3か月前), which the passage's own date may or may not anchor. */
function countsBack(mention: TemporalMention): boolean {
  return mention.kind === 'relative' && mention.reference === 'context' && mention.to < 0;
}

/**
 * Whether the text ties a count back to a date told before it: その5年前, 当時から3年前, 2012年の3年前,
 * or a sentence earlier in the paragraph pointing back (「そのコンテキストについて話せるわ。たぶん2年前くらいに」).
 */
function tiedBack(earlier: string, sentence: string, mentions: readonly TemporalMention[], i: number): boolean {
  const mention = mentions[i];
  if (mention === undefined) return false;
  const before = foldWidth(sentence).slice(0, mention.index);
  if (ANAPHORIC.test(earlier) || ANAPHORIC.test(before)) return true;
  const previous = mentions[i - 1];
  return previous?.kind === 'absolute' && /^\s*(?:の|から|より)\s*$/u.test(before.slice(previous.index + previous.length));
}

/** Whether the clause of a relative date is only that date (with fillers and a particle), or is cut off mid-phrase. */
function saysNothingElse(sentence: string, { text: clause, cutAfter }: EventClause, mention: TemporalMention): boolean {
  const folded = foldWidth(sentence);
  const clauseStart = folded.indexOf(foldWidth(clause));
  if (clauseStart < 0 || clauseStart > mention.index) return false;
  const before = folded.slice(clauseStart, mention.index);
  const after = folded.slice(mention.index + mention.length, clauseStart + clause.length);
  if (FILLERS_ONLY.test(before) && PARTICLE_ONLY.test(after)) return true;
  // Only the end of the sentence itself: a clause cut before a later clause ends in a particle as a rule.
  return !cutAfter && CUT_OFF.test(clause.trim());
}

/** A weekday in brackets, a time of day or a span of times: what a date line adds to its date. */
const DATE_LINE_EXTRAS = /[（(][月火水木金土日](?:曜日?)?[)）]|(?:午前|午後)?\s*\d{1,2}\s*(?:時(?:\s*\d{1,2}\s*分)?|:\d{2})|[〜~\-–]|[\s　・、,]/gu;
/** Longest word a date line may add besides those: 開議, 開会, 開演, 開始. */
const DATE_LINE_WORD = 3;

/**
 * Whether a sentence is only the document's own date (to the day), with a weekday, a time of day
 * and at most a word such as 開議: a date line repeating the header, not an event.
 */
function restatesDocumentDate(sentence: string, mention: TemporalMention & { kind: 'absolute' }, document: CalendarPoint | null): boolean {
  const { start, end } = mention.value;
  if (document === null || end !== null || start.day === null || formatPoint(start) !== formatPoint(document)) return false;
  const folded = foldWidth(sentence);
  const rest = `${folded.slice(0, mention.index)} ${folded.slice(mention.index + mention.length)}`.replace(DATE_LINE_EXTRAS, '');
  return [...rest].length <= DATE_LINE_WORD;
}

function citation(paragraph: Paragraph): Citation {
  return { file: paragraph.file, line: paragraph.line };
}

/** The first line near the top that states the transcript's date (a byline, a date line, the title). */
function publicationLine(transcript: Transcript, date: string): number | null {
  for (const line of transcript.lines.slice(0, 40)) {
    if (line.kind === 'blank' || line.kind === 'boilerplate') continue;
    const stated = findTemporal(line.text).some((mention) => mention.kind === 'absolute' && mention.value.end === null && formatPoint(mention.value.start) === date);
    if (stated) return line.line;
  }
  return null;
}

function publicationEvent(transcript: Transcript, date: CalendarPoint, line: number): TimelineEvent {
  return lineRow(transcript, line, date, { kind: 'publication', event: transcript.title, dateText: transcript.lines[line - 1]?.text.trim() ?? formatPoint(date), resolved: null });
}

/** A row a whole line states, at its date's own precision: a publication, a dated heading, an update note. */
function lineRow(transcript: Transcript, line: number, date: CalendarPoint, row: Pick<TimelineEvent, 'kind' | 'event' | 'dateText' | 'resolved'>): TimelineEvent {
  return {
    ...row,
    date: formatPoint(date),
    end: null,
    precision: precisionOf({ start: date, end: null, approximate: false, part: null }),
    approximate: false,
    part: null,
    cutBefore: false,
    cutAfter: false,
    file: transcript.file,
    line,
    title: transcript.title,
    citations: [{ file: transcript.file, line }],
    sentence: row.event,
  };
}
