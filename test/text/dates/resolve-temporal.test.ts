import { describe, expect, it } from 'vitest';
import { formatPoint, point, precisionOf, type CalendarPoint } from '../../../src/text/dates/calendar.js';
import { documentDate, impliedYears } from '../../../src/text/dates/document-date.js';
import { findTemporal } from '../../../src/text/dates/find-temporal.js';
import { resolveTemporal } from '../../../src/text/dates/resolve-temporal.js';

/** The first mention of `text` resolved, as `start[..end] precision`, or `unresolved: reason`. */
function resolve(text: string, document: CalendarPoint | null, context: CalendarPoint | null = null): string {
  const [mention] = findTemporal(text);
  if (mention === undefined) throw new Error(`no mention in ${text}`);
  const resolution = resolveTemporal(mention, { document, context });
  if (!resolution.resolved) return `unresolved: ${resolution.reason}`;
  const { value } = resolution;
  return `${formatPoint(value.start)}${value.end === null ? '' : `..${formatPoint(value.end)}`} ${precisionOf(value)}`;
}

describe('resolveTemporal', () => {
  it.each([
    // Against the document's date; never more precise than the expression.
    ['4年後', point(2024), '2028 year'],
    ['去年', point(2024, 12, 15), '2023 year'],
    ['来年中', point(2024, 12, 15), '2025 year'],
    ['10年前', point(2026), '2016 year'],
    ['約10年前', point(2026), '2016 approximate'],
    ['昨年の7月', point(2024, 3, 20), '2023-07 month'],
    ['来年の今頃', point(2024, 3, 20), '2025-03 approximate'],
    ['今から2〜3年前', point(2024, 3, 20), '2021..2022 range'],
    ['ほぼ正確に20年やな', point(2023, 3), '2003 approximate'],
    ['この録音をしている時点', point(2026), '2026 year'],
    ['今月', point(2024, 12, 15), '2024-12 month'],
    // A day with no month: in the month that puts it nearest the day the text was said, across a year too.
    ['28日の朝に', point(2024, 5, 21), '2024-05-28 day'],
    ['30日の夜に', point(2024, 6, 2), '2024-05-30 day'],
    ['2日の朝に', point(2024, 12, 30), '2025-01-02 day'],
    ['28日の朝に', point(2024, 5), 'unresolved: too_coarse'],
    // Weeks run Monday to Sunday: 来週の火曜 said on Tuesday 2024-05-14 is the 21st; 今週の日曜 ends this week.
    ['来週の火曜', point(2024, 5, 14), '2024-05-21 day'],
    ['今週の日曜', point(2024, 5, 14), '2024-05-19 day'],
    ['先週の金曜日', point(2024, 5, 19), '2024-05-10 day'],
    ['来週の火曜', point(2024), 'unresolved: too_coarse'],
    ['先月', point(2024, 1, 10), '2023-12 month'],
    ['昨日', point(2024, 3, 1), '2024-02-29 day'],
    ['次の2年間', point(2023, 3), '2023..2025 range'],
    // A bare month is placed nearest the document's date.
    ['7月', point(2024, 12, 15), '2024-07 month'],
    ['12月', point(2025, 2, 1), '2024-12 month'],
  ])('resolves %s against %j as %s', (text, document, expected) => {
    expect(resolve(text, document)).toBe(expected);
  });

  it('counts a bare 2年前 from the date the passage is about, when there is one', () => {
    expect(resolve('たぶん2年前くらいに', point(2023, 3), point(2012))).toBe('2010 approximate');
    expect(resolve('今から2年前', point(2023, 3), point(2012))).toBe('2021 year');
  });

  it.each([
    ['去年', null, 'unresolved: no_document_date'],
    ['5年後', null, 'unresolved: no_document_date'],
    ['先月', point(2026), 'unresolved: too_coarse'],
    ['8か月前', point(2026), 'unresolved: too_coarse'],
    ['7月', point(2026), 'unresolved: too_coarse'],
  ])('leaves %s unresolved against %j rather than guess', (text, document, expected) => {
    expect(resolve(text, document)).toBe(expected);
  });

  it('resolves a span of months with no year as one span, into the next year when it ends in an earlier month', () => {
    expect(resolve('11月から2月まで', point(2024, 10, 1))).toBe('2024-11..2025-02 range');
    expect(resolve('12月6日まで', point(2024, 11, 16))).toBe('2024-12-06 day');
  });

  it('resolves a span from a month of a year told relatively (昨年5月から6月) as one span in that year', () => {
    expect(resolve('昨年5月から6月にかけて調査した', point(2024, 11, 2))).toBe('2023-05..2023-06 range');
    expect(resolve('去年の11月から2月まで', point(2024, 11, 2))).toBe('2023-11..2024-02 range');
    expect(findTemporal('昨年5月から6月にかけて').map((mention) => mention.text)).toEqual(['昨年5月から6月にかけて']);
  });

  it('resolves a week of a month with no year (6月の第2週) as its days, nearest the document’s date', () => {
    expect(resolve('6月の第2週まで船に乗ります', point(2023, 5, 27))).toBe('2023-06-08..2023-06-14 range');
  });

  it('reads 今日 in a text dated to a month as that month, not a day', () => {
    expect(resolve('今日はGPT-4の翌日やね', point(2023, 3))).toBe('2023-03 month');
  });
});

describe('documentDate', () => {
  it('takes the stated date when there is one', () => {
    expect(documentDate('2024-03-20', [{ line: 5, text: '2028年、つまり4年後' }])).toEqual({ point: point(2024, 3, 20), inferred: false, line: null });
  });

  it('infers the year from a date restated as a count, and says so', () => {
    const lines = [
      { line: 3, text: '今週、大きなニュースがあってん。' },
      { line: 11, text: 'コンステレーション・エナジーは2028年、つまり4年後くらいに再稼働させる予定や。' },
    ];
    expect(documentDate(null, lines)).toEqual({ point: point(2024), inferred: true, line: 11 });
  });

  it('takes a header’s labelled date line or a magazine issue when no date is stated, as inferred', () => {
    const header = (text: string) => documentDate(null, [], null, [{ line: 2, text }]);
    expect(header('- **開催日**：令和4年6月3日（金）午後2時')).toEqual({ point: point(2022, 6, 3), inferred: true, line: 2 });
    expect(header('季刊みなと　2021年4月号　特集')).toEqual({ point: point(2021, 4), inferred: true, line: 2 });
    // The label may follow another field on the line, as a speech-to-text tool writes its header.
    expect(header('文字起こし：自動　収録日：2024年2月9日　※一部未修正')).toEqual({ point: point(2024, 2, 9), inferred: true, line: 2 });
    // A word that only ends in a label's letters (誕生日付) is no label.
    expect(header('誕生日付：2001年4月1日')).toBeNull();
    // A date in a header line that does not label the text’s own date.
    expect(header('2019年4月に開業した駅の話')).toBeNull();
  });

  it('returns null when the text implies no date', () => {
    expect(documentDate(null, [{ line: 1, text: '2019年まで問題なく動いてた。5年後には変わるやろ。' }])).toBeNull();
  });

  it.each([
    ['2026年の現在、他社がアクセスできない技術はない', [2026]],
    ['2026年初頭におけるAI技術の最新状況について語る', [2026]],
    ['現在は2030年です', [2030]],
    ['5年後の2030年には', [2025]],
    ['2019年まで問題なく動いてた', []],
  ])('reads %s as implying %j', (text, years) => {
    expect(impliedYears(text)).toEqual(years);
  });
});
