import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/split-sentences.js';

describe('splitSentences', () => {
  it.each([
    // Kansai narration: 。 and ! end sentences.
    ['ほな、これで終わりや。最後まで聞いてくれてありがとう。えらいで!', ['ほな、これで終わりや。', '最後まで聞いてくれてありがとう。', 'えらいで!']],
    // Half-width ? directly followed by the next sentence, no space.
    ['どうやってこんなことができたんか?それは方法のおかげや。', ['どうやってこんなことができたんか?', 'それは方法のおかげや。']],
    // A quotation that continues the sentence (」って) is not cut after its ?.
    ['「えっ、再稼働させるの?」って思わんといてな。そうやないねん。', ['「えっ、再稼働させるの?」って思わんといてな。', 'そうやないねん。']],
    // Quoted words inside a sentence (「great!」か) stay in that sentence.
    ['「great!」か「great.」かもしれへん。1つは皮肉や。', ['「great!」か「great.」かもしれへん。', '1つは皮肉や。']],
    // A line that is one long quotation: split inside it, the closing 」 stays with the last part.
    ['「O1モデルの発表おめでとうございます。説明してもらえますか?すごいらしいですけど」', ['「O1モデルの発表おめでとうございます。', '説明してもらえますか?', 'すごいらしいですけど」']],
    // 。」 ends a sentence together: the closing bracket is not orphaned into the next one.
    ['彼は「行くで。」と言った。「ほな。」それから帰った。', ['彼は「行くで。」と言った。', '「ほな。」', 'それから帰った。']],
    // Full-width ？ and ！ end sentences as the half-width ones do (written \uFF1F, \uFF01 so no formatter folds them).
    ['担送わかる\uFF1F\u3000担送っていうのは、運ぶ人。すごい\uFF01\uFF01ほんまに。', ['担送わかる\uFF1F', '担送っていうのは、運ぶ人。', 'すごい\uFF01\uFF01', 'ほんまに。']],
    // Runs like !? end a sentence once.
    ['ほんまに!?信じられへん。', ['ほんまに!?', '信じられへん。']],
    // No final punctuation: the rest is still a sentence, and nothing empty is produced.
    ['今日はGPT-4の翌日やね。ここに来てもらえて', ['今日はGPT-4の翌日やね。', 'ここに来てもらえて']],
    // English: `. ` ends a sentence, but not after Mr. or an initial, nor before a lower-case word.
    ['Mr. Altman spoke. J. Smith agreed. It went well, e.g. on o1.', ['Mr. Altman spoke.', 'J. Smith agreed.', 'It went well, e.g. on o1.']],
    // Decimals and version numbers (3.5) never end a sentence.
    ['GPT-3.5の時も、APIで使えるようになった。', ['GPT-3.5の時も、APIで使えるようになった。']],
    // Whitespace between sentences (full-width space included) belongs to no sentence.
    ['はい。　そうです。 ', ['はい。', 'そうです。']],
    // A long sentence stays whole however long it is.
    [`${'あ'.repeat(500)}。`, [`${'あ'.repeat(500)}。`]],
  ])('splits %j', (text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual(expected);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('starts after a list bullet when given an offset', () => {
    const text = '- こんにちは皆さん。今日は。';
    expect(splitSentences(text, 2)).toEqual([
      { start: 2, end: 11, text: 'こんにちは皆さん。' },
      { start: 11, end: 15, text: '今日は。' },
    ]);
  });

  it('counts offsets in UTF-16 units when the text has characters outside the BMP', () => {
    // 𠮷 is a surrogate pair: offsets must still slice the original string exactly.
    const text = '𠮷野家に行った。美味しかった。';
    const [first, second] = splitSentences(text);
    expect(first).toEqual({ start: 0, end: 9, text: '𠮷野家に行った。' });
    expect(second).toEqual({ start: 9, end: 16, text: '美味しかった。' });
  });

  it('returns no sentences for a blank text', () => {
    expect(splitSentences('　 ')).toEqual([]);
  });
});
