import { describe, expect, it } from 'vitest';
import { boundedEditDistance, soundKey, soundKeys, spellsReading } from '../../src/text/transliterate.js';

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
    ['chat', 'チャット', 'ch is チ, not the k or s a lone c becomes'],
    ['station', 'ステーション', '-tion is ション'],
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

describe('soundKeys', () => {
  it.each([
    ['gemini', 'ジェミニ', 'a soft g'],
    ['thomas', 'トーマス', 'th read as t'],
    ['smith', 'スミス', 'th read as s (the usual reading)'],
    ['tuning', 'チューニング', 'tu read as チュ'],
    ['picture', 'ピクチャー', '-ture read as チャー'],
    ['character', 'キャラクター', 'ch read as k'],
    ['vision', 'ビジョン', '-sion read as ジョン'],
    ['architecture', 'アーキテクチャ', 'two readings at once: ch as k and tu as チュ'],
  ])('%s has a reading that sounds like %s (%s)', (latin, katakana) => {
    expect(soundKeys(latin)).toContain(soundKey(katakana));
  });

  it('puts the usual reading first, gives katakana its one key, and nothing for what soundKey refuses', () => {
    expect(soundKeys('gemini')[0]).toBe(soundKey('gemini'));
    expect(soundKeys('ジェミニ')).toEqual([soundKey('ジェミニ')]);
    expect(soundKeys('ai')).toEqual([]);
    expect(soundKeys('altman')).toEqual([soundKey('altman')]);
  });
});

describe('spellsReading', () => {
  it.each([
    ['takahashi', 'タカハシ', true],
    ['sato', 'サトウ', true],
    ['satoh', 'サトウ', true],
    ['ohno', 'オオノ', true],
    ['kenichi', 'ケンイチ', true],
    ['fumi', 'フメイ', false], // one vowel off is another word
    ['kimura', 'カメラ', false],
  ])('%s writes %s: %s', (latin, reading, expected) => {
    expect(spellsReading(latin, reading)).toBe(expected);
  });
});
