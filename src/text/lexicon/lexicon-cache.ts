/**
 * The built lexicon on disk: gzip'd TSV, one English key per line with its candidates as
 * `term \t alternate \t weight` triples. The first line names the format and the checksum of the
 * dictionaries it was built from; anything else (another checksum, a short or malformed file, a gzip
 * CRC error) makes the cache unusable and the caller rebuilds.
 *
 * ```
 * english-japanese-lexicon	1	<sha1>	201844
 * purchase	購入	こうにゅう	0.993	購買	こうばい	0.744
 * ```
 *
 * In memory the same per-key string is kept undecoded (`EncodedTable`): 200k short strings are far
 * smaller than a million candidate objects, and a lookup decodes only the keys it touches.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { LexiconCandidate, LexiconTable } from './build-lexicon.js';

/** Bump when the builder or this format changes: old caches then fail the checksum and are rebuilt. */
export const LEXICON_FORMAT_VERSION = 1;

const MAGIC = 'english-japanese-lexicon';

/** English key → its candidates as `term \t alternate \t weight` triples joined by tabs. */
export type EncodedTable = Map<string, string>;

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
export function encodeTable(table: LexiconTable): EncodedTable {
  const encoded: EncodedTable = new Map();
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
export function serializeLexicon(table: EncodedTable, checksum: string): Buffer {
  const lines = [`${MAGIC}\t${LEXICON_FORMAT_VERSION}\t${checksum}\t${table.size}`];
  for (const [key, value] of table) lines.push(`${key}\t${value}`);
  return gzipSync(lines.join('\n'), { level: 6 });
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
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch {
    return { problem: 'unreadable' };
  }
  const headerEnd = text.indexOf('\n');
  const header = (headerEnd < 0 ? text : text.slice(0, headerEnd)).split('\t');
  if (header[0] !== MAGIC || header[1] !== String(LEXICON_FORMAT_VERSION) || header[2] !== checksum) {
    return { problem: 'other format or sources' };
  }
  const expected = Number(header[3]);
  const table: EncodedTable = new Map();
  if (headerEnd >= 0) {
    for (const line of text.slice(headerEnd + 1).split('\n')) {
      const tab = line.indexOf('\t');
      if (tab <= 0 || !isValidCandidates(line, tab + 1)) return { problem: 'malformed' };
      table.set(line.slice(0, tab), line.slice(tab + 1));
    }
  }
  return table.size === expected && expected > 0 ? { table } : { problem: 'malformed' };
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
