import { normalizeForMatch, toKatakana } from './normalize.js';
import type { Morpheme, Tokenizer } from './tokenizer.js';

/**
 * The index keys of a text, in two views that fail differently:
 * - `words`: content-word dictionary forms from kuromoji, so inflected and dialect forms meet;
 * - `bigrams`: character bigrams of the normalised text, for compounds, unknown words and dialect
 *   the dictionary splits badly. Latin and digit runs are kept whole in both.
 */
export interface Analysis {
  readonly words: string[];
  readonly bigrams: string[];
  /** Where each word stands in the text: `[start, end)` in UTF-16 units, two numbers per word, in the order of `words`. */
  readonly offsets: Uint32Array;
  /** How many of `words` (the first ones) come from kuromoji's morphemes; the rest are dialect words found on the surface. */
  readonly morphemeWords: number;
}

/** A content word as it occurs in a text, for marking matches in excerpts. */
export interface WordSpan {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

export interface Analyzer {
  analyze(text: string): Analysis;
  /** Content words with their UTF-16 spans in `text` (the original, un-normalised string). */
  wordSpans(text: string): WordSpan[];
  /**
   * `wordSpans(text.slice(start, end))`, made from the spans of the whole text that came from
   * morphemes (the first `morphemeWords` of its analysis): kuromoji reads each clause (up to 、 or 。)
   * on its own, so only the clauses the slice cuts at its edges are analysed again.
   */
  sliceSpans(text: string, morphemeSpans: readonly WordSpan[], start: number, end: number): WordSpan[];
  /** A word's reading in katakana from the dictionary (高橋 → タカハシ), or null when it has none. */
  reading(word: string): string | null;
}

/** Parts of speech that carry grammar, not topic: they must not drive ranking. */
const STOP_POS = new Set(['助詞', '助動詞', '記号', 'フィラー', '感動詞', '接続詞', '連体詞', 'その他']);
const STOP_POS_DETAIL: Readonly<Record<string, ReadonlySet<string>>> = {
  名詞: new Set(['非自立', '代名詞', '特殊']),
  動詞: new Set(['非自立', '接尾']),
  形容詞: new Set(['非自立', '接尾']),
};

/**
 * Dictionary forms that are grammatical glue in standard and Kansai speech (kuromoji tags some of them
 * as ordinary words), plus question words, which say what kind of answer is wanted but not about what.
 */
const STOP_BASES = new Set([
  'する', 'なる', 'ある', 'いる', 'おる', 'できる', 'いう', 'くる', 'いく', 'やる', 'みる', 'くれる', 'もらう',
  'こと', 'もの', 'よう', 'ため', 'ところ', 'の', 'ん', 'さん', 'ちゃん', 'くん', 'たち', 'ら', '等', 'など',
  'かる', 'や', 'やん', 'ねん', 'へん', 'ひん', 'はる', 'とる', 'てる', 'ちゃう', 'やら', 'さかい', 'ほな', 'せや', 'ほんで',
  'そう', 'こう', 'ああ', 'どう', 'もう', 'まだ', 'また', 'ちょっと', 'とても', 'すごい', 'めっちゃ', 'ほんま',
  '何', 'なに', 'なん', 'いつ', '誰', 'だれ', 'どこ', 'どれ', 'どの', 'どんな', 'なぜ', 'なんで', 'どうして',
  '何故', 'いくつ', 'いくら', 'どのくらい', 'どれくらい', 'どちら',
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'for', 'and', 'or', 'is', 'are', 'was', 'were', 'be', 'been',
  'do', 'does', 'did', 'what', 'who', 'when', 'where', 'why', 'how', 'which', 'it', 'its', 'this', 'that',
  'with', 'by', 'as', 'from', 'about', 'into', 'than', 'then', 'there', 'their', 'they', 'he', 'she', 'his',
  'her', 'we', 'you', 'i', 'me', 'my', 'our', 'your', 'not', 'no', 'can', 'will', 'would', 'should', 'has',
  'have', 'had', 'say', 'said', 'says', 'many', 'much',
  // The frame of a question about talk (What did X ask about? What did Y mention?), not its topic.
  'ask', 'asks', 'asked', 'tell', 'tells', 'told', 'talk', 'talks', 'talked', 'mention', 'mentions', 'mentioned',
  'according', 'explain', 'explains', 'explained', 'describe', 'describes', 'described',
]);

/**
 * Kansai content words and their standard forms: a standard-Japanese question must reach a
 * dialect passage. General dialect knowledge, not a list of any transcript's words.
 */
const KANSAI_STANDARD: ReadonlyArray<readonly [RegExp, string]> = [
  [/あかん/gu, '駄目'], [/おもろ[いかくけ]/gu, '面白い'], [/しんど[いかくけ]/gu, '疲れる'], [/ようけ/gu, 'たくさん'],
  [/ぎょうさん/gu, 'たくさん'], [/なんぼ/gu, 'いくら'], [/かまへん/gu, '構わない'], [/ほかす/gu, '捨てる'],
  [/ええ(?=[やんでなねよわのか、。!?]|$)/gu, '良い'], [/ちゃう(?=[やんでなねよわのか、。!?]|$)/gu, '違う'],
  [/おおきに/gu, 'ありがとう'], [/しゃあない/gu, '仕方ない'],
];

/** Whether a (normalised) word is grammatical glue or a question word, in Japanese or English. */
export function isStopWord(word: string): boolean {
  return STOP_BASES.has(word);
}

/** Distinct forms remembered by one analyser before it starts afresh (memory stays bounded). */
const KEY_CACHE_LIMIT = 200_000;

const LATIN_OR_DIGIT = /^[\p{Script=Latin}\p{Nd}][\p{Script=Latin}\p{Nd}.+#'-]*$/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Build the analyser over one tokenizer; the same analyser serves the index and the queries.
 *
 * @example createAnalyzer(tokenizer).analyze('分からへんかった') // { words: ['分かる'], bigrams: [...] }
 */
export function createAnalyzer(tokenizer: Tokenizer): Analyzer {
  // A corpus repeats the same few thousand forms; normalising each once saves ~10% of indexing.
  const keys = new Map<string, string>();
  const keyOf = (form: string): string => {
    let key = keys.get(form);
    if (key === undefined) {
      if (keys.size >= KEY_CACHE_LIMIT) keys.clear();
      key = normalizeForMatch(form);
      keys.set(form, key);
    }
    return key;
  };
  /** Content words from kuromoji's morphemes, in text order; each lies within one clause (see `sliceSpans`). */
  function morphemeSpans(text: string): WordSpan[] {
    const spans: WordSpan[] = [];
    let offset = 0;
    // kuromoji cuts unknown katakana names (アルトマン → アルト + マン): keep the whole run as well.
    const run = { start: 0, end: 0, key: '', parts: 0 };
    const flushRun = (): void => {
      if (run.parts > 1) spans.push({ key: run.key, start: run.start, end: run.end });
      run.parts = 0;
      run.key = '';
    };
    const morphemes = tokenizer.tokenize(text);
    for (let i = 0; i < morphemes.length; i += 1) {
      const morpheme = morphemes[i] as Morpheme;
      const start = text.indexOf(morpheme.surface, offset);
      const begin = start === -1 ? offset : start;
      const end = begin + morpheme.surface.length;
      offset = end;
      const surfaceKey = keyOf(morpheme.surface);
      if (/^[\u30a1-\u30fa\u30fc]+$/u.test(surfaceKey)) {
        if (run.parts === 0) run.start = begin;
        run.end = end;
        run.key += surfaceKey;
        run.parts += 1;
      } else {
        flushRun();
      }
      if (!isContent(morpheme)) continue;
      const key = wordKey(keyOf(morpheme.base));
      if (key === '' || STOP_BASES.has(key)) continue;
      spans.push({ key, start: begin, end });
      // A number and its counter (2023年, 3人, 50%) answer "when" and "how many" questions.
      const next = morphemes[i + 1];
      if (morpheme.posDetail === '数' && next !== undefined && isCounter(next)) {
        spans.push({ key: key + keyOf(next.surface), start: begin, end: end + next.surface.length });
      }
    }
    flushRun();
    return spans;
  }

  function contentWords(text: string): WordSpan[] {
    return [...morphemeSpans(text), ...dialectSpans(text)];
  }

  function shifted(spans: readonly WordSpan[], by: number): WordSpan[] {
    return spans.map((span) => ({ key: span.key, start: span.start + by, end: span.end + by }));
  }

  return {
    analyze(text: string): Analysis {
      const morphemeWords = morphemeSpans(text);
      const spans = [...morphemeWords, ...dialectSpans(text)];
      const offsets = new Uint32Array(spans.length * 2);
      spans.forEach((span, i) => {
        offsets[2 * i] = span.start;
        offsets[2 * i + 1] = span.end;
      });
      return { words: spans.map((span) => span.key), bigrams: bigramsOf(text), offsets, morphemeWords: morphemeWords.length };
    },
    wordSpans: contentWords,
    sliceSpans(text, known, start, end) {
      // The slice's first and last clauses may be cut; the ones between are the text's own clauses.
      let head = start;
      while (head < end && !isClauseStart(text, head)) head += 1;
      let tail = end;
      while (tail > head && !isClauseStart(text, tail) && tail !== text.length) tail -= 1;
      if (head >= tail) return contentWords(text.slice(start, end));
      const inner = known.filter((span) => span.start >= head && span.start < tail);
      return [
        ...morphemeSpans(text.slice(start, head)),
        ...shifted(inner, -start),
        ...shifted(morphemeSpans(text.slice(tail, end)), tail - start),
        ...dialectSpans(text.slice(start, end)),
      ];
    },
    reading(word) {
      const readings = tokenizer.tokenize(word).map((morpheme) => morpheme.reading);
      return readings.length === 0 || readings.some((reading) => reading === null) ? null : readings.join('');
    },
  };
}

/** Dialect words the dictionary splits or misreads, found on the surface, with their standard word. */
function dialectSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const [pattern, standard] of KANSAI_STANDARD) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      spans.push({ key: standard, start, end: start + match[0].length });
    }
  }
  return spans;
}

