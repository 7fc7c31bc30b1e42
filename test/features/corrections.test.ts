import { describe, expect, it } from 'vitest';
import { supersedes, valuesIn } from '../../src/features/corrections.js';

describe('valuesIn', () => {
  it('reads codes, numbers with units, long numbers and kanji numbers with units', () => {
    expect(valuesIn('HW-D80の受付番号はSR-2503-1207、合計37回、月五千五百円、42.5平米、１２３４')).toEqual(['HW-D80', 'SR-2503-1207', '37回', '五千五百円', '42.5平米', '1234']);
    expect(valuesIn('ありがとうございます。')).toEqual([]);
  });
});

describe('supersedes', () => {
  it.each([
    ['SpO2は夜中1回、3時に88まで下がった。', 'SpO2下がったの、3時って言いましたけど、記録見たら2時40分でした。'],
    ['ナースコール、夜勤帯で合計37回。', '本記録中「夜勤帯ナースコール合計37回」は32回の誤り。'],
    ['月曜、10日にope予定。', 'ope 10日（月）→13日（木）に変更と整形より連絡。'],
    ['えーとね、HW-D80。', '「HW-D80」と確定された箇所は言い間違い。正しくはHW-DX80。'],
    ['駐車場は月五千五百円です。', '駐車場代、五千五百円って言ってたのは間違いで、正しくは月六千五百円とのこと。'],
    ['包丁は今、四十か国ぐらいに送ってます。', 'さっき四十か国って言いましたけど、スマホで確認したら三十四か国でした。'],
  ])('%s ← %s', (earlier, later) => {
    expect(supersedes(earlier, later)).toBe(true);
  });

  it.each([
    // No word of change.
    ['夜中1回、3時に88まで下がった。', '3時と5時に見回りました。'],
    // The value again, changed nothing new.
    ['会議は3時からです。', '予定は変更なしで3時からです。'],
    // 3時 is not in 13時.
    ['会議は3時からです。', '13時からに変更、終わりは15時。'],
    // Another kind of value: a new count is no new time.
    ['会議は3時からです。', '3時の会議は参加者が5人に変更。'],
    // About something else: a duty's hours are not moved by a festival's.
    ['旗当番は、朝7時40分から8時10分まで交差点に立ちます。', '例年は午後1時から開催していますが、今年は夕方5時から7時半に変更したいです。'],
  ])('not %s ← %s', (earlier, later) => {
    expect(supersedes(earlier, later)).toBe(false);
  });
});
