import { describe, expect, it } from 'vitest';
import { buildLexicon, glossKeys, normalizeEnglishKey } from '../../../src/text/lexicon/build-lexicon.js';
import { type JmdictEntry, parseJmdictEntry } from '../../../src/text/lexicon/parse-jmdict.js';
import { type WikdictEntry, parseWikdictEntry } from '../../../src/text/lexicon/parse-wikdict.js';
import { JMDICT_ARTICLES, WIKDICT_ARTICLES } from './dictd-fixture.js';

const jmdict: JmdictEntry[] = JMDICT_ARTICLES.map((article) => parseJmdictEntry(article.text)).filter((entry) => entry !== null);
const wikdict: WikdictEntry[] = WIKDICT_ARTICLES.map((article) => parseWikdictEntry(article.text)).filter((entry) => entry !== null);

describe('normalizeEnglishKey', () => {
  it.each([
    ['To Purchase (e.g. a house)', 'purchase', 'infinitive, case and parenthetical dropped'],
    ['the Company', 'company', 'a leading article is no part of the key'],
    ['"what time?"', 'what time', 'edge quotes and punctuation trimmed'],
    ['nuclear  power\u00a0plant', 'nuclear power plant', 'whitespace collapsed'],
    ['(e.g. at a power plant)', '', 'nothing left outside the parentheses'],
  ])('%s → %s (%s)', (input, expected) => {
    expect(normalizeEnglishKey(input)).toBe(expected);
  });
});

describe('glossKeys', () => {
  it.each([
    ['nuclear reactor', [['nuclear reactor', 1], ['nuclear', 0.35], ['reactor', 0.55]], 'whole gloss, then its words: the head noun above the modifier'],
    ['to be born', [['be born', 1], ['born', 0.85]], '"to be X" also answers X; born is never filed under bear'],
    ['(political) power', [['power', 0.9]], 'a qualified gloss names the word a little less exactly'],
    ['vigour (vigor)', [['vigour', 1], ['vigor', 1]], 'a spelling variant in parentheses is the same word'],
    ['annual (plant)', [['annual', 0.9]], 'a qualifier in parentheses is no variant'],
    ['restarting', [['restarting', 1], ['restart', 0.75]], 'a gerund also answers its verb'],
    ['symbol used as a placeholder in a text', [], 'descriptions longer than four words are not keys'],
  ])('%s → %j (%s)', (gloss, expected) => {
    expect(glossKeys(gloss).map(({ key, exactness }) => [key, Math.round(exactness * 10_000) / 10_000])).toEqual(expected);
  });
});

describe('buildLexicon', () => {
  const table = buildLexicon(jmdict, wikdict);
  const weight = (key: string, term: string): number => table.get(key)?.find((candidate) => candidate.term === term)?.weight ?? 0;

  it('offers the kanji spelling with the kana reading as its alternate', () => {
    expect(table.get('purchase')?.[0]).toMatchObject({ term: '購入', alternate: 'こうにゅう' });
  });

  it('offers the kana spelling first for a word usually written in kana (いつ, not 何時)', () => {
    expect(table.get('when')?.[0]).toMatchObject({ term: 'いつ', alternate: '何時' });
  });

  it('weighs the first sense above the second and the first gloss above the second', () => {
    expect(weight('moat', '堀')).toBeGreaterThan(weight('canal', '堀'));
    expect(weight('purchase', '購入')).toBeGreaterThan(weight('power', '電力'));
    expect(weight('nuclear power plant', '原発')).toBeGreaterThan(weight('nuclear power generation', '原発'));
  });

  it('weighs an exact gloss above a gloss that merely contains the key', () => {
    expect(weight('nuclear power plant', '原子力発電所')).toBeGreaterThan(weight('plant', '原子力発電所'));
  });

  it('ranks the common word above the rare one for the same gloss (原発 news1 over unmarked 原子力発電所)', () => {
    expect(table.get('nuclear power plant')?.map((candidate) => candidate.term)).toEqual(['原発', '原子力発電所']);
  });

  it('strengthens a candidate WikDict agrees with, and maps WikDict words to JMdict spellings', () => {
    const alone = buildLexicon(jmdict, []);
    expect(weight('moat', '堀')).toBeGreaterThan(alone.get('moat')?.[0]?.weight ?? 1);
    expect(table.get('buy')?.map((candidate) => candidate.term)).toEqual(['購入', '買う']);
  });

  it('keeps at most maxCandidates per key', () => {
    expect(buildLexicon(jmdict, wikdict, { maxCandidates: 1 }).get('nuclear power plant')).toHaveLength(1);
  });
});
