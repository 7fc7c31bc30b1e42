/**
 * English → Japanese from the two dictionaries. JMdict is read backwards: every English gloss of an
 * entry becomes a key that points at the entry's Japanese spelling. WikDict (English headwords with
 * Japanese translations) is a second, weaker voice; where both agree the candidate is stronger.
 *
 * From JMdict a candidate's weight multiplies how common the Japanese word is (priority marks), how
 * early the sense is (first sense strongest), how early the gloss is within the sense, and how exact
 * the gloss is ("power" as a whole gloss beats "power" inside "electric power"); homographs count by
 * their best gloss. From WikDict each sense listing the word is a vote, weighed by the same sense and
 * position factors and by the word's JMdict priority. The final weight, in (0, 1], is
 * `(jmdict + share × min(1, wikdict)) / (1 + share)`, so JMdict alone reaches at most 1 / (1 + share).
 */
import { type JmdictEntry, isKana, takeParenthesised } from './parse-jmdict.js';
import type { WikdictEntry } from './parse-wikdict.js';
import { inflectionLemma } from './english-lemma.js';

/** One Japanese rendering of an English key. */
export interface LexiconCandidate {
  /** The spelling to search for: the kanji form, or the kana form for words usually written in kana. */
  readonly term: string;
  /** The other spelling (kana reading, or the kanji of a usually-kana word); "" when there is none. */
  readonly alternate: string;
  readonly weight: number;
}

/** English key (lower case, one to four words) → its candidates, best first. */
export type LexiconTable = Map<string, LexiconCandidate[]>;

export interface BuildLexiconOptions {
  /** Candidates kept per English key. */
  readonly maxCandidates: number;
  /** Longest gloss, in words, that becomes a phrase key. */
  readonly maxPhraseWords: number;
  /** WikDict's say relative to JMdict's, 0–1. */
  readonly wikdictShare: number;
}

export const DEFAULT_BUILD_OPTIONS: BuildLexiconOptions = { maxCandidates: 8, maxPhraseWords: 4, wikdictShare: 0.6 };

/** How exactly a gloss names a key. */
const EXACT = 1;
/** "(political) power" names "power", but a narrower one. */
const QUALIFIED = 0.9;
/** "to be born" → "born". */
const BE_COMPLEMENT = 0.85;
/** A key inside a longer gloss: the head noun ("reactor" in "nuclear reactor") more than a modifier. */
const CONTAINED_HEAD = 0.55;
const CONTAINED_MODIFIER = 0.35;
/** A gloss filed under the base form of its one word: "restarting" under "restart". */
const INFLECTED = 0.75;
/** Contained keys lose more the longer the gloss: index = words in the gloss - 2. */
const CONTAINED_BY_LENGTH: readonly number[] = [1, 0.8, 0.65];

/** Senses marked old or rare count less; slang a little less. */
const RARE_NOTES = new Set(['archaism', 'obsolete term', 'obscure term', 'rare', 'dated term', 'historical term']);
const MARKED_NOTES = new Set(['slang', 'vulgar expression or word', 'derogatory', 'manga slang', 'Internet slang', 'rude or X-rated term']);
const RARE_FACTOR = 0.4;
const MARKED_FACTOR = 0.7;

const AFFIX_POS = new Set(['suffix', 'prefix', 'counter', 'noun, used as a suffix', 'noun, used as a prefix']);
const AFFIX_FACTOR = 0.6;

/** Words that never become a key of their own from inside a longer gloss. */
const STOPWORDS = new Set(
  "a an the to of in on at for with by from as and or but not no be is are one one's someone someone's something oneself it its up out off into onto over about than so such very this that".split(' '),
);

/** Per-key accumulation is pruned to this many candidates once it holds twice as many. */
const WORKING_CANDIDATES = 64;

/**
 * The lookup key for English text, the same way for glosses and for queries: NFKC, lower case,
 * parentheticals and brackets dropped, a leading infinitive "to" and article dropped, edge
 * punctuation trimmed. Returns "" when nothing is left.
 *
 * @example normalizeEnglishKey('To Purchase (e.g. a house)') // 'purchase'
 */
export function normalizeEnglishKey(text: string): string {
  return cleanKey(takeParenthesised(text.normalize('NFKC').toLowerCase().replace(/[’‘]/gu, "'")).outside).text;
}

/** A key a gloss yields, and how exactly the gloss names it. */
export interface GlossKey {
  readonly key: string;
  readonly exactness: number;
}

/**
 * The keys one gloss yields: the whole gloss when it has at most `maxPhraseWords` words, the
 * complement of "to be X", a one-word variant spelling in parentheses ("vigour (vigor)"), and each
 * content word of a multiword gloss at a lower exactness.
 *
 * @example glossKeys('nuclear reactor') // [{ key: 'nuclear reactor', exactness: 1 }, { key: 'nuclear', exactness: 0.35 }, { key: 'reactor', exactness: 0.5 }]
 */
