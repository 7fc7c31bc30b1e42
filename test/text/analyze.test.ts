import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import { bigramsOf, type Analyzer, type WordSpan } from '../../src/text/analyze.js';
import { splitSentences } from '../../src/text/split-sentences.js';
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
    ['What did Morgan Stanley ask about?', ['morgan', 'stanley'], 'the frame of a question about talk (ask, mention) is dropped too'],
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

describe('analyzer.analyze offsets', () => {
  it('places every word on the characters it came from, morpheme words first', () => {
    const text = 'サム・アルトマンは2023年に、ほんまにおもろい話をした。';
    const analysis = analyzer.analyze(text);
    const spans = analyzer.wordSpans(text);
    expect(analysis.words).toEqual(spans.map((span) => span.key));
    expect([...analysis.offsets]).toEqual(spans.flatMap((span) => [span.start, span.end]));
    // 面白い comes from the surface pattern for おもろい, after every word kuromoji gave.
    expect(analysis.words.slice(analysis.morphemeWords)).toEqual(['面白い']);
  });
});

describe('analyzer.sliceSpans', () => {
  /** The slice's spans as wordSpans gives them, and as sliceSpans makes them from the whole text's. */
  function bothWays(text: string, start: number, end: number, known = morphemeSpans(text)): [WordSpan[], WordSpan[]] {
    return [analyzer.wordSpans(text.slice(start, end)), analyzer.sliceSpans(text, known, start, end)];
  }

  function morphemeSpans(text: string): WordSpan[] {
    return analyzer.wordSpans(text).slice(0, analyzer.analyze(text).morphemeWords);
  }

  it.each([
    ['原子力発電所は、来年再稼働する。スリーマイル島のことや。', 9, 27, 'a slice from a clause start to the text end'],
    ['原子力発電所は、来年再稼働する。スリーマイル島のことや。', 3, 20, 'both edges inside clauses: the cut clauses are analysed again'],
    ['サム・アルトマンが言うた。アルトマンの話。', 4, 20, 'a katakana name cut at the slice start'],
    ['売上は2023年に、3人で50%増えた。', 0, 6, 'a number whose counter lies past the slice end'],
    ['それでええ、ほんまにええやん。', 5, 13, 'a dialect word at the slice end, where the pattern looks past it'],
    ['はい。', 0, 3, 'one whole clause'],
    ['', 0, 0, 'nothing'],
  ])('%j [%i, %i) (%s)', (text, start, end) => {
    const [direct, stitched] = bothWays(text, start, end);
    expect(stitched).toEqual(direct);
  });

  it('equals wordSpans of the slice for excerpt-shaped slices of every seed transcript', async () => {
    const corpus = await readCorpus(path.resolve(import.meta.dirname, '../../seeds'), () => undefined);
    let slices = 0;
    for (const paragraph of corpus.transcripts.flatMap((transcript) => transcript.paragraphs).filter((_, i) => i % 4 === 0)) {
      const sentences = splitSentences(paragraph.text);
      const known = morphemeSpans(paragraph.text);
      for (let i = 0; i < sentences.length; i += 1) {
        const from = sentences[i]?.start ?? 0;
        const to = sentences[Math.min(sentences.length - 1, i + 1)]?.end ?? paragraph.text.length;
        // Whole sentences (an excerpt), and a window cut inside them (a long sentence's excerpt).
        for (const [start, end] of [[from, to], [from + Math.floor((to - from) / 3), to - Math.floor((to - from) / 4)]] as const) {
          const [direct, stitched] = bothWays(paragraph.text, start, end, known);
          expect(stitched, `${paragraph.id} [${start}, ${end})`).toEqual(direct);
          slices += 1;
        }
      }
    }
    expect(slices).toBeGreaterThan(1_000);
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
