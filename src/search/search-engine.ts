import { bigramsOf, type Analysis, type Analyzer } from '../text/analyze.js';
import { boundedEditDistance, isKatakanaWord, isLatinWord, soundKey, soundKeys, spellingSimilarity, spellsReading } from '../text/transliterate.js';
import { inflectionLemma } from '../text/lexicon/english-lemma.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { Lexicon } from '../text/lexicon/lexicon.js';
import { BoundedMemo } from './bounded-memo.js';
import { bestSentences, bigramWeights, sentenceGrams, type BigramWeights, type SentenceContext, type SentenceGrams } from './sentence-match.js';
import { isMostlyLatin, translateQuery, type Translation } from './translate-query.js';
import {
  buildLexicalIndex,
  titleFocus,
  type IndexedDocument,
  type LexicalHit,
  type LexicalIndex,
  type LexicalOptions,
  type WeightedTerm,
} from './lexical-index.js';

/** A query as it was searched: the user's terms plus the alternatives derived from them. */
export interface PreparedQuery {
  readonly text: string;
  readonly analysis: Analysis;
  readonly words: readonly WeightedTerm[];
  readonly bigrams: readonly WeightedTerm[];
  /** Derived spellings (アルトマン for Altman), shown to the user as "searched as". */
  readonly alternatives: readonly string[];
  /** For each of the user's words, the derived spellings that stand for it. */
  readonly variants: ReadonlyMap<string, readonly string[]>;
  /** For an English question: the Japanese each stretch of it was searched as. */
  readonly translations: readonly Translation[];
  /** The query's bigrams weighted by IDF, for scoring sentences (rerank and excerpts alike). */
  readonly sentenceWeights: BigramWeights;
  /** The query's embedding when it was asked for and a model is loaded: retrieval is then hybrid. */
  readonly vector?: Float32Array | null;
}

export interface SearchEngine {
  readonly analyzer: Analyzer;
  readonly index: LexicalIndex;
  prepare(text: string): PreparedQuery;
  search(query: string | PreparedQuery, limit: number): LexicalHit[];
  /** An indexed document's sentences with their bigrams (remembered for the documents read lately). */
  sentencesOf(id: string): readonly SentenceGrams[];
}

export interface RerankOptions {
  /** How many lexical hits are rescored by their best sentence. */
  readonly depth: number;
  /**
   * Weight of the best sentence's coverage (title included) against the passage's words score
   * (normalised to the best of the reranked hits).
   */
  readonly sentenceWeight: number;
}

/**
 * The rerank weighs a passage by its words score and its best sentence's bigram coverage: the
 * passage's bigram score, which the fused lexical score also holds, rewards echoes of the question's
 * characters (ラオスの首相 for ラオスの首都) and tells little once the sentence coverage counts the
 * same bigrams where they stand together. Against the fused score and sentenceWeight 1: JSQuAD R@1
 * 0.929 → 0.932, MRR@10 0.949 → 0.951, hard slice 0.621 → 0.636; distractor R@1 0.920 → 0.923.
 */
export const DEFAULT_RERANK_OPTIONS: RerankOptions = { depth: 30, sentenceWeight: 2 };

/** Weight of a variant spelling found by sound key, exact or one sound apart. */
const EXACT_SOUND_WEIGHT = 0.9;
const NEAR_SOUND_WEIGHT = 0.6;
const NEAR_SOUND_MIN_LENGTH = 4;
const KATAKANA_TO_LATIN_MIN_SOUNDS = 3;
const VARIANT_BIGRAM_FACTOR = 0.5;
/**
 * Documents whose sentences are kept ready. A query reads about 50 (the reranked hits, then the
 * excerpts of the results); a burst of questions keeps coming back to the same passages.
 */
const SENTENCE_MEMO_SIZE = 1_024;

/** Words whose sound variants are kept worked out. */
const VARIANT_MEMO_SIZE = 4_096;

/** A kanji word of the index with its dictionary reading. */
interface ReadWord {
  readonly word: string;
  readonly reading: string;
}

