import { lookupEntry, type Definition, type Glossary, type GlossaryEntry } from '../corpus/glossary/build-glossary.js';
import type { DefinitionKind } from '../corpus/glossary/find-definitions.js';
import { termKey, termSoundKey } from '../corpus/glossary/term-key.js';
import type { Paragraph } from '../corpus/types.js';
import type { Retriever } from '../search/retriever.js';
import { normalizeForMatch } from '../text/normalize.js';
import { splitSentences } from '../text/split-sentences.js';
import { ANSWER_SHARE, asks, QUESTION_LINE_SHARE } from './answer-lines.js';
import { readQueryText } from './query-text.js';

export interface DefineOptions {
  readonly term: string;
  readonly limit: number;
  /** `mentions` lists where the term is used (the "more mentions" button), not how it is defined. */
  readonly mode?: 'definitions' | 'mentions';
}

/** One cited passage: a defining line, or (when none defines the term) an explanatory mention. */
export interface DefineItem {
  readonly file: string;
  readonly line: number;
  /** The glossary headword, or the term as typed when the material does not define it. */
  readonly term: string;
  /** The defining (or mentioning) sentences, verbatim from the line. */
  readonly definition: string;
  readonly defining: boolean;
  readonly kind: DefinitionKind | 'mention';
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
  readonly title: string;
  readonly section: string | null;
  readonly speaker: string | null;
  readonly score: number;
}

export interface DefineResult {
  readonly command: 'define';
  readonly mode: 'definitions' | 'mentions';
  /** What the user typed, cleaned. */
  readonly query: string;
  /** The glossary headword the query matched, or null. */
  readonly term: string | null;
  readonly variants: readonly string[];
  /** Whether `results` are definitions; false means no line defines the term and these are mentions. */
  readonly defined: boolean;
  /** Files whose explanations are shown, when more than one transcript defines the term. */
  readonly sideBySide: readonly string[];
  readonly results: readonly DefineItem[];
}

