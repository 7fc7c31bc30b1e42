/**
 * English words → Japanese search terms, offline, from the FreeDict dictionaries Debian installs
 * (`dict-freedict-jpn-eng`, `dict-freedict-eng-jpn`). Built once (seconds) and cached as a small
 * file keyed by a checksum of the dictionaries, so a later start-up loads it in a fraction of that.
 */
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildLexicon, normalizeEnglishKey } from './build-lexicon.js';
import { lemmaCandidates } from './english-lemma.js';
import {
  DICTIONARY_FILES,
  type EncodedTable,
  decodeCandidates,
  encodeTable,
  parseLexiconCache,
  serializeLexicon,
  sourceChecksum,
} from './lexicon-cache.js';
import { jmdictEntries } from './parse-jmdict.js';
import { wikdictEntries } from './parse-wikdict.js';
import { readDictd } from './read-dictd.js';

/** A Japanese search term for an English word, weight in (0, 1]. */
export interface LexiconMatch {
  readonly term: string;
  readonly weight: number;
}

/** One stretch of a word sequence: a multiword gloss, or a single word. */
export interface PhraseMatch {
  /** The lexicon key that matched ("nuclear power plant"), or the normalised word. */
  readonly phrase: string;
  /** Word positions covered: `words.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  readonly candidates: LexiconMatch[];
}

export interface Lexicon {
  /**
   * Japanese candidates for an English word (or a phrase up to four words), best first: each
   * dictionary spelling, then its kana or kanji alternate at a lower weight. Inflected words are
   * reduced ("bought" → "buy"). Empty when nothing is known.
   *
   * @example lexicon.lookup('purchase')[0] // { term: '購入', weight: 0.993 }
   */
  lookup(english: string): LexiconMatch[];
  /**
   * Cover a word sequence left to right, longest multiword key first (up to four words), so that
   * "nuclear power plant" is one stretch before "nuclear", "power", "plant" are tried alone. Every
   * word is in exactly one stretch; a single word with no entry has no candidates.
   *
   * @example lexicon.lookupPhrase(['the', 'nuclear', 'power', 'plant'])[0]?.phrase // 'nuclear power plant'
   */
  lookupPhrase(words: readonly string[]): PhraseMatch[];
  /** Number of English keys. */
  readonly size: number;
}

/** Where the lexicon reports; a pino logger fits. */
export interface LexiconLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface LoadLexiconOptions {
  /** Directory holding the dictd files, normally `/usr/share/dictd`. */
  readonly dictionaryDir: string;
  /** Directory for the built lexicon; created when missing. */
  readonly cacheDir: string;
  readonly log: LexiconLog;
}

export const DEFAULT_DICTIONARY_DIR = '/usr/share/dictd';
export const CACHE_FILE_NAME = 'english-japanese-lexicon.tsv';

const MAX_PHRASE_WORDS = 4;
/**
 * The first lemma that is a key counts a little less than the word as typed ("bought" → "buy"),
 * whether or not the word as typed is a key too; each further lemma half as much again
 * ("born" → "be born", then "birth").
 */
const LEMMA_FACTOR = 0.9;
const FURTHER_LEMMA_FACTOR = 0.5;
/** The other spelling (こうにゅう beside 購入) is offered, below the spellings proper. */
const ALTERNATE_FACTOR = 0.3;

/**
 * A lexicon over an encoded table (see `lexicon-cache.ts`).
 *
 * @example const lexicon = createLexicon(encodeTable(buildLexicon(jmdict, wikdict)));
 */