/** A translated English word is also searched as the katakana loanword of it, when this long (consonant sounds)… */
const LOANWORD_MIN_SOUNDS = 3;
/** …and looks like it once romanised (model / モデル 0.67, price / プライス 0.57; buying / バング 0.5 is not one)… */
const LOANWORD_SPELLING_MIN = 0.55;
/** …at this weight. */
const LOANWORD_WEIGHT = 0.7;

/** A run of capitalised words that does not open the text: `What did David Baker design?` → David Baker. */
const INNER_CAPITALISED = /(?<=\S\s+)([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})*)\b/gu;

/** Kanji words a Latin spelling may stand for: two to four characters, as names are. */
const KANJI_NAME = /^[\p{Script=Han}々]{2,4}$/u;
/** A Latin word this short, or spelling a reading less closely, is not taken for a kanji word (model is not 模型). */
const KANJI_READING_MIN_LETTERS = 4;
const KANJI_READING_MIN_SIMILARITY = 0.75;

/** A katakana word this long or longer may be a kanji name written as heard (アオキ, キリタニ). */
const KATAKANA_NAME_MIN_LENGTH = 3;

/** How far below the best-looking variant a variant may look and still be searched. */
const SPELLING_MARGIN = 0.2;
/** How alike a variant one sound off must look (Altman / アルマン 0.83; コンピュータ / composer 0.5, パラメータ / premium 0.4). */
const NEAR_SPELLING_MIN = 0.6;

/**
 * Of the variants a word's sound finds, those whose spelling is close to the best one's: a sound
 * key has no vowels, so Raschka finds ラシュカ and リスク alike; only ラシュカ looks like it.
 */
function closestSpellings(word: string, variants: readonly WeightedTerm[], readings: ReadonlyMap<string, string> = new Map()): WeightedTerm[] {
  // A kanji word is compared by its reading (木村 as キムラ).
  const similarity = (term: string): number => (isLatinWord(word) ? spellingSimilarity(word, readings.get(term) ?? term) : spellingSimilarity(term, word));
  // A near sound (one consonant off) must also look like the word: パラメータ is not premium or limit.
  const scored = variants
    .map((variant) => ({ variant, similarity: similarity(variant.term) }))
    .filter((entry) => entry.variant.weight >= EXACT_SOUND_WEIGHT || entry.similarity >= NEAR_SPELLING_MIN);
  const best = Math.max(0, ...scored.map((entry) => entry.similarity));
  return scored.filter((entry) => entry.similarity >= best - SPELLING_MARGIN).map((entry) => entry.variant);
}

function consonants(key: string): number {
  return key.replace(/_/gu, '').length;
}

/**
 * Index documents and answer free-text queries, expanding Latin words to the corpus's katakana
 * spellings (and back) by sound.
 *
 * @example createSearchEngine(docs, analyzer).search('Altman', 5)
 */
