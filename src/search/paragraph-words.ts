import type { Analysis, WordSpan } from '../text/analyze.js';

/** A vocabulary that numbers words (the lexical index's words field): word → number and back. */
export interface WordNumbers {
  wordId(word: string): number;
  wordAt(id: number): string | undefined;
}

/**
 * Every indexed paragraph's words and where they stand, kept from indexing in one typed array
 * (word number, start, end): an answer then marks its excerpts and reads a paragraph's words
 * without running kuromoji over them again.
 */
export interface ParagraphWords {
  /** The words of the paragraph at `position` (in indexing order), as its analysis listed them. */
  words(position: number): string[];
  /** Its words that came from morphemes, with their spans: what `Analyzer.sliceSpans` starts from. */
  morphemeSpans(position: number): WordSpan[];
}

/**
 * @example const stored = storeParagraphWords(analyses, index); stored.words(0) // analyses[0].words
 */
export function storeParagraphWords(analyses: readonly Analysis[], numbers: WordNumbers): ParagraphWords {
  let total = 0;
  for (const analysis of analyses) total += analysis.words.length;
  const entries = new Uint32Array(total * 3);
  const starts = new Uint32Array(analyses.length + 1);
  const morphemeEnds = new Uint32Array(analyses.length);
  let at = 0;
  analyses.forEach((analysis, position) => {
    starts[position] = at;
    morphemeEnds[position] = at + analysis.morphemeWords;
    analysis.words.forEach((word, i) => {
      const id = numbers.wordId(word);
      if (id < 0) throw new Error(`word ${JSON.stringify(word)} of paragraph ${position} is not in the index`);
      entries[3 * at] = id;
      entries[3 * at + 1] = analysis.offsets[2 * i] ?? 0;
      entries[3 * at + 2] = analysis.offsets[2 * i + 1] ?? 0;
      at += 1;
    });
  });
  starts[analyses.length] = at;
  const wordAt = (entry: number): string => numbers.wordAt(entries[3 * entry] ?? 0) ?? '';

  return {
    words(position) {
      const words: string[] = [];
      for (let entry = starts[position] ?? 0; entry < (starts[position + 1] ?? 0); entry += 1) words.push(wordAt(entry));
      return words;
    },
    morphemeSpans(position) {
      const spans: WordSpan[] = [];
      for (let entry = starts[position] ?? 0; entry < (morphemeEnds[position] ?? 0); entry += 1) {
        spans.push({ key: wordAt(entry), start: entries[3 * entry + 1] ?? 0, end: entries[3 * entry + 2] ?? 0 });
      }
      return spans;
    },
  };
}
