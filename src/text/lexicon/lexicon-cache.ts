/**
 * The built lexicon on disk: TSV sorted by key, one English key per line with its candidates as
 * `term \t alternate \t weight` triples. The first line names the format, the checksum of the
 * dictionaries it was built from, the number of keys and the SHA-256 of the rest; anything else
 * (another checksum, a short or edited file) makes the cache unusable and the caller rebuilds.
 *
 * ```
 * english-japanese-lexicon	2	<sha1>	201844	<sha256 of the body>
 * purchase	購入	こうにゅう	0.993	購買	こうばい	0.744
 * ```
 *
 * A loaded cache is not split into a Map: the text stays one string with an index of where each
 * line and its first tab are, and a key is found by binary search (`SortedTable`). Building a Map of
 * 200k entries (and gunzipping) took ~0.35 s of every start; this takes ~30 ms. Each key's candidates
 * stay undecoded until looked up.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { LexiconCandidate, LexiconTable } from './build-lexicon.js';

/** Bump when the builder or this format changes: old caches then fail the checksum and are rebuilt. */
export const LEXICON_FORMAT_VERSION = 2;

const MAGIC = 'english-japanese-lexicon';

/** English key → its candidates as `term \t alternate \t weight` triples joined by tabs. */
export interface EncodedTable {
  get(key: string): string | undefined;
  has(key: string): boolean;
  readonly size: number;
}

/**
 * Encode one key's candidates for the in-memory table and the cache file. Tabs and newlines cannot
 * occur in dictionary spellings; a candidate that has one anyway is left out.
 *
 * @example encodeCandidates([{ term: '購入', alternate: 'こうにゅう', weight: 0.993 }]) // '購入\tこうにゅう\t0.993'
 */
export function encodeCandidates(candidates: readonly LexiconCandidate[]): string {
  return candidates
    .filter(({ term, alternate }) => term !== '' && !/[\t\n]/u.test(term + alternate))
    .map(({ term, alternate, weight }) => `${term}\t${alternate}\t${weight}`)
    .join('\t');
}

/**
 * Decode one key's candidates. Malformed triples are skipped (the loader validated them already).
 *
 * @example decodeCandidates('購入\tこうにゅう\t0.993') // [{ term: '購入', alternate: 'こうにゅう', weight: 0.993 }]
 */
export function decodeCandidates(encoded: string): LexiconCandidate[] {
  const fields = encoded.split('\t');
  const candidates: LexiconCandidate[] = [];
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const weight = Number(fields[i + 2]);
    const term = fields[i] ?? '';
    if (term !== '' && weight > 0) candidates.push({ term, alternate: fields[i + 1] ?? '', weight });
  }
  return candidates;
}

/**
 * Encode a freshly built table for memory and disk; keys without a usable candidate are left out.
 *
 * @example const lexicon = createLexicon(encodeTable(buildLexicon(jmdict, wikdict)));
 */
export function encodeTable(table: LexiconTable): Map<string, string> {
  const encoded = new Map<string, string>();
  for (const [key, candidates] of table) {
    const value = encodeCandidates(candidates);
    if (value !== '' && !/[\t\n]/u.test(key)) encoded.set(key, value);
  }
  return encoded;
}

/**
 * The cache file's bytes for a table built from dictionaries with `checksum`.
 *
 * @example await writeFile(file, serializeLexicon(table, checksum));
 */
