import { describe, expect, it } from 'vitest';
import { formatPoint } from '../../../src/text/dates/calendar.js';
import { findTemporal, readNumber, type TemporalMention } from '../../../src/text/dates/find-temporal.js';

/** A mention as one comparable string: `text → start..end ~part` or the relative spec. */
function describeMention(mention: TemporalMention): string {
  if (mention.kind === 'absolute') {
    const { start, end, approximate, part } = mention.value;
    return `${mention.text} → ${formatPoint(start)}${end === null ? '' : `..${formatPoint(end)}`}${approximate ? ' ~' : ''}${part === null ? '' : ` ${part}`}`;
  }
  if (mention.kind === 'month') {
    const end = mention.end === null ? '' : `..${mention.end.month}${mention.end.day === null ? '' : `/${mention.end.day}`}`;
    return `${mention.text} → month ${mention.month}${mention.day === null ? '' : `/${mention.day}`}${end}${mention.part === null ? '' : ` ${mention.part}`}`;
  }
  if (mention.kind === 'day') return `${mention.text} → day ${mention.day}`;
  if (mention.kind === 'weekday') return `${mention.text} → week ${mention.weeks} weekday ${mention.weekday}`;
  return `${mention.text} → ${mention.unit} ${mention.from}..${mention.to} ${mention.reference}${mention.since ? ' since' : ''}${mention.approximate ? ' ~' : ''}${mention.month === null ? '' : ` month:${mention.month}`}${mention.part === null ? '' : ` ${mention.part}`}`;
}

