import { beforeAll, describe, expect, it } from 'vitest';
import { storeParagraphWords } from '../../src/search/paragraph-words.js';
import type { Analyzer } from '../../src/text/analyze.js';
import { realAnalyzer } from '../support/analyzer.js';

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await realAnalyzer();
});

/** A vocabulary numbering words in order of first sight, as the index's words field does. */
function numbering(): { wordId(word: string): number; wordAt(id: number): string | undefined } {
  const ids = new Map<string, number>();
  const words: string[] = [];
  return {
    wordId(word) {
      if (!ids.has(word)) {
        ids.set(word, words.length);
        words.push(word);
      }
      return ids.get(word) ?? -1;
    },
    wordAt: (id) => words[id],
  };
}

describe('storeParagraphWords', () => {
  it('gives back each paragraph’s words and morpheme spans as its analysis had them', () => {
    const texts = ['サム・アルトマンが話した。', 'ほんまにおもろい話やで、2023年の。', '', 'GPUが足りない'];
    const analyses = texts.map((text) => analyzer.analyze(text));
    const stored = storeParagraphWords(analyses, numbering());
    texts.forEach((text, position) => {
      const analysis = analyses[position];
      expect(stored.words(position)).toEqual(analysis?.words);
      expect(stored.morphemeSpans(position)).toEqual(analyzer.wordSpans(text).slice(0, analysis?.morphemeWords));
    });
  });

  it('refuses a word the vocabulary does not have', () => {
    const vocabulary = { wordId: () => -1, wordAt: () => undefined };
    expect(() => storeParagraphWords([analyzer.analyze('原子力')], vocabulary)).toThrow(/not in the index/u);
  });
});
