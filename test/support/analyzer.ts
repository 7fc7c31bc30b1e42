import { createAnalyzer, type Analyzer } from '../../src/text/analyze.js';
import { loadTokenizer } from '../../src/text/tokenizer.js';

/** The real kuromoji analyser, built once per test file (the dictionary costs ~0.6 s). */
export async function realAnalyzer(): Promise<Analyzer> {
  return createAnalyzer(await loadTokenizer());
}
