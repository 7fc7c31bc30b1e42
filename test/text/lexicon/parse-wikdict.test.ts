import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type WikdictEntry, parseWikdictEntry, wikdictEntries } from '../../../src/text/lexicon/parse-wikdict.js';
import { readDictd } from '../../../src/text/lexicon/read-dictd.js';

const WIKDICT = '/usr/share/dictd/freedict-eng-jpn';
/** CI installs dict-freedict-eng-jpn; elsewhere the tests on real entries say why they were skipped. */
const installed = existsSync(`${WIKDICT}.index`) && existsSync(`${WIKDICT}.dict.dz`);

describe('parseWikdictEntry on the installed dictionary (needs dict-freedict-eng-jpn)', () => {
  let entries: WikdictEntry[] = [];
  beforeAll(async () => {
    if (installed) entries = [...wikdictEntries(await readDictd(WIKDICT))];
  });
  const entry = (headword: string, pos: string): WikdictEntry | undefined => entries.find((e) => e.headword === headword && e.pos === pos);

  it.skipIf(!installed)('reads an unnumbered article: the first body line is the translations', () => {
    expect(entry('moat', 'n')).toEqual({ headword: 'moat', pos: 'n', senses: [['堀']] });
  });

  it.skipIf(!installed)('reads numbered senses in order and ignores the English definitions', () => {
    const power = entry('power', 'n');
    expect(power?.senses).toHaveLength(9);
    expect(power?.senses[1]).toEqual(['力', '権力', '勢力']);
    expect(power?.senses[3]).toEqual(['電力']);
  });

  it.skipIf(!installed)('drops the stray sense numbers the renderer leaves at the end of a line', () => {
    expect(entry('forget', 'v')?.senses).toEqual([['忘れる', 'わすれる'], ['忘れる']]);
  });

  it.skipIf(!installed)('keeps multiword headwords and articles without a part of speech', () => {
    expect(entry('at least', '')?.senses).toEqual([['とにかく', '何しろ'], ['せめて', '少なくとも']]);
  });
});

describe('parseWikdictEntry', () => {
  it('keeps only Japanese translations and strips parenthesised remarks', () => {
    expect(parseWikdictEntry('share //ʃɛə// <v>\n1. 分ける (equally), 分担\nto divide\n2. share\nEnglish only\n')).toEqual({
      headword: 'share',
      pos: 'v',
      senses: [['分ける', '分担']],
    });
  });

  it('returns null for an article without translations', () => {
    expect(parseWikdictEntry('share //ʃɛə// <v>\n')).toBeNull();
  });
});
