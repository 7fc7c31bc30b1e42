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
    ['ヶ所', 'カ所', 'the counter か where a word starts with it (the analyser splits 3ヶ所)'],
    ['なかつき', 'なかつき', 'か inside a word is no counter'],
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
