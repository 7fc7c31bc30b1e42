/**
 * Temporal expressions in Japanese (and English) prose: absolute dates, era years, ranges, parts of
 * a year, and the relative forms that only mean something against a reference date (去年, 4年後,
 * 来年中, ほぼ正確に20年). Finding is separate from resolving: a relative mention says what it is
 * relative to, and `resolve-temporal.ts` decides whether that reference is known.
 */
import { ERA_NAME, ERA_START, isValid, point, span, type CalendarPoint, type DatePart, type TimeSpan } from './calendar.js';

interface MentionBase {
  /** UTF-16 offsets into the searched text. */
  readonly index: number;
  readonly length: number;
  readonly text: string;
}

export interface AbsoluteMention extends MentionBase {
  readonly kind: 'absolute';
  readonly value: TimeSpan;
}

/**
 * A time counted from a reference: `speech` counts from when the text was spoken or written
 * (去年, 今から3年前, この録音の時点); `context` counts from the time the passage is talking about,
 * or failing that from when it was spoken (a bare 2年前 after 「2012年」 means 2010).
 */
export interface RelativeMention extends MentionBase {
  readonly kind: 'relative';
  readonly unit: 'year' | 'month' | 'day' | 'now';
  /** Offsets in `unit`; equal for one point, different for a span (今から2〜3年前: -3..-2). */
  readonly from: number;
  readonly to: number;
  readonly reference: 'speech' | 'context';
  readonly approximate: boolean;
  readonly part: DatePart | null;
  /** A month of the resolved year (昨年の7月), or the reference's own month (来年の今頃). */
  readonly month: number | 'same' | null;
  /** The duration of something still going on (この業界に20年): the start, not an event at that date. */
  readonly since: boolean;
  /** The last month (and day) of a span from `month` (昨年5月から6月にかけて), else null. */
  readonly end: { readonly month: number; readonly day: number | null } | null;
}

/** A month with no year (7月に): it takes its year from the passage around it. */
export interface MonthMention extends MentionBase {
  readonly kind: 'month';
  readonly month: number;
  readonly day: number | null;
  readonly part: DatePart | null;
  /** The last month (and day) of a span of months with no year (1月から3月), else null. */
  readonly end: { readonly month: number; readonly day: number | null } | null;
  /** A week of the month (6月の第2週) as its days: which days depends on how weeks are counted. */
  readonly approximate: boolean;
}

/** A day of the month with no month (「残りは28日の朝に」): only a text dated to the day can place it. */
export interface DayMention extends MentionBase {
  readonly kind: 'day';
  readonly day: number;
}

/** A weekday of a week counted from the one the text was said in (来週の火曜): only a text dated to the day can place it. */
export interface WeekdayMention extends MentionBase {
  readonly kind: 'weekday';
  /** Weeks from the week of speaking: -1 先週, 0 今週, 1 来週, 2 再来週. */
  readonly weeks: number;
  /** 0 for Sunday … 6 for Saturday, as `Date#getUTCDay` counts. */
  readonly weekday: number;
}

export type TemporalMention = AbsoluteMention | RelativeMention | MonthMention | DayMention | WeekdayMention;

const YEAR = '(?<![\\d.,])(1[6-9]\\d{2}|2[01]\\d{2})';
/** What may follow `2012年` without it being a count of years (2000年前 is two millennia ago). */
const NOT_A_COUNT = '(?!\\s*(?:前|後|間|以上|以内|以降の間|ぶり|分|\\d))';
const NUM = '(\\d{1,4}|[一二三四五六七八九十百]{1,4}|数)';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR_PART = '(?:の)?(初頭|初め|はじめ|始め|前半|半ば|なかば|中頃|中ごろ|後半|末|終わり|おわり|暮れ|最後の6ヶ月|最後の半年)';
const MONTH_PART = '(上旬|初旬|初め|はじめ|中旬|半ば|下旬|末)';
const HEDGE = '(頃|ごろ|前後|くらい|ぐらい|ほど|あたり)';
/**
 * After a day: not a count of days (3月の10日前, 5月の3日目, 8月の10日間, 十日ほど), which names no day of
 * the month; 11月20日前後 is still the 20th.
 */
const NOT_DAYS = '(?!\\s*(?:間|前(?!後)|後|目|ほど|以上))';
/** 第2週, の第2週目: a week of the month just named. */
const WEEK = '\\s*(?:の\\s*)?第\\s*([1-5一二三四五])\\s*週(?:目)?';
/** A hedge between a count and 前/後: 20年くらい前, 3年ほど前, 20年以上前, 2年近く前. */
const INNER_HEDGE = '(?:くらい|ぐらい|ほど|以上|近く|余り|あまり|ちょっと)';
/**
 * Counts of years beyond this (100年後, 200年前ほど) are rhetoric about eras, not dates of events:
 * the 30 years of a career or of a forecast are the longest spans a historian would date by.
 */
