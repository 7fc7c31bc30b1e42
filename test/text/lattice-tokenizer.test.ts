import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import { latticeTokenizer } from '../../src/text/lattice-tokenizer.js';
import { loadKuromoji, stockTokenizer, type Tokenizer } from '../../src/text/tokenizer.js';

let stock: Tokenizer;
let fast: Tokenizer | null;
beforeAll(async () => {
  const raw = await loadKuromoji();
  stock = stockTokenizer(raw);
  fast = latticeTokenizer(raw);
});

describe('latticeTokenizer', () => {
  it.each([
    ['サム・アルトマンは2023年にOpenAIを去った。', 'names, numbers and Latin in one clause'],
    ['GPT-4o-mini and o1-preview are models, version 2.5.1 of 2024-03-20.', 'long runs of Latin letters and digits, grouped as unknown words'],
    ['𠮷野家で😀を食べた、😀😀。', 'characters outside the BMP (surrogate pairs) in known and unknown words'],
    ['ｻﾑ・ｱﾙﾄﾏﾝ ＡＢＣ１２３', 'half-width katakana and full-width Latin'],
    ['めっちゃおもろいやん、ほんまに。せやけど、あかんかったわ', 'Kansai dialect over several clauses, the last without 。'],
    ['、。、', 'punctuation alone'],
    ['', 'nothing'],
    ['a\udc00b', 'a lone low surrogate'],
    ['ああああああああああああああああああああああああああああああああああああああああ', 'a long run the dictionary keeps matching'],
  ])('gives kuromoji’s morphemes for %j (%s)', (text) => {
    expect(fast?.tokenize(text)).toEqual(stock.tokenize(text));
  });

  it('gives kuromoji’s morphemes for every paragraph of the seed transcripts', async () => {
    const corpus = await readCorpus(path.resolve(import.meta.dirname, '../../seeds'), () => undefined);
    const texts = corpus.transcripts.flatMap((transcript) => [transcript.title, ...transcript.paragraphs.map((paragraph) => paragraph.text)]);
    expect(texts.length).toBeGreaterThan(1_000);
    for (const text of texts) expect(fast?.tokenize(text), text).toEqual(stock.tokenize(text));
  });

  it('declines what is not a kuromoji tokenizer, so the stock one is used', () => {
    expect(latticeTokenizer({})).toBeNull();
    expect(latticeTokenizer({ viterbi_builder: {}, viterbi_searcher: { search: () => [] } })).toBeNull();
  });
});