describe('findTemporal', () => {
  it.each([
    // Absolute forms, as precise as written.
    ['1号炉は2019年まで問題なく動いてた', ['2019年 → 2019']],
    ['2021年9月以前は32.2%やった', ['2021年9月 → 2021-09']],
    ['2024年3月20日に公開', ['2024年3月20日 → 2024-03-20']],
    ['2024.12.15', ['2024.12.15 → 2024-12-15']],
    ['By Jane Doe · 2024-03-20', ['2024-03-20 → 2024-03-20']],
    ['Updated on December 15, 2024, 17:04 pm JST', ['December 15, 2024 → 2024-12-15']],
    ['２０２３年３月の対談', ['２０２３年３月 → 2023-03']], // full-width digits, offsets kept
    ['二〇二四年五月に', ['二〇二四年五月 → 2024-05']],
    // Era years.
    ['令和5年3月に施行', ['令和5年3月 → 2023-03']],
    // The end of a fiscal year (April to March) is the March after its year.
    ['令和9年度末の完成を目指す', ['令和9年度末 → 2028-03']],
    ['2030年度末までに', ['2030年度末 → 2031-03']],
    // A kanji era year and its kanji month are one date; so is an era year with the Western year in brackets.
    ['平成三年の六月下旬だった', ['平成三年の六月下旬 → 1991-06 late']],
    ['開館は平成2年（1990年）4月10日', ['平成2年（1990年）4月10日 → 1990-04-10']],
    // A day joined to its month by の, but not a length in days.
    ['祭りは7月の15日や', ['7月の15日 → month 7/15']],
    // A month and day with a slash, as a chat writes it: with a weekday or a time, or a day past 12.
    ['5/28（火）の3限。', ['5/28 → month 5/28']],
    ['じゃあ5/21の18:30から', ['5/21 → month 5/21']],
    ['12/25に集合', ['12/25 → month 12/25']],
    // A day with no month, before a time of day, a weekday or a particle of time.
    ['残りは28日の朝に確認しよ', ['28日 → day 28']],
    ['15日（水）に集合', ['15日 → day 15']],
    ['1日の朝に出発', ['1日 → day 1']],
    ['21日18時に集合', ['21日 → day 21']],
    // A class period is a time of day in student talk, after a day as after a month/day.
    ['17日の2限に小テスト', ['17日 → day 17']],
    ['6/17の2限に小テスト', ['6/17 → month 6/17']],
    // A weekday of a week counted from the week of speaking.
    ['勉強会やりません？来週の火曜とか', ['来週の火曜 → week 1 weekday 2']],
    ['先週の金曜日に届いた', ['先週の金曜日 → week -1 weekday 5']],
    // The night or morning of the day of speaking, and the night before.
    ['台風は今夜上陸します', ['今夜 → day 0..0 speech']],
    ['昨夜から雨だ', ['昨夜 → day -1..-1 speech']],
    ['8月の10日間', ['8月 → month 8']],
    ['3月の10日前に届いた', ['3月 → month 3']],
    ['5月の3日目に熱が出た', ['5月 → month 5']],
    ['五月の三日目に熱が出た', ['五月 → month 5']],
    ['11月20日前後に届く', ['11月20日 → month 11/20']],
    ['令和4年の12月に制度が変わって', ['令和4年の12月 → 2022-12']],
    ['平成元年のこと', ['平成元年 → 1989']],
    ['昭和六十四年', ['昭和六十四年 → 1989']],
    // Ranges, parts of a year, decades, quarters.
    ['2002年から2003年頃やった', ['2002年から2003年頃 → 2002..2003 ~']],
    ['2003年から2002年にかけて', ['2003年から2002年にかけて → 2002..2003']],
    ['1960年から1985年までの歴史', ['1960年から1985年まで → 1960..1985']],
    ['当初の予測は2027年か28年でした', ['2027年か28年 → 2027..2028 ~']],
    ['2025年、26年、27年については', ['2025年、26年、27年 → 2025..2027']],
    ['2025年初頭に起こりました', ['2025年初頭 → 2025 early']],
    ['2024年半ばに', ['2024年半ば → 2024 mid']],
    ['2025年の最後の6ヶ月が', ['2025年の最後の6ヶ月 → 2025 late']],
    ['1990年代より', ['1990年代 → 1990..1999']],
    ['80年代に作りました', ['80年代 → 1980..1989']],
    // A part of a decade is the years it covers, not the whole decade.
    ['90年代後半に流行った', ['90年代後半 → 1995..1999']],
    ['2020年代前半には', ['2020年代前半 → 2020..2024']],
    ['Q1 2026のタイムライン', ['Q1 2026 → 2026-01..2026-03']],
    // Relative to the time of speaking, or to the passage.
    ['2028年、つまり4年後くらいに', ['2028年 → 2028', '4年後くらい → year 4..4 context ~']],
    ['今から2〜3年前には', ['今から2〜3年前 → year -3..-2 speech']],
    ['去年、GPT-4が削除された', ['去年 → year -1..-1 speech']],
    ['来年中には開発されるだろう', ['来年中 → year 1..1 speech']],
    ['昨年の7月に発表', ['昨年の7月 → year -1..-1 speech month:7']],
    ['来年の今頃には', ['来年の今頃 → year 1..1 speech ~ month:same']],
    ['今年の終わりまでに', ['今年の終わり → year 0..0 speech late']],
    ['十年前に学んだ', ['十年前 → year -10..-10 context']],
    ['8か月前に設立され', ['8か月前 → month -8..-8 context']],
    ['今月に入って', ['今月 → month 0..0 speech']],
    ['次の2年間で', ['次の2年間 → year 0..2 speech']],
    ['ほぼ正確に20年やな', ['ほぼ正確に20年 → year -20..-20 speech since ~']],
    ['知り合って10年の間に', ['10年 → year -10..-10 speech since ~']], // the particle stays with the event
    ['この録音をしている時点を区切る', ['この録音をしている時点 → now 0..0 speech']],
    ['12月に出た', ['12月 → month 12']],
    // Months in kanji numerals, and a span of months with no year as one mention.
    ['十月初め。いよいよ稲刈りの日。', ['十月初め → month 10 early']],
    ['三月十日に', ['三月十日 → month 3/10']],
    ['十二月下旬に', ['十二月下旬 → month 12 late']],
    ['1月から3月は禁漁', ['1月から3月 → month 1..3']],
    ['11月20日から12月5日まで募集', ['11月20日から12月5日まで → month 11/20..12/5']],
    // A week of a month is its days 1–7, 8–14, …
    ['6月の第2週まで船に乗ります', ['6月の第2週 → month 6/8..6/14']],
    ['2023年6月第2週目に', ['2023年6月第2週目 → 2023-06-08..2023-06-14 ~']],
    ['9月の第5週', ['9月の第5週 → month 9/29..9/30']],
    // An era's decade; a count of years reaching this year is how long something has gone on.
    ['昭和40年代には', ['昭和40年代 → 1965..1974']],
    ['今年で五年目になる', ['今年で五年目 → year -4..-4 speech since']],
    ['今年で創業120年', ['今年で創業120年 → year -120..-120 speech since']],
  ])('reads %s', (text, expected) => {
    expect(findTemporal(text).map(describeMention)).toEqual(expected);
  });

  it.each([
    ['月額2000ドルという噂', 'a price is not a year'],
    ['1/2の確率で', 'a fraction is no month and day'],
    ['10日に1回は洗う', 'a rate is no day'],
    ['3日で終わった', 'a length is no day'],
    ['1日にコーヒーを三杯', 'a day as a unit is no date'],
    ['28日間の旅', 'nor is a span of days'],
    ['会期は5日にわたって続いた。', 'a length before にわたって is no day'],
    ['7日にわたる審議', 'nor before にわたる'],
    ['10日まで休みます', 'nor is a bare day before まで, as often how long as until when'],
    ['3日から雨が続く', 'nor one before から'],
    ['3日 10時間かけて直した', 'nor a count of hours after it, which is no time of day'],
    ['3/4に減った', 'nor is a fraction before a particle'],
    ['5/20の確率', 'nor one with a day past 12 before a noun'],
    ['https://example.jp/stat2/past-exams/2023-midterm.pdf', 'a path is no date'],
    ['2000年前の遺跡', 'two thousand years ago is not the year 2000'],
    ['10億秒は30年やからな', 'a bare duration is no date'],
    ['100年後には', 'rhetoric about eras is not dated'],
    ['今日では教師なし学習が簡単', '今日では means nowadays'],
    ['3ヶ月かかった', 'a count of months is no month'],
    ['3、4年後ろ倒しになって', '後ろ倒し is not 後'],
    ['1年後輩の田中さん', '後輩 is a junior, not a year later'],
    ['一月ほど前から', 'a month’s length in kanji is no month'],
    ['第一月曜日', 'a first Monday is no January'],
    [' '.repeat(3000), 'a long run of spaces (once took 50 s: two \\s* side by side backtracked)'],
  ])('finds nothing in %s (%s)', (text) => {
    expect(findTemporal(text)).toEqual([]);
  });

  it.each(['20年くらい前', '3年ぐらい前', '10年ほど前', '20年以上前', '2年近く前', '8か月ほど前'])('reads the hedged count %s as an approximate relative date', (text) => {
    const [mention] = findTemporal(`${text}に始めたんや。`);
    expect(mention?.kind).toBe('relative');
    expect(mention?.text).toBe(text);
  });

  it.each([
    ['2020〜2022年にかけて', '2020〜2022年', '2020', '2022'],
    ['2020-2022年の間', '2020-2022年', '2020', '2022'],
    ['2024年1〜3月に', '2024年1〜3月', '2024-01', '2024-03'],
    ['2023年3月から5月にかけて実験した', '2023年3月から5月にかけて', '2023-03', '2023-05'],
    ['2024年11月から2月まで', '2024年11月から2月まで', '2024-11', '2025-02'],
    ['2022年と2023年に発表した', '2022年と2023年', '2022', '2023'],
  ])('reads the range in %s as one date from its start to its end', (text, found, start, end) => {
    const [mention, ...more] = findTemporal(text);
    expect(more).toEqual([]);
    expect(mention?.text).toBe(found);
    expect(mention?.kind === 'absolute' ? [formatPoint(mention.value.start), mention.value.end === null ? null : formatPoint(mention.value.end)] : null).toEqual([start, end]);
  });

  it.each([
    // In a posted message a bare day before に is a day of the month...
    ['28日にもう一回やろ', ['28日 → day 28']],
    // ...but not one a count or a length goes on from, nor 1日, a day as a unit.
    ['5日にわたって続いた', []],
    ['3日に1回は洗う', []],
    ['1日にコーヒーを三杯', []],
  ])('reads %s in a posted message as %j', (text, expected) => {
    expect(findTemporal(text, { posted: true }).map(describeMention)).toEqual(expected);
    if (expected.length > 0) expect(findTemporal(text)).toEqual([]);
  });

  it('reads years listed with と or 、 as separate dates unless they follow one another', () => {
    expect(findTemporal('2022年と2024年に発表した').map((mention) => mention.text)).toEqual(['2022年', '2024年']);
    expect(findTemporal('2019年、2021年、2023年に').map((mention) => mention.text)).toEqual(['2019年', '2021年', '2023年']);
  });

  it.each([
    ['2024年の3月20日に', '2024年の3月20日', '2024-03-20'],
    ['2021年の1月に辞めた', '2021年の1月', '2021-01'],
  ])('reads %s, with の between year and month, as one date', (text, found, date) => {
    const [mention, ...more] = findTemporal(text);
    expect(more).toEqual([]);
    expect(mention?.text).toBe(found);
    expect(mention?.kind === 'absolute' ? formatPoint(mention.value.start) : null).toBe(date);
  });

  it('keeps offsets into the original text', () => {
    const text = '対談は２０２３年３月でした';
    const [mention] = findTemporal(text);
    expect(mention && text.slice(mention.index, mention.index + mention.length)).toBe('２０２３年３月');
  });
});

describe('readNumber', () => {
  it.each([
    ['4', 4],
    ['十', 10],
    ['二十', 20],
    ['十五', 15],
    ['二〇二四', 2024],
    ['数', null],
  ])('reads %s as %s', (text, expected) => {
    expect(readNumber(text)).toBe(expected);
  });
});
