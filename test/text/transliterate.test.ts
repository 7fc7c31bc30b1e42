import { describe, expect, it } from 'vitest';
import { boundedEditDistance, soundKey } from '../../src/text/transliterate.js';

describe('soundKey', () => {
  it.each([
    ['altman', 'アルトマン', 'l/r and the vowels katakana adds'],
    ['humaneval', 'ヒューマンエバル', 'v is written with the ba-row'],
    ['grinmoe', 'グリンモ', 'two Latin words can be one katakana word (long vowel already folded)'],
    ['sutskever', 'サツキーバー', 'ts → ツ and -er → ー'],
    ['jensen', 'ジェンセン', 'j → ジ'],
    ['lambert', 'ランバート', 'm before b is ン'],
    ['deepseek', 'ディープシーク', 'ee/ie vowels do not matter'],
    ['claude', 'クロード', 'hard c is k, d and t share a class'],
  ])('%s sounds like %s (%s)', (latin, katakana) => {
    expect(soundKey(latin)).not.toBeNull();
    expect(soundKey(latin)).toBe(soundKey(katakana));
  });

  it.each([
    ['altman', 'アルマン', 1, 'a dropped consonant is one step away'],
    ['altman', 'オルトマン', 0, 'an initial vowel is a vowel whatever it is'],
    ['altman', 'マイクロソフト', 99, 'different words are far apart'],
  ])('%s and %s are %i apart (%s)', (latin, katakana, distance) => {
    const measured = boundedEditDistance(soundKey(latin) ?? '', soundKey(katakana) ?? '', 3);
    // Past the bound of 3 the distance is only "too far": written 99 in the table.
    expect(measured > 3 ? 99 : measured).toBe(distance);
  });

  it('refuses words too short to tell apart and other scripts', () => {
    expect(soundKey('ai')).toBeNull();
    expect(soundKey('原子力')).toBeNull();
  });
});
