import { describe, expect, it } from 'vitest';
import { eventClause, eventKind, MAX_CLAUSE } from '../../../src/features/timeline/event-clause.js';
import { point, span } from '../../../src/text/dates/calendar.js';

function clauseOf(sentence: string, date: string): string {
  return eventClause(sentence, sentence.indexOf(date)).text;
}

describe('eventClause', () => {
  it.each([
    // The date's clause through to the predicate; the opener before it is left out.
    ['でも、1号炉は2019年まで問題なく動いてたんや。', '2019年', '1号炉は2019年まで問題なく動いてたんや。'],
    // A clause too short to stand alone takes in the one before it.
    ['でも全体的に言うと、一歩下がって考えると、わしはこの業界に結構長くおるんやけど、ほぼ正確に20年やな。', '20年', 'わしはこの業界に結構長くおるんやけど、ほぼ正確に20年やな。'],
    // The subject in the same clause stays.
    ['コンステレーション・エナジーは2028年、つまり4年後くらいに再稼働させる予定や。', '2028年', 'コンステレーション・エナジーは2028年、つまり4年後くらいに再稼働させる予定や。'],
    // A second date in a later clause gets its own clause.
    ['ChatGPTの話はさておき、2016年には、教師なし学習は機械学習の未解決問題で、誰も手がかりを持っとらんかった。', '2016年', '2016年には、教師なし学習は機械学習の未解決問題で、誰も手がかりを持っとらんかった。'],
  ])('takes the clause of %s', (sentence, date, expected) => {
    expect(clauseOf(sentence, date)).toBe(expected);
  });

  it('ends a date’s clause before the next date’s when a predicate stands between them', () => {
    const sentence = '私たちの会社は2022年に創業して、来年には誤り訂正つきのクラウドサービスを出す予定です。';
    const clause = eventClause(sentence, sentence.indexOf('2022年'), { dateEnd: sentence.indexOf('2022年') + 5, nextDate: sentence.indexOf('来年') });
    expect(clause).toEqual({ text: '私たちの会社は2022年に創業して', cutBefore: false, cutAfter: true });
  });

  it('keeps the date and its predicate when a long line has no clause boundary before it', () => {
    const sentence = `${'それはさておきとしてですね'.repeat(25)}2015年に私は社長を辞めて新しい会社を始めたんです。`;
    const at = sentence.indexOf('2015年');
    const clause = eventClause(sentence, at, { dateEnd: at + 5, nextDate: null });
    expect(clause.text.endsWith('2015年に私は社長を辞めて新しい会社を始めたんです。')).toBe(true);
    expect(clause.cutBefore).toBe(true);
  });

  it('keeps a list of dates on their shared predicate', () => {
    const sentence = '2025年、26年、27年にはモデルがもっと大きくなるやろ。';
    const clause = eventClause(sentence, 0, { dateEnd: 5, nextDate: sentence.indexOf('26年') });
    expect(clause.text).toBe(sentence);
  });

  it('cuts a long statement at a clause boundary after the date, and says so', () => {
    const sentence = `2024年に新しいモデルが出て、${'あ'.repeat(60)}、${'い'.repeat(60)}、${'う'.repeat(60)}。`;
    const clause = eventClause(sentence, 0);
    expect([...clause.text].length).toBeLessThanOrEqual(MAX_CLAUSE);
    expect(clause.text.startsWith('2024年に新しいモデルが出て')).toBe(true);
    expect(clause.cutAfter).toBe(true);
  });
});

describe('eventKind', () => {
  it('reads a later day of the document’s own month as still to come, and a session announced or a call for comments as a plan', () => {
    expect(eventKind('次回は11月22日（金）の午後7時から、東地区の公民館で行います。', span(point(2024, 11, 22)), point(2024, 11, 16))).toBe('plan');
    expect(eventKind('12月6日まで、意見を募集しております。', span(point(2024, 12, 6)), point(2024, 11, 16))).toBe('plan');
    expect(eventKind('11月28日に新しい路線図が届くでしょう。', span(point(2024, 11, 28)), point(2024, 11, 16))).toBe('prediction');
    expect(eventKind('11月10日に路線図が届いた。', span(point(2024, 11, 10)), point(2024, 11, 16))).toBe('event');
  });

  it.each([
    ['2028年に再稼働させる予定や', 2028, 2024, 'plan'],
    ['5年後には高得点取れるようになるんちゃうか', 2029, 2024, 'prediction'],
    ['来年中にはもっと軽量なモデルが開発されるだろう', 2025, 2024, 'prediction'],
    // After the document's date, a prediction whatever the verb.
    ['2031年が平均予測になっています', 2031, 2026, 'prediction'],
    ['1号炉は2019年まで問題なく動いてた', 2019, 2024, 'event'],
    // Before the document's date, a plan word does not make it a plan: it happened.
    ['2019年に目標を達成した', 2019, 2024, 'event'],
    ['2020年に新工場の計画を発表した', 2020, 2024, 'event'],
    // A memory hedged with と思います is still a past event.
    ['2024年を見ると、勢いはGeminiの側にあったと思います', 2024, 2026, 'event'],
    ['2024年の失敗がよっぽどこたえたんだと思います', 2024, 2024, 'event'],
    // The present year is read from the verb.
    ['今年は200万に到達すると予想します', 2026, 2026, 'prediction'],
    ['今年、ラボの多くでこれが起こった', 2026, 2026, 'event'],
    // A date offered in a question is a plan being made.
    ['2026年3月の週末とかどう？', 2026, 2025, 'plan'],
    // Offered with でも, or with a sentence-final や/よ, as much as with とか/は.
    ['今年の秋でもどうかな？', 2026, 2026, 'plan'],
    ['12月の連休はどうや？', 2026, 2026, 'plan'],
  ])('reads %s as %s', (clause, year, now, expected) => {
    expect(eventKind(clause, span(point(year)), point(now))).toBe(expected);
  });

  it('reads the verb when the document date is unknown', () => {
    expect(eventKind('2030年には実現するだろう', span(point(2030)), null)).toBe('prediction');
    expect(eventKind('2012年に発表された', span(point(2012)), null)).toBe('event');
    // 予測 as a noun (予測構造: predicted structures) does not make a release a prediction.
    expect(eventKind('2021年7月にはコードも公開されて、タンパク質の予測構造が誰でも見られるようになったんや', span(point(2021, 7)), null)).toBe('event');
    expect(eventKind('2030年代前半には、古典コンピュータを上回る例が出てくると思っています', span(point(2030)), null)).toBe('prediction');
    // A guess that someone remembers it (standard or dialect) is about the past.
    expect(eventKind('1995年の大雪は、みなさんも覚えていると思います', span(point(1995)), null)).toBe('event');
    expect(eventKind('1995年の大雪は、年配の人なら覚えとらすやろうね', span(point(1995)), null)).toBe('event');
  });
});
