/**
 * The glossary: every term the material defines, with its spellings joined (acronym ↔ expansion,
 * katakana ↔ Latin, case and width) and its defining lines, best first. Built once at start-up.
 */
import { labelLength } from '../speaker-label.js';
import type { Corpus, Paragraph } from '../types.js';
import type { Lexicon } from '../../text/lexicon/lexicon.js';
import type { Tokenizer } from '../../text/tokenizer.js';
import { answerDefinitions, findDefinitions, type DefinitionKind } from './find-definitions.js';
import { expansionsIn, isAcronym, termKey, termSoundKey } from './term-key.js';
import { isTermShaped } from './term-phrase.js';

/** One defining passage: the sentence(s) of a line that explain the term. */
export interface Definition {
  readonly file: string;
  readonly line: number;
  /** The term as this line spells it. */
  readonly term: string;
  readonly kind: DefinitionKind;
  readonly strength: number;
  /** The defining sentences, verbatim, and where they stand in the line (UTF-16 offsets). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface GlossaryEntry {
  /** The spelling shown as the headword: the one the material defines most often. */
  readonly term: string;
  /** Every other spelling joined to it. */
  readonly variants: readonly string[];
  /** Definitions, strongest first, at most one per line. */
  readonly definitions: readonly Definition[];
}

export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  /** Folded and sound keys of every spelling → index in `entries`. */
  readonly index: ReadonlyMap<string, number>;
}

/** Entries whose best definition is weaker than this are spellings, not glossary terms. */
export const MIN_ENTRY_STRENGTH = 0.5;
/** How far (in paragraphs) an acronym's expansion may stand from it. */
const EXPANSION_REACH = 1;
const ACRONYM_IN_TEXT = /(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]{1,7}(?![A-Za-z0-9])/gu;

/**
 * Extract the glossary of a corpus.
 *
 * @example const glossary = buildGlossary(corpus, tokenizer); glossary.entries.length
 */
export function buildGlossary(corpus: Corpus, tokenizer: Tokenizer, lexicon: Lexicon | null = null): Glossary {
  const definitions: Array<Definition & { readonly variants: readonly string[] }> = [];
  for (const transcript of corpus.transcripts) {
    const paragraphs = transcript.paragraphs;
    paragraphs.forEach((paragraph, i) => {
      for (const found of findDefinitions(paragraph, tokenizer)) {
        definitions.push({ ...definitionAt(paragraph, found.term, found.kind, found.strength, found.start, found.end), variants: found.variants });
      }
      for (const found of answerDefinitions(paragraphs, i, tokenizer)) {
        definitions.push({ ...definitionAt(found.paragraph, found.term, found.kind, found.strength, found.start, found.end), variants: found.variants });
      }
      definitions.push(...acronymExpansions(paragraphs, i));
    });
  }
  return assemble(lexicon === null ? definitions : withTranslations(definitions, lexicon));
}

/** English words that carry no meaning of their own in a term (Mixture *of* Experts). */
const ENGLISH_GLUE = new Set(['of', 'the', 'a', 'an', 'and', 'for', 'to', 'in', 'on', 'with', 'by']);
/** Dictionary candidates tried per English word. */
const TRANSLATION_CANDIDATES = 8;
const JAPANESE_TERM = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー・々]+$/u;

/**
 * A Japanese term the material defines that translates a multi-word English spelling word for word
 * (専門家の混合 for Mixture of Experts, by JMdict: mixture → 混合, experts → 専門家): every content
 * word has a dictionary candidate inside the Japanese term, and those candidates (with の between)
 * make up all of it. Joined as a variant, so the two spellings become one entry.
 */
