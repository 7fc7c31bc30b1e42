/**
 * Questions for the latency benchmark (bench/perf.ts), made from whatever corpus is loaded: nothing
 * here knows the seed files. Deterministic for a given corpus and seed.
 *
 * - `generated`: a random paragraph (seeded PRNG) → one of its sentences → some of its content words
 *   (or a short verbatim span) → a question form (「について教えて」「とは何ですか」「はいつですか」, Kansai
 *   forms, a few English wrappers around Latin words).
 * - `fixed`: hand-written general questions in Japanese, English and Kansai dialect.
 * - `unanswerable`: hand-written questions no talk transcript is likely to answer, plus noise.
 */
import type { Corpus } from '../src/corpus/types.js';
import { mulberry32 } from '../src/features/rotation.js';
import type { Morpheme, Tokenizer } from '../src/text/tokenizer.js';

export type QuestionKind = 'generated' | 'fixed' | 'unanswerable';

export interface PerfQuestion {
  readonly question: string;
  readonly kind: QuestionKind;
}

const FIXED: readonly string[] = [
  // Japanese, general
  'この話の主なテーマは何ですか',
  '結論を簡単に教えてください',
  '話している人は誰ですか',
  'いつ頃の話ですか',
  '一番大事なポイントはどこ?',
  '今後の見通しについてどう考えていますか',
  'どんな問題点が指摘されていますか',
  'お金の話はどこで出てきますか',
  '具体的な数字を挙げているところはありますか',
  '反対意見や批判はありましたか',
  '教育について何か言っていますか',
  '日本についての言及はありますか',
  // English
  'What is the main topic of the discussion?',
  'Who are the speakers?',
  'When was this recorded?',
  'What do they think about the future?',
  'How much does it cost?',
  'Why did they change their mind?',
  // Kansai dialect
  'これってなんぼすんねん?',
  'なんでそないなってもうたん?',
  'ほんまにそれでええの?',
  'どこがおもろいんか教えてや',
  'あかんかった理由はなんなん?',
  '結局どないしたらええねん',
  // Mixed script and short
  'APIの使い方は?',
  'データはどこから?',
  'リスクは?',
];

const UNANSWERABLE: readonly string[] = [
  '今日の東京の天気は?',
  '富士山の標高は何メートルですか',
  'ピザの美味しい焼き方を教えて',
  'Who won the 1998 World Cup?',
  '猫の平均寿命はどれくらい?',
  'ラーメンの替え玉は何回までできる?',
  'asdfghjkl qwerty',
  'ほげほげふがふが',
];

/** Standard question forms appended to a phrase. */
const SUFFIXES: readonly string[] = [
  'について教えて',
  'とは何ですか',
  'はいつですか',
  'は誰ですか',
  'はどこですか',
  'はいくつですか',
  'について何と言っていましたか',
  'の理由は?',
  'って何?',
  'はどうなりましたか',
  'について詳しく知りたい',
  'とはどういう意味ですか',
];

const KANSAI_SUFFIXES: readonly string[] = ['ってなんなん?', 'について教えてや', 'ってどないなってんの?', 'ってほんまなん?', 'はなんぼなん?'];

const SKIPPED_DETAIL = new Set(['非自立', '代名詞', '数', '接尾', '特殊']);
/** Light verbs that say nothing about a topic on their own. */
const LIGHT_VERBS = new Set(['する', 'ある', 'いる', 'なる', 'できる', 'いう', '言う', 'くる', 'いく', '思う', 'みる', 'おる', 'やる']);
const HIRAGANA_ONLY = /^[\u3041-\u309f]+$/u;
const LATIN = /^[A-Za-z][A-Za-z0-9.+-]*$/u;

interface Term {
  readonly text: string;
  readonly pos: string;
}