const MAX_YEARS_AWAY = 40;
/** The longest anniversary read as a date (今年で創業120年). */
const MAX_ANNIVERSARY = 200;
const KANJI_DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export interface FindTemporalOptions {
  /**
   * The text is a message posted under a stamp (a chat's 「[2024-05-21 20:41] 佐藤: 28日にやろ」): days are
   * what such talk counts in, so a bare day before に is a day of the month there, not only before a time.
   */
  readonly posted: boolean;
}

const DEFAULT_OPTIONS: FindTemporalOptions = { posted: false };

/**
 * Every temporal expression in `text`, in order, none overlapping (the longer reading wins).
 *
 * @example findTemporal('2002年から2003年頃やった')[0]?.kind // 'absolute' (a range 2002–2003)
 */
export function findTemporal(text: string, options: Partial<FindTemporalOptions> = {}): TemporalMention[] {
  const settings = { ...DEFAULT_OPTIONS, ...options };
  const folded = foldWidth(text);
  const candidates: Array<TemporalMention & { readonly priority: number }> = [];
  RULES.forEach((rule, priority) => {
    for (const match of folded.matchAll(rule.pattern)) {
      const found = rule.read(match, folded, settings);
      if (found === null) continue;
      const index = match.index + (found.skip ?? 0);
      const length = (found.length ?? match[0].length) - (found.skip ?? 0);
      candidates.push({ ...found.mention, index, length, text: text.slice(index, index + length), priority } as TemporalMention & { priority: number });
    }
  });
  candidates.sort((a, b) => b.length - a.length || a.priority - b.priority || a.index - b.index);
  const taken: TemporalMention[] = [];
  for (const candidate of candidates) {
    if (taken.some((other) => candidate.index < other.index + other.length && other.index < candidate.index + candidate.length)) continue;
    const { priority: _priority, ...mention } = candidate;
    taken.push(mention);
  }
  taken.sort((a, b) => a.index - b.index);
  return joinRanges(joinYearAndMonth(taken, folded, text), folded, text);
}

/** Full-width digits, letters and marks as ASCII, one unit for one, so offsets stay valid. */
export function foldWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[\u301c\u2053\uff5e]/gu, '〜')
    .replace(/[\u2010-\u2015\u2212]/gu, '-');
}

/**
 * Kanji or Arabic numbers as written in counts (4, 十, 二十, 百), or null for a vague one (数年).
 *
 * @example readNumber('二十') // 20
 */
export function readNumber(text: string): number | null {
  if (/^\d+$/u.test(text)) return Number(text);
  if (text === '' || text.includes('数')) return null;
  if ([...text].every((char) => KANJI_DIGITS[char] !== undefined) && text.length > 1) {
    return Number([...text].map((char) => KANJI_DIGITS[char]).join(''));
  }
  let total = 0;
  let current = 0;
  for (const char of text) {
    const digit = KANJI_DIGITS[char];
    if (digit !== undefined) current = digit;
    else if (char === '十' || char === '百') {
      total += (current === 0 ? 1 : current) * (char === '十' ? 10 : 100);
      current = 0;
    } else return null;
  }
  return total + current;
}

type Found = { readonly mention: DistributiveOmit<TemporalMention, keyof MentionBase>; readonly skip?: number; readonly length?: number } | null;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Rule {
  readonly pattern: RegExp;
  readonly read: (match: RegExpExecArray, text: string, options: FindTemporalOptions) => Found;
}

function absolute(value: TimeSpan | null): Found {
  return value === null ? null : { mention: { kind: 'absolute', value } };
}

function at(year: number, month: number | null, day: number | null, options: { approximate?: boolean; part?: DatePart | null } = {}): TimeSpan | null {
  return isValid(year, month, day) ? span(point(year, month, day), options) : null;
}

function partOf(word: string | undefined): DatePart | null {
  if (word === undefined) return null;
  if (/初|はじめ|始め|前半|上旬/u.test(word)) return 'early';
  if (/半ば|なかば|中頃|中ごろ|中旬/u.test(word)) return 'mid';
  return 'late';
}

/**
 * The days of the Nth week of a month, counted as its days 1–7, 8–14, …: calendars that start a
 * week on a Sunday or a Monday shift them by a few days, so the span is approximate.
 *
 * @example weekOfMonth(6, '2') // { first: 8, last: 14 }
 */
function weekOfMonth(month: number, week: string): { first: number; last: number } | null {
  const count = readNumber(week);
  if (count === null || count < 1) return null;
  const first = 7 * (count - 1) + 1;
  // A common year's month lengths: 2月の第5週 starts on no day every year.
  let last = 7 * count;
  while (last > first && !isValid(2001, month, last)) last -= 1;
  return isValid(2001, month, first) ? { first, last } : null;
}

function monthIndex(name: string | undefined): number | null {
  if (name === undefined) return null;
  const index = MONTHS.indexOf(name.toLowerCase().slice(0, 3));
  return index < 0 ? null : index + 1;
}