function translationOf(english: string, japaneseTerms: readonly string[], lexicon: Lexicon): string | null {
  const words = english.toLowerCase().split(/[\s-]+/u).filter((word) => word !== '' && !ENGLISH_GLUE.has(word));
  if (words.length < 2 || !/^[a-z][a-z\s-]*$/iu.test(english)) return null;
  const candidates = words.map((word) => lexicon.lookup(word).slice(0, TRANSLATION_CANDIDATES).map((match) => match.term));
  for (const term of japaneseTerms) {
    const used = candidates.map((options) => options.filter((option) => term.includes(option)).sort((a, b) => b.length - a.length)[0]);
    if (used.some((option) => option === undefined)) continue;
    const covered = used.reduce((sum, option) => sum + [...(option ?? '')].length, 0);
    const glue = [...term].filter((character) => character === 'の' || character === '・').length;
    if (covered + glue >= [...term].length) return term;
  }
  return null;
}

function withTranslations(
  definitions: ReadonlyArray<Definition & { readonly variants: readonly string[] }>,
  lexicon: Lexicon,
): Array<Definition & { readonly variants: readonly string[] }> {
  const japaneseTerms = [...new Set(definitions.map((definition) => definition.term).filter((term) => JAPANESE_TERM.test(term)))];
  return definitions.map((definition) => {
    const translations = [definition.term, ...definition.variants].flatMap((spelling) => translationOf(spelling, japaneseTerms, lexicon) ?? []);
    return translations.length === 0 ? definition : { ...definition, variants: [...definition.variants, ...translations] };
  });
}

function definitionAt(paragraph: Paragraph, term: string, kind: DefinitionKind, strength: number, start: number, end: number): Definition {
  // A definition opening the line starts after its speaker label (「佐藤（司会）: 」 is not part of it).
  const from = Math.max(start, labelLength(paragraph.text));
  return { file: paragraph.file, line: paragraph.line, term, kind, strength, text: paragraph.text.slice(from, end), start: from, end };
}

/**
 * An acronym whose expansion stands in the same or a neighbouring line (MOE … Mixture of Experts):
 * the line with the expansion defines it.
 */
function acronymExpansions(paragraphs: readonly Paragraph[], i: number): Array<Definition & { readonly variants: readonly string[] }> {
  const paragraph = paragraphs[i] as Paragraph;
  const out: Array<Definition & { readonly variants: readonly string[] }> = [];
  const seen = new Set<string>();
  for (const match of paragraph.text.matchAll(ACRONYM_IN_TEXT)) {
    const acronym = match[0];
    if (!isAcronym(acronym) || seen.has(acronym)) continue;
    seen.add(acronym);
    for (let j = Math.max(0, i - EXPANSION_REACH); j <= Math.min(paragraphs.length - 1, i + EXPANSION_REACH); j += 1) {
      const other = paragraphs[j] as Paragraph;
      for (const sentence of other.sentences) {
        const [expansion] = expansionsIn(sentence.text, acronym);
        if (expansion === undefined || !isTermShaped(expansion)) continue;
        out.push({ ...definitionAt(other, acronym, 'expansion', j === i ? 0.8 : 0.7, sentence.start, sentence.end), variants: [expansion] });
        break;
      }
    }
  }
  return out;
}

/** The keys a spelling is found by. */
export function keysOf(term: string): string[] {
  const keys = [termKey(term)];
  const sound = termSoundKey(term);
  if (sound !== null) keys.push(sound);
  return keys.filter((key) => key !== '');
}

/** Join definitions that share a spelling (by any key) into entries. */
function assemble(definitions: ReadonlyArray<Definition & { readonly variants: readonly string[] }>): Glossary {
  const parent = definitions.map((_, i) => i);
  const root = (i: number): number => {
    let at = i;
    while (parent[at] !== at) at = parent[at] = parent[parent[at] as number] as number;
    return at;
  };
  const owner = new Map<string, number>();
  definitions.forEach((definition, i) => {
    for (const spelling of [definition.term, ...definition.variants]) {
      for (const key of keysOf(spelling)) {
        const other = owner.get(key);
        if (other === undefined) owner.set(key, i);
        else parent[root(i)] = root(other);
      }
    }
  });
  const groups = new Map<number, Array<Definition & { readonly variants: readonly string[] }>>();
  definitions.forEach((definition, i) => {
    const group = groups.get(root(i));
    if (group === undefined) groups.set(root(i), [definition]);
    else group.push(definition);
  });
  const entries: GlossaryEntry[] = [];
  for (const group of groups.values()) {
    const entry = entryOf(group);
    if ((entry.definitions[0]?.strength ?? 0) >= MIN_ENTRY_STRENGTH) entries.push(entry);
  }
  // In the order the material explains them: file, then line.
  entries.sort((left, right) => compareAt(left.definitions, right.definitions));
  const index = new Map<string, number>();
  entries.forEach((entry, i) => {
    for (const spelling of [entry.term, ...entry.variants]) for (const key of keysOf(spelling)) if (!index.has(key)) index.set(key, i);
  });
  return { entries, index };
}

