import type { Analyzer } from '../text/analyze.js';
import { bigramsOf, isStopWord } from '../text/analyze.js';
import type { Lexicon } from '../text/lexicon/lexicon.js';
import type { WeightedTerm } from './lexical-index.js';

/** The Japanese a stretch of an English question was searched as. */
export interface Translation {
  /** The English words translated (one word or a multiword gloss such as "nuclear power plant"). */
  readonly source: readonly string[];
  /** Japanese candidates that occur in the material, best first. */
  readonly terms: readonly string[];
  /** Their content words, as the index knows them (原子力発電所 → 原子力, 発電所). */
  readonly words: readonly WeightedTerm[];
  readonly bigrams: readonly WeightedTerm[];
}

/** A question counts as English when this share of its letters is Latin script. */
const LATIN_SHARE = 0.6;
/** Candidates kept per English stretch; the dictionary's order decides among those in the material. */
const MAX_CANDIDATES = 3;
/** The words of a multiword gloss the material uses are searched alone at this share of their weight. */
const WORDS_OF_GLOSS_SHARE = 0.5;
/** A translation is evidence at one remove: it weighs less than the user's own words. */
const TRANSLATION_WEIGHT = 0.8;
const TRANSLATION_BIGRAM_WEIGHT = 0.4;
/** log2(1 + documents using it) counts up to this; past it a candidate is simply "in common use". */
const USAGE_CAP = 3;

export function isMostlyLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return false;
  const latin = letters.filter((letter) => /\p{Script=Latin}/u.test(letter)).length;
  return latin / letters.length >= LATIN_SHARE;
}

/** English number words and their digits ('five levels' → 5). */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty']
    .map((word, value) => [word, String(value)] as const)
    // 'one' is as often a pronoun (the one who…, which one) as a number.
    .filter(([word]) => word !== 'one')
    .concat([['thirty', '30'], ['forty', '40'], ['fifty', '50'], ['hundred', '100'], ['thousand', '1000']]),
);

/**
 * Translate the English words of a question into Japanese search terms: multiword glosses first
 * (and their words alone, at half weight), then single words; of each stretch's dictionary
 * candidates, only those the material contains are kept (a word the transcripts never use cannot
 * help find anything).
 *
 * @example translateQuery('Why is Microsoft buying power?', lexicon, analyzer, index.documentFrequency, index.bigramFrequency)
 */