export function serializeLexicon(table: ReadonlyMap<string, string>, checksum: string): Buffer {
  // Sorted as JavaScript compares strings, which is how SortedTable searches them.
  const keys = [...table.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const body = keys.map((key) => `${key}\t${table.get(key) ?? ''}`).join('\n');
  const header = `${MAGIC}\t${LEXICON_FORMAT_VERSION}\t${checksum}\t${keys.length}\t${sha256(body)}`;
  return Buffer.from(`${header}\n${body}`, 'utf8');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A read-only table over the cache's sorted lines: where each line starts and where its key ends,
 * and a binary search. A value is checked when it is read; a malformed one reads as absent.
 */
class SortedTable implements EncodedTable {
  readonly size: number;
  readonly #text: string;
  readonly #starts: Uint32Array;
  readonly #tabs: Uint32Array;

  constructor(text: string, starts: Uint32Array, tabs: Uint32Array) {
    this.#text = text;
    this.#starts = starts;
    this.#tabs = tabs;
    this.size = starts.length;
  }

  get(key: string): string | undefined {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const tab = this.#tabs[middle] ?? 0;
      const found = this.#text.slice(this.#starts[middle] ?? 0, tab);
      if (found === key) {
        const end = middle + 1 < this.size ? (this.#starts[middle + 1] ?? 0) - 1 : this.#text.length;
        const value = this.#text.slice(tab + 1, end);
        return isValidCandidates(value, 0) ? value : undefined;
      }
      if (found < key) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}

/** Why a cache file was not used, for the log. */
export type CacheProblem = 'unreadable' | 'other format or sources' | 'malformed';

/**
 * Read a cache file's bytes back, checking every line. Returns the table, or the reason it cannot
 * be used.
 *
 * @example const result = parseLexiconCache(await readFile(file), checksum); if ('table' in result) use(result.table);
 */
export function parseLexiconCache(bytes: Uint8Array, checksum: string): { table: EncodedTable } | { problem: CacheProblem } {
  const text = Buffer.from(bytes).toString('utf8');
  const headerEnd = text.indexOf('\n');
  const header = (headerEnd < 0 ? text : text.slice(0, headerEnd)).split('\t');
  if (header[0] !== MAGIC || header[1] !== String(LEXICON_FORMAT_VERSION) || header[2] !== checksum) {
    return { problem: 'other format or sources' };
  }
  const body = headerEnd < 0 ? '' : text.slice(headerEnd + 1);
  // The hash stands for checking every line: the file is ours, so any difference is damage.
  if (body === '' || header[4] !== sha256(body)) return { problem: 'malformed' };
  const expected = Number(header[3]);
  const starts = new Uint32Array(expected);
  const tabs = new Uint32Array(expected);
  let count = 0;
  for (let start = 0; start < body.length && count < expected; count += 1) {
    const tab = body.indexOf('\t', start);
    const end = body.indexOf('\n', start);
    const lineEnd = end < 0 ? body.length : end;
    if (tab <= start || tab > lineEnd) return { problem: 'malformed' };
    starts[count] = start;
    tabs[count] = tab;
    start = lineEnd + 1;
  }
  return count === expected && expected > 0 ? { table: new SortedTable(body, starts, tabs) } : { problem: 'malformed' };
}

/** term, alternate, weight triples; the weight a number in (0, 1]; the term not empty. */
function isValidCandidates(line: string, start: number): boolean {
  let field = 0;
  let fieldStart = start;
  for (let i = start; i <= line.length; i += 1) {
    if (i < line.length && line.charCodeAt(i) !== 9) continue;
    const position = field % 3;
    if (position === 0 && i === fieldStart) return false;
    if (position === 2) {
      const weight = Number(line.slice(fieldStart, i));
      if (!(weight > 0 && weight <= 1)) return false;
    }
    field += 1;
    fieldStart = i + 1;
  }
  return field > 0 && field % 3 === 0;
}

/** The dictionary files a lexicon is built from, relative to the dictionary directory. */
export const DICTIONARY_FILES = {
  jmdict: 'freedict-jpn-eng',
  wikdict: 'freedict-eng-jpn',
} as const;

/**
 * A checksum of the sources: the format version, the SHA-1 of each index and the size of each body.
 * An index lists every article's offset and length, so a changed dictionary changes its index.
 * Missing files count as absent, so installing the second dictionary later triggers a rebuild.
 *
 * @example const checksum = await sourceChecksum('/usr/share/dictd');
 */
export async function sourceChecksum(dictionaryDir: string): Promise<string> {
  const hash = createHash('sha1').update(`v${LEXICON_FORMAT_VERSION}`);
  for (const name of Object.values(DICTIONARY_FILES)) {
    const base = `${dictionaryDir}/${name}`;
    try {
      const [index, body] = await Promise.all([readFile(`${base}.index`), stat(`${base}.dict.dz`)]);
      hash.update(`\n${name}\t${body.size}\t`).update(index);
    } catch {
      hash.update(`\n${name}\tabsent`);
    }
  }
  return hash.digest('hex');
}