function firstPlace(definitions: readonly Definition[]): Definition | undefined {
  return [...definitions].sort((left, right) => left.file.localeCompare(right.file) || left.line - right.line)[0];
}

function compareAt(left: readonly Definition[], right: readonly Definition[]): number {
  const a = firstPlace(left);
  const b = firstPlace(right);
  if (a === undefined || b === undefined) return 0;
  return a.file.localeCompare(b.file) || a.line - b.line;
}

function entryOf(group: ReadonlyArray<Definition & { readonly variants: readonly string[] }>): GlossaryEntry {
  // Strongest first; one definition per line (the same line may define a term twice over).
  const byLine = new Map<string, Definition>();
  for (const definition of [...group].sort((left, right) => right.strength - left.strength)) {
    const key = `${definition.file}:${definition.line}`;
    if (!byLine.has(key)) {
      const { variants: _variants, ...plain } = definition as Definition & { readonly variants?: readonly string[] };
      byLine.set(key, plain);
    }
  }
  const definitions = [...byLine.values()];
  // The headword: the spelling defined most (then most strongly); an acronym's expansion stays a variant.
  const weight = new Map<string, number>();
  for (const definition of group) weight.set(definition.term, (weight.get(definition.term) ?? 0) + 1 + definition.strength);
  const spellings = new Map<string, string>();
  for (const definition of group) {
    for (const spelling of [definition.term, ...definition.variants]) {
      const key = termKey(spelling);
      if (!spellings.has(key)) spellings.set(key, spelling);
    }
  }
  const term = [...weight.entries()].sort((left, right) => right[1] - left[1])[0]?.[0] ?? group[0]?.term ?? '';
  const variants = [...spellings.values()].filter((spelling) => termKey(spelling) !== termKey(term));
  return { term, variants, definitions };
}

/**
 * The entry for a spelling the user typed: by folded key, then by sound (HumanEval finds
 * ヒューマンエバル), else null.
 *
 * @example lookupEntry(glossary, 'mixture of experts')?.term // 'MOE'
 */
export function lookupEntry(glossary: Glossary, typed: string): GlossaryEntry | null {
  for (const key of keysOf(typed)) {
    const at = glossary.index.get(key);
    if (at !== undefined) return glossary.entries[at] ?? null;
  }
  return null;
}

/**
 * Entries whose spellings start with (then contain) what was typed, for autocomplete.
 *
 * @example suggestEntries(glossary, 'ヒュー', 25)
 */
export function suggestEntries(glossary: Glossary, typed: string, max: number): GlossaryEntry[] {
  const wanted = termKey(typed);
  if (wanted === '') return glossary.entries.slice(0, max);
  const sound = termSoundKey(typed);
  const ranked: Array<{ entry: GlossaryEntry; rank: number }> = [];
  for (const entry of glossary.entries) {
    const keys = [entry.term, ...entry.variants].map(termKey);
    const rank = keys.some((key) => key.startsWith(wanted))
      ? 0
      : keys.some((key) => key.includes(wanted))
        ? 1
        : sound !== null && [entry.term, ...entry.variants].some((spelling) => termSoundKey(spelling) === sound)
          ? 2
          : -1;
    if (rank >= 0) ranked.push({ entry, rank });
  }
  return ranked.sort((left, right) => left.rank - right.rank).slice(0, max).map(({ entry }) => entry);
}