function relative(
  unit: RelativeMention['unit'],
  from: number,
  to: number,
  reference: RelativeMention['reference'],
  options: { approximate?: boolean; part?: DatePart | null; month?: number | 'same' | null; since?: boolean } = {},
): Found {
  return {
    mention: {
      kind: 'relative',
      unit,
      from: Math.min(from, to),
      to: Math.max(from, to),
      reference,
      approximate: options.approximate ?? false,
      part: options.part ?? null,
      month: options.month ?? null,
      since: options.since ?? false,
      end: null,
    },
  };
}

const DEICTIC_YEARS: Readonly<Record<string, number>> = { 一昨年: -2, おととし: -2, 去年: -1, 昨年: -1, 今年: 0, 本年: 0, 来年: 1, 再来年: 2 };
const DEICTIC_MONTHS: Readonly<Record<string, number>> = { 先々月: -2, 先月: -1, 今月: 0, 来月: 1, 再来月: 2 };
const DEICTIC_WEEKS: Readonly<Record<string, number>> = { 先々週: -2, 先週: -1, 今週: 0, 来週: 1, 再来週: 2 };
const WEEKDAYS = '日月火水木金土';
const DEICTIC_DAYS: Readonly<Record<string, number>> = { 一昨日: -2, おととい: -2, 昨日: -1, 昨夜: -1, 昨晩: -1, 今日: 0, 本日: 0, 今朝: 0, 今夜: 0, 今晩: 0, 明日: 1, あした: 1, 明朝: 1 };

/** Years of a decade that 前半, 半ば, 後半… cover. */
const DECADE_PARTS: Readonly<Record<string, readonly [number, number]>> = {
  前半: [0, 4],
  初め: [0, 3],
  初頭: [0, 3],
  半ば: [3, 6],
  後半: [5, 9],
  末: [7, 9],
};

/** A weekday in brackets after a date: 5/28（火）, 21日（水曜日）. */
const BRACKETED_WEEKDAY = '[(（][月火水木金土日](?:曜日?)?[)）]';
/** A time on the clock right after a date: 5/21 18:30, 21日18時, 5/21 午後3時. */
const CLOCK_TIME = '(?:午前|午後)?\\s*\\d{1,2}\\s*(?::\\s*\\d{2}|時(?!間))';
/**
 * A time of the day after 「の」: a part of it, a clock time, or a class period (3限, 2時限目), which is
 * how students give the time of an exam or a class.
 */
const TIME_OF_DAY = `(?:朝|昼|夜|晩|夕方|午前|午後|${CLOCK_TIME}|\\d{1,2}\\s*時?限目?)`;
/** After a month/day: a weekday in brackets (5/28（火）) or a time of day (5/21の18:30, 5/21 18時, 5/21の3限). */
const SLASH_DATE_AFTER = new RegExp(`^\\s*(?:${BRACKETED_WEEKDAY}|(?:の\\s*)?${CLOCK_TIME}|の\\s*${TIME_OF_DAY})`, 'u');
/** After a month/day read as a date without either: a particle or the end of a phrase, not a unit (5/20の確率 stays out). */
const SLASH_DATE_END = /^\s*(?:に|から|まで|は|締切|〆|[、,。.!?！？)）」』\s]|$)/u;

