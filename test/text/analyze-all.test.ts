import { describe, expect, it } from 'vitest';
import { analyzeAll, defaultAnalyzeOptions } from '../../src/text/analyze-all.js';
import { realAnalyzer } from '../support/analyzer.js';
import { SAMPLE_FILES } from '../support/state.js';

describe('analyzeAll', () => {
  it('gives worker threads a share and returns the same analyses, in order', async () => {
    const analyzer = await realAnalyzer();
    const texts = Object.values(SAMPLE_FILES).flatMap((text) => text.split('\n'));
    const parallel = await analyzeAll(texts, analyzer, { ...defaultAnalyzeOptions(), workers: 2, minCharacters: 0 });
    expect(parallel).toEqual(texts.map((text) => analyzer.analyze(text)));
  });
});
