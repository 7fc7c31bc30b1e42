import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DictdFile, decodeDictdNumber, dictdArticles, parseDictdIndex, readDictd } from '../../../src/text/lexicon/read-dictd.js';
import { encodeDictdNumber } from './dictd-fixture.js';

const JMDICT = '/usr/share/dictd/freedict-jpn-eng';
/** CI installs dict-freedict-jpn-eng; elsewhere these tests say why they were skipped. */
const installed = existsSync(`${JMDICT}.index`) && existsSync(`${JMDICT}.dict.dz`);

describe('decodeDictdNumber', () => {
  it.each<[string, number | null, string]>([
    ['A', 0, 'the first digit is zero'],
    ['/', 63, 'the last digit is 63'],
    ['BA', 64, 'most significant digit first'],
    ['Bt', 109, 'length of the 〃 article in freedict-jpn-eng'],
    ['3N', 3533, 'offset of the 〃 article'],
    ['WOr0', 5_827_316, 'offset of 購入'],
    ['BSZOn', 21_599_143, 'a five-digit offset (the second 壕 article)'],
    ['', null, 'an empty field is no number'],
    ['W-r0', null, 'a character outside the alphabet makes the line unusable'],
  ])('%s → %s (%s)', (text, expected) => {
    expect(decodeDictdNumber(text)).toBe(expected);
  });

  it.each([0, 1, 63, 64, 4095, 4096, 44_510_363])('round-trips %i through the fixture encoder', (value) => {
    expect(decodeDictdNumber(encodeDictdNumber(value))).toBe(value);
  });
});

describe('parseDictdIndex', () => {
  it('reads headword, offset and length and skips lines that are not three valid fields', () => {
    const index = ['購入\tWOr0\tEM', '\t3N\tBt', 'broken line', '壕\tBSZOn', 'x\t!!\tEM', ''].join('\n');
    expect(parseDictdIndex(index)).toEqual([
      { headword: '購入', offset: 5_827_316, length: 268 },
      // JMdict's symbol entries (〃) are indexed under an empty headword.
      { headword: '', offset: 3533, length: 109 },
    ]);
  });
});

describe('dictdArticles', () => {
  const body = Buffer.from('\n00-database-info\nabout\n購入 article\n堀 article\n', 'utf8');
  const at = (text: string): number => body.indexOf(text);
  const file: DictdFile = {
    body,
    index: [
      { headword: '00databaseinfo', offset: 0, length: at('購入') },
      { headword: 'ほり', offset: at('堀'), length: Buffer.byteLength('堀 article\n') },
      { headword: '購入', offset: at('購入'), length: Buffer.byteLength('購入 article\n') },
      { headword: '堀', offset: at('堀'), length: Buffer.byteLength('堀 article\n') },
      { headword: '堀', offset: at('堀'), length: Buffer.byteLength('堀 article\n') },
      { headword: 'beyond', offset: body.length, length: 10 },
    ],
  };

  it('yields each article once, in body order, with every headword that points at it', () => {
    expect([...dictdArticles(file)]).toEqual([
      { headwords: ['購入'], text: '購入 article\n' },
      { headwords: ['ほり', '堀'], text: '堀 article\n' },
    ]);
  });
});

describe('readDictd', () => {
  it.skipIf(!installed)('reads the installed JMdict index and gunzips its dictzip body (needs dict-freedict-jpn-eng)', async () => {
    const file = await readDictd(JMDICT);
    const purchase = file.index.find((entry) => entry.headword === '購入');
    expect(purchase).toBeDefined();
    const text = file.body.toString('utf8', purchase?.offset ?? 0, (purchase?.offset ?? 0) + (purchase?.length ?? 0));
    expect(text).toContain('[news1]');
    expect(text.trimEnd().endsWith('purchase, buy')).toBe(true);
  });

  it('rejects when the files are missing', async () => {
    await expect(readDictd('/nonexistent/freedict-jpn-eng')).rejects.toThrow();
  });
});