/** The rules, most specific first: on equal length the earlier rule's reading wins. */
const RULES: readonly Rule[] = [
  // 2020〜2022年, 2020-2022年: a range of years written with one 年
  {
    pattern: new RegExp(`${YEAR}\\s*[〜~～\\-–—]\\s*(1[6-9]\\d{2}|2[01]\\d{2})\\s*年(?!\\s*\\d{1,2}\\s*月)(?:\\s*${HEDGE})?`, 'gu'),
    read: (m) => {
      const from = Number(m[1]);
      const to = Number(m[2]);
      if (to <= from) return null;
      return absolute(span(point(from), { end: point(to), approximate: m[3] !== undefined }));
    },
  },
  // 2024年1〜3月: a range of months in one year
  {
    pattern: new RegExp(`${YEAR}\\s*年\\s*(\\d{1,2})\\s*[〜~～\\-–—]\\s*(\\d{1,2})\\s*月(?:\\s*${HEDGE})?`, 'gu'),
    read: (m) => {
      const year = Number(m[1]);
      const from = Number(m[2]);
      const to = Number(m[3]);
      if (!isValid(year, from, null) || !isValid(year, to, null) || to <= from) return null;
      return absolute(span(point(year, from), { end: point(year, to), approximate: m[4] !== undefined }));
    },
  },
  // 2024.12.15, 2024-03-20, 2024/3/5
  {
    pattern: new RegExp(`${YEAR}\\s*([-./])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})(?!\\d)`, 'gu'),
    read: (m) => absolute(at(Number(m[1]), Number(m[3]), Number(m[4]))),
  },
  // 2024年3月20日
  {
    pattern: new RegExp(`${YEAR}\\s*年\\s*(?:の\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日(?:\\s*${HEDGE})?`, 'gu'),
    read: (m) => absolute(at(Number(m[1]), Number(m[2]), Number(m[3]), { approximate: m[4] !== undefined })),
  },
  // December 15, 2024 / 15 December 2024
  {
    pattern: new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'giu'),
    read: (m) => {
      const month = monthIndex(m[1]);
      return month === null ? null : absolute(at(Number(m[3]), month, Number(m[2])));
    },
  },
  {
    pattern: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+(\\d{4})(?!\\d)`, 'giu'),
    read: (m) => {
      const month = monthIndex(m[2]);
      return month === null ? null : absolute(at(Number(m[3]), month, Number(m[1])));
    },
  },
  // 2023年6月の第2週
  {
    pattern: new RegExp(`${YEAR}\\s*年\\s*(?:の\\s*)?(\\d{1,2})\\s*月${WEEK}`, 'gu'),
    read: (m) => {
      const year = Number(m[1]);
      const month = Number(m[2]);
      const week = isValid(year, month, null) ? weekOfMonth(month, m[3] ?? '') : null;
      return week === null ? null : absolute(span(point(year, month, week.first), { end: point(year, month, week.last), approximate: true }));
    },
  },
  // 2023年3月, 2021年9月以前, 2024年12月下旬
  {
    pattern: new RegExp(`${YEAR}\\s*年\\s*(?:の\\s*)?(\\d{1,2})\\s*月(?!\\s*\\d)(?:\\s*${MONTH_PART})?(?:\\s*${HEDGE})?`, 'gu'),
    read: (m) => absolute(at(Number(m[1]), Number(m[2]), null, { part: partOf(m[3]), approximate: m[4] !== undefined })),
  },
  // December 2024
  {
    pattern: new RegExp(`\\b${MONTH_NAME},?\\s+(\\d{4})(?!\\d)`, 'giu'),
    read: (m) => {
      const month = monthIndex(m[1]);
      return month === null ? null : absolute(at(Number(m[2]), month, null));
    },
  },
  // 2024/03, 2024-03
  {
    pattern: new RegExp(`${YEAR}\\s*[/-]\\s*(\\d{1,2})(?![\\d/-])`, 'gu'),
    read: (m) => absolute(at(Number(m[1]), Number(m[2]), null)),
  },
  // Q1 2026, 2026年第1四半期, 2026年Q1
  {
    pattern: new RegExp(`\\bQ([1-4])\\s*(\\d{4})(?!\\d)|${YEAR}\\s*年?\\s*(?:度)?\\s*(?:第\\s*([1-4一二三四])\\s*四半期|Q([1-4]))`, 'gu'),
    read: (m) => {
      const year = Number(m[2] ?? m[3]);
      const quarter = readNumber(m[1] ?? m[4] ?? m[5] ?? '');
      if (quarter === null || quarter < 1 || quarter > 4 || !isValid(year, 1, null)) return null;
      return absolute(span(point(year, quarter * 3 - 2), { end: point(year, quarter * 3) }));
    },
  },
  // 1990年代, 80年代
  {
    pattern: /(?<![\d.,])(\d{2}|\d{4})\s*年代(?:\s*(前半|半ば|後半|初め|初頭|末))?/gu,
    read: (m) => {
      const digits = m[1] ?? '';
      const start = digits.length === 4 ? Number(digits) : Number(digits) + (Number(digits) >= 30 ? 1900 : 2000);
      if (start % 10 !== 0 || !isValid(start, null, null)) return null;
      // A part of a decade is a narrower range of years, not the whole decade marked 初頭/末.
      const [from, to] = DECADE_PARTS[m[2] ?? ''] ?? [0, 9];
      return absolute(span(point(start + from), { end: point(start + to) }));
    },
  },
  // 2012年, 2025年初頭, 2003年頃, 2025年の最後の6ヶ月
  {
    pattern: new RegExp(`${YEAR}\\s*年(?:度(?!\\s*末))?${NOT_A_COUNT}(?:${YEAR_PART})?(?:\\s*${HEDGE})?`, 'gu'),
    read: (m) => absolute(at(Number(m[1]), null, null, { part: partOf(m[2]), approximate: m[3] !== undefined })),
  },
  // 二〇二四年
  {
    pattern: /([〇零一二三四五六七八九]{4})\s*年(?!\s*(?:前|後|間))(?:\s*([一二三四五六七八九十]{1,2})\s*月)?/gu,
    read: (m) => {
      const year = readNumber(m[1] ?? '');
      const month = m[2] === undefined ? null : readNumber(m[2]);
      return year === null || year < 1600 ? null : absolute(at(year, month, null));
    },
  },
  // 令和9年度末, 2027年度末: a fiscal year runs April to March, so its end is the March after its year.
  {
    pattern: new RegExp(String.raw`(?:${ERA_NAME}\s*(元|\d{1,2}|[一二三四五六七八九十]{1,3})|${YEAR})\s*年度\s*末`, 'gu'),
    read: (m) => {
      const base = m[1] === undefined ? 0 : ERA_START[m[1]];
      const count = m[1] === undefined ? Number(m[3]) : m[2] === '元' ? 1 : readNumber(m[2] ?? '');
      if (base === undefined || count === null) return null;
      return absolute(at(base + count + 1, 3, null));
    },
  },
  // 昭和40年代, 平成一桁… : an era's decade is the ten years from its year
  {
    pattern: new RegExp(String.raw`${ERA_NAME}\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*年代(?:\s*(前半|半ば|後半|初め|初頭|末))?`, 'gu'),
    read: (m) => {
      const base = ERA_START[m[1] ?? ''];
      const count = readNumber(m[2] ?? '');
      if (base === undefined || count === null || count % 10 !== 0) return null;
      const [from, to] = DECADE_PARTS[m[3] ?? ''] ?? [0, 9];
      return absolute(span(point(base + count + from), { end: point(base + count + to) }));
    },
  },
  // 令和5年3月, 令和4年の12月, 平成元年
  {
    pattern: new RegExp(String.raw`${ERA_NAME}\s*(元|\d{1,2}|[一二三四五六七八九十]{1,3})\s*年(?:\s*(?:の\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?`, 'gu'),
    read: (m) => {
      const base = ERA_START[m[1] ?? ''];
      const count = m[2] === '元' ? 1 : readNumber(m[2] ?? '');
      if (base === undefined || count === null) return null;
      return absolute(at(base + count, m[3] === undefined ? null : Number(m[3]), m[4] === undefined ? null : Number(m[4])));
    },
  },
  // 今から2〜3年前, 4年後くらい, 約10年前, 10年前
  {
    // Each run of spaces belongs to one optional group: two \\s* side by side backtrack cubically on a long run.
    pattern: new RegExp(`(?:(今から|いまから|今より)\\s*)?(?:(約|およそ|ほぼ|だいたい|大体)\\s*)?${NUM}(?:\\s*[〜~、,-]\\s*${NUM})?\\s*年\\s*(?:${INNER_HEDGE}\\s*)?(前|後|先)(?![半ろ輩任編])\\s*(?:${HEDGE})?(の今頃)?`, 'gu'),
    read: (m) => {
      const first = readNumber(m[3] ?? '');
      const second = m[4] === undefined ? first : readNumber(m[4]);
      if (first === null || second === null || Math.max(first, second) > MAX_YEARS_AWAY) return null;
      const sign = m[5] === '前' ? -1 : 1;
      return relative('year', sign * first, sign * second, m[1] === undefined ? 'context' : 'speech', {
        approximate: m[2] !== undefined || m[6] !== undefined || new RegExp(INNER_HEDGE, 'u').test(m[0]),
        month: m[7] === undefined ? null : 'same',
      });
    },
  },
  // 8か月前, 3ヶ月後
  {
    pattern: new RegExp(`(?:(今から)\\s*)?(?:(約|およそ|ほぼ)\\s*)?${NUM}\\s*(?:か|ヶ|カ|ヵ|ケ|箇)\\s*月\\s*(?:${INNER_HEDGE}\\s*)?(前|後)(?:\\s*${HEDGE})?`, 'gu'),
    read: (m) => {
      const count = readNumber(m[3] ?? '');
      if (count === null) return null;
      const sign = m[4] === '前' ? -1 : 1;
      return relative('month', sign * count, sign * count, m[1] === undefined ? 'context' : 'speech', { approximate: m[2] !== undefined || m[5] !== undefined });
    },
  },
  // 今年で五年目, 今年で創業50年: how long something still going on has gone on, counted to this year
  {
    pattern: new RegExp(`(?:今年|本年)\\s*で\\s*(?:(?:(?![〇一二三四五六七八九十百数])\\p{Script=Han}){1,4}\\s*)?${NUM}\\s*(年目|周年|年)(?!\\s*(?:前|後|間|以|代|ぶり))`, 'gu'),
    read: (m) => {
      const count = readNumber(m[1] ?? '');
      // An anniversary counted to this year is exact, however long (今年で創業120年).
      if (count === null || count === 0 || count > MAX_ANNIVERSARY) return null;
      // The first year is the 1st 年目: the fifth year began four years ago.
      const back = m[2] === '年目' ? count - 1 : count;
      return relative('year', -back, -back, 'speech', { since: true });
    },
  },
  // 去年, 来年中, 昨年の7月, 来年の今頃, 今年の終わり
  {
    pattern: new RegExp(`(一昨年|おととし|去年|昨年|今年|本年|来年|再来年)(?:度)?(?:(中|内|いっぱい)|(の今頃)|の?\\s*(\\d{1,2})\\s*月|${YEAR_PART})?`, 'gu'),
    read: (m) => {
      const offset = DEICTIC_YEARS[m[1] ?? ''];
      if (offset === undefined) return null;
      const month = m[4] === undefined ? (m[3] === undefined ? null : 'same') : Number(m[4]);
      if (typeof month === 'number' && (month < 1 || month > 12)) return null;
      return relative('year', offset, offset, 'speech', { part: partOf(m[5]), month, approximate: m[3] !== undefined });
    },
  },
  // 先月, 今月
  {
    pattern: /(先々月|先月|今月|来月|再来月)/gu,
    read: (m) => {
      const offset = DEICTIC_MONTHS[m[1] ?? ''];
      return offset === undefined ? null : relative('month', offset, offset, 'speech');
    },
  },
  // 昨日, 本日, 今夜 (the night of the day the text is said on)
  {
    pattern: /(一昨日|おととい|昨日|昨夜|昨晩|今日|本日|今朝|今夜|今晩|明日|あした|明朝)/gu,
    read: (m, text) => {
      const offset = DEICTIC_DAYS[m[1] ?? ''];
      // 今日では / 今日の AI / 今日も: "nowadays", not the day of the recording; 今日は is the day.
      if (offset === undefined || (m[1] === '今日' && !/^(?:は|、|,)/u.test(text.slice(m.index + 2, m.index + 3)))) return null;
      return relative('day', offset, offset, 'speech');
    },
  },
  // 次の2年間, 今後5年, 3年以内, 過去1年間
  {
    pattern: new RegExp(`(次の|今後|これから(?:の)?|向こう|この先|過去)\\s*${NUM}\\s*年(?:間)?|${NUM}\\s*年\\s*以内`, 'gu'),
    read: (m) => {
      const count = readNumber(m[2] ?? m[3] ?? '');
      if (count === null || count === 0 || count > MAX_YEARS_AWAY) return null;
      return m[1] === '過去' ? relative('year', -count, 0, 'speech') : relative('year', 0, count, 'speech');
    },
  },
  // ほぼ正確に20年, 知り合って10年: the start of something still going on.
  {
    pattern: new RegExp(`(?:(ほぼ(?:正確に)?|ちょうど|もう|かれこれ|およそ|約)\\s*|(て(?:から)?\\s*))${NUM}\\s*年(?:間)?(?:以上)?(?=\\s*(?:や|だ|です|になる|になります|が経|経|たつ|たった|の間|くらい|ほど|近く))`, 'gu'),
    read: (m) => {
      const count = readNumber(m[3] ?? '');
      if (count === null || count === 0) return null;
      // The particle before a count since an event (知り合って) belongs to the event, not the date.
      const skip = m[2] === undefined ? 0 : m[2].length;
      const found = relative('year', -count, -count, 'speech', { approximate: true, since: true });
      return found === null ? null : { ...found, skip };
    },
  },
  // この録音をしている時点, 本稿執筆時点
  {
    pattern: /(?:この|本|今回の)\s*(?:録音|収録|撮影|放送|配信|執筆|記事|動画|エピソード|原稿|稿)(?:を|が)?(?:している|した|する|の)?\s*(?:執筆)?時点/gu,
    read: () => relative('now', 0, 0, 'speech'),
  },
  // 7月に, 12月下旬, 11月20日, 6月の第2週 (a month with no year)
  {
    // 「4月の28日」: a day after の is the month's day too (not 5月の20日間, a length).
    pattern: new RegExp(`(?<![\\d年ヶか])(\\d{1,2})\\s*月(?:\\s*(?:の\\s*)?(\\d{1,2})\\s*日${NOT_DAYS}|${WEEK})?(?:\\s*${MONTH_PART})?`, 'gu'),
    read: (m, text) => {
      const month = Number(m[1]);
      const day = m[2] === undefined ? null : Number(m[2]);
      // 3月 in 3ヶ月 or 第3月曜日-like counts is not a month of the calendar.
      if (month < 1 || month > 12 || /^(?:曜|間)/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 1))) return null;
      if (day !== null && !isValid(2000, month, day)) return null;
      if (m[3] !== undefined) {
        const week = weekOfMonth(month, m[3]);
        if (week === null || m[4] !== undefined) return null;
        return { mention: { kind: 'month', month, day: week.first, part: null, end: { month, day: week.last }, approximate: true } };
      }
      return { mention: { kind: 'month', month, day, part: partOf(m[4]), end: null, approximate: false } };
    },
  },
  // 5/28（火）, 5/21の18:30, 12/25に: a month and day with a slash, as a chat or a note writes them
  {
    pattern: /(?<![\d/.:\w])(\d{1,2})\/(\d{1,2})(?![\d/])/gu,
    read: (m, text) => {
      const month = Number(m[1]);
      const day = Number(m[2]);
      if (month < 1 || month > 12 || !isValid(2000, month, day)) return null;
      // 1/2, 3/4 are fractions: only a weekday or a time of day after it, or a day no fraction has
      // (past 12, after a month past 1), makes it a date.
      const after = text.slice(m.index + m[0].length);
      if (!SLASH_DATE_AFTER.test(after) && !(day > 12 && month > 1 && SLASH_DATE_END.test(after))) return null;
      return { mention: { kind: 'month', month, day, part: null, end: null, approximate: false } };
    },
  },
  // 来週の火曜, 先週の金曜日: a weekday of a week counted from the one the text was said in
  {
    pattern: /(先々週|先週|今週|再来週|来週)\s*の?\s*([日月火水木金土])曜(?:日)?/gu,
    read: (m) => {
      const weeks = DEICTIC_WEEKS[m[1] ?? ''];
      const weekday = WEEKDAYS.indexOf(m[2] ?? '');
      return weeks === undefined || weekday < 0 ? null : { mention: { kind: 'weekday', weeks, weekday } };
    },
  },
  // 28日の朝, 21日（火）, 15日18時: a day of the month the text is in, as a chat or a news item says it
  {
    pattern: /(?<![\d年月/ヶかカケ箇第〜~\-])(\d{1,2})\s*日/gu,
    read: (m, text, options) => {
      const day = Number(m[1]);
      const after = text.slice(m.index + m[0].length);
      const cued = BARE_DAY_AFTER.test(after) || (options.posted && day > 1 && POSTED_DAY_AFTER.test(after));
      if (day < 1 || day > 31 || !cued) return null;
      return { mention: { kind: 'day', day } };
    },
  },
  // 十月初め, 三月十日 (a month in kanji numerals; not 一月ほど, a month's length)
  {
    pattern: new RegExp(`(?<![〇零一二三四五六七八九十百千万数何ヶか第])(十[一二]?|[一二三四五六七八九])\\s*月(?:\\s*(?:の\\s*)?([一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\\s*日${NOT_DAYS})?(?:\\s*${MONTH_PART})?(?!\\s*(?:曜|間|前|後|ほど|くらい|ぐらい|近く|以上|余り|あまり|分|半))`, 'gu'),
    read: (m) => {
      const month = readNumber(m[1] ?? '');
      const day = m[2] === undefined ? null : readNumber(m[2]);
      if (month === null || month < 1 || month > 12 || (day !== null && !isValid(2000, month, day))) return null;
      return { mention: { kind: 'month', month, day, part: partOf(m[3]), end: null, approximate: false } };
    },
  },
];

/**
 * After a day with no month: a time of that day or a weekday, nothing else. A particle is not enough:
 * a bare number of days is as often a length (「5日にわたって」「3日から雨が続く」「10日まで休みます」)
 * or a rate (「10日に1回」) as a day of the month, and only a time or a weekday tells them apart.
 */
const BARE_DAY_AFTER = new RegExp(`^\\s*(?:の\\s*${TIME_OF_DAY}|${BRACKETED_WEEKDAY}|${CLOCK_TIME})`, 'u');
/**
 * In a posted message, に after the day, unless a count or a length goes on from it (「3日に1回」「5日にわたって」
 * 「2日にかけて」). 1日 stays out: 「1日にコーヒーを三杯」 is a day as a unit.
 */
const POSTED_DAY_AFTER = /^\s*に(?!\s*(?:\d|[一二三四五六七八九十]|何|数|わた|亘|かけ|一度|いっぺん))/u;

/** Between a year and its month: nothing, or の (昭和二十三年の九月, 2019年 3月). */
const YEAR_THEN_MONTH = /^\s*(?:の\s*)?$/u;

/**
 * 「昭和二十三年の九月」「二〇一九年の三月上旬」: a year and a month with no year of its own right after it are
 * one date, not a year and a month taken apart (the rules read kanji months and kanji era years separately).
 */
function joinYearAndMonth(mentions: readonly TemporalMention[], folded: string, original: string): TemporalMention[] {
  const out: TemporalMention[] = [];
  for (let i = 0; i < mentions.length; i += 1) {
    const year = mentions[i] as TemporalMention;
    const bare = (mention: TemporalMention | undefined): mention is AbsoluteMention =>
      mention?.kind === 'absolute' && mention.value.end === null && mention.value.start.month === null && mention.value.part === null && !mention.value.approximate;
    // 令和5年（2023年）8月19日: the year restated in brackets stands between the year and its month.
    const restated = mentions[i + 1];
    const close = bare(year) && bare(restated) && restated.value.start.year === year.value.start.year && /^\s*[(\uFF08]\s*$/u.test(folded.slice(year.index + year.length, restated.index))
      ? /^\s*[)\uFF09]/u.exec(folded.slice(restated.index + restated.length))
      : null;
    const skip = close === null ? 0 : 1;
    const from = close === null || restated === undefined ? year.index + year.length : restated.index + restated.length + close[0].length;
    const month = mentions[i + 1 + skip];
    if (!bare(year) || month?.kind !== 'month' || !YEAR_THEN_MONTH.test(folded.slice(from, month.index))) {
      out.push(year);
      continue;
    }
    const start = point(year.value.start.year, month.month, month.day);
    const end = month.end === null ? null : point(month.end.month < month.month ? start.year + 1 : start.year, month.end.month, month.end.day);
    const length = month.index + month.length - year.index;
    out.push({ kind: 'absolute', value: span(start, { end, part: month.part, approximate: month.approximate }), index: year.index, length, text: original.slice(year.index, year.index + length) });
    i += 1 + skip;
  }
  return out;
}

/** Connectors that make two dates one span (2002年から2003年, 2022年と2023年, 2027年か28年). */
const RANGE_JOIN = /^\s*(から|〜|~|-|–|—|か|、|,|と|や|ないし|または|および)\s*$/u;
const RANGE_TAIL = new RegExp(`^\\s*(?:まで|にかけて|の間)?\\s*(?:${HEDGE})?`, 'u');
/** Connectors that list dates (と, や, 、) rather than span them: they join only neighbouring ones. */
const LIST_JOIN = /^(?:、|,|と|や|および)$/u;

/** Whether `next` directly follows `last` at `last`'s precision: the next year, month or day. */
function adjacent(last: CalendarPoint, next: CalendarPoint): boolean {
  if (last.month === null || next.month === null) return next.year === last.year + 1 && next.month === null;
  const months = (next.year - last.year) * 12 + (next.month - last.month);
  if (last.day === null || next.day === null) return months === 1 && last.day === null && next.day === null;
  return months === 0 && next.day === last.day + 1;
}

/** A two-digit year continuing a four-digit one: 2025年、26年、27年. */
const SHORT_YEAR = /^\s*(?:から|〜|~|-|か|、|,|と|や)\s*(\d{2})\s*年(?!\s*(?:前|後|間|代))/u;

/**
 * Absolute dates joined by a range connector become one span; two-digit years after a full year
 * take its century. The span's text covers everything from the first date to the tail (頃, まで).
 */
function joinRanges(mentions: readonly TemporalMention[], folded: string, original: string): TemporalMention[] {
  const out: TemporalMention[] = [];
  for (let i = 0; i < mentions.length; i += 1) {
    const first = mentions[i];
    if (first === undefined) continue;
    if ((first.kind === 'month' || (first.kind === 'relative' && typeof first.month === 'number')) && first.end === null) {
      // 1月から3月, 6月〜8月: a span of months with no year is one mention, not two; so is a span
      // from a month of a year told relatively (昨年5月から6月にかけて).
      const next = mentions[i + 1];
      const between = next === undefined ? '' : folded.slice(first.index + first.length, next.index);
      const connecting = RANGE_JOIN.exec(between)?.[1];
      if (next?.kind === 'month' && next.end === null && connecting !== undefined && !LIST_JOIN.test(connecting) && connecting !== 'か') {
        const tail = RANGE_TAIL.exec(folded.slice(next.index + next.length))?.[0] ?? '';
        const end = next.index + next.length + tail.length;
        out.push({ ...first, end: { month: next.month, day: next.day }, length: end - first.index, text: original.slice(first.index, end) });
        i += 1;
        continue;
      }
    }
    if (first.kind !== 'absolute') {
      out.push(first);
      continue;
    }
    let end = first.index + first.length;
    let last: CalendarPoint = first.value.end ?? first.value.start;
    let approximate = first.value.approximate;
    let joined = false;
    let connector = '';
    for (;;) {
      const next = mentions[i + 1];
      const between = next === undefined ? '' : folded.slice(end, next.index);
      const connecting = RANGE_JOIN.exec(between)?.[1];
      // 2022年と2024年 are two years; 2022年と2023年 (or 2022年から2024年) is one span.
      const joins = next?.kind === 'absolute' && connecting !== undefined && (!LIST_JOIN.test(connecting) || adjacent(last, next.value.start));
      if (next !== undefined && next.kind === 'absolute' && joins) {
        connector ||= between.trim();
        last = next.value.end ?? next.value.start;
        approximate ||= next.value.approximate;
        end = next.index + next.length;
        joined = true;
        i += 1;
        continue;
      }
      // 2023年3月から5月にかけて: a month with no year ends a span that began in a month of a year.
      if (next !== undefined && next.kind === 'month' && last.month !== null && connecting !== undefined && !LIST_JOIN.test(connecting)) {
        connector ||= between.trim();
        last = point(next.month < last.month ? last.year + 1 : last.year, next.month, next.day);
        end = next.index + next.length;
        joined = true;
        i += 1;
        continue;
      }
      const short = first.value.start.month === null ? SHORT_YEAR.exec(folded.slice(end)) : null;
      if (short !== null && short[1] !== undefined) {
        const year = Math.floor(last.year / 100) * 100 + Number(short[1]);
        if (year <= last.year || year - last.year > 20) break;
        connector ||= short[0].replace(/\d+\s*年$/u, '').trim();
        last = point(year);
        end += short[0].length;
        joined = true;
        continue;
      }
      break;
    }
    if (!joined) {
      out.push(first);
      continue;
    }
    const tail = RANGE_TAIL.exec(folded.slice(end))?.[0] ?? '';
    approximate ||= /頃|ごろ|前後|くらい|ぐらい|ほど|あたり/u.test(tail) || connector === 'か' || connector === 'ないし' || connector === 'または';
    end += tail.length;
    out.push({
      kind: 'absolute',
      value: span(first.value.start, { end: last, approximate }),
      index: first.index,
      length: end - first.index,
      text: original.slice(first.index, end),
    });
  }
  return out;
}
