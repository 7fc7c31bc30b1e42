import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { passageVectors, readVectorCache, textKey, vectorCacheFile } from '../../src/search/vector-cache.js';
import { FakeEmbedder } from '../support/fake-embedder.js';

const log = pino({ level: 'silent' });
const CONCEPTS = [['原子力', '原発'], ['電力', '電気'], ['学生']];
const TEXTS = ['原子力発電所を再稼働する。', 'データセンターには電気が要る。', 'その研究室には学生が12人いました。'];

async function cacheDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'vector-cache-'));
}

describe('passageVectors', () => {
  it('embeds every passage on a miss, then none on the next start (a hit), with the same vectors', async () => {
    const dir = await cacheDir();
    const first = new FakeEmbedder(CONCEPTS);
    const cold = await passageVectors(TEXTS, first, dir, log);
    expect(first.embedded).toHaveLength(3);
    expect(cold.stats).toMatchObject({ reused: 0, computed: 3 });

    const second = new FakeEmbedder(CONCEPTS);
    const warm = await passageVectors(TEXTS, second, dir, log);
    expect(second.embedded).toEqual([]);
    expect(warm.stats).toMatchObject({ reused: 3, computed: 0 });
    expect(Array.from(warm.vectors)).toEqual(Array.from(cold.vectors));
  });

  it('embeds only a changed or new passage', async () => {
    const dir = await cacheDir();
    await passageVectors(TEXTS, new FakeEmbedder(CONCEPTS), dir, log);
    const embedder = new FakeEmbedder(CONCEPTS);
    const changed = [TEXTS[0] ?? '', '学生は電力会社に就職した。', TEXTS[2] ?? '', '新しい段落。'];
    const { stats, vectors } = await passageVectors(changed, embedder, dir, log);
    expect(embedder.embedded.sort()).toEqual(['学生は電力会社に就職した。', '新しい段落。'].sort());
    expect(stats).toMatchObject({ reused: 2, computed: 2 });
    expect(Array.from(vectors.subarray(4, 8))).toEqual(Array.from(embedder.vector('学生は電力会社に就職した。')));
  });

  it('recomputes everything for another model, in a file of its own', async () => {
    const dir = await cacheDir();
    await passageVectors(TEXTS, new FakeEmbedder(CONCEPTS, 'fake#1'), dir, log);
    const other = new FakeEmbedder(CONCEPTS, 'fake#2');
    const { stats } = await passageVectors(TEXTS, other, dir, log);
    expect(other.embedded).toHaveLength(3);
    expect(stats.computed).toBe(3);
    expect((await readdir(path.join(dir, 'vectors'))).sort()).toEqual(['fake_1.bin', 'fake_2.bin']);
    // A file renamed to pose as another model's is still refused: the id inside must match.
    expect((await readVectorCache(vectorCacheFile(dir, 'fake#1'), 'fake#2', 4)).size).toBe(0);
  });

  it('embeds identical passages once and gives both the vector', async () => {
    const dir = await cacheDir();
    const embedder = new FakeEmbedder(CONCEPTS);
    const { vectors } = await passageVectors(['原発の話', '原発の話', '電気の話'], embedder, dir, log);
    expect(embedder.embedded).toHaveLength(2);
    expect(Array.from(vectors.subarray(0, 4))).toEqual(Array.from(vectors.subarray(4, 8)));
  });

  it('drops vectors of passages no longer in the corpus', async () => {
    const dir = await cacheDir();
    await passageVectors(TEXTS, new FakeEmbedder(CONCEPTS), dir, log);
    await passageVectors(TEXTS.slice(0, 1), new FakeEmbedder(CONCEPTS), dir, log);
    const kept = await readVectorCache(vectorCacheFile(dir, 'fake#1'), 'fake#1', 4);
    expect([...kept.keys()]).toEqual([textKey(TEXTS[0] ?? '')]);
  });

  it('treats a damaged cache file as a miss and rewrites it', async () => {
    const dir = await cacheDir();
    await passageVectors(TEXTS, new FakeEmbedder(CONCEPTS), dir, log);
    const file = vectorCacheFile(dir, 'fake#1');
    await writeFile(file, 'TSBVEC1\nnot a cache');
    const embedder = new FakeEmbedder(CONCEPTS);
    expect((await passageVectors(TEXTS, embedder, dir, log)).stats.computed).toBe(3);
    expect((await readVectorCache(file, 'fake#1', 4)).size).toBe(3);
  });

  it('embeds in batches of the given size', async () => {
    const dir = await cacheDir();
    const sizes: number[] = [];
    const embedder = new FakeEmbedder(CONCEPTS);
    const counting = { ...embedder, id: embedder.id, dimensions: embedder.dimensions, embedQuery: (text: string) => embedder.embedQuery(text), embedPassages: (texts: readonly string[]) => (sizes.push(texts.length), embedder.embedPassages(texts)) };
    const texts = Array.from({ length: 7 }, (_unused, i) => `段落${i}`);
    await passageVectors(texts, counting, dir, log, 3);
    expect(sizes).toEqual([3, 3, 1]);
  });
});