export function glossKeys(gloss: string, maxPhraseWords = DEFAULT_BUILD_OPTIONS.maxPhraseWords): GlossKey[] {
  const { outside, groups } = takeParenthesised(gloss.normalize('NFKC').toLowerCase().replace(/[’‘]/gu, "'"));
  const { text, verb } = cleanKey(outside);
  if (text === '') return [];
  const words = text.split(' ');
  if (words.length > maxPhraseWords) return [];
  const variant = groups.length === 1 ? (groups[0] ?? '').trim() : '';
  const spelledTwice = words.length === 1 && isSpellingVariant(text, variant);
  const keys: GlossKey[] = [];
  const add = (key: string, exactness: number): void => {
    if (!keys.some((known) => known.key === key)) keys.push({ key, exactness });
  };
  add(text, groups.length > 0 && !spelledTwice ? QUALIFIED : EXACT);
  if (spelledTwice) add(variant, EXACT);
  const [first, second] = words;
  if (verb && words.length === 2 && first === 'be' && second !== undefined) add(second, BE_COMPLEMENT);
  if (words.length >= 2) {
    const content = words.filter((word) => !STOPWORDS.has(word) && /^[a-z][a-z'-]+$/u.test(word));
    const lengthFactor = CONTAINED_BY_LENGTH[words.length - 2] ?? 0.5;
    content.forEach((word, index) => add(word, (index === content.length - 1 ? CONTAINED_HEAD : CONTAINED_MODIFIER) * lengthFactor));
  }
  // "restarting" also answers "restart", "births" also "birth".
  for (const { key, exactness } of [...keys]) {
    if (!key.includes(' ')) add(inflectionLemma(key), exactness * INFLECTED);
  }
  return keys;
}

/** "vigour (vigor)", "metre (meter)": the parenthesis spells the same word, it does not qualify it. */
function isSpellingVariant(word: string, variant: string): boolean {
  return /^[a-z][a-z-]+$/u.test(variant) && variant.slice(0, 3) === word.slice(0, 3) && Math.abs(variant.length - word.length) <= 2;
}

function cleanKey(text: string): { text: string; verb: boolean } {
  let out = text
    .replace(/\[[^\]]*\]|\{[^}]*\}/gu, ' ')
    .replace(/[\s\u00a0]+/gu, ' ')
    .replace(/^[\s"'`~…!?.,;:]+|[\s"'`~…!?.,;:]+$/gu, '');
  const verb = out.startsWith('to ');
  if (verb) out = out.slice(3);
  out = out.replace(/^(?:a|an|the) /u, '');
  return { text: out.trim(), verb };
}

/** 0.3–1 from JMdict's 0–100 priority, so that a rare word still counts for something. */
function priorityFactor(priority: number): number {
  return 0.3 + (0.7 * Math.min(100, Math.max(0, priority))) / 100;
}

/** 力 read りょく is the suffix "-power" (電力, 原子力): a search term only inside a compound. */
function isAffixOnly(entry: JmdictEntry): boolean {
  return entry.pos.length > 0 && entry.pos.every((pos) => AFFIX_POS.has(pos));
}

function senseFactor(index: number): number {
  return 1 / (1 + 0.25 * index);
}

function positionFactor(index: number): number {
  return 1 / (1 + 0.25 * index);
}

function notesFactor(notes: readonly string[]): number {
  if (notes.some((note) => RARE_NOTES.has(note))) return RARE_FACTOR;
  if (notes.some((note) => MARKED_NOTES.has(note))) return MARKED_FACTOR;
  return 1;
}

/**
 * The spellings an entry is searched by: see `LexiconCandidate`.
 *
 * @example entrySpellings(purchaseEntry) // { term: '購入', alternate: 'こうにゅう' }
 */
export function entrySpellings(entry: JmdictEntry): { term: string; alternate: string } | null {
  const kanji = entry.headwords.find((headword) => !isKana(headword));
  const kana = entry.readings[0];
  if (kanji === undefined) return kana === undefined ? null : { term: kana, alternate: '' };
  if (kana === undefined) return { term: kanji, alternate: '' };
  return entry.usuallyKana ? { term: kana, alternate: kanji } : { term: kanji, alternate: kana };
}

interface Accumulated {
  term: string;
  alternate: string;
  jmdict: number;
  wikdict: number;
}

/** What WikDict's Japanese words are worth: the priority and spellings of their JMdict entry. */
interface SpellingInfo {
  readonly term: string;
  readonly alternate: string;
  readonly priority: number;
}

/**
 * Build the English → Japanese table. Pure: the entries come in, the table goes out.
 *
 * @example buildLexicon(jmdictEntries(jpnEng), wikdictEntries(engJpn)).get('purchase')?.[0]?.term // '購入'
 */
export function buildLexicon(
  jmdict: Iterable<JmdictEntry>,
  wikdict: Iterable<WikdictEntry>,
  options: Partial<BuildLexiconOptions> = {},
): LexiconTable {
  const settings = { ...DEFAULT_BUILD_OPTIONS, ...options };
  const working = new Map<string, Accumulated[]>();
  const spellings = new Map<string, SpellingInfo>();

  for (const entry of jmdict) {
    const forms = entrySpellings(entry);
    if (forms === null) continue;
    rememberSpellings(spellings, entry, forms);
    const base = priorityFactor(entry.priority) * (isAffixOnly(entry) ? AFFIX_FACTOR : 1);
    entry.senses.forEach((glosses, senseIndex) => {
      const senseWeight = base * senseFactor(senseIndex) * notesFactor(entry.senseNotes[senseIndex] ?? []);
      glosses.forEach((gloss, glossIndex) => {
        for (const { key, exactness } of glossKeys(gloss, settings.maxPhraseWords)) {
          accumulate(working, key, forms, 'jmdict', senseWeight * positionFactor(glossIndex) * exactness);
        }
      });
    });
  }

  for (const entry of wikdict) {
    const key = normalizeEnglishKey(entry.headword);
    if (key === '' || key.split(' ').length > settings.maxPhraseWords) continue;
    entry.senses.forEach((translations, senseIndex) => {
      translations.forEach((translation, index) => {
        const info = spellingInfo(spellings, translation);
        const weight = priorityFactor(info.priority) * senseFactor(senseIndex) * positionFactor(index);
        accumulate(working, key, info, 'wikdict', weight);
      });
    });
  }

  const table: LexiconTable = new Map();
  for (const [key, accumulated] of working) {
    const candidates = accumulated
      .map(({ term, alternate, jmdict: fromJmdict, wikdict: fromWikdict }) => ({
        term,
        alternate,
        // JMdict read backwards offers every Japanese word with "power" in a gloss; WikDict, written
        // from the English side, says which of them an English speaker means, so agreement adds up.
        weight: round((fromJmdict + settings.wikdictShare * Math.min(1, fromWikdict)) / (1 + settings.wikdictShare)),
      }))
      .filter((candidate) => candidate.weight > 0)
      .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
      .slice(0, settings.maxCandidates);
    if (candidates.length > 0) table.set(key, candidates);
  }
  return table;
}

function accumulate(
  working: Map<string, Accumulated[]>,
  key: string,
  forms: { readonly term: string; readonly alternate: string },
  source: 'jmdict' | 'wikdict',
  weight: number,
): void {
  let list = working.get(key);
  if (list === undefined) {
    list = [];
    working.set(key, list);
  }
  const known = list.find((candidate) => candidate.term === forms.term);
  if (known !== undefined) {
    if (source === 'wikdict') {
      // Each WikDict sense that lists the word is one more vote (capped at 1 when combined).
      known.wikdict += weight;
    } else if (weight > known.jmdict) {
      // Homographs (力 ちから, 力 りょく) count once, by their best gloss.
      known.jmdict = weight;
      if (forms.alternate !== '') known.alternate = forms.alternate;
    }
    return;
  }
  list.push({ term: forms.term, alternate: forms.alternate, jmdict: source === 'jmdict' ? weight : 0, wikdict: source === 'wikdict' ? weight : 0 });
  if (list.length >= 2 * WORKING_CANDIDATES) {
    list.sort((a, b) => b.jmdict + b.wikdict - (a.jmdict + a.wikdict));
    list.length = WORKING_CANDIDATES;
  }
}

function rememberSpellings(spellings: Map<string, SpellingInfo>, entry: JmdictEntry, forms: { term: string; alternate: string }): void {
  const info: SpellingInfo = { ...forms, priority: entry.priority };
  for (const headword of entry.headwords) {
    // A kana spelling stands for many homophones; it only names the entry when that is how it is written.
    if (isKana(headword) && headword !== forms.term) continue;
    const known = spellings.get(headword);
    if (known === undefined || known.priority < info.priority) spellings.set(headword, info);
  }
}

/**
 * A WikDict translation in JMdict's terms: the entry's preferred spelling and priority. A verbal
 * noun comes as "供給する" and an adjectival noun as "静かな"; the bare noun is what JMdict lists.
 */
function spellingInfo(spellings: ReadonlyMap<string, SpellingInfo>, translation: string): SpellingInfo {
  const direct = spellings.get(translation);
  if (direct !== undefined) return direct;
  const bare = /^(.{2,}?)(?:する|な|の|に)$/u.exec(translation)?.[1];
  const stripped = bare === undefined ? undefined : spellings.get(bare);
  if (stripped !== undefined) return stripped;
  return { term: translation, alternate: '', priority: 0 };
}

function round(weight: number): number {
  return Math.round(weight * 1000) / 1000;
}
