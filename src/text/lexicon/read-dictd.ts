/**
 * The dictd file format, as the Debian `dict-freedict-*` packages install it: a sorted `.index` of
 * `headword \t offset \t length` lines and a `.dict.dz` body. Offsets and lengths are byte counts in
 * dictd's base64 (most significant digit first). The body is dictzip, which is plain gzip with an
 * extra header field, so it is read whole with `gunzip` instead of seeking chunk by chunk.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Index headwords that describe the database itself, not a word. */
const DATABASE_HEADWORD = /^00-?database/u;

/** One line of a dictd index: where a headword's article sits in the decompressed body. */
export interface DictdIndexEntry {
  readonly headword: string;
  readonly offset: number;
  readonly length: number;
}

/** One article of the body with every index headword that points at it. */
export interface DictdArticle {
  readonly headwords: readonly string[];
  readonly text: string;
}

/** An index and its decompressed body, read together so offsets always match. */
export interface DictdFile {
  readonly index: readonly DictdIndexEntry[];
  readonly body: Buffer;
}

/**
 * Decode one dictd base64 number. Returns `null` for an empty string or a character outside the
 * alphabet, so a damaged index line is skipped rather than read at a wrong offset.
 *
 * @example decodeDictdNumber('Bt') // 109
 */
export function decodeDictdNumber(text: string): number | null {
  if (text.length === 0) return null;
  let value = 0;
  for (const char of text) {
    const digit = BASE64_DIGITS.indexOf(char);
    if (digit < 0) return null;
    value = value * 64 + digit;
  }
  return value;
}

/**
 * Parse a dictd index. Lines that are not three tab-separated fields with valid numbers are skipped.
 * The headword may be empty: JMdict's symbol entries (〃, ○) are indexed under an empty key.
 *
 * @example parseDictdIndex('購入\tWOr0\tEM\n') // [{ headword: '購入', offset: 5827316, length: 268 }]
 */
export function parseDictdIndex(text: string): DictdIndexEntry[] {
  const entries: DictdIndexEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split('\t');
    if (fields.length !== 3) continue;
    const [headword = '', offsetText = '', lengthText = ''] = fields;
    const offset = decodeDictdNumber(offsetText);
    const length = decodeDictdNumber(lengthText);
    if (offset === null || length === null) continue;
    entries.push({ headword, offset, length });
  }
  return entries;
}

/**
 * Read `<basePath>.index` and `<basePath>.dict.dz`. Rejects when either file is missing or the body
 * is not gzip; the caller decides what a missing dictionary means.
 *
 * @example const file = await readDictd('/usr/share/dictd/freedict-jpn-eng');
 */
export async function readDictd(basePath: string): Promise<DictdFile> {
  const [indexText, compressed] = await Promise.all([readFile(`${basePath}.index`, 'utf8'), readFile(`${basePath}.dict.dz`)]);
  return { index: parseDictdIndex(indexText), body: gunzipSync(compressed) };
}

/**
 * Every article once, in body order, with all the index headwords that point at it (kanji and kana
 * spellings share one article). The database's own description articles are left out, and so is an
 * index line that points past the end of the body.
 *
 * @example for (const article of dictdArticles(file)) console.log(article.headwords, article.text);
 */
export function* dictdArticles(file: DictdFile): Generator<DictdArticle> {
  const byOffset = new Map<number, { length: number; headwords: string[] }>();
  for (const { headword, offset, length } of file.index) {
    if (DATABASE_HEADWORD.test(headword) || offset + length > file.body.length) continue;
    const known = byOffset.get(offset);
    if (known === undefined) byOffset.set(offset, { length, headwords: headword === '' ? [] : [headword] });
    else if (headword !== '' && !known.headwords.includes(headword)) known.headwords.push(headword);
  }
  const offsets = [...byOffset.keys()].sort((a, b) => a - b);
  for (const offset of offsets) {
    const article = byOffset.get(offset);
    if (article === undefined) continue;
    yield { headwords: article.headwords, text: file.body.toString('utf8', offset, offset + article.length) };
  }
}
