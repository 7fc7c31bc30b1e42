import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLexiconCache, serializeLexicon } from '../../../src/text/lexicon/lexicon-cache.js';
import { CACHE_FILE_NAME, type Lexicon, type LexiconLog, loadLexicon } from '../../../src/text/lexicon/lexicon.js';
import { JMDICT_ARTICLES, WIKDICT_ARTICLES, writeDictd } from './dictd-fixture.js';

const SYSTEM_DICTIONARIES = '/usr/share/dictd';
/** CI installs dict-freedict-jpn-eng and dict-freedict-eng-jpn; elsewhere these tests say why they were skipped. */
const installed = existsSync(join(SYSTEM_DICTIONARIES, 'freedict-jpn-eng.index')) && existsSync(join(SYSTEM_DICTIONARIES, 'freedict-eng-jpn.index'));

interface LogLine {
  readonly level: 'info' | 'warn';
  readonly message: string;
  readonly fields: Record<string, unknown>;
}

function recordingLog(): { log: LexiconLog; lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    log: {
      info: (fields, message) => lines.push({ level: 'info', message, fields }),
      warn: (fields, message) => lines.push({ level: 'warn', message, fields }),
    },
  };
}

const temporaryDirs: string[] = [];
async function temporaryDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lexicon-test-'));
  temporaryDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(temporaryDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const terms = (lexicon: Lexicon | null, word: string): string[] => lexicon?.lookup(word).map((match) => match.term) ?? [];

describe('loadLexicon with the installed dictionaries (needs dict-freedict-jpn-eng and dict-freedict-eng-jpn)', () => {
  let lexicon: Lexicon | null = null;
  let cacheDir = '';
  beforeAll(async () => {
    if (!installed) return;
    cacheDir = await temporaryDir();
    lexicon = await loadLexicon({ dictionaryDir: SYSTEM_DICTIONARIES, cacheDir, log: recordingLog().log });
  });

  it.skipIf(!installed).each([
    ['purchase', '購入', 1, 'the first gloss of a news1/nf02 word'],
    ['born', '生まれる', 1, '"to be born" answers born'],
    ['bought', '買う', 1, 'an irregular past reaches the verb'],
    ['births', '誕生', 1, 'a plural reaches the noun'],
    ['moat', '堀', 1, 'a one-word gloss of a common word'],
    ['electricity', '電気', 1, 'both dictionaries agree'],
    ['reactor', '原子炉', 1, 'the head of "nuclear reactor"'],
    ['when', 'いつ', 1, 'written in kana, not 何時'],
    ['company', '会社', 1, 'the common sense before 仲間 (companionship)'],
    ['forget', '忘れる', 1, 'a verb gloss without its "to"'],
    ['author', '著者', 3, 'one of 著者, 作者, 作家'],
    ['employee', '従業員', 3, 'one of 使用人, 従業員, 労働者'],
    ['share', '株', 4, 'the financial sense'],
    ['share', '共有', 4, 'the verb sense'],
    ['power', '力', 8, 'power is only the fifth sense of 力, but WikDict puts it second'],
    ['power', '電力', 8, 'the head of "electric power", backed by WikDict'],
    ['restart', '再稼働', 8, 'filed under "restarting"'],
  ])('lookup(%s) offers %s among the first %i (%s)', (word, term, within) => {
    expect(terms(lexicon, word).slice(0, within)).toContain(term);
  });

  it.skipIf(!installed)('offers the kana reading after the kanji spellings, at a lower weight', () => {
    const matches = lexicon?.lookup('born') ?? [];
    const kanji = matches.find((match) => match.term === '生まれる')?.weight ?? 0;
    const kana = matches.find((match) => match.term === 'うまれる')?.weight ?? 1;
    expect(kana).toBeGreaterThan(0);
    expect(kana).toBeLessThan(kanji);
  });

  it.skipIf(!installed)('reads "nuclear power plant" as one phrase before its single words', () => {
    const segments = lexicon?.lookupPhrase(['When', 'was', 'the', 'nuclear', 'power', 'plant', 'restarted']) ?? [];
    // The article goes with its noun phrase: "the nuclear power plant" is one stretch.
    const phrase = segments.find((segment) => segment.start === 2);
    expect(phrase).toMatchObject({ phrase: 'nuclear power plant', end: 6 });
    expect(phrase?.candidates.map((candidate) => candidate.term).slice(0, 2)).toEqual(['原発', '原子力発電所']);
    expect(segments.map((segment) => [segment.start, segment.end])).toEqual([[0, 1], [1, 2], [2, 6], [6, 7]]);
    expect(segments[3]?.candidates.map((candidate) => candidate.term)).toContain('再開');
  });

  it.skipIf(!installed)('reads "was born" as the gloss "be born"', () => {
    const [segment] = lexicon?.lookupPhrase(['was', 'born']) ?? [];
    expect(segment?.phrase).toBe('be born');
    expect(segment?.candidates[0]?.term).toBe('生まれる');
  });

  it.skipIf(!installed)('loads the cache on the next start-up and answers the same', async () => {
    const { log, lines } = recordingLog();
    const again = await loadLexicon({ dictionaryDir: SYSTEM_DICTIONARIES, cacheDir, log });
    expect(lines.map((line) => line.message)).toEqual(['lexicon loaded from cache']);
    expect(again?.size).toBe(lexicon?.size);
    expect(again?.lookup('power')).toEqual(lexicon?.lookup('power'));
  });
});

describe('loadLexicon cache', () => {
  let dictionaryDir = '';
  beforeAll(async () => {
    dictionaryDir = await temporaryDir();
    await writeDictd(join(dictionaryDir, 'freedict-jpn-eng'), JMDICT_ARTICLES);
    await writeDictd(join(dictionaryDir, 'freedict-eng-jpn'), WIKDICT_ARTICLES);
  });

  const load = async (cacheDir: string): Promise<{ lexicon: Lexicon | null; messages: string[] }> => {
    const { log, lines } = recordingLog();
    const lexicon = await loadLexicon({ dictionaryDir, cacheDir, log });
    return { lexicon, messages: lines.map((line) => line.message) };
  };

  it('builds once, then reads the cache', async () => {
    const cacheDir = await temporaryDir();
    const first = await load(cacheDir);
    expect(first.messages).toEqual(['lexicon built from the dictionaries']);
    expect(terms(first.lexicon, 'moat')[0]).toBe('堀');
    const second = await load(cacheDir);
    expect(second.messages).toEqual(['lexicon loaded from cache']);
    expect(second.lexicon?.lookup('moat')).toEqual(first.lexicon?.lookup('moat'));
    expect(second.lexicon?.size).toBe(first.lexicon?.size);
  });

  it.each([
    ['garbage bytes', (): Buffer => Buffer.from('not a lexicon file')],
    ['a truncated file', (bytes: Buffer): Buffer => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['a weight out of range', (bytes: Buffer): Buffer => Buffer.from(bytes.toString('utf8').replace(/\t0\.\d+/u, '\t7'))],
    ['a line without candidates', (bytes: Buffer): Buffer => Buffer.from(`${bytes.toString('utf8')}\nmoat`)],
    ['a missing line', (bytes: Buffer): Buffer => Buffer.from(bytes.toString('utf8').split('\n').slice(0, -1).join('\n'))],
    ['the previous, gzip’d format', (bytes: Buffer): Buffer => gzipSync(bytes)],
  ])('rebuilds when the cache holds %s, and rewrites it', async (_, corrupt) => {
    const cacheDir = await temporaryDir();
    await load(cacheDir);
    const file = join(cacheDir, CACHE_FILE_NAME);
    await writeFile(file, corrupt(await readFile(file)));
    const rebuilt = await load(cacheDir);
    expect(rebuilt.messages).toEqual(['lexicon cache not usable; rebuilding', 'lexicon built from the dictionaries']);
    expect(terms(rebuilt.lexicon, 'moat')[0]).toBe('堀');
    expect((await load(cacheDir)).messages).toEqual(['lexicon loaded from cache']);
  });

  it('rebuilds when the cache was deleted', async () => {
    const cacheDir = await temporaryDir();
    await load(cacheDir);
    await rm(join(cacheDir, CACHE_FILE_NAME));
    expect((await load(cacheDir)).messages).toEqual(['lexicon built from the dictionaries']);
  });

  it('rebuilds when the dictionaries changed since the cache was written', async () => {
    const cacheDir = await temporaryDir();
    const ownDictionaries = await temporaryDir();
    await writeDictd(join(ownDictionaries, 'freedict-jpn-eng'), JMDICT_ARTICLES.slice(0, 2));
    await loadLexicon({ dictionaryDir: ownDictionaries, cacheDir, log: recordingLog().log });
    await writeDictd(join(ownDictionaries, 'freedict-jpn-eng'), JMDICT_ARTICLES);
    const { log, lines } = recordingLog();
    const lexicon = await loadLexicon({ dictionaryDir: ownDictionaries, cacheDir, log });
    expect(lines[0]?.fields['problem']).toBe('other format or sources');
    expect(terms(lexicon, 'nuclear power plant')).toContain('原子力発電所');
  });

  it('works without the English-Japanese dictionary, from JMdict alone', async () => {
    const jmdictOnly = await temporaryDir();
    await writeDictd(join(jmdictOnly, 'freedict-jpn-eng'), JMDICT_ARTICLES);
    const lexicon = await loadLexicon({ dictionaryDir: jmdictOnly, cacheDir: await temporaryDir(), log: recordingLog().log });
    expect(terms(lexicon, 'purchase')[0]).toBe('購入');
  });

  it('still serves the lexicon when the cache cannot be written', async () => {
    const blocked = join(await temporaryDir(), 'a-file');
    await writeFile(blocked, 'not a directory');
    const { lexicon, messages } = await load(blocked);
    expect(messages).toEqual(['lexicon cache not written; the next start-up rebuilds it', 'lexicon built from the dictionaries']);
    expect(terms(lexicon, 'moat')[0]).toBe('堀');
  });

  it('resolves to null with one log line when the dictionary is not installed', async () => {
    const { log, lines } = recordingLog();
    const lexicon = await loadLexicon({ dictionaryDir: join(await temporaryDir(), 'no-such-dir'), cacheDir: await temporaryDir(), log });
    expect(lexicon).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('warn');
    expect(lines[0]?.message).toContain('English questions are served by names and Latin terms only');
  });
});

describe('lexicon cache file', () => {
  it('finds every key it was written with, and nothing else, whatever their order and alphabet', () => {
    const keys = ['moat', 'Moat', 'a', 'zebra crossing', 'naïve', 'über', 'moat-like', 'ｍｏａｔ', '日本', 'b', 'aa', 'a b'];
    const table = new Map(keys.map((key, i) => [key, `堀${i}\tほり\t0.${(i % 9) + 1}`]));
    const parsed = parseLexiconCache(serializeLexicon(table, 'sum'), 'sum');
    if (!('table' in parsed)) throw new Error(`unreadable: ${parsed.problem}`);
    expect(parsed.table.size).toBe(keys.length);
    for (const [key, value] of table) expect(parsed.table.get(key)).toBe(value);
    for (const missing of ['', 'moa', 'moats', 'zebra', 'c', '日本語']) expect(parsed.table.has(missing)).toBe(false);
  });
});
