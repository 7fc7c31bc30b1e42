import { describe, expect, it } from 'vitest';
import { createFieldIndex } from '../../src/search/field-index.js';
import { buildLexicalIndex, titleFocus } from '../../src/search/lexical-index.js';
import { realAnalyzer } from '../support/analyzer.js';

function idf(matching: number, documents: number): number {
  return Math.log(1 + (documents - matching + 0.5) / (matching + 0.5));
}

function bm25(count: number, length: number, average: number, matching: number, documents: number, k1 = 1.2, b = 0.75): number {
  return (idf(matching, documents) * (count * (k1 + 1))) / (count + k1 * (1 - b + (b * length) / average));
}

describe('createFieldIndex', () => {
  it('scores with BM25, a document length being its distinct terms', () => {
    const field = createFieldIndex();
    field.add(['原子', '原子', '子力']); // 2 distinct
    field.add(['電力']); // 1
    field.add(['原子', '電力', '会社', '売る']); // 4
    field.freeze();
    const { scores, touched, matchedWeight } = field.score(new Map([['原子', 1], ['会社', 0.5]]), 1.2, 0.75);
    const average = (2 + 1 + 4) / 3;
    expect(scores[0]).toBeCloseTo(bm25(2, 2, average, 2, 3), 10);
    expect(scores[2]).toBeCloseTo(bm25(1, 4, average, 2, 3) + 0.5 * bm25(1, 4, average, 1, 3), 10);
    expect(scores[1]).toBe(0);
    expect([...touched].sort()).toEqual([0, 2]);
    expect(matchedWeight[2]).toBe(1.5);
  });

  it('knows frequencies and membership', () => {
    const field = createFieldIndex();
    for (let i = 0; i < 50; i += 1) field.add(i % 7 === 0 ? ['稀', '共通'] : ['共通']);
    field.freeze();
    expect(field.frequency('稀')).toBe(8);
    expect(field.contains('稀', 49)).toBe(true);
    expect(field.contains('稀', 48)).toBe(false);
    expect(field.frequency('無い')).toBe(0);
  });

  it('indexes a document’s context with it but counts only its own terms in ownFrequency', () => {
    const field = createFieldIndex();
    field.add(['電力', '原子'], ['原子', '題名']); // the title's 原子 and the text's: one document
    field.add(['題名'], ['題名']);
    field.add(['会社'], ['題名']);
    field.freeze();
    expect(field.frequency('題名')).toBe(3);
    expect(field.ownFrequency('題名')).toBe(1);
    expect(field.ownFrequency('原子')).toBe(1);
    expect(field.contains('会社', 2)).toBe(true);
    // In order of first appearance as a document's own term: 題名 comes after 電力 and 原子.
    expect([...field.ownTerms()]).toEqual(['電力', '原子', '題名', '会社']);
    const { scores } = field.score(new Map([['原子', 1]]), 1.2, 0.75);
    // 原子 is in document 0's title: saturated, whatever the count.
    expect(scores[0]).toBeCloseTo(idf(1, 3) * (1.2 + 1), 10);
  });

  it('scores a title term alike in every document under the title, however often each repeats it', () => {
    const field = createFieldIndex();
    field.add(['ラオス', 'ラオス', 'ラオス', '人口'], ['ラオス']);
    field.add(['通貨', 'キープ'], ['ラオス']);
    field.add(['梅雨'], ['梅雨']);
    field.freeze();
    const { scores } = field.score(new Map([['ラオス', 1]]), 1.2, 0.75);
    expect(scores[0]).toBeGreaterThan(0);
    expect(scores[1]).toBeCloseTo(scores[0] ?? 0, 10);
  });

  it('saturates a title term only as far as the title is focused', () => {
    const field = createFieldIndex();
    field.add(['通貨'], ['ラオス'], 1);
    field.add(['通貨'], ['ラオス'], 0.5);
    field.add(['通貨'], ['ラオス'], 0);
    field.add(['梅雨'], ['梅雨']);
    field.freeze();
    const { scores } = field.score(new Map([['ラオス', 1]]), 1.2, 0.75);
    const plain = bm25(1, 2, 7 / 4, 3, 4);
    const saturated = idf(3, 4) * (1.2 + 1);
    expect(scores[0]).toBeCloseTo(saturated, 10);
    expect(scores[1]).toBeCloseTo((plain + saturated) / 2, 10);
    expect(scores[2]).toBeCloseTo(plain, 10);
  });
});

describe('buildLexicalIndex', () => {
  it('returns the best documents first, however many match', async () => {
    const analyzer = await realAnalyzer();
    const documents = Array.from({ length: 300 }, (_, i) => ({
      id: `d${i}`,
      title: '電力',
      text: i === 123 ? '原子力発電所の電力をマイクロソフトが買う。' : `電力の話 その${i}`,
    }));
    const index = buildLexicalIndex(documents, analyzer);
    const hits = index.search({ words: [{ term: '原子力', weight: 1 }, { term: '電力', weight: 1 }], bigrams: [{ term: '原子', weight: 1 }] }, 5);
    expect(hits[0]?.id).toBe('d123');
    expect(hits[0]?.matchedWords).toEqual(['原子力', '電力']);
    expect(hits).toHaveLength(5);
    for (let i = 1; i < hits.length; i += 1) expect(hits[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(hits[i]?.score ?? 0);
  });
});

describe('titleFocus', () => {
  it.each([
    // A name or a term: every passage under it is about it.
    ['グスタフ・マーラー', 1],
    ['国際連合平和維持活動', 1],
    // 24 characters, the longest still taken for a subject.
    ['オープンソースの言語モデルと研究開発のこれから。', 1],
    // A headline of 48 characters: each of its words is the subject of a passage half as surely.
    ['二人の研究者が語るオープンソースの言語モデルと研究開発のこれから、そして人間の仕事とAIの役割。', 0.5],
  ])('gives %s a focus of %f', (title, focus) => {
    expect(titleFocus(title)).toBeCloseTo(focus, 10);
  });
});
