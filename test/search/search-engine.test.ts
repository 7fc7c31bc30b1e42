import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/text/analyze.js';
import { createSearchEngine } from '../../src/search/search-engine.js';
import { realAnalyzer } from '../support/analyzer.js';

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await realAnalyzer();
});

/** Paragraphs of two articles; an article's paragraphs share its title, as JSQuAD's and a transcript's do. */
const ARTICLES = [
  {
    title: 'ラオス',
    paragraphs: [
      'ラオスは東南アジアの内陸国である。ラオスはタイと国境を接し、ラオスの人口は約700万人である。ラオスは社会主義国である。',
      '通貨はキープが使われている。',
      '公用語はラーオ語である。',
    ],
  },
  { title: '梅雨', paragraphs: ['梅雨は東アジアの雨季である。', '梅雨明けは7月ごろである。'] },
  { title: 'タイ王国', paragraphs: ['タイの通貨はバーツである。'] },
];

function engine() {
  const documents = ARTICLES.flatMap((article, a) =>
    article.paragraphs.map((text, p) => ({ id: `a${a}p${p}`, title: article.title, text })),
  );
  return createSearchEngine(documents, analyzer);
}

describe('createSearchEngine', () => {
  it('ranks the paragraph that answers first when it leaves its title unsaid and a sibling repeats it', () => {
    // Before titles counted as every paragraph's subject, the paragraph naming ラオス four times came first.
    expect(engine().search('ラオスの通貨は', 3)[0]?.id).toBe('a0p1');
  });
});
