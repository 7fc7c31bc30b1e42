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
  [/t(?=ion)/gu, 's'], // -tion → ション (station → ステーション)
  [/(?<=[aeiou])r(?![aeiouy])/gu, ''], // r after a vowel is a long vowel: Sutskever → サツキーバー, Lambert → ランバート
  [/sch|sh/gu, 's'],
  [/tch|ch/gu, 'C'], // チ, kept apart from c, which the next rules read as s or k
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

/**
 * Spellings English reads more than one way, each tried as well as the usual reading (the
 * first): th as in Thomas (トーマス) beside Smith (スミス), a soft g (Gemini → ジェミニ, image →
 * イメージ), tu as チュ (tuning → チューニング, picture → ピクチャー), ch as k (character →
 * キャラクター), -sion as ジョン (vision → ビジョン), zh as ジ and a v before a consonant as フ
 * (Krizhevsky → クリジェフスキー).
 */
const LATIN_ALTERNATIVES: ReadonlyArray<readonly [RegExp, string]> = [
  [/th/gu, 't'],
  [/g(?=[eiy])/gu, 'j'],
  [/ch/gu, 'k'],
  [/t(?=u)/gu, 'ch'],
  [/s(?=ion)/gu, 'j'],
  [/zh/gu, 'j'], // Krizhevsky → クリジェフスキー
  [/v(?=[^aeiouy])/gu, 'f'], // a v before a consonant is heard as フ
];
/** At most this many readings of one Latin word. */
const MAX_READINGS = 8;

const LATIN_CLASS: Readonly<Record<string, string>> = {
  b: 'B', v: 'B', C: 'C', f: 'F', g: 'G', j: 'J', k: 'K', l: 'R', r: 'R', m: 'M', n: 'N', p: 'P', s: 'S', t: 'T',
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

/**
 * Every sound key of a word: for a Latin word its usual reading first, then the other readings
 * English spelling allows (`LATIN_ALTERNATIVES`); for katakana its one key. Empty when `soundKey`
 * would give null.
 *
 * @example soundKeys('gemini').includes(soundKey('ジェミニ') ?? '') // true
 */
export function soundKeys(word: string): string[] {
  const primary = soundKey(word);
  if (primary === null) return [];
  if (!LATIN_WORD.test(word)) return [primary];
  const readings = [word];
  for (const [pattern, replacement] of LATIN_ALTERNATIVES) {
    for (const reading of [...readings]) {
      const other = reading.replace(pattern, replacement);
      if (other !== reading && readings.length < MAX_READINGS) readings.push(other);
    }
  }
  const keys = readings.map(latinKey).filter((key) => key.replace(/_/gu, '').length >= 2);
  return [...new Set([primary, ...keys])];
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

const KANA_ROMAJI: Readonly<Record<string, string>> = (() => {
  const table: Record<string, string> = {};
  const rows: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['アイウエオ', ['a', 'i', 'u', 'e', 'o']], ['カキクケコ', ['ka', 'ki', 'ku', 'ke', 'ko']], ['ガギグゲゴ', ['ga', 'gi', 'gu', 'ge', 'go']],
    ['サシスセソ', ['sa', 'shi', 'su', 'se', 'so']], ['ザジズゼゾ', ['za', 'ji', 'zu', 'ze', 'zo']], ['タチツテト', ['ta', 'chi', 'tsu', 'te', 'to']],
    ['ダヂヅデド', ['da', 'ji', 'zu', 'de', 'do']], ['ナニヌネノ', ['na', 'ni', 'nu', 'ne', 'no']], ['ハヒフヘホ', ['ha', 'hi', 'fu', 'he', 'ho']],
    ['バビブベボ', ['ba', 'bi', 'bu', 'be', 'bo']], ['パピプペポ', ['pa', 'pi', 'pu', 'pe', 'po']], ['マミムメモ', ['ma', 'mi', 'mu', 'me', 'mo']],
    ['ヤユヨ', ['ya', 'yu', 'yo']], ['ラリルレロ', ['ra', 'ri', 'ru', 're', 'ro']], ['ワヲンヴ', ['wa', 'o', 'n', 'vu']],
  ];
  for (const [kana, sounds] of rows) [...kana].forEach((k, i) => (table[k] = sounds[i] ?? ''));
  return table;
})();
const SMALL_Y: Readonly<Record<string, string>> = { ャ: 'ya', ュ: 'yu', ョ: 'yo' };
const SMALL_VOWEL: Readonly<Record<string, string>> = { ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o' };

/**
 * A katakana word in Hepburn-like romaji (ラシュカ → rashuka, ティ → ti), long vowels dropped:
 * only for comparing with a Latin spelling, never shown.
 */
export function romanize(katakana: string): string {
  let out = '';
  for (const kana of katakana) {
    const y = SMALL_Y[kana];
    const vowel = SMALL_VOWEL[kana];
    if (y !== undefined) out = /(?:sh|ch|j)i$/u.test(out) ? `${out.slice(0, -1)}${y.slice(1)}` : `${out.replace(/i$/u, '')}${y}`;
    else if (vowel !== undefined) out = `${out.replace(/[aeiou]$/u, '')}${vowel}`;
    else if (kana === 'ッ') out += '';
    else out += KANA_ROMAJI[kana] ?? '';
  }
  return out;
}

/**
 * How alike a Latin spelling and a katakana word look once the katakana is romanised, 0..1
 * (1 − edit distance / longer length). Sound keys drop the vowels, so many words share one
 * (Raschka and リスク both sound R-S-K); this tells ラシュカ (0.71) from リスク (0.29).
 *
 * @example spellingSimilarity('raschka', 'ラシュカ') > spellingSimilarity('raschka', 'リスク') // true
 */
export function spellingSimilarity(latin: string, katakana: string): number {
  const romaji = romanize(katakana);
  const spelled = asRomaji(latin);
  const longer = Math.max(spelled.length, romaji.length);
  if (longer === 0) return 0;
  return 1 - boundedEditDistance(spelled, romaji, longer) / longer;
}

/**
 * Whether a Latin spelling writes a kana reading exactly, long vowels aside (Sato, Satou and Satoh
 * all write サトウ; Fumi does not write フメイ, one vowel off).
 *
 * @example spellsReading('sato', 'サトウ') // true
 */
export function spellsReading(latin: string, reading: string): boolean {
  const folded = (romaji: string): string => romaji.replace(/([aeiou])\1/gu, '$1').replace(/ou/gu, 'o').replace(/ei/gu, 'e').replace(/oh(?![aeiou])/gu, 'o');
  return folded(romanize(reading)) === folded(latin.normalize('NFKC').toLowerCase());
}

/** English spelling as romaji would write its sounds, for comparing with a romanised katakana word. */
const ENGLISH_AS_ROMAJI: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<=[a-z]{2})er$/u, 'a'], // Sutskever → サツキーバー
  [/sch|sh/gu, 'sh'],
  [/tch|ch/gu, 'ch'],
  [/ph/gu, 'f'],
  [/ck|q/gu, 'k'],
  [/c(?=[eiy])/gu, 's'],
  [/c(?!h)/gu, 'k'],
  [/l/gu, 'r'],
  [/v/gu, 'b'],
  [/x/gu, 'ks'],
];

function asRomaji(latin: string): string {
  return ENGLISH_AS_ROMAJI.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), latin);
}
