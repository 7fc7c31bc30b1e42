/**
 * Where a term starts and ends inside a sentence, found with kuromoji's parts of speech: a term is
 * a run of nouns (with prefixes, counters, Latin words and joining marks such as `-` `.` `・`),
 * not a clause. Quoted terms (「ヒューマンエバル」) are taken whole.
 */
import type { Morpheme, Tokenizer } from '../../text/tokenizer.js';

/** A morpheme with its UTF-16 span in the sentence. */
export interface Token {
  readonly morpheme: Morpheme;
  readonly start: number;
  readonly end: number;
}

export interface Phrase {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Longest term, in code points, for Japanese and for Latin-script terms. */
const MAX_TERM_LENGTH = 24;
const MAX_LATIN_TERM_LENGTH = 48;
const MIN_TERM_LENGTH = 2;
/** A parenthesised spelling after a term is at most this many tokens long. */
const MAX_PAREN_TOKENS = 12;

/**
 * Brackets and punctuation that kuromoji sometimes tags as nouns or glues to one: never inside a term.
 * Markdown's bold marks too: kuromoji reads the end of a label 「**課長（佐藤）**：」 as one noun 「）**：」,
 * and a numbered label 「アナ①：」 as アナ + 「①：」.
 */
const BREAKING = /[()（）「」『』【】[\]〈〉《》、。,，!！?？:：;；"“”'‘’…‥~〜/／*＊]/u;
/** Marks that join the parts of one term: GPT-4, Qwen 2.5, サム・アルトマン, C++, C#. */
const JOINING = /^[-‐.・+#&]+$/u;
const LATIN_OR_DIGIT = /^[A-Za-z0-9]/u;
const QUOTES: Readonly<Record<string, string>> = { '」': '「', '』': '『', '”': '“', '"': '"', '】': '【' };

/**
 * Common nouns that are not terms a student looks up, even when a sentence seems to define them:
 * pronoun-like and abstract container words.
 */
const NOT_TERMS = new Set([
  'これ', 'それ', 'あれ', 'どれ', 'ここ', 'そこ', 'こと', 'もの', 'もん', 'やつ', 'ため', 'ところ', 'とき', '時', '方', '人', '人々',
  '意味', '言葉', '話', '事', '感じ', '部分', '理由', '点', '問題', '場合', '今', '今日', '私', '私たち', 'あなた', '彼', '彼ら',
  '彼女', '皆', '皆さん', 'みんな', 'わし', 'わい', 'うち', '僕', '俺', '自分', '一つ', '1つ', '2つ', '次', '最初', '最後', '全部',
  'すべて', '全て', '一番', '本当', '実際', '普通', '以上', '以下', '結果', '例', '方法', '考え', '考え方', 'アイデア', 'もう一つ',
  'それぞれ', '何', '何か', '誰', '誰か', '中', '上', '下', '前', '後', '他', 'ほか', '目', '気', '手', '声', '形', '側', '的',
]);

/**
 * Whether a word is one of the pronoun-like or abstract nouns that are never terms (こと, 人, 方).
 *
 * @example isAbstractNoun('人') // true
 */
export function isAbstractNoun(word: string): boolean {
  return NOT_TERMS.has(word);
}

/**
 * The sentence's morphemes with their offsets.
 *
 * @example tokensOf(tokenizer, 'セマンティック飽和っていう')[0]?.start // 0
 */
export function tokensOf(tokenizer: Tokenizer, sentence: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  for (const morpheme of tokenizer.tokenize(sentence)) {
    const found = sentence.indexOf(morpheme.surface, offset);
    const start = found === -1 ? offset : found;
    const end = start + morpheme.surface.length;
    tokens.push({ morpheme, start, end });
    offset = end;
  }
  return tokens;
}

/**
 * All katakana (or Latin letters): kuromoji splits unknown loanwords oddly (トーク + ン as a
 * dependent noun, デ + コーディング with デ as a particle), but such a piece is a term part wherever it falls.
 */
const SCRIPT_WORD = /^(?:[ァ-ヺー]+|[A-Za-z]+)$/u;

/** Whether a token may be part of a term (position rules are applied by the callers). */
function isTermPart(token: Token): boolean {
  const { surface, pos, posDetail } = token.morpheme;
  if (BREAKING.test(surface)) return false;
  if (JOINING.test(surface) || SCRIPT_WORD.test(surface)) return true;
  if (pos === '記号') return posDetail === '空白' || posDetail === 'アルファベット';
  if (pos === '接頭詞') return true;
  if (pos !== '名詞') return false;
  return posDetail !== '非自立' && posDetail !== '代名詞';
}

/** Whether a token may open a term: not a suffix, a joining mark, a space or an adverbial noun (今, 最近). */
function canOpen(token: Token): boolean {
  const { surface, pos, posDetail } = token.morpheme;
  if (SCRIPT_WORD.test(surface)) return true;
  if (JOINING.test(surface) || (pos !== '名詞' && pos !== '接頭詞')) return false;
  return posDetail !== '接尾' && posDetail !== '副詞可能';
}

/** Whether a token may close a term: not a prefix, a joining mark or a space. */
function canClose(token: Token): boolean {
  const { surface, pos } = token.morpheme;
  if (SCRIPT_WORD.test(surface)) return true;
  return pos !== '接頭詞' && pos !== '記号' && !JOINING.test(surface);
}

/** A space belongs to a term only between two Latin or digit words: `Mixture of Experts`, `Qwen 2.5`. */
function spaceJoins(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1]?.morpheme.surface ?? '';
  const after = tokens[i + 1]?.morpheme.surface ?? '';
  return LATIN_OR_DIGIT.test(before.slice(-1)) && LATIN_OR_DIGIT.test(after);
}

function phraseOf(sentence: string, tokens: readonly Token[], from: number, to: number): Phrase | null {
  let first = from;
  let last = to;
  while (first <= last && !canOpen(tokens[first] as Token)) first += 1;
  while (last >= first && !canClose(tokens[last] as Token)) last -= 1;
  if (first > last) return null;
  const start = (tokens[first] as Token).start;
  const end = (tokens[last] as Token).end;
  return { text: sentence.slice(start, end), start, end };
}

/**
 * The term that ends where the token at `endIndex` ends (inclusive): a quoted span, or the run of
 * term parts before it. With `allowNo`, one `の` may join two nouns when the phrase opens its clause
 * (専門家の混合っていうのは…, also after a speaker label's colon), since then nothing else can be the topic.
 *
 * @example termEndingAt(sentence, tokens, 1, false) // { text: 'セマンティック飽和', … }
 */
export function termEndingAt(sentence: string, tokens: readonly Token[], endIndex: number, allowNo: boolean): Phrase | null {
  const last = tokens[endIndex];
  if (last === undefined) return null;
  const quoted = quotedEndingAt(sentence, last.end);
  if (quoted !== null) return quoted;
  // 「ヒューマンエバル(HumanEval)というベンチマーク」: the term stands before its parenthesised
  // spelling (which the X(Y) gloss joins to it as a variant).
  if (/^[)）]$/u.test(last.morpheme.surface)) {
    let open = endIndex - 1;
    while (open >= 0 && !/^[(（]$/u.test(tokens[open]?.morpheme.surface ?? '')) open -= 1;
    return open > 0 && endIndex - open <= MAX_PAREN_TOKENS ? termEndingAt(sentence, tokens, open - 1, allowNo) : null;
  }
  let from = endIndex + 1;
  let joinedNo = -1;
  // 「手ぶれとは」: a noun and a verb's stem right after it make one compound noun (手 + ぶれ).
  const compound = isVerbStem(last) && endIndex > 0 && (tokens[endIndex - 1] as Token).morpheme.pos === '名詞' && isTermPart(tokens[endIndex - 1] as Token);
  if (compound) from = endIndex;
  for (let i = compound ? endIndex - 1 : endIndex; i >= 0; i -= 1) {
    const token = tokens[i] as Token;
    if (token.morpheme.pos === '記号' && token.morpheme.posDetail === '空白' && !spaceJoins(tokens, i)) break;
    if (isTermPart(token)) {
      from = i;
      continue;
    }
    if (allowNo && joinedNo === -1 && token.morpheme.surface === 'の' && token.morpheme.pos === '助詞' && i > 0 && isTermPart(tokens[i - 1] as Token)) {
      joinedNo = i;
      continue;
    }
    break;
  }
  if (joinedNo !== -1) {
    // 「田村：安さの罠というのは」: a speaker label's colon opens the clause as the sentence start does.
    const opensClause = from <= joinedNo && (from === 0 || /^[、,。:\uFF1A]$/u.test(tokens[from - 1]?.morpheme.surface ?? ''));
    if (!opensClause || from > joinedNo) from = joinedNo + 1;
  }
  if (from > endIndex) return null;
  return phraseOf(sentence, tokens, from, endIndex);
}

/**
 * Kana of the i-row, which end a godan verb's stem (書き, 待ち, 取り), and of the e-row, since kuromoji
 * reads some ichidan stems as a godan verb's e-form (ぶれ as ぶる, not ぶれる).
 */
const I_ROW = /[いきぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ]$/u;

/** Whether a token is a verb's stem (連用形): ぶれ of ぶれる, 書き of 書く. */
export function isVerbStem(token: Token): boolean {
  const { surface, base, pos, posDetail } = token.morpheme;
  if (pos !== '動詞' || posDetail !== '自立' || surface === base) return false;
  const ichidan = base === `${surface}る`;
  const godan = [...surface].length === [...base].length && surface.slice(0, -1) === base.slice(0, -1) && I_ROW.test(surface);
  return ichidan || godan;
}

/**
 * The term that starts at token `startIndex`: a quoted span, or the run of term parts from there.
 *
 * @example termStartingAt(sentence, tokens, 3) // { text: '光学文字認識論文', … }
 */
export function termStartingAt(sentence: string, tokens: readonly Token[], startIndex: number): Phrase | null {
  const first = tokens[startIndex];
  if (first === undefined) return null;
  const quoted = quotedStartingAt(sentence, first.start);
  if (quoted !== null) return quoted;
  let to = startIndex - 1;
  for (let i = startIndex; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.morpheme.pos === '記号' && token.morpheme.posDetail === '空白' && !spaceJoins(tokens, i)) break;
    if (!isTermPart(token)) break;
    to = i;
  }
  if (to < startIndex) return null;
  return phraseOf(sentence, tokens, startIndex, to);
}

/** A reading in kana closing a quoted term: 「溶融皮殻（ようゆうひかく）」. */
const READING_AT_END = /[(（][\u3041-\u309fー・\s]+[)）]$/u;

/** `「…」` ending right before `end` (the closing quote at end - 1), content only. */
function quotedEndingAt(sentence: string, end: number): Phrase | null {
  const close = sentence.charAt(end - 1);
  const open = QUOTES[close];
  if (open === undefined) return null;
  const start = sentence.lastIndexOf(open, end - 2);
  if (start === -1) return null;
  // The term is what its reading is of, not the two together.
  const text = sentence.slice(start + 1, end - 1).replace(READING_AT_END, '');
  return { text, start: start + 1, end: start + 1 + text.length };
}

function quotedStartingAt(sentence: string, start: number): Phrase | null {
  const open = sentence.charAt(start);
  const close = Object.entries(QUOTES).find(([, opening]) => opening === open)?.[0];
  if (close === undefined) return null;
  const end = sentence.indexOf(close, start + 1);
  if (end === -1) return null;
  return { text: sentence.slice(start + 1, end), start: start + 1, end };
}

/** A number and its counter closing a phrase: 大人800円, 定員40名, 週3回. */
const AMOUNT_AT_END = /\p{Nd}(?:円|ドル|人|名|歳|才|個|件|回|本|枚|台|冊|杯|匹|頭|羽|軒|倍|割|便|万|億|千|万円|億円|千円)$/u;
/** A case particle between two words (雨が降る, 本を読む): the phrase is a clause, its kana all count. */
const PARTICLE_BETWEEN = /[\p{sc=Han}\p{sc=Katakana}ー][がをにはでともへ]\p{sc=Han}/u;
/** One or two kana right after a kanji and before a kanji or the end, other than a lone particle. */
const OKURIGANA = /(\p{sc=Han})(?![がをにはでのともへや](?:\p{sc=Han}|$))[\u3041-\u309f]{1,2}(?=\p{sc=Han}|$)/gu;

/**
 * Whether a phrase reads as a term a student could look up: short, with letters in it, not a
 * number with its counter, not mostly hiragana (a clause), not a pronoun or an abstract noun.
 *
 * @example isTermShaped('セマンティック飽和') // true
 * @example isTermShaped('2028年') // false
 * @example isTermShaped('麹', { oneKanji: true }) // true
 * @example isTermShaped('おこげ', { kana: true }) // true
 * @example isTermShaped('3割控除', { quoted: true }) // true
 */
export function isTermShaped(text: string, options: { readonly oneKanji?: boolean; readonly kana?: boolean; readonly quoted?: boolean } = {}): boolean {
  const term = text.trim();
  const length = [...term].length;
  const latin = /^[\p{Script=Latin}\p{Nd}\s.+#&'-]+$/u.test(term);
  // 「麹というのは…」: one kanji is a term only where a sentence plainly says what it is.
  if (options.oneKanji === true && /^\p{Script=Han}$/u.test(term)) return !NOT_TERMS.has(term);
  if (length < MIN_TERM_LENGTH || length > (latin ? MAX_LATIN_TERM_LENGTH : MAX_TERM_LENGTH)) return false;
  if (!/[\p{L}]/u.test(term) || NOT_TERMS.has(term)) return false;
  if (/[、。,!?\uFF01\uFF1F「」『』()\uFF08\uFF09]/u.test(term)) return false;
  // 2028年, 12万文字, 50%: quantities, not terms; but a name the material quotes as one may open with
  // an amount (「3割控除」), as long as a word follows the number and its counter.
  const quantity = options.quoted === true ? /^[\p{Nd}.,/]+[^\p{Script=Latin}]{0,1}$/u : /^[\p{Nd}.,/]+[^\p{Script=Latin}]{0,3}$/u;
  if (quantity.test(term)) return false;
  if (/^[\p{Nd}.,]+\s?[KMBGTkmgbt][A-Za-z]?$/u.test(term)) return false;
  if (AMOUNT_AT_END.test(term)) return false;
  // 「おこげ」, くつろぐ: a word the sentence quotes or opens with may be all kana (the caller checked it is one word).
  if (options.kana === true) return !/[\u3041-\u309f]{9}/u.test(term) && !PARTICLE_BETWEEN.test(term);
  // A phrase that is a third hiragana is a clause (「Claudeがそれになる」), not a name. Okurigana
  // (見積もり, 手ぶれ: one or two kana after a kanji, not a particle) belong to a word and do not count.
  const hiragana = term.match(/[\u3041-\u309f]/gu)?.length ?? 0;
  const clauseKana = PARTICLE_BETWEEN.test(term) ? hiragana : (term.replace(OKURIGANA, '$1').match(/[\u3041-\u309f]/gu)?.length ?? 0);
  if (clauseKana * 3 > length) return false;
  // A Latin phrase of many words is a sentence, not a name (names and expansions stay under six).
  if (latin && term.split(/\s+/u).length > 6) return false;
  return !/^[\u3041-\u309f]/u.test(term) || hiragana <= 1;
}

/**
 * Whether a term is one everyday dictionary noun (現実, 実験, 横軸): such a word is a term only when a
 * sentence plainly defines it, not when it is merely likened to something.
 *
 * @example isEverydayNoun(tokens, phrase) // true for 現実
 */
export function isEverydayNoun(tokens: readonly Token[], phrase: Phrase): boolean {
  const inside = tokens.filter((token) => token.start >= phrase.start && token.end <= phrase.end);
  if (inside.length !== 1) return false;
  const { morpheme } = inside[0] as Token;
  return morpheme.known && morpheme.pos === '名詞' && ['一般', 'サ変接続', '形容動詞語幹'].includes(morpheme.posDetail) && !/[A-Za-z]/u.test(morpheme.surface);
}
