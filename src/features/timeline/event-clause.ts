/**
 * The statement a date belongs to: the clause around it, extended to its predicate, quoted verbatim
 * from the sentence; and whether it tells what happened or what is planned or predicted.
 */
import type { CalendarPoint, TimeSpan } from '../../text/dates/calendar.js';

export type EventKind = 'event' | 'plan' | 'prediction';

export interface EventClause {
  readonly text: string;
  /** Whether the clause starts after the start / ends before the end of its sentence. */
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
}

/** A clause shorter than this (in code points) is widened by its neighbours: 「ほぼ正確に20年やな。」 says nothing alone. */
const MIN_CLAUSE = 24;
/** Code units kept before a date when its clause has no boundary to start at. */
const LEAD_BEFORE_DATE = 20;
/** Longer statements are cut at a clause boundary after the date. */
export const MAX_CLAUSE = 110;
const BOUNDARY = /[、,，;；]/gu;
/** Clause openers that join a sentence to the one before and add nothing to the event. */
const LEADING_JOINER = /^(?:[-・*]\s+|(?:そして|しかし|でも|ですから|だから|それで|また|さて|まあ|ほな|つまり|ところで|実は|実際|ただ|なので|一方で?)[、,]?\s*)+/u;

/**
 * The clause of `sentence` holding the date at `index`, from its own start to the end of the
 * sentence (its predicate), widened leftwards while it is too short to stand alone.
 *
 * @example eventClause('でも、1号炉は2019年まで問題なく動いてたんや。', 9).text // '1号炉は2019年まで問題なく動いてたんや。'
 */
export function eventClause(sentence: string, index: number, following: { readonly dateEnd: number; readonly nextDate: number | null } | null = null): EventClause {
  const starts = [0, ...[...sentence.matchAll(BOUNDARY)].map((match) => match.index + 1).filter((at) => at < sentence.length)];
  let clause = 0;
  starts.forEach((start, i) => {
    if (start <= index) clause = i;
  });
  let start = starts[clause] ?? 0;
  while (length(sentence.slice(start)) < MIN_CLAUSE && clause > 0) {
    clause -= 1;
    start = starts[clause] ?? 0;
  }
  const lead = LEADING_JOINER.exec(sentence.slice(start))?.[0] ?? '';
  if (start + lead.length <= index) start += lead.length;
  while (/\s/u.test(sentence.charAt(start))) start += 1;
  let end = beforeNextDate(sentence, index, following);
  const dateEnd = following?.dateEnd ?? index + 1;
  if (length(sentence.slice(start, end)) > MAX_CLAUSE) {
    // A long stretch with no clause boundary before the date: start a little before the date instead.
    if (length(sentence.slice(start, dateEnd)) > MAX_CLAUSE - LEAD_BEFORE_DATE) start = Math.max(start, index - LEAD_BEFORE_DATE);
    end = cutAfterDate(sentence, start, dateEnd);
  }
  return { text: sentence.slice(start, end).trim(), cutBefore: start > 0, cutAfter: end < sentence.length };
}

/**
 * Where the clause of a date ends when another date follows in the same sentence: at the last
 * boundary before that date, when what stands between the first date and it reads as a predicate
 * (「2022年に創業して、来年には…予定です」: the founding is not the plan). A list of dates
 * (「2025年、26年、27年には…」) shares one predicate, so it is not cut.
 */
function beforeNextDate(sentence: string, index: number, following: { readonly dateEnd: number; readonly nextDate: number | null } | null): number {
  if (following === null || following.nextDate === null) return sentence.length;
  const nextDate = following.nextDate;
  let cut = -1;
  for (const match of sentence.matchAll(BOUNDARY)) {
    if (match.index > index && match.index < nextDate) cut = match.index;
  }
  if (cut < 0) return sentence.length;
  const between = sentence.slice(following.dateEnd, cut);
  return /[\p{Script=Hiragana}]/u.test(between) && length(between) >= 3 ? cut : sentence.length;
}

