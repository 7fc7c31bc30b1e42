import { beforeAll, describe, expect, it } from 'vitest';
import { bigramsOf, type Analyzer } from '../../src/text/analyze.js';
import { realAnalyzer } from '../support/analyzer.js';

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await realAnalyzer();
});

describe('analyzer.analyze words', () => {
  it.each([
    ['分からへんかった', ['分かる'], 'Kansai negative へん is grammar; the verb keeps its dictionary form'],
    ['再稼働させようとしてんねん', ['再', '稼働'], 'てる/ねん/よう are not topic words'],
    ['これがもう別格やねん', ['別格'], 'copula や and やねん never drive ranking'],
    ['書いた本を読みました', ['書く', '本', '読む'], 'inflected forms meet their base forms'],
    ['サム・アルトマン氏', ['サム', 'アルト', 'マン', 'アルトマン', '氏'], 'a katakana name cut by the dictionary is also kept whole'],
    ['2023年3月に', ['2023', '2023年', '年', '3', '3月', '月'], 'a number with its counter is a term of its own'],
    ['そんなんあかんかった', ['駄目'], 'a Kansai word the dictionary misreads is found on the surface, as its standard word'],
    ['ほんまにおもろい話', ['おもろい', '話', '面白い'], 'a Kansai content word brings its standard form; intensifiers (ほんま) are not topics'],
    ['Who is the CEO of Microsoft?', ['ceo', 'microsoft'], 'English question words and function words are dropped'],
  ])('%s → %j (%s)', (text, expected) => {
    expect(analyzer.analyze(text).words).toEqual(expected);
  });

  it('gives each word span the exact original characters', () => {
    const text = 'ｻﾑ・アルトマンが話した';
    for (const span of analyzer.wordSpans(text)) {
      expect(text.slice(span.start, span.end).length).toBe(span.end - span.start);
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(text.length);
    }
    expect(analyzer.wordSpans(text).map((span) => span.key)).toContain('サムアルトマン');
  });
});

describe('bigramsOf', () => {
  it.each([
    ['原子力発電', ['原子', '子力', '力発', '発電'], 'kanji compounds become overlapping pairs'],
    ['めっちゃ', ['メッ', 'ッチ', 'チャ'], 'hiragana is folded to katakana'],
    ['GPT-4の発表', ['gpt', '4', 'ノ発', '発表'], 'Latin and digit runs are whole terms, not letter pairs'],
    ['今日、AI。', ['今日', 'ai'], 'punctuation breaks runs'],
    ['年', ['年'], 'a lone character is a unigram'],
  ])('%s → %j (%s)', (text, expected) => {
    expect(bigramsOf(text)).toEqual(expected);
  });
});
