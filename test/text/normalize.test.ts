import { describe, expect, it } from 'vitest';
import { normalizeForMatch, stripInvisible, toKatakana } from '../../src/text/normalize.js';

describe('normalizeForMatch', () => {
  it.each([
    ['ｻﾑ・アルトマン', 'サムアルトマン', 'half-width katakana widened; the middle dot between name parts dropped'],
    ['ＧＰＴ－４', 'gpt-4', 'full-width Latin and digits narrowed and lower-cased'],
    ['コンピューター', 'コンピュータ', 'a trailing long vowel is one word with or without it (JIS)'],
    ['ヴァイオリン', 'バイオリン', 'ヴ spellings fold to the ba-row'],
    ['1ヶ月以上', '1カ月以上', 'the counter か after a number: ヶ'],
    ['三か国', '三カ国', 'the counter か after a kanji numeral: か'],
    ['ヶ所', 'カ所', 'ヶ is only ever the counter, wherever it stands (the analyser splits 3ヶ所)'],
    ['三ヵ国', '三カ国', 'ヵ as ヶ'],
    ['わずか年2回', 'わずか年2回', 'か before 年 is no counter when no number comes before it'],
    ['何か条件', '何か条件', 'nor after 何 (何か is "something")'],
    ['箇条書き', '箇条書き', '箇 opening a word is no counter'],
    ['人々', '人人', 'the iteration mark is spelled out'],
    ['いすゞ', 'いすず', 'the voiced iteration mark gives the voiced kana'],
    ['AI\u200bモデル', 'aiモデル', 'zero-width characters vanish'],
    ['スーパー', 'スーパ', 'only the final long vowel goes; the inner one stays'],
    ['すごーい', 'すごーい', 'long vowels in hiragana are left alone'],
  ])('%s → %s (%s)', (input, expected) => {
    expect(normalizeForMatch(input)).toBe(expected);
  });
});

describe('toKatakana', () => {
  it('folds hiragana so that めっちゃ and メッチャ meet', () => {
    expect(toKatakana('めっちゃええやん')).toBe('メッチャエエヤン');
  });
});

describe('stripInvisible', () => {
  it('removes zero-width and control characters but keeps the text', () => {
    expect(stripInvisible('原\u200d子\u0007力\ufeff')).toBe('原子 力');
  });
});