/** Where kuromoji starts a clause: the text's start, or just after 、 or 。 (its own sentence split). */
function isClauseStart(text: string, index: number): boolean {
  if (index === 0) return true;
  const previous = text.charAt(index - 1);
  return previous === '、' || previous === '。';
}

function isContent(morpheme: Morpheme): boolean {
  if (STOP_POS.has(morpheme.pos)) return false;
  if (STOP_POS_DETAIL[morpheme.pos]?.has(morpheme.posDetail) === true) return false;
  if (!WORD_CHAR.test(morpheme.surface)) return false;
  // A lone hiragana character left over by the analyser is nearly always grammar.
  return !/^[\u3041-\u3096]$/u.test(morpheme.surface);
}

function isCounter(morpheme: Morpheme): boolean {
  return morpheme.posDetail === '接尾' || morpheme.posDetail === '助数詞' || /^[\p{Script=Han}%％]$/u.test(morpheme.surface);
}

function wordKey(normalizedBase: string): string {
  return LATIN_OR_DIGIT.test(normalizedBase) ? normalizedBase : normalizedBase.replace(/\s+/gu, '');
}

/**
 * Character bigrams of the normalised text within runs of word characters. Latin and digit runs
 * count as one term each, so `gpt-4` is not a string of letter pairs; a kana or kanji with no
 * neighbour of its kind stands as a unigram. Hiragana and katakana are folded together so that
 * めっちゃ and メッチャ meet.
 */
export function bigramsOf(text: string): string[] {
  const grams: string[] = [];
  const normalized = toKatakana(normalizeForMatch(text));
  for (const run of normalized.split(/[^\p{L}\p{N}]+/u)) {
    let previous: string | null = null;
    let pendingSingle: string | null = null;
    for (const unit of run.match(/[\p{Script=Latin}\p{Nd}]+|[\p{L}\p{N}]/gu) ?? []) {
      if (unit.length > 1 || /[\p{Script=Latin}\p{Nd}]/u.test(unit)) {
        if (pendingSingle !== null) grams.push(pendingSingle);
        grams.push(unit);
        previous = null;
        pendingSingle = null;
        continue;
      }
      if (previous === null) {
        pendingSingle = unit;
      } else {
        grams.push(previous + unit);
        pendingSingle = null;
      }
      previous = unit;
    }
    if (pendingSingle !== null) grams.push(pendingSingle);
  }
  return grams;
}
