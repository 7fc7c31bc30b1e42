/**
 * Script-independent sound keys, so a Latin spelling finds its katakana loanword and back
 * (Altman ↔ アルトマン ↔ アルマン, HumanEval ↔ ヒューマンエバル, GRIN MoE ↔ グリンモー).
 *
 * A key is the word's consonant skeleton in coarse sound classes; vowels, h, w and y vanish because
 * katakana inserts and changes them freely. A leading vowel is kept as `_`, which separates
 * Ilya (_R) from Riya (R).
 */

const KANA_CLASS: Readonly<Record<string, string>> = (() => {
  const rows: ReadonlyArray<readonly [string, string]> = [
    ['アイウエオァィゥェォヤユヨャュョワヲヰヱヮーッハヒヘホ', ''],
    ['カキクケコヵヶ', 'K'], ['ガギグゲゴ', 'G'], ['サスセソザズゼゾシツヅ', 'S'], ['ジヂ', 'J'], ['チ', 'C'],
    // タ行 and ダ行 share T (and Latin d is rewritten to t) so a voicing slip costs nothing.
    ['タテトダデド', 'T'], ['ナニヌネノン', 'N'], ['フ', 'F'], ['バビブベボヴ', 'B'], ['パピプペポ', 'P'],
    ['マミムメモ', 'M'], ['ラリルレロ', 'R'],
  ];
  const table: Record<string, string> = {};
  for (const [kana, sound] of rows) for (const k of kana) table[k] = sound;
  return table;
})();

const LATIN_REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<=[a-z]{3})re(?=s?$)/gu, 'a'], // -re → ー (centre → センター)
  [/(?<=[aeiou])r(?![aeiouy])/gu, ''], // r after a vowel is a long vowel: Sutskever → サツキーバー, Lambert → ランバート
  [/sch|sh/gu, 's'],
  [/tch|ch/gu, 'c'],
  [/ph/gu, 'f'],
  [/th/gu, 's'],
  [/ck|qu|q/gu, 'k'],
  [/x/gu, 'ks'],
  [/gh/gu, ''],
  [/dg/gu, 'j'],
  [/c(?=[eiy])/gu, 's'],
  [/c/gu, 'k'],
  [/ts|tz/gu, 's'],
  [/z/gu, 's'],
  [/d/gu, 't'],
  [/m(?=[bp])/gu, 'n'], // Lambert → ランバート
];

const LATIN_CLASS: Readonly<Record<string, string>> = {
  b: 'B', v: 'B', c: 'C', f: 'F', g: 'G', j: 'J', k: 'K', l: 'R', r: 'R', m: 'M', n: 'N', p: 'P', s: 'S', t: 'T',
};

const KATAKANA_WORD = /^[\u30a1-\u30fa\u30fc]+$/u;
const LATIN_WORD = /^[a-z]+$/u;

/**
 * The sound key of a katakana or Latin word (already normalised), or null for other scripts and
 * for keys too short to tell words apart.
 *
 * @example soundKey('altman') === soundKey('アルトマン') // true
 */
export function soundKey(word: string): string | null {
  let key: string;
  if (KATAKANA_WORD.test(word)) key = katakanaKey(word);
  else if (LATIN_WORD.test(word)) key = latinKey(word);
  else return null;
  const consonants = key.replace(/_/gu, '');
  return consonants.length >= 2 ? key : null;
}

export function isKatakanaWord(word: string): boolean {
  return KATAKANA_WORD.test(word);
}

export function isLatinWord(word: string): boolean {
  return LATIN_WORD.test(word);
}

function katakanaKey(word: string): string {
  let key = /^[アイウエオ]/u.test(word) ? '_' : '';
  for (const kana of word) key += KANA_CLASS[kana] ?? '';
  return collapse(key);
}

function latinKey(word: string): string {
  let spelled = word;
  for (const [pattern, replacement] of LATIN_REWRITES) spelled = spelled.replace(pattern, replacement);
  let key = /^[aeiou]/u.test(spelled) ? '_' : '';
  for (const letter of spelled) key += LATIN_CLASS[letter] ?? '';
  return collapse(key);
}

function collapse(key: string): string {
  return key.replace(/(.)\1+/gu, '$1');
}

/** Edit distance, stopping early once it exceeds `limit`. */
export function boundedEditDistance(left: string, right: string, limit: number): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let previous = Array.from({ length: right.length + 1 }, (_, i) => i);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= right.length; j += 1) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[right.length] ?? limit + 1;
}