/** The last clause boundary within MAX_CLAUSE code points that leaves the date inside, else a hard cut. */
function cutAfterDate(sentence: string, start: number, dateEnd: number): number {
  const limit = start + [...sentence.slice(start)].slice(0, MAX_CLAUSE).join('').length;
  let cut = -1;
  for (const match of sentence.matchAll(BOUNDARY)) {
    if (match.index >= dateEnd && match.index < limit) cut = match.index;
  }
  // Never inside the date: 「…ですね2」 says nothing.
  return cut > 0 ? cut : Math.min(sentence.length, Math.max(limit, dateEnd));
}

function length(text: string): number {
  return [...text].length;
}

/**
 * What follows a date offered as a question (「20日とかどう？」「来週はいかがですか」): a particle, どう or
 * いかが, and perhaps a polite or sentence-final ending.
 */
export const OFFERED = String.raw`(?:とか|は|で|なんて|なんか|って|でも)\s*(?:どう|いかが)(?:です|でしょう)?か?(?:な|ね|や|よ)?`;
/** Words of an intention, and a date offered as a question: a proposal is a plan being made. */
const PLAN = new RegExp(String.raw`予定|計画|方針|目指|目標|見込み|つもり|予約|スケジュール|決定した|決まっ|次回|募集(?:して|し|中)|受け?付け?(?:て|中)|締め?切り?|${OFFERED}[?\uFF1F]`, 'u');
const PREDICTION = /だろう|でしょう|やろう|やろな|やろ(?=[。、!?\uFF01\uFF1F]|$)|と思(?:う|います|うわ|っとる|ってる|っています|ってます|われ)|と考え|(?:予測|予想)(?:する|します|され|して|しとる|でき|が|では|によると)|かもしれ|はず|ちゃうか|見通し|可能性|と見られ|に違いない|と期待|ようになる(?!った)|ことになる(?!った)/u;
/**
 * 「あったと思います」, 「効いたんだと思います」 are memories, not predictions; so is a guess that someone
 * remembers it (「覚えていると思います」, dialect 「覚えとらすと思うよ」): what is remembered is past.
 */
const PAST_HEDGE = /(?:た|だっ|でし|まし|った)(?:んだ|んや|のだ|んじゃない|ん)?(?:と思|だろう|でしょう|かもしれ|はず)|覚え[てと][\u3041-\u3093]{0,8}(?:と思|だろう|でしょう|やろ|かもしれ|はず)/u;

/**
 * Past event, plan, or prediction. A date after the document's own is a plan or a prediction
 * whatever the verb; a date before it is an event; the present year is read from the verb.
 *
 * @example eventKind('2028年に再稼働させる予定や', span(point(2028)), point(2024)) // 'plan'
 */
export function eventKind(clause: string, value: TimeSpan, now: CalendarPoint | null): EventKind {
  const order = now === null ? null : compareYearMonth(value.start, now);
  // Wholly before the document's own date, it happened, whatever the words (2019年に目標を達成した).
  if (order !== null && order < 0 && compareYearMonth(value.end ?? value.start, now ?? value.start) < 0) return 'event';
  if (PLAN.test(clause) && !/予定通り|予想通り/u.test(clause)) return 'plan';
  if (order !== null && order > 0) return 'prediction';
  return PREDICTION.test(clause) && !PAST_HEDGE.test(clause) ? 'prediction' : 'event';
}

/** Order at the coarser granularity of the two: 2024-12 and 2024 are the same time; 11月22日 is after 11月16日. */
function compareYearMonth(left: CalendarPoint, right: CalendarPoint): number {
  if (left.year !== right.year) return left.year - right.year;
  if (left.month === null || right.month === null) return 0;
  if (left.month !== right.month || left.day === null || right.day === null) return left.month - right.month;
  return left.day - right.day;
}
