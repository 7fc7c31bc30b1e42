/**
 * Calendar values as a historian writes them down: a year, a month or a day, a span between two of
 * them, hedged or not — never more precise than the text that stated it.
 */

/** A point on the calendar known to a year, a month or a day. */
export interface CalendarPoint {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
}

/** Which part of a year (or month) the text narrowed a date to: 初頭 / 半ば / 末. */
export type DatePart = 'early' | 'mid' | 'late';

/** A stated time: one point, or a span from `start` to `end` (inclusive). */
export interface TimeSpan {
  readonly start: CalendarPoint;
  readonly end: CalendarPoint | null;
  /** The text hedged it (頃, 約, くらい), or it was counted back from a rough duration. */
  readonly approximate: boolean;
  readonly part: DatePart | null;
}

export type Precision = 'day' | 'month' | 'year' | 'range' | 'approximate';

/** The year before each Japanese era's first, so that 令和1 is 2019 and 平成元 is 1989. */
export const ERA_START: Readonly<Record<string, number>> = { 令和: 2018, 平成: 1988, 昭和: 1925, 大正: 1911, 明治: 1867 };
/** The era names as one capturing group, for patterns that read an era year (令和6年, 昭和40年代). */
export const ERA_NAME = `(${Object.keys(ERA_START).join('|')})`;

export function point(year: number, month: number | null = null, day: number | null = null): CalendarPoint {
  return { year, month, day: month === null ? null : day };
}

export function span(start: CalendarPoint, options: { end?: CalendarPoint | null; approximate?: boolean; part?: DatePart | null } = {}): TimeSpan {
  const end = options.end ?? null;
  if (end !== null && comparePoints(end, start) < 0) return { start: end, end: start, approximate: options.approximate ?? false, part: options.part ?? null };
  const same = end !== null && comparePoints(end, start) === 0 && granularity(end) === granularity(start);
  return { start, end: same ? null : end, approximate: options.approximate ?? false, part: options.part ?? null };
}

/**
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as precise as the point is known.
 *
 * @example formatPoint(point(2024, 3)) // '2024-03'
 */
export function formatPoint(value: CalendarPoint): string {
  const year = String(value.year).padStart(4, '0');
  if (value.month === null) return year;
  const month = `${year}-${String(value.month).padStart(2, '0')}`;
  return value.day === null ? month : `${month}-${String(value.day).padStart(2, '0')}`;
}

/** Reads what `formatPoint` writes (and `2024/3/5`); null for anything else or an impossible date. */
export function parsePoint(text: string): CalendarPoint | null {
  const match = /^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\s*$/u.exec(text.normalize('NFKC'));
  if (match === null) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  return isValid(year, month, day) ? point(year, month, day) : null;
}

export function isValid(year: number, month: number | null, day: number | null): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false;
  if (month === null) return day === null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (day === null) return true;
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Order by year, then month, then day; a point known only to its year comes before its months. */
export function comparePoints(left: CalendarPoint, right: CalendarPoint): number {
  return left.year - right.year || (left.month ?? 0) - (right.month ?? 0) || (left.day ?? 0) - (right.day ?? 0);
}

export function granularity(value: CalendarPoint): 'year' | 'month' | 'day' {
  return value.month === null ? 'year' : value.day === null ? 'month' : 'day';
}

export function precisionOf(value: TimeSpan): Precision {
  if (value.end !== null) return 'range';
  if (value.approximate) return 'approximate';
  return granularity(value.start);
}

/** The last point the span covers, at the finest granularity it has: for overlap tests. */
export function lastPoint(value: TimeSpan): CalendarPoint {
  return value.end ?? value.start;
}

/** Whether a span and the interval [from, to] share any time; a bound known to a year covers that year. */
export function overlaps(value: TimeSpan, from: CalendarPoint | null, to: CalendarPoint | null): boolean {
  if (from !== null && compareAtCoarser(lastPoint(value), from) < 0) return false;
  if (to !== null && compareAtCoarser(value.start, to) > 0) return false;
  return true;
}

/** Compare at the coarser of the two granularities, so 2024 neither precedes nor follows 2024-03. */
function compareAtCoarser(left: CalendarPoint, right: CalendarPoint): number {
  if (left.year !== right.year) return left.year - right.year;
  if (left.month === null || right.month === null) return 0;
  if (left.month !== right.month) return left.month - right.month;
  if (left.day === null || right.day === null) return 0;
  return left.day - right.day;
}

/** Move a point by whole months, keeping its granularity (a year-only point moves by years). */
export function addMonths(value: CalendarPoint, months: number): CalendarPoint {
  if (value.month === null) return point(value.year + Math.trunc(months / 12));
  const index = value.year * 12 + (value.month - 1) + months;
  return point(Math.floor(index / 12), (index % 12) + 1, value.day === null ? null : Math.min(value.day, daysInMonth(Math.floor(index / 12), (index % 12) + 1)));
}

export function addDays(value: CalendarPoint, days: number): CalendarPoint {
  if (value.month === null || value.day === null) return value;
  const date = new Date(Date.UTC(value.year, value.month - 1, value.day + days));
  return point(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
