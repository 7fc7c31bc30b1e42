/**
 * Normalisation for matching. Display text is never normalised; only the keys the index and the
 * query are compared on. Every step folds spellings a Japanese reader treats as the same word.
 */

const ITERATION_MARKS = /[々ゝゞヽヾ]/u;
const MIDDLE_DOTS = /[・･·•‧∙=＝]/gu;
const ZERO_WIDTH = /[\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/gu;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
const WAVE_DASHES = /[〜～]/gu;
/**
 * The counter 「か」 of months, places, countries, years and articles, written five ways: 3か月 = 3ヶ月 =
 * 3ヵ月 = 3カ月 = 3ケ月 (and 3箇所). ヶ and ヵ are only ever the counter (the analyser splits 1ヶ月 into 1 and
 * ヶ月, so they fold wherever they stand); か, ケ and 箇 only right after a number (何か条件, 箇条書き stay).
 */
const COUNTER_KA = /[ヶヵ](?=[月所国年条])|(?<=[0-9一二三四五六七八九十百千])[ケかカ箇](?=[月所国年条])/gu;

/** Katakana ヴ-syllables and their usual ba-row spellings (ヴァイオリン / バイオリン). */
const VU_FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ヴァ/gu, 'バ'],
  [/ヴィ/gu, 'ビ'],
  [/ヴェ/gu, 'ベ'],
  [/ヴォ/gu, 'ボ'],
  [/ヴ/gu, 'ブ'],
];

/**
 * Fold a string to its matching key: NFKC (width), lower case, no zero-width or control characters,
 * no middle dots (サム・アルトマン = サムアルトマン), iteration marks spelled out (人々 = 人人),
 * ヴ spellings folded to the ba-row, the counter か in one spelling (3ヶ月 = 3か月), and a katakana word's trailing long vowel dropped
 * (コンピューター = コンピュータ), following the JIS convention that both spellings are one word.
 *
 * @example normalizeForMatch('ｻﾑ・アルトマン') // 'サムアルトマン'
 */
export function normalizeForMatch(text: string): string {
  let out = text.normalize('NFKC').toLowerCase().replace(ZERO_WIDTH, '').replace(CONTROL, ' ');
  out = out.replace(MIDDLE_DOTS, '').replace(WAVE_DASHES, 'ー').replace(COUNTER_KA, 'カ');
  for (const [pattern, replacement] of VU_FOLDS) out = out.replace(pattern, replacement);
  if (ITERATION_MARKS.test(out)) out = expandIterationMarks(out);
  return out.replace(/(?<=[\u30a1-\u30fa])ー+(?![\u30a1-\u30fa\u30fc])/gu, '');
}

function expandIterationMarks(text: string): string {
  const chars = [...text];
  for (let i = 1; i < chars.length; i += 1) {
    const mark = chars[i];
    const previous = chars[i - 1];
    if (previous === undefined || mark === undefined || !ITERATION_MARKS.test(mark)) continue;
    chars[i] = mark === 'ゞ' || mark === 'ヾ' ? voiced(previous) : previous;
  }
  return chars.join('');
}

/** The voiced form of a kana (か → が), or the kana itself when it has none. */
function voiced(kana: string): string {
  const combined = `${kana}\u3099`.normalize('NFC');
  return [...combined].length === 1 ? combined : kana;
}

/**
 * A text's matching key with its spaces dropped, for "does this line mention that": 「野々村修一は何歳?」
 * asks about 「野々村 修一（29）」, and a name typed 「サム アルトマン」 is サム・アルトマン.
 *
 * @example unspacedKey('野々村 修一') === unspacedKey('野々村修一') // true
 */
export function unspacedKey(text: string): string {
  return normalizeForMatch(text).replace(/\s+/gu, '');
}

/** Hiragana → katakana, so that 「めっちゃ」 and 「メッチャ」 share keys. */
export function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Strip what never carries meaning in a query or a line: zero-width and control characters. */
export function stripInvisible(text: string): string {
  return text.replace(ZERO_WIDTH, '').replace(CONTROL, ' ');
}
