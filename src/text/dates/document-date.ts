/**
 * When a transcript was spoken or written: its stated publication date, or — when it states none —
 * what the text itself implies (「2028年、つまり4年後」 was said in 2024; 「2026年の現在」 in 2026).
 */
import { parsePoint, point, type CalendarPoint } from './calendar.js';
import { findTemporal, foldWidth, type AbsoluteMention, type TemporalMention } from './find-temporal.js';

export interface DocumentDate {
  readonly point: CalendarPoint;
  /** False when the transcript states it; true when read off the text. */
  readonly inferred: boolean;
  /** The line that states or implies it. */
  readonly line: number | null;
}

/** Between a date and a count that restates it: 2028年、つまり4年後. */
const RESTATES = /^\s*[、,]?\s*(?:つまり|すなわち|要するに|今から|いまから)?\s*$/u;
/** Right after a date, words that make it the present: 2026年の現在, 2026年現在, 2026年時点での最新. */
const PRESENT_AFTER = /^\s*(?:の|、)?\s*(?:現在|現時点|今|いま)(?![日回度後])|^\s*(?:初頭|前半|半ば|後半|末)?\s*(?:時点)?における[^。]{0,40}(?:最新|現状|現在)/u;
/** Right before a date: 現在は2026年, 今年2026年. */
const PRESENT_BEFORE = /(?:現在|今年|今|いま)\s*(?:は|、|,|で)?\s*$/u;

/**
 * The stated date when there is one, else the date the text implies most often (earliest line on a
 * tie), else null.
 *
 * @example documentDate('2024-03-20', []) // { point: 2024-03-20, inferred: false, line: null }
 */
export function documentDate(
  stated: string | null,
  lines: ReadonlyArray<{ readonly line: number; readonly text: string }>,
  statedLine: number | null = null,
  header: ReadonlyArray<{ readonly line: number; readonly text: string }> = [],
): DocumentDate | null {
  const parsed = stated === null ? null : parsePoint(stated);
  if (parsed !== null) return { point: parsed, inferred: false, line: statedLine };
  for (const { line, text } of header) {
    const found = headerDate(text);
    if (found !== null) return { point: found, inferred: true, line };
  }
  const votes = new Map<number, { count: number; line: number }>();
  for (const { line, text } of lines) {
    for (const year of impliedYears(text)) {
      const vote = votes.get(year);
      if (vote === undefined) votes.set(year, { count: 1, line });
      else vote.count += 1;
    }
  }
  let best: { year: number; count: number; line: number } | null = null;
  for (const [year, vote] of votes) {
    if (best === null || vote.count > best.count || (vote.count === best.count && vote.line < best.line)) best = { year, ...vote };
  }
  return best === null ? null : { point: point(best.year), inferred: true, line: best.line };
}

/**
 * Labels of the date a record or a recording was made, perhaps as a bullet in bold, first on the line
 * or after another field: 日時：2024年11月8日（金）, - **収録日**: 2024/3/2, 文字起こし：自動　収録日：2024年2月9日.
 */
const DATE_LABEL = /(?:^|[\s\u3000、,|｜/／])\s*(?:[-・•]\s*)?(?:[*＊【\[]\s*)*(?:日時|日付|開催日(?:時)?|実施日(?:時)?|収録日(?:時)?|録音日|放送日|配信日|発行日|記録日|会議日|講演日)\s*(?:[*＊】\]]\s*)*[:：]\s*$/u;
/** A periodical's issue in its title line: 月刊〇〇 2025年6月号. */
const ISSUE_AFTER = /^\s*号/u;

/**
 * The date a header line gives the text, when the reader found none: a labelled date line
 * (「日時：2024年11月8日（金）5・6校時」) or a magazine's issue (「2025年6月号」), to the month or day.
 *
 * @example headerDate('日時：2024年11月8日（金）') // 2024-11-08
 */
export function headerDate(text: string): CalendarPoint | null {
  const folded = foldWidth(text);
  const dates = findTemporal(text).filter((mention): mention is AbsoluteMention => isSingleYear(mention) && mention.value.start.month !== null);
  const first = dates[0];
  if (first === undefined) return null;
  if (DATE_LABEL.test(folded.slice(0, first.index))) return first.value.start;
  const issue = dates.find((mention) => ISSUE_AFTER.test(folded.slice(mention.index + mention.length)));
  return issue === undefined ? null : issue.value.start;
}

/**
 * Years a line implies to be the present.
 *
 * @example impliedYears('2028年、つまり4年後くらいに再稼働させる予定や') // [2024]
 */
export function impliedYears(text: string): number[] {
  const folded = foldWidth(text);
  const mentions = findTemporal(text);
  const years: number[] = [];
  mentions.forEach((mention, i) => {
    if (!isSingleYear(mention)) return;
    const year = mention.value.start.year;
    const next = mentions[i + 1];
    const after = folded.slice(mention.index + mention.length, next?.index ?? folded.length);
    if (next !== undefined && isYearCount(next) && RESTATES.test(after)) years.push(year - next.from);
    else if (PRESENT_AFTER.test(after) || PRESENT_BEFORE.test(folded.slice(Math.max(0, mention.index - 8), mention.index))) years.push(year);
    const previous = mentions[i - 1];
    if (previous !== undefined && isYearCount(previous)) {
      const between = folded.slice(previous.index + previous.length, mention.index);
      if (/^\s*(?:の|、|,)?\s*(?:つまり|すなわち)?\s*$/u.test(between)) years.push(year - previous.from);
    }
  });
  return years;
}

function isSingleYear(mention: TemporalMention): mention is AbsoluteMention {
  return mention.kind === 'absolute' && mention.value.end === null;
}

function isYearCount(mention: TemporalMention): mention is Extract<TemporalMention, { kind: 'relative' }> {
  return mention.kind === 'relative' && mention.unit === 'year' && mention.from === mention.to && !mention.since && mention.month === null && mention.part === null;
}
