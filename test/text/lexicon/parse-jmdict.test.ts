import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type JmdictEntry, parseJmdictEntry, priorityFromMarks, splitTopLevel } from '../../../src/text/lexicon/parse-jmdict.js';
import { type DictdArticle, dictdArticles, readDictd } from '../../../src/text/lexicon/read-dictd.js';

const JMDICT = '/usr/share/dictd/freedict-jpn-eng';
/** CI installs dict-freedict-jpn-eng; elsewhere the tests on real entries say why they were skipped. */
const installed = existsSync(`${JMDICT}.index`) && existsSync(`${JMDICT}.dict.dz`);

describe('parseJmdictEntry on the installed dictionary (needs dict-freedict-jpn-eng)', () => {
  let articles: DictdArticle[] = [];
  let entries: (JmdictEntry | null)[] = [];
  beforeAll(async () => {
    if (!installed) return;
    articles = [...dictdArticles(await readDictd(JMDICT))];
    entries = articles.map((article) => parseJmdictEntry(article.text));
  });
  /** The entry whose spellings are exactly `headwords`, in order. */
  const entry = (...headwords: string[]): JmdictEntry | undefined =>
    entries.find((candidate) => candidate !== null && candidate.headwords.join('|') === headwords.join('|')) ?? undefined;

  it.skipIf(!installed)('reads a priority-marked entry: spellings, marks, POS and glosses without the IPA noise', () => {
    expect(entry('購入', 'こうにゅう')).toEqual({
      headwords: ['購入', 'こうにゅう'],
      readings: ['こうにゅう'],
      pos: ['noun (common) (futsuumeishi)', 'noun or participle which takes the aux. verb suru'],
      senses: [['purchase', 'buy']],
      senseNotes: [[]],
      priority: 99,
      common: true,
      usuallyKana: false,
    });
  });

  it.skipIf(!installed)('keeps numbered senses apart, in order, with their labels as notes', () => {
    const stock = entry('株', 'かぶ');
    expect(stock?.senses).toEqual([['stock', 'share'], ['stump'], ['root', 'rootstock'], ['strain (of bacteria, etc.)'], ['tradeable rank', 'goodwill'], ["one's forte"]]);
    expect(stock?.senseNotes[1]).toEqual(['orig. meaning']);
    expect(stock?.pos).toContain('counter');
  });

  it.skipIf(!installed)('separates a usage note from the gloss the renderer glued to it ("Note: abbreviationmail")', () => {
    const mail = entry('郵便', '〒', 'ゆうびん');
    expect(mail?.senses[1]).toEqual(['mail', 'postal matter', 'postal items']);
    expect(mail?.senseNotes[1]).toEqual(['abbreviation']);
    expect(mail?.headwords).toEqual(['郵便', '〒', 'ゆうびん']);
  });

  it.skipIf(!installed)('reads a kana-only entry, whose glosses may contain commas of their own', () => {
    const kanaOnly = entry('ばつ');
    expect(kanaOnly?.headwords).toEqual(['ばつ']);
    expect(kanaOnly?.readings).toEqual(['ばつ']);
    expect(kanaOnly?.senses[1]).toEqual(['coherence (e.g. of a conversation)']);
    expect(kanaOnly?.common).toBe(false);
  });

  it.skipIf(!installed)('flags words usually written in kana (何時 is written いつ)', () => {
    const when = entry('何時', 'いつ');
    expect(when?.usuallyKana).toBe(true);
    expect(when?.senses).toEqual([['when', 'how soon']]);
    expect(entry('為る', 'する')?.senses[0]).toEqual(['to do']);
  });

  it.skipIf(!installed)('drops field tags and cross-references from glosses and keeps the tags as notes', () => {
    const close = entry('締め', '〆', 'しめ');
    expect(close?.senses[2]).toEqual(['judo choking (strangling) techniques']);
    expect(close?.senseNotes[2]).toEqual(['martial arts term']);
    expect(close?.senses[4]).toEqual(['completion', 'conclusion', 'rounding off']);
    expect(entry('再起動', 'さいきどう')?.senses).toEqual([['restart', 'reboot']]);
  });

  it.skipIf(!installed)('puts an out-dated kana spelling after the regular one', () => {
    expect(entry('株', '杭', '杙', 'くいぜ', 'くいせ')?.readings).toEqual(['くいぜ', 'くいせ']);
  });

  it.skipIf(!installed)('parses every article of the package into at least one sense', () => {
    expect(articles.length).toBeGreaterThan(170_000);
    expect(entries.filter((parsed) => parsed === null || parsed.senses.length === 0)).toHaveLength(0);
  });
});

describe('parseJmdictEntry', () => {
  it('returns null for a header without glosses', () => {
    expect(parseJmdictEntry('購入 /kˌo̞ɯ/\n(noun (common) (futsuumeishi))\n')).toBeNull();
  });
});

describe('priorityFromMarks', () => {
  it.each([
    [['ichi1', 'news1', 'nf02'], 99, 'common and in the second 500 of the newspaper list'],
    [['ichi1'], 70, 'common without a frequency rank'],
    [['news2', 'nf39'], 46, 'secondary list, rank 39'],
    [['news1', 'nf48'], 70, 'the last rank adds nothing'],
    [[], 10, 'no marks at all'],
  ])('%j → %i (%s)', (marks, expected) => {
    expect(priorityFromMarks(marks)).toBe(expected);
  });
});

describe('splitTopLevel', () => {
  it('splits on commas outside parentheses only', () => {
    expect(splitTopLevel('middle dot (between terms, names, etc.), interpoint', ',')).toEqual(['middle dot (between terms, names, etc.)', ' interpoint']);
  });
});