/** An English term is looked up by joining its words' spellings: this many per word, this many words. */
const SPELLINGS_PER_WORD = 3;
const MAX_JOINED_WORDS = 4;
/** How many retrieved passages are read for mentions before ranking them by how much they explain. */
const MENTION_DEPTH = 40;
/** Right after the term: it is the topic (は, って), named (という, と呼ぶ) or restated (、つまり, (). */
const TERM_AS_TOPIC = /^[」』"”]?(?:とは|って|っていう|という|と呼|っちゅう|は|、?つまり|[((:：])/u;
/** Words of explanation: 意味, つまり, 例えば, のような, これは, こと(です). */
const EXPLAINING = /意味|つまり|要するに|例えば|たとえば|のような|みたいな|ということ|これは|それは|ことです|ことや|仕組み|方法|技術|モデル/gu;

/**
 * How the material defines a term: its defining lines, strongest first, one per transcript before
 * any second one from the same transcript; or, when no line defines it, the mentions that explain
 * it most, flagged as such.
 *
 * @example define({ retriever, glossary }, { term: 'MoE', limit: 5 }).results[0]?.line
 */
export function define(deps: { readonly retriever: Retriever; readonly glossary: Glossary }, options: DefineOptions): DefineResult {
  const query = readQueryText(options.term);
  const entry = lookupEntry(deps.glossary, query) ?? entryForLatin(deps, query);
  const mode = options.mode ?? 'definitions';
  const spellings = entry === null ? [query] : [entry.term, ...entry.variants];
  const base = { command: 'define' as const, mode, query, term: entry?.term ?? null, variants: entry?.variants ?? [] };
  if (entry !== null && mode === 'definitions') {
    const ordered = interleaveByFile(entry.definitions).slice(0, options.limit);
    const results = ordered.map((definition) => definitionItem(deps.retriever, entry, definition));
    const files = [...new Set(results.map((item) => item.file))];
    return { ...base, defined: true, sideBySide: files.length > 1 ? files : [], results };
  }
  const skip = new Set(mode === 'mentions' && entry !== null ? entry.definitions.map((definition) => `${definition.file}:${definition.line}`) : []);
  const results = mentions(deps.retriever, spellings, entry?.term ?? query, options.limit, skip);
  return { ...base, defined: false, sideBySide: [], results };
}

/**
 * A term typed in Latin script that the glossary holds in katakana: the words' spellings joined in
 * order (space debris → スペース + デブリ), or one spelling search gives every word (→ スペースデブリ).
 */
function entryForLatin(deps: { readonly retriever: Retriever; readonly glossary: Glossary }, query: string): GlossaryEntry | null {
  if (!/\p{Script=Latin}/u.test(query)) return null;
  const spellingsByWord = [...deps.retriever.prepare(query).variants.values()]
    .filter((spellings) => spellings.length > 0)
    .map((spellings) => [...new Set(spellings)].slice(0, SPELLINGS_PER_WORD));
  if (spellingsByWord.length === 0 || spellingsByWord.length > MAX_JOINED_WORDS) return null;
  const joined = spellingsByWord.reduce<string[]>((heads, spellings) => heads.flatMap((head) => spellings.map((spelling) => head + spelling)), ['']);
  // One spelling every word gives is the whole term (スペースデブリ); several shared ones are its parts
  // (単語 and 埋め込み for word embedding), and one part is not the term.
  const shared = [...new Set(spellingsByWord.flat().filter((spelling) => spellingsByWord.every((spellings) => spellings.includes(spelling))))];
  for (const spelling of [...joined, ...(shared.length === 1 ? shared : [])]) {
    const entry = lookupEntry(deps.glossary, spelling);
    if (entry !== null) return entry;
  }
  return null;
}

/** Best definition of each file first (by strength), then the rest, so every transcript has its say. */
function interleaveByFile(definitions: readonly Definition[]): Definition[] {
  const firsts: Definition[] = [];
  const rest: Definition[] = [];
  const seen = new Set<string>();
  for (const definition of definitions) {
    if (seen.has(definition.file)) rest.push(definition);
    else {
      seen.add(definition.file);
      firsts.push(definition);
    }
  }
  return [...firsts, ...rest];
}

function definitionItem(retriever: Retriever, entry: GlossaryEntry, definition: Definition): DefineItem {
  const found = retriever.paragraphAt(definition.file, definition.line);
  const paragraph = found?.paragraph;
  return {
    file: definition.file,
    line: definition.line,
    term: entry.term,
    definition: definition.text,
    defining: true,
    kind: definition.kind,
    cutBefore: definition.start > 0,
    cutAfter: paragraph !== undefined && definition.end < paragraph.text.trimEnd().length,
    title: found?.transcript.title ?? definition.file,
    section: paragraph?.section ?? null,
    speaker: paragraph?.speaker ?? null,
    score: Number(definition.strength.toFixed(4)),
  };
}

/**
 * Lines that use the term, ranked by how much they explain it: the term as a sentence's topic or
 * named, words of explanation around it, and the search score.
 */
function mentions(retriever: Retriever, spellings: readonly string[], term: string, limit: number, skip: ReadonlySet<string>): DefineItem[] {
  const prepared = retriever.prepare(spellings.join(' '));
  const passages = retriever.retrieve(prepared, { limit: MENTION_DEPTH, filter: (paragraph) => !skip.has(paragraph.id) });
  const top = passages[0]?.score ?? 1;
  const keys = spellings.map(termKey).filter((key) => key !== '');
  const sounds = spellings.map(termSoundKey).filter((key): key is string => key !== null);
  const scored = passages.map((passage) => {
    const best = bestSentence(passage.paragraph, spellings, keys, sounds);
    return { passage, best, score: passage.score / top + best.score };
  });
  // 「うどんこ病というのは、どういう病気なんでしょう。」 names the term but asks: the answer on the next
  // line explains, so it takes nearly the question's score and the question keeps a share of its own.
  const byId = new Map(scored.map((entry) => [entry.passage.paragraph.id, entry]));
  for (const entry of scored.filter(({ passage }) => asks(passage.paragraph.text))) {
    const { paragraphs } = entry.passage.transcript;
    const next = byId.get(paragraphs[paragraphs.indexOf(entry.passage.paragraph) + 1]?.id ?? '');
    if (next !== undefined && !asks(next.passage.paragraph.text)) next.score = Math.max(next.score, entry.score * ANSWER_SHARE);
    entry.score *= QUESTION_LINE_SHARE;
  }
  // Only lines that hold the term (in any spelling): a line sharing some of its characters (バナナ
  // and a line about long contexts) does not explain it, and the term is then not in the material.
  return scored
    .filter(({ best }) => best.score > 0)
    .sort((left, right) => right.score - left.score)
    .slice(0, limit)
    .map(({ passage, best, score }) => ({
      file: passage.paragraph.file,
      line: passage.paragraph.line,
      term,
      definition: best.text,
      defining: false,
      kind: 'mention' as const,
      cutBefore: best.start > 0,
      cutAfter: best.end < passage.paragraph.text.trimEnd().length,
      title: passage.transcript.title,
      section: passage.paragraph.section,
      speaker: passage.paragraph.speaker,
      score: Number(score.toFixed(4)),
    }));
}

interface SentenceScore {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

/** The sentence of a paragraph that explains the term most, with how much it does (0..~1.5). */
function bestSentence(paragraph: Paragraph, spellings: readonly string[], keys: readonly string[], sounds: readonly string[]): SentenceScore {
  const sentences = paragraph.sentences.length > 0 ? paragraph.sentences : splitSentences(paragraph.text);
  let best: SentenceScore = { text: paragraph.text, start: 0, end: paragraph.text.length, score: 0 };
  for (const sentence of sentences) {
    const folded = termKey(sentence.text);
    const contains = keys.some((key) => folded.includes(key)) || sounds.some((sound) => sentenceSounds(sentence.text).has(sound));
    if (!contains) continue;
    let score = 0.3;
    if (spellings.some((spelling) => asTopic(sentence.text, spelling))) score += 0.6;
    score += Math.min(0.4, (sentence.text.match(EXPLAINING)?.length ?? 0) * 0.1);
    if (score > best.score) best = { text: sentence.text, start: sentence.start, end: sentence.end, score };
  }
  return best;
}

/** Whether the term stands as the topic or the named thing in a sentence (compared on folded text). */
function asTopic(text: string, spelling: string): boolean {
  const folded = looseKey(text);
  const key = looseKey(spelling);
  if (key === '') return false;
  for (let at = folded.indexOf(key); at !== -1; at = folded.indexOf(key, at + 1)) {
    if (TERM_AS_TOPIC.test(folded.slice(at + key.length))) return true;
  }
  return false;
}

/** Width, case and spacing folded, kana kept as written (the cues after a term are hiragana). */
function looseKey(text: string): string {
  return normalizeForMatch(text).replace(/[\s\-‐_.・]/gu, '');
}

function sentenceSounds(text: string): Set<string> {
  const sounds = new Set<string>();
  for (const word of text.normalize('NFKC').match(/[\p{Script=Katakana}ー]{3,}|[A-Za-z]{3,}/gu) ?? []) {
    const sound = termSoundKey(word);
    if (sound !== null) sounds.add(sound);
  }
  return sounds;
}