export function translateQuery(
  text: string,
  lexicon: Lexicon,
  analyzer: Analyzer,
  documentFrequency: (word: string) => number,
  /** How many passages hold a character bigram: a candidate the analyser misreads is searched by its bigrams alone. */
  bigramFrequency: (gram: string) => number,
): Translation[] {
  const words = withoutQuestionPhrases(text.normalize('NFKC').toLowerCase().match(/[a-z][a-z'-]*/gu) ?? []).filter((word) => !isStopWord(word));
  const translations: Translation[] = [];
  const translate = (source: readonly string[], candidates: ReadonlyArray<{ term: string; weight: number }>, share = 1): boolean => {
    const kept = pickCandidates(candidates, analyzer, documentFrequency, bigramFrequency);
    if (kept.length === 0) return false;
    const top = Math.max(...kept.map((candidate) => candidate.weight));
    const scaled = (base: number, candidate: Candidate): number => (base * share * candidate.share * candidate.weight) / top;
    translations.push({
      source,
      terms: kept.map((candidate) => candidate.term),
      words: kept.flatMap((candidate) => candidate.words.map((word) => ({ term: word, weight: scaled(TRANSLATION_WEIGHT, candidate) }))),
      bigrams: kept.flatMap((candidate) => bigramsOf(candidate.term).map((gram) => ({ term: gram, weight: scaled(TRANSLATION_BIGRAM_WEIGHT, candidate) }))),
    });
    return true;
  };
  // 'five levels' → 5 (the material writes 5つ): a number word is its digits.
  for (const word of words) {
    const digits = NUMBER_WORDS.get(word);
    if (digits !== undefined) translate([word], [{ term: digits, weight: 1 }]);
  }
  for (const stretch of lexicon.lookupPhrase(words.filter((word) => !NUMBER_WORDS.has(word)))) {
    const source = words.filter((word) => !NUMBER_WORDS.has(word)).slice(stretch.start, stretch.end);
    if (source.length === 1) {
      translate(source, stretch.candidates);
      continue;
    }
    if (translate(source, stretch.candidates)) {
      // The gloss found is one way the material says it; its words alone may be another (railway lines →
      // 線路, where the material says 鉄道): searched too, at a lower weight.
      for (const word of source) translate([word], lexicon.lookup(word), WORDS_OF_GLOSS_SHARE);
      continue;
    }
    // A multiword gloss the material never uses ("buying power" → 購買力): try its words alone.
    for (const word of source) translate([word], lexicon.lookup(word));
  }
  return translations;
}

/**
 * The words that make a question phrase with the wh-word before them ("what time", "how long", "how
 * often") ask for a kind of answer, not what the question is about: searched as 時, 長い or 度, they
 * match any clock time or anything long.
 */
const QUESTION_PHRASE_TAIL: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['what', new Set(['time'])],
  ['how', new Set(['long', 'often', 'soon'])],
]);

function withoutQuestionPhrases(words: readonly string[]): string[] {
  return words.filter((word, i) => !(QUESTION_PHRASE_TAIL.get(words[i - 1] ?? '')?.has(word) ?? false));
}

/** A compound's head stands for it at this share of its weight. */
const HEAD_WEIGHT = 0.6;
/** A head of two kanji or more (冷蔵庫, 協議会), not a suffix (的, 性, 会). */
const KANJI_HEAD = /^[\p{sc=Han}々]{2,}$/u;

/**
 * The last word of a kanji compound (電気冷蔵庫 → 冷蔵庫), or null: only when what it drops is a word of
 * two kanji or more itself — a one-kanji prefix may turn the meaning round (非営利 is no 営利).
 */
function compoundHead(term: string, analyzer: Analyzer): string | null {
  if (!/^[\p{sc=Han}々]+$/u.test(term)) return null;
  const words = analyzer.analyze(term).words;
  const head = words.at(-1);
  if (words.length < 2 || head === undefined || !KANJI_HEAD.test(head) || !term.endsWith(head)) return null;
  return KANJI_HEAD.test(term.slice(0, term.length - head.length)) ? head : null;
}

/**
 * A candidate written in hiragana alone (a dictionary reading: ひよう for 費用) that the analyser does
 * not read back as that one word was cut into others (ひよう as 干る + よう): searched as words, those
 * match anything (ひるね); its bigrams still find it written in kana.
 */
function misread(term: string, words: readonly string[]): boolean {
  return /^[\p{sc=Hiragana}ー]+$/u.test(term) && !(words.length === 1 && words[0] === term);
}

/** A candidate kept: its words as the index knows them (none when searched by bigrams alone), and its share of the weight. */
interface Candidate {
  readonly term: string;
  readonly weight: number;
  readonly words: readonly string[];
  readonly share: number;
}

/**
 * Of a stretch's dictionary candidates, those the material uses, ranked by the dictionary's weight
 * times how much the material uses them (capped, so a very common word does not win on frequency
 * alone): "power" is 電力 in transcripts about data centres, 権力 in ones about politics. When none
 * is used, a misread kana reading by its bigrams, then a compound's head.
 */

function pickCandidates(
  candidates: ReadonlyArray<{ term: string; weight: number }>,
  analyzer: Analyzer,
  documentFrequency: (word: string) => number,
  bigramFrequency: (gram: string) => number,
): Candidate[] {
  const usable: Candidate[] = [];
  const add = (term: string, weight: number, words: readonly string[], share: number): void => {
    const frequencies = words.length > 0 ? words.map((word) => documentFrequency(word)) : bigramsOf(term).map((gram) => bigramFrequency(gram));
    const rarest = Math.min(...frequencies);
    const key = words.length > 0 ? words.join() : term;
    if (frequencies.length === 0 || rarest === 0 || usable.some((other) => (other.words.length > 0 ? other.words.join() : other.term) === key)) return;
    usable.push({ term, weight: weight * Math.min(Math.log2(1 + rarest), USAGE_CAP), words, share });
  };
  const misreadings: Array<{ term: string; weight: number }> = [];
  for (const candidate of candidates) {
    const words = [...new Set(analyzer.analyze(candidate.term).words)];
    if (words.length === 0) continue;
    if (misread(candidate.term, words)) misreadings.push(candidate);
    else add(candidate.term, candidate.weight, words, 1);
  }
  // A reading cut into other words (たまご as たま + ご) is still the word where the material writes it
  // in kana: searched by its bigrams alone, when nothing else translates the word (kana bigrams are common).
  if (usable.length === 0) for (const candidate of misreadings) add(candidate.term, candidate.weight, [], 1);
  // A compound the material never uses may still name its kind by its last word, as Japanese compounds
  // are headed on the right: fridge is 電気冷蔵庫 in the dictionary, 冷蔵庫 in talk.
  if (usable.length === 0) {
    for (const candidate of candidates) {
      const head = compoundHead(candidate.term, analyzer);
      if (head !== null) add(head, candidate.weight, [head], HEAD_WEIGHT);
    }
  }
  return usable.sort((left, right) => right.weight - left.weight).slice(0, MAX_CANDIDATES);
}