export function createLexicon(table: EncodedTable): Lexicon {
  const candidatesFor = (key: string, factor: number): LexiconMatch[] => {
    const encoded = table.get(key);
    if (encoded === undefined) return [];
    const matches: LexiconMatch[] = [];
    for (const { term, alternate, weight } of decodeCandidates(encoded)) {
      matches.push({ term, weight: round(weight * factor) });
      if (alternate !== '') matches.push({ term: alternate, weight: round(weight * factor * ALTERNATE_FACTOR) });
    }
    return matches;
  };

  const lookup = (english: string): LexiconMatch[] => {
    const key = normalizeEnglishKey(english);
    if (key === '') return [];
    const matches: LexiconMatch[] = [];
    let lemmaHits = 0;
    for (const candidate of lemmaCandidates(key)) {
      if (!table.has(candidate)) continue;
      let factor = 1;
      if (candidate !== key) {
        factor = LEMMA_FACTOR * FURTHER_LEMMA_FACTOR ** lemmaHits;
        lemmaHits += 1;
      }
      matches.push(...candidatesFor(candidate, factor));
    }
    return bestFirst(matches);
  };

  const longestPhraseAt = (keys: readonly string[], start: number): { phrase: string; end: number; factor: number } | null => {
    for (let length = Math.min(MAX_PHRASE_WORDS, keys.length - start); length >= 2; length -= 1) {
      const slice = keys.slice(start, start + length);
      if (slice.some((key) => key === '')) continue;
      const surface = normalizeEnglishKey(slice.join(' '));
      // "to buy" normalises to "buy": a single word is not a phrase.
      if (!surface.includes(' ')) continue;
      for (const candidate of lemmaCandidates(surface)) {
        if (candidate.includes(' ') && table.has(candidate)) return { phrase: candidate, end: start + length, factor: candidate === surface ? 1 : LEMMA_FACTOR };
      }
    }
    return null;
  };

  const lookupPhrase = (words: readonly string[]): PhraseMatch[] => {
    const keys = words.map((word) => normalizeEnglishKey(word));
    const matches: PhraseMatch[] = [];
    let start = 0;
    while (start < keys.length) {
      const phrase = longestPhraseAt(keys, start);
      if (phrase !== null) {
        matches.push({ phrase: phrase.phrase, start, end: phrase.end, candidates: bestFirst(candidatesFor(phrase.phrase, phrase.factor)) });
        start = phrase.end;
      } else {
        matches.push({ phrase: keys[start] ?? '', start, end: start + 1, candidates: lookup(words[start] ?? '') });
        start += 1;
      }
    }
    return matches;
  };

  return { lookup, lookupPhrase, size: table.size };
}

/**
 * Load the lexicon: from the cache when it matches the installed dictionaries, otherwise built from
 * them and cached. Resolves to `null`, with one log line, when the Japanese-English dictionary is
 * not installed or cannot be read; it never rejects.
 *
 * @example const lexicon = await loadLexicon({ dictionaryDir: '/usr/share/dictd', cacheDir: '.cache', log });
 */
export async function loadLexicon(options: LoadLexiconOptions): Promise<Lexicon | null> {
  const { dictionaryDir, cacheDir, log } = options;
  const jmdictBase = join(dictionaryDir, DICTIONARY_FILES.jmdict);
  const wikdictBase = join(dictionaryDir, DICTIONARY_FILES.wikdict);
  if (!(await exists(`${jmdictBase}.index`)) || !(await exists(`${jmdictBase}.dict.dz`))) {
    log.warn({ dictionaryDir }, 'Japanese-English dictionary not installed (dict-freedict-jpn-eng); English questions are served by names and Latin terms only');
    return null;
  }
  const started = performance.now();
  const checksum = await sourceChecksum(dictionaryDir);
  const cacheFile = join(cacheDir, CACHE_FILE_NAME);
  const cached = await readCache(cacheFile, checksum);
  if ('table' in cached) {
    log.info({ keys: cached.table.size, loadMs: Math.round(performance.now() - started), cacheFile }, 'lexicon loaded from cache');
    return createLexicon(cached.table);
  }
  if (cached.problem !== 'missing') log.info({ cacheFile, problem: cached.problem }, 'lexicon cache not usable; rebuilding');

  let table: Map<string, string>;
  try {
    const jmdict = await readDictd(jmdictBase);
    const wikdict = (await exists(`${wikdictBase}.index`)) ? await readDictd(wikdictBase).catch(() => null) : null;
    table = encodeTable(buildLexicon(jmdictEntries(jmdict), wikdict === null ? [] : wikdictEntries(wikdict)));
    if (table.size === 0) throw new Error('no entries could be parsed');
  } catch (error) {
    log.warn({ dictionaryDir, error: String(error) }, 'Japanese-English dictionary unreadable; English questions are served by names and Latin terms only');
    return null;
  }
  const buildMs = Math.round(performance.now() - started);
  try {
    await mkdir(cacheDir, { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    await writeFile(temporary, serializeLexicon(table, checksum));
    await rename(temporary, cacheFile);
  } catch (error) {
    log.warn({ cacheFile, error: String(error) }, 'lexicon cache not written; the next start-up rebuilds it');
  }
  log.info({ keys: table.size, buildMs, cacheFile }, 'lexicon built from the dictionaries');
  return createLexicon(table);
}

/** One match per term, at its best weight, best first. */
function bestFirst(matches: readonly LexiconMatch[]): LexiconMatch[] {
  const best = new Map<string, number>();
  for (const { term, weight } of matches) {
    if (weight > (best.get(term) ?? 0)) best.set(term, weight);
  }
  return [...best].map(([term, weight]) => ({ term, weight })).sort((a, b) => b.weight - a.weight);
}

async function readCache(file: string, checksum: string): Promise<ReturnType<typeof parseLexiconCache> | { problem: 'missing' }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { problem: 'missing' };
  }
  return parseLexiconCache(bytes, checksum);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function round(weight: number): number {
  return Math.round(weight * 1000) / 1000;
}