export function createSearchEngine(
  documents: readonly IndexedDocument[],
  analyzer: Analyzer,
  options: Partial<LexicalOptions & RerankOptions> = {},
  lexicon: Lexicon | null = null,
): SearchEngine {
  const index = buildLexicalIndex(documents, analyzer, options);
  const rerank = { ...DEFAULT_RERANK_OPTIONS, ...options };
  const texts = new Map(documents.map((document) => [document.id, document.text]));
  // A title's bigrams and focus, made once however many passages share it.
  const titleContexts = new Map<string, SentenceContext>();
  const contexts = new Map<string, SentenceContext>();
  for (const document of documents) {
    let context = titleContexts.get(document.title);
    if (context === undefined) {
      context = { grams: new Set(bigramsOf(document.title)), weight: titleFocus(document.title) };
      titleContexts.set(document.title, context);
    }
    contexts.set(document.id, context);
  }
  const sentences = new BoundedMemo<string, readonly SentenceGrams[]>(SENTENCE_MEMO_SIZE);
  const sentencesOf = (id: string): readonly SentenceGrams[] => sentences.get(id, () => sentenceGrams(texts.get(id) ?? ''));
  const bySound = new Map<string, string[]>();
  for (const word of index.vocabulary()) {
    // A Latin word is filed under each of its readings, so a katakana query finds it by any.
    for (const key of soundKeys(word)) {
      const words = bySound.get(key);
      if (words === undefined) bySound.set(key, [word]);
      else words.push(word);
    }
  }
  const knownKeys = [...bySound.keys()];
  /** Kanji words by the sound of their reading (高橋 → タカハシ), built the first time a Latin or katakana word asks. */
  let byReading: Map<string, ReadWord[]> | null = null;
  /** The same words by their reading as it is (桐谷 → キリタニ, 青木 → アオキ), for katakana words. */
  let byExactReading: Map<string, string[]> | null = null;
  const readKanjiWords = (): { bySound: Map<string, ReadWord[]>; byExact: Map<string, string[]> } => {
    if (byReading === null || byExactReading === null) {
      byReading = new Map();
      byExactReading = new Map();
      for (const word of index.vocabulary()) {
        if (!KANJI_NAME.test(word)) continue;
        const reading = analyzer.reading(word);
        if (reading === null) continue;
        const exact = normalizeForMatch(reading);
        byExactReading.set(exact, [...(byExactReading.get(exact) ?? []), word]);
        const key = soundKey(reading);
        if (key !== null) byReading.set(key, [...(byReading.get(key) ?? []), { word, reading }]);
      }
    }
    return { bySound: byReading, byExact: byExactReading };
  };

  /** Kanji words whose reading a Latin word spells closely (Takahashi → 高橋), with those readings. */
  function kanjiSpelledBy(word: string): Map<string, string> {
    if (!isLatinWord(word) || word.length < KANJI_READING_MIN_LETTERS) return new Map();
    const found = soundKeys(word).flatMap((key) => readKanjiWords().bySound.get(key) ?? []);
    // A word the material itself writes in Latin (a product called Fumi) is that word: a kanji word is
    // another spelling of it only when its reading is spelt exactly (不明, フメイ, is not Fumi).
    const written = index.documentFrequency(word) > 0;
    const spelled = (reading: string): boolean => (written ? spellsReading(word, reading) : spellingSimilarity(word, reading) >= KANJI_READING_MIN_SIMILARITY);
    return new Map(found.filter((entry) => spelled(entry.reading)).map((entry) => [entry.word, entry.reading]));
  }

  /**
   * Kanji words read exactly as a katakana word (キリタニ → 桐谷, アオキ → 青木): a name heard, not seen.
   * Not for a word the material itself writes in katakana (ドイツ, ハーブ, カラス): that is the word.
   */
  function kanjiReadAs(word: string): readonly string[] {
    if (!isKatakanaWord(word) || [...word].length < KATAKANA_NAME_MIN_LENGTH || index.documentFrequency(word) > 0) return [];
    return readKanjiWords().byExact.get(normalizeForMatch(word)) ?? [];
  }

  // A query may ask for a word's variants several times (to tell a name, to sound it out, for its
  // loanwords), and a burst of questions repeats words: each is worked out once.
  const variantMemo = new BoundedMemo<string, readonly WeightedTerm[]>(VARIANT_MEMO_SIZE);
  const variantsOf = (word: string): readonly WeightedTerm[] => variantMemo.get(word, () => soundVariants(word));

  function soundVariants(word: string): readonly WeightedTerm[] {
    const wantKatakana = isLatinWord(word);
    // A katakana word may be a kanji name written as heard (キリタニ for 桐谷, アオキ for 青木).
    const readAs = wantKatakana ? [] : kanjiReadAs(word).map((term) => ({ term, weight: EXACT_SOUND_WEIGHT }));
    const key = soundKey(word);
    // Short katakana words (スリー, マイル) sound like too many Latin words to expand safely.
    if (key === null || (!wantKatakana && consonants(key) < KATAKANA_TO_LATIN_MIN_SOUNDS)) return readAs;
    const fits = (candidate: string): boolean =>
      candidate !== word && (wantKatakana ? isKatakanaWord(candidate) : isLatinWord(candidate));
    // Every reading of a Latin word (Gemini as ゲ… and as ジェミニ); near matches only for the usual one.
    const exact = new Set((wantKatakana ? soundKeys(word) : [key]).flatMap((reading) => bySound.get(reading) ?? []));
    const variants: WeightedTerm[] = [...exact].filter(fits).map((term) => ({ term, weight: EXACT_SOUND_WEIGHT }));
    if (consonants(key) >= NEAR_SOUND_MIN_LENGTH) {
      for (const other of knownKeys) {
        // One sound off anywhere but the first: the start of a word is what a listener hears surely.
        if (other === key || other[0] !== key[0] || boundedEditDistance(key, other, 1) > 1) continue;
        for (const term of bySound.get(other) ?? []) if (fits(term)) variants.push({ term, weight: NEAR_SOUND_WEIGHT });
      }
    }
    const kanji = kanjiSpelledBy(word);
    return [...closestSpellings(word, [...variants, ...[...kanji.keys()].map((term) => ({ term, weight: EXACT_SOUND_WEIGHT }))], kanji), ...readAs];
  }

  /** The katakana loanwords of an English word (models → モデル): exact sound, close spelling, of the word or its base form. */
  function loanwordsOf(word: string): WeightedTerm[] {
    const base = inflectionLemma(word);
    const found = new Map<string, WeightedTerm>();
    for (const form of base === word ? [word] : [word, base]) {
      for (const variant of variantsOf(form)) {
        if (variant.weight >= EXACT_SOUND_WEIGHT && spellingSimilarity(form, variant.term) >= LOANWORD_SPELLING_MIN) found.set(variant.term, { ...variant, weight: LOANWORD_WEIGHT });
      }
    }
    return [...found.values()];
  }

  /** A Latin word the English dictionary has an entry for (keep, model), as typed or in its base form. */
  function isEnglishWord(word: string): boolean {
    return lexicon !== null && isLatinWord(word) && lexicon.lookup(word).length > 0;
  }

  function prepare(text: string): PreparedQuery {
    const analysis = analyzer.analyze(text);
    const words: WeightedTerm[] = analysis.words.map((term) => ({ term, weight: 1 }));
    const seen = new Set(analysis.words);
    const alternatives: string[] = [];
    const variants = new Map<string, string[]>();
    const latinRun = analysis.words.filter((word) => isLatinWord(word));
    // Adjacent Latin words may be one katakana word (GRIN MoE → グリンモー).
    const sources: Array<readonly [string, readonly string[]]> = [
      ...new Set(analysis.words.filter((word) => isLatinWord(word) || isKatakanaWord(word))),
    ].map((word) => [word, [word]]);
    // Written with a capital (Nathan, even opening the question), a word may be a name whatever the dictionary says.
    const capitalised = new Set((text.normalize('NFKC').match(/(?<![A-Za-z])[A-Z][a-z]+/gu) ?? []).map((word) => word.toLowerCase()));
    // (A capital opening the question is only the sentence's: 「New wood-fired boiler: …」 is still two words.)
    const withCapital = new Set((text.normalize('NFKC').match(/(?<=[A-Za-z].*[^A-Za-z])[A-Za-z]*[A-Z][A-Za-z]*|[A-Za-z]*(?:[A-Z][A-Za-z]*[A-Z]|[a-z][A-Z])[A-Za-z]*/gu) ?? []).map((word) => word.toLowerCase()));
    for (let i = 1; i < latinRun.length; i += 1) {
      const left = latinRun[i - 1] ?? '';
      const right = latinRun[i] ?? '';
      // Two plain English words are two words (new wood is not ノート), unless one is written as a name (GRIN MoE).
      const plain = (word: string): boolean => isEnglishWord(word) && !withCapital.has(word);
      if (plain(left) && plain(right)) continue;
      sources.push([left + right, [left, right]]);
    }
    // A capitalised word inside an English question whose sound the material writes in katakana is a
    // name (David Baker → デイヴィッド・ベイカー), not a word to translate (baker → パン屋).
    const names = new Set<string>();
    for (const match of text.matchAll(INNER_CAPITALISED)) {
      const run = (match[1] ?? '').toLowerCase().split(/\s+/u);
      // The run as one katakana word (デイヴィッド・ベイカー is indexed whole) or any of its words alone.
      const sounded = [run.join(''), ...run].some((spelling) => variantsOf(spelling).some((variant) => variant.weight >= EXACT_SOUND_WEIGHT));
      if (sounded) for (const word of run) names.add(word);
    }
    const translations = (lexicon !== null && isMostlyLatin(text) ? translateQuery(text, lexicon, analyzer, index.documentFrequency, index.bigramFrequency) : []).filter(
      (translation) => !translation.source.every((source) => names.has(source)),
    );
    // An English word the dictionary translated is an ordinary word, not a name: sounding it out
    // (buying → バング) would only add noise; so would joining two of them (buying power → パズル).
    const translated = new Set(translations.flatMap((translation) => translation.source));
    const bigrams = analysis.bigrams.map((term) => ({ term, weight: 1 }));
    for (const [spelling, owners] of sources) {
      const ordinary = owners.every((owner) => translated.has(owner));
      // Except a long loanword the material writes in katakana (context → コンテキスト): its exact sound, a little lower.
      const loanwords = ordinary && owners.length === 1 && consonants(soundKey(spelling) ?? '') >= LOANWORD_MIN_SOUNDS;
      if (ordinary && !loanwords) continue;
      // An English word the dictionary knows but the material never uses in translation is still an
      // ordinary word, not a name: only a katakana word that looks like it is its loanword (model →
      // モデル), never any word of the same consonants (keep → キャパ, make → メートル).
      const english = !ordinary && owners.length === 1 && !names.has(spelling) && !capitalised.has(spelling) && isEnglishWord(spelling);
      const found = loanwords || english ? loanwordsOf(spelling) : variantsOf(spelling);
      for (const variant of found) {
        for (const owner of owners) variants.set(owner, [...(variants.get(owner) ?? []), variant.term]);
        if (seen.has(variant.term)) continue;
        seen.add(variant.term);
        alternatives.push(variant.term);
        words.push(variant);
        // When the material never spells the word in Latin (GRIN MoE only as グリンモー), the variant's
        // bigrams count too, or the katakana passage would score on the words field alone. When it
        // does, the user's own spelling finds it, and sounding out adds noise (JSQuAD: -1 point R@1).
        if (isLatinWord(spelling) && index.documentFrequency(spelling) === 0) {
          bigrams.push(...bigramsOf(variant.term).map((term) => ({ term, weight: variant.weight * VARIANT_BIGRAM_FACTOR })));
        }
      }
    }
    for (const translation of translations) {
      words.push(...translation.words);
      bigrams.push(...translation.bigrams);
      alternatives.push(...translation.terms.filter((term) => !alternatives.includes(term)));
      const translated = translation.words.map((word) => word.term);
      for (const source of translation.source) variants.set(source, [...(variants.get(source) ?? []), ...translated]);
    }
    const sentenceWeights = bigramWeights(bigrams, index.documentCount, index.bigramFrequency);
    return { text, analysis, words, bigrams, alternatives, variants, translations, sentenceWeights };
  }

  return {
    analyzer,
    index,
    prepare,
    sentencesOf,
    search(query, limit) {
      const prepared = typeof query === 'string' ? prepare(query) : query;
      const hits = index.search({ words: prepared.words, bigrams: prepared.bigrams }, Math.max(limit, rerank.depth));
      const top = hits[0]?.score ?? 0;
      if (top <= 0 || rerank.sentenceWeight === 0) return hits.slice(0, limit);
      // Only the top `depth` are read sentence by sentence; a deep fetch (a filtered search) keeps
      // the rest in lexical order after them.
      const reranked = hits.slice(0, rerank.depth);
      const wordTop = Math.max(0, ...reranked.map((hit) => hit.wordScore));
      const head = reranked
        .map((hit) => {
          const best = bestSentences(sentencesOf(hit.id), prepared.sentenceWeights, contexts.get(hit.id) ?? null)[0]?.coverage ?? 0;
          // A query with no indexed word (bigrams only) is weighed by its fused score instead.
          const passage = wordTop > 0 ? hit.wordScore / wordTop : hit.score / top;
          return { ...hit, score: passage + rerank.sentenceWeight * best };
        })
        .sort((left, right) => right.score - left.score);
      // The rest keep their lexical order, scaled to score below the last reranked hit.
      const rest = hits.slice(rerank.depth);
      const lowest = head.at(-1)?.score ?? 0;
      const scale = Math.min(1, lowest / ((rest[0]?.score ?? top) / top));
      const tail = rest.map((hit) => ({ ...hit, score: (hit.score / top) * scale }));
      return [...head, ...tail].slice(0, limit);
    },
  };
}