/** Content words of a sentence: runs of nouns joined into compounds, verbs and adjectives in dictionary form. */
function contentTerms(morphemes: readonly Morpheme[]): Term[] {
  const terms: Term[] = [];
  let compound = '';
  const flush = (): void => {
    if (compound !== '' && !HIRAGANA_ONLY.test(compound) && [...compound].length >= 2) terms.push({ text: compound, pos: '名詞' });
    compound = '';
  };
  for (const morpheme of morphemes) {
    if (morpheme.pos === '名詞' && !SKIPPED_DETAIL.has(morpheme.posDetail)) {
      compound += morpheme.surface;
      continue;
    }
    flush();
    if ((morpheme.pos === '動詞' || morpheme.pos === '形容詞') && morpheme.posDetail === '自立' && [...morpheme.base].length >= 2 && !LIGHT_VERBS.has(morpheme.base)) {
      terms.push({ text: morpheme.base, pos: morpheme.pos });
    }
  }
  flush();
  return terms;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** `k` items of `items` at random, kept in their original order. */
function sample<T>(random: () => number, items: readonly T[], k: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(k, items.length)) chosen.add(Math.floor(random() * items.length));
  return [...chosen].sort((a, b) => a - b).flatMap((i) => (items[i] === undefined ? [] : [items[i]]));
}

function questionFrom(random: () => number, morphemes: readonly Morpheme[]): string | null {
  const terms = contentTerms(morphemes);
  const nouns = terms.filter((term) => term.pos === '名詞');
  if (nouns.length === 0) return null;
  const roll = random();
  if (roll < 0.45) {
    const chosen = sample(random, terms, 1 + Math.floor(random() * 3)).map((term) => term.text);
    return chosen.join(pick(random, ['の', 'と', ' ', 'で'])) + pick(random, SUFFIXES);
  }
  if (roll < 0.6) {
    // A short verbatim span opening on a content word: a user quoting half-remembered words.
    const starts = morphemes.flatMap((m, i) => (m.pos === '名詞' && !SKIPPED_DETAIL.has(m.posDetail) ? [i] : []));
    const start = pick(random, starts);
    const span = morphemes.slice(start, start + 3 + Math.floor(random() * 5)).map((m) => m.surface).join('');
    return span.replace(/[、。,.!?!?\s]+$/u, '') + pick(random, ['とはどういうことですか', 'って本当?', 'と言ったのは誰?']);
  }
  if (roll < 0.72) {
    const verbs = terms.filter((term) => term.pos === '動詞');
    if (verbs.length === 0) return pick(random, nouns).text + pick(random, SUFFIXES);
    return `なぜ${pick(random, nouns).text}は${pick(random, verbs).text}のですか`;
  }
  if (roll < 0.9) {
    return sample(random, nouns, 1 + Math.floor(random() * 2)).map((term) => term.text).join('の') + pick(random, KANSAI_SUFFIXES);
  }
  const latin = terms.filter((term) => LATIN.test(term.text));
  if (latin.length > 0) {
    return pick(random, ['What did they say about %?', 'Tell me about %', 'When did % happen?']).replace('%', pick(random, latin).text);
  }
  return `${pick(random, nouns).text}${pick(random, SUFFIXES)}`;
}

/**
 * `count` distinct generated questions followed by the hand-written ones.
 *
 * @example generateQuestions(corpus, tokenizer, 240, 42).length // 240 + FIXED + UNANSWERABLE
 */
export function generateQuestions(corpus: Corpus, tokenizer: Tokenizer, count: number, seed: number): PerfQuestion[] {
  const random = mulberry32(seed);
  const sentences = corpus.transcripts.flatMap((transcript) =>
    transcript.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text)),
  );
  const usable = sentences.filter((sentence) => [...sentence].length >= 12);
  if (usable.length === 0) throw new Error('the corpus has no sentence long enough to make questions from');
  const seen = new Set<string>();
  const generated: PerfQuestion[] = [];
  for (let attempt = 0; generated.length < count && attempt < count * 50; attempt += 1) {
    const question = questionFrom(random, tokenizer.tokenize(pick(random, usable)));
    if (question === null || seen.has(question) || [...question].length > 200) continue;
    seen.add(question);
    generated.push({ question, kind: 'generated' });
  }
  return [
    ...generated,
    ...FIXED.map((question) => ({ question, kind: 'fixed' as const })),
    ...UNANSWERABLE.map((question) => ({ question, kind: 'unanswerable' as const })),
  ];
}
