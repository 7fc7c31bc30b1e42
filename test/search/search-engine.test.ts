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

/** Sibling paragraphs where one echoes the question's characters (ラオスの首…) but not its words. */
const ECHOES = [
  {
    title: 'ラオス',
    paragraphs: ['ラオスの首相はラオスの首脳会議に出た。ラオスの首相は多忙である。', '首都はヴィエンチャンで、人口は約90万人である。', '公用語はラーオ語である。'],
  },
  { title: '梅雨', paragraphs: ['梅雨は東アジアの雨季である。', '梅雨明けは7月ごろである。'] },
  { title: 'タイ王国', paragraphs: ['タイの首都はバンコクである。'] },
];

function engine(articles: ReadonlyArray<{ readonly title: string; readonly paragraphs: readonly string[] }> = ARTICLES) {
  const documents = articles.flatMap((article, a) =>
    article.paragraphs.map((text, p) => ({ id: `a${a}p${p}`, title: article.title, text })),
  );
  return createSearchEngine(documents, analyzer);
}

describe('createSearchEngine', () => {
  it('ranks the paragraph that answers first when it leaves its title unsaid and a sibling repeats it', () => {
    // Before titles counted as every paragraph's subject, the paragraph naming ラオス four times came first.
    expect(engine().search('ラオスの通貨は', 3)[0]?.id).toBe('a0p1');
  });

  it('weighs a passage by the words it shares with the question, not by the characters it echoes', () => {
    // ラオスの首相 shares ラオ, オス, スの, の首 with ラオスの首都 but not the word 首都; its bigram score once won.
    expect(engine(ECHOES).search('ラオスの首都は', 3)[0]?.id).toBe('a0p1');
  });
});

describe('katakana names', () => {
  it('finds a kanji name written in katakana as heard (アオキ for 青木, キリタニ for 桐谷), not a loanword for a kanji word', () => {
    const everyday = ['朝のコーヒーが一日の始まりだ。', '祖母から手紙が届いた。', '自転車のタイヤに空気を入れた。', '窓を開けると風が気持ちいい。', '庭のトマトが赤くなってきた。'];
    const ward = engine([{ title: '申し送り', paragraphs: ['青木さんのSpO2は2時40分に88%まで下がった。', '桐谷七段はフルーツ盛り合わせを頼んだ。', '機械の点検をした。', ...everyday] }]);
    expect(ward.prepare('アオキさんの酸素の値は？').alternatives).toContain('青木');
    expect(ward.prepare('キリタニ七段は何を頼んだ？').alternatives).toContain('桐谷');
    expect(ward.search('アオキさんの酸素の値は？', 1)[0]?.id).toBe('a0p0');
    // A kanji word written in katakana is found the same way; a loanword no kanji word reads as finds nothing.
    expect(ward.prepare('キカイの点検は？').alternatives).toContain('機械');
    expect(ward.prepare('テスト').alternatives).toEqual([]);
    // A loanword is read with its long vowels (ツール is no 都留), and a word the material writes in katakana is that word.
    const towns = engine([{ title: '旅', paragraphs: ['都留市に行った。', 'ハーブティーを飲んだ。羽生さんも来た。', ...everyday] }]);
    expect(towns.prepare('便利なツールは？').alternatives).not.toContain('都留');
    expect(towns.prepare('ハーブは？').alternatives).not.toContain('羽生');
  });
});
