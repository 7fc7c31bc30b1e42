/**
 * Hybrid retrieval through the Retriever and /ask, with a deterministic fake embedder whose concepts
 * (a few words each) stand in for what a sentence-embedding model knows about paraphrases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/corpus/parse-transcript.js';
import type { Corpus } from '../../src/corpus/types.js';
import { ask } from '../../src/features/ask.js';
import { search } from '../../src/features/search.js';
import type { Embedder } from '../../src/search/embedder.js';
import { buildRetriever, type Retriever } from '../../src/search/retriever.js';
import { createVectorIndex } from '../../src/search/vector-index.js';
import type { Analyzer } from '../../src/text/analyze.js';
import { realAnalyzer } from '../support/analyzer.js';
import { FakeEmbedder } from '../support/fake-embedder.js';
import { SAMPLE_FILES } from '../support/state.js';

const CONCEPTS = [['買う', '購入'], ['原子力', '原発'], ['学生', '院生'], ['離れる', '辞め', '退任'], ['性能', '能力']];

let analyzer: Analyzer;
let corpus: Corpus;
let lexical: Retriever;

async function hybrid(embedder: Embedder): Promise<Retriever> {
  const texts = corpus.transcripts.flatMap((transcript) => transcript.paragraphs.map((paragraph) => paragraph.text));
  const vectors = createVectorIndex(await embedder.embedPassages(texts), embedder.dimensions);
  return buildRetriever(corpus, analyzer, null, [], { embedder, vectors });
}

function ids(retriever: Retriever, query: string, semantic: boolean): string[] {
  return retriever.retrieve(retriever.prepare(query, { semantic }), { limit: 5 }).map((passage) => passage.paragraph.id);
}

beforeAll(async () => {
  analyzer = await realAnalyzer();
  corpus = { transcripts: Object.entries(SAMPLE_FILES).map(([file, text]) => parseTranscript(file, text)), skipped: [] };
  lexical = buildRetriever(corpus, analyzer);
});

describe('hybrid retrieval', () => {
  it('finds a paraphrase the lexical index misses, and offers no unrelated neighbours', async () => {
    const retriever = await hybrid(new FakeEmbedder(CONCEPTS));
    // 購入 / 企業 / 電源 never occur in the material; the passage says 買う.
    expect(ids(lexical, '電源を購入する企業', false)).toEqual([]);
    const passages = retriever.retrieve(retriever.prepare('電源を購入する企業', { semantic: true }), { limit: 5 });
    expect(passages.map((passage) => passage.paragraph.id)).toEqual(['a_narration.txt:4']);
    expect(passages[0]?.hybrid).toMatchObject({ lexicalRank: null, vectorRank: 1 });
    expect(passages[0]?.score).toBe(1);
  });

  it('ranks a passage both sides put first above one only the lexical side found', async () => {
    const retriever = await hybrid(new FakeEmbedder(CONCEPTS));
    const passages = retriever.retrieve(retriever.prepare('オープンAIを辞めたのは誰?', { semantic: true }), { limit: 3 });
    expect(passages[0]?.paragraph.id).toBe('b_article.txt:3');
    expect(passages[0]?.hybrid).toMatchObject({ lexicalRank: 1, vectorRank: 1 });
    expect(passages[0]?.score).toBe(2);
    expect(passages[1]?.hybrid).toMatchObject({ vectorRank: null });
    expect(passages[1]?.score).toBeLessThan(1);
  });

  it('is exactly the lexical retrieval when the query is not embedded', async () => {
    const embedder = new FakeEmbedder(CONCEPTS);
    const retriever = await hybrid(embedder);
    for (const query of ['スケーリング則', 'マイクロソフトは電力をどれくらいの期間買う?', '学生は何人']) {
      const plain = lexical.retrieve(lexical.prepare(query), { limit: 5 });
      const same = retriever.retrieve(retriever.prepare(query), { limit: 5 });
      expect(same.map((passage) => [passage.paragraph.id, passage.score, passage.hybrid])).toEqual(plain.map((passage) => [passage.paragraph.id, passage.score, undefined]));
    }
    expect(embedder.queries).toEqual([]);
  });

  it('keeps /search lexical: keyword search never embeds the query', async () => {
    const embedder = new FakeEmbedder(CONCEPTS);
    const retriever = await hybrid(embedder);
    expect(search({ retriever }, { query: '原発', page: 1, pageSize: 5 }).results.map((item) => item.line)).toEqual(
      search({ retriever: lexical }, { query: '原発', page: 1, pageSize: 5 }).results.map((item) => item.line),
    );
    expect(embedder.queries).toEqual([]);
  });

  it('answers lexically when the model cannot embed the question', async () => {
    const fake = new FakeEmbedder(CONCEPTS);
    const silent: Embedder = { id: fake.id, dimensions: fake.dimensions, embedPassages: (texts) => fake.embedPassages(texts), embedQuery: () => null };
    const retriever = await hybrid(silent);
    expect(ids(retriever, '電源を購入する企業', true)).toEqual([]);
    expect(ids(retriever, 'オープンAIを辞めたのは誰?', true)).toEqual(ids(lexical, 'オープンAIを辞めたのは誰?', false));
  });

  it('refuses vectors that do not match the paragraphs', () => {
    const embedder = new FakeEmbedder(CONCEPTS);
    expect(() => buildRetriever(corpus, analyzer, null, [], { embedder, vectors: createVectorIndex(new Float32Array(embedder.dimensions * 2), embedder.dimensions) })).toThrow(
      /2 rows for \d+ paragraphs/u,
    );
  });
});

describe('ask with hybrid retrieval', () => {
  it('counts as answered a top excerpt both rankings put first, where the lexical rule alone declines', async () => {
    const retriever = await hybrid(new FakeEmbedder(CONCEPTS));
    const question = '院生は何人いた?';
    const alone = ask({ retriever: lexical }, { question, limit: 3 });
    const both = ask({ retriever }, { question, limit: 3 });
    expect(alone.results[0]?.line).toBe(5);
    expect(alone.answered).toBe(false);
    expect(both.results[0]).toMatchObject({ file: 'c_interview.txt', line: 5 });
    expect(both.answered).toBe(true);
  });

  it('still declines when only the vectors found something', async () => {
    const retriever = await hybrid(new FakeEmbedder(CONCEPTS));
    const result = ask({ retriever }, { question: '電源を購入する企業', limit: 3 });
    expect(result.results.map((item) => item.line)).toEqual([4]);
    expect(result.answered).toBe(false);
  });
});
