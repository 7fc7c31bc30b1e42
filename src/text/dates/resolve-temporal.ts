/**
 * A found mention → a calendar span, given what it may be counted from: the date the text was
 * spoken or written, and the date the passage is talking about. What cannot be resolved without
 * guessing (先月 in a text dated only to a year) stays unresolved.
 */
import { addDays, addMonths, isValid, point, span, type CalendarPoint, type TimeSpan } from './calendar.js';
import type { TemporalMention } from './find-temporal.js';

export interface ResolveReferences {
  /** When the text was spoken or written, as precisely as known; null when unknown. */
  readonly document: CalendarPoint | null;
  /** The last date the passage stated before this mention, if any (for 2年前 after 「2012年」). */
  readonly context: CalendarPoint | null;
}

export type Resolution =
  | { readonly resolved: true; readonly value: TimeSpan; readonly basis: 'absolute' | 'document' | 'context' }
  | { readonly resolved: false; readonly reason: 'no_document_date' | 'too_coarse' };

/** Months either side of a document's date within which a bare month (7月) is placed. */
const BARE_MONTH_WINDOW = 6;

/**
 * Resolve one mention.
 *
 * @example resolveTemporal(findTemporal('去年')[0], { document: point(2024, 12, 15), context: null }) // 2023
 */
export function resolveTemporal(mention: TemporalMention, references: ResolveReferences): Resolution {
  if (mention.kind === 'absolute') return { resolved: true, value: mention.value, basis: 'absolute' };
  if (mention.kind === 'day') return resolveDay(mention.day, references.document);
  if (mention.kind === 'weekday') return resolveWeekday(mention.weeks, mention.weekday, references.document);
  if (mention.kind === 'month') {
    const resolution = resolveMonth(mention.month, mention.day, mention.part, references);
    if (!resolution.resolved || mention.end === null) return resolution;
    const { start } = resolution.value;
    return { ...resolution, value: span(start, { end: monthSpanEnd(start.year, mention.month, mention.end), part: mention.part, approximate: mention.approximate }) };
  }
  // A passage recounting the past sets the time for a bare 2年前; a date still to come (a plan,
  // a forecast) does not: 「2028年に再稼働する予定。5年後には…」 counts from now.
  const useContext = mention.reference === 'context' && references.context !== null && !isAfter(references.context, references.document);
  const base = useContext ? references.context : references.document;
  if (base === null) return { resolved: false, reason: 'no_document_date' };
  const basis = useContext ? 'context' : 'document';
  const options = { approximate: mention.approximate || mention.since, part: mention.part };
  switch (mention.unit) {
    case 'now':
      return { resolved: true, value: span(base), basis };
    case 'year': {
      const month = mention.month === 'same' ? base.month : mention.month;
      const start = point(base.year + mention.from, month);
      const last = mention.end === null || month === null ? null : monthSpanEnd(base.year + mention.to, month, mention.end);
      const end = last ?? (mention.to === mention.from ? null : point(base.year + mention.to, month));
      return { resolved: true, value: span(start, { ...options, end }), basis };
    }
    case 'month': {
      // 今月 in a text dated only to a year is that year; 先月 could be the year before.
      if (base.month === null) return mention.from === 0 && mention.to === 0 ? { resolved: true, value: span(point(base.year), options), basis } : { resolved: false, reason: 'too_coarse' };
      const monthOnly = point(base.year, base.month);
      const end = mention.to === mention.from ? null : addMonths(monthOnly, mention.to);
      return { resolved: true, value: span(addMonths(monthOnly, mention.from), { ...options, end }), basis };
    }
    case 'day': {
      if (base.day === null) return mention.from === 0 ? { resolved: true, value: span(point(base.year, base.month), options), basis } : { resolved: false, reason: 'too_coarse' };
      return { resolved: true, value: span(addDays(base, mention.from), options), basis };
    }
  }
}

/**
 * The last point of a span of months that starts in `month` of `year` (昨年11月から2月): it runs on
 * into the next year when it ends in an earlier month.
 */
function monthSpanEnd(year: number, month: number, end: { readonly month: number; readonly day: number | null }): CalendarPoint {
  return point(end.month < month ? year + 1 : year, end.month, end.day);
}

function isAfter(value: CalendarPoint, document: CalendarPoint | null): boolean {
  return document !== null && (value.year > document.year || (value.year === document.year && value.month !== null && document.month !== null && value.month > document.month));
}

/**
 * A month without a year takes the year the passage is about, or else the one that puts it nearest
 * the document's date (7月 in a text of 2024-12 is 2024-07). A document dated only to a year says
 * nothing about which July.
 */
function resolveMonth(month: number, day: number | null, part: TimeSpan['part'], references: ResolveReferences): Resolution {
  const { context, document } = references;
  if (context !== null) return { resolved: true, value: span(point(context.year, month, day), { part }), basis: 'context' };
  if (document === null) return { resolved: false, reason: 'no_document_date' };
  if (document.month === null) return { resolved: false, reason: 'too_coarse' };
  const distance = month - document.month;
  const year = distance > BARE_MONTH_WINDOW ? document.year - 1 : distance < -BARE_MONTH_WINDOW ? document.year + 1 : document.year;
  return { resolved: true, value: span(point(year, month, day), { part }), basis: 'document' };
}

/**
 * A day with no month is in the month that puts it nearest the day the text was said (28日 said on
 * 5月21日 is 5月28日; 30日 said on 6月2日 is 5月30日). A text dated only to a month or a year says nothing.
 */
function resolveDay(day: number, document: CalendarPoint | null): Resolution {
  if (document === null) return { resolved: false, reason: 'no_document_date' };
  if (document.month === null || document.day === null) return { resolved: false, reason: 'too_coarse' };
  const said = Date.UTC(document.year, document.month - 1, document.day);
  let best: CalendarPoint | null = null;
  let distance = Number.POSITIVE_INFINITY;
  for (const offset of [-1, 0, 1]) {
    const month = addMonths(point(document.year, document.month), offset);
    if (month.month === null || !isValid(month.year, month.month, day)) continue;
    const away = Math.abs(Date.UTC(month.year, month.month - 1, day) - said);
    if (away < distance) {
      distance = away;
      best = point(month.year, month.month, day);
    }
  }
  return best === null ? { resolved: false, reason: 'too_coarse' } : { resolved: true, value: span(best), basis: 'document' };
}

/**
 * 来週の火曜 said on a Tuesday is a week later: weeks run Monday to Sunday, as a Japanese calendar
 * (and a timetable) counts them, so 今週の日曜 is the Sunday ending the week of speaking.
 */
function resolveWeekday(weeks: number, weekday: number, document: CalendarPoint | null): Resolution {
  if (document === null) return { resolved: false, reason: 'no_document_date' };
  if (document.month === null || document.day === null) return { resolved: false, reason: 'too_coarse' };
  const said = new Date(Date.UTC(document.year, document.month - 1, document.day)).getUTCDay();
  const fromMonday = (day: number): number => (day + 6) % 7;
  return { resolved: true, value: span(addDays(document, 7 * weeks + fromMonday(weekday) - fromMonday(said))), basis: 'document' };
}
