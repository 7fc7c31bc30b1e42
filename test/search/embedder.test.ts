/**
 * The real transformers.js path (tokenizer → ONNX Runtime → mean pooling → normalisation) on the tiny
 * random-weight model in test/fixtures/tiny-embedder, offline: remote models are never allowed.
 */
import { cp, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddingPrefixes, loadEmbedder, missingModelFiles, modelFingerprint, type Embedder } from '../../src/search/embedder.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const MODEL = 'tiny-embedder';
const DIMENSIONS = 24;

function capturingLog(): { log: pino.Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    }),
  );
  return { log, lines };
}

function norm(vector: Float32Array): number {
  return Math.hypot(...vector);
}

function cosine(left: Float32Array, right: Float32Array): number {
  return left.reduce((sum, value, i) => sum + value * (right[i] ?? 0), 0);
}

describe('embeddingPrefixes', () => {
  it.each([
    ['Xenova/multilingual-e5-small', 'query: '],
    ['intfloat/multilingual-e5-large', 'query: '],
    ['e5-base', 'query: '],
    // Not E5 models: no prefixes, even with "e5" elsewhere in the name.
    ['Xenova/paraphrase-multilingual-MiniLM-L12-v2', ''],
    ['someone/bge5-small', ''],
    ['tiny-embedder', ''],
  ])('gives %s the query prefix %j', (model, query) => {
    expect(embeddingPrefixes(model).query).toBe(query);
    expect(embeddingPrefixes(model).passage).toBe(query === '' ? '' : 'passage: ');
  });
});

describe('loadEmbedder on the fixture model', () => {
  let embedder: Embedder | null;
  let loadMs: number;
  const { log, lines } = capturingLog();

  beforeAll(async () => {
    const started = performance.now();
    embedder = await loadEmbedder({ mode: 'on', model: MODEL, modelsDir: FIXTURES }, log);
    loadMs = performance.now() - started;
  });

  it('loads the model offline from MODELS_DIR and names it by a fingerprint of its files', async () => {
    expect(embedder).not.toBeNull();
    expect(embedder?.dimensions).toBe(DIMENSIONS);
    expect(embedder?.id).toBe(await modelFingerprint(FIXTURES, MODEL));
    expect(embedder?.id).toMatch(/^tiny-embedder#[0-9a-f]{16}$/u);
    expect(lines.map((line) => line['msg'])).toContain('embedding model loaded');
    expect(loadMs).toBeLessThan(20_000);
  });

  it('returns one normalised vector per passage, the same alone or in a padded batch', async () => {
    const texts = ['原子力発電所を2028年に再稼働させる予定や。', 'AI', 'マイクロソフトがその電力を20年間買うんやて。'];
    const batch = await embedder!.embedPassages(texts);
    expect(batch).toHaveLength(texts.length * DIMENSIONS);
    for (let i = 0; i < texts.length; i += 1) {
      const row = batch.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS);
      expect(norm(row)).toBeCloseTo(1, 5);
      const alone = await embedder!.embedPassages([texts[i] ?? '']);
      // Padding is masked: a passage's vector does not depend on its batch mates.
      expect(cosine(row, alone)).toBeCloseTo(1, 5);
    }
    expect(cosine(batch.subarray(0, DIMENSIONS), batch.subarray(DIMENSIONS, 2 * DIMENSIONS))).toBeLessThan(0.999);
  });

  it('embeds a question synchronously, deterministically, as the passage of the same text (no prefixes here)', async () => {
    const question = 'マイクロソフトはなぜ原発を再稼働するのか';
    const first = embedder!.embedQuery(question);
    const second = embedder!.embedQuery(question);
    expect(first).not.toBeNull();
    expect(Array.from(first ?? [])).toEqual(Array.from(second ?? []));
    const passage = await embedder!.embedPassages([question]);
    expect(cosine(first ?? new Float32Array(DIMENSIONS), passage)).toBeCloseTo(1, 5);
    expect(cosine(first ?? new Float32Array(DIMENSIONS), embedder!.embedQuery('今日は晴れです') ?? new Float32Array(DIMENSIONS))).toBeLessThan(0.999);
  });

  it('returns an empty array for no passages', async () => {
    expect(await embedder!.embedPassages([])).toHaveLength(0);
  });
});

describe('loadEmbedder with an E5-named copy of the fixture', () => {
  it('prefixes questions with "query: " and passages with "passage: "', async () => {
    const modelsDir = await mkdtemp(path.join(tmpdir(), 'models-'));
    await mkdir(path.join(modelsDir, 'test'), { recursive: true });
    await symlink(path.join(FIXTURES, MODEL), path.join(modelsDir, 'test', 'tiny-e5'));
    const plain = await loadEmbedder({ mode: 'on', model: MODEL, modelsDir: FIXTURES }, pino({ level: 'silent' }));
    const e5 = await loadEmbedder({ mode: 'on', model: 'test/tiny-e5', modelsDir }, pino({ level: 'silent' }));
    const text = '原子力';
    const query = e5?.embedQuery(text) ?? new Float32Array(DIMENSIONS);
    expect(cosine(query, await e5!.embedPassages([text]))).toBeLessThan(0.999);
    expect(cosine(query, plain?.embedQuery(`query: ${text}`) ?? new Float32Array(DIMENSIONS))).toBeCloseTo(1, 5);
    expect(cosine(await e5!.embedPassages([text]), await plain!.embedPassages([`passage: ${text}`]))).toBeCloseTo(1, 5);
    // Same weights, other prefixes: vectors are not interchangeable, so neither are the cache files.
    expect(e5?.id).not.toBe(plain?.id.replace(MODEL, 'test/tiny-e5'));
  });
});

describe('loadEmbedder without a usable model', () => {
  let emptyModels: string;
  beforeAll(async () => {
    emptyModels = await mkdtemp(path.join(tmpdir(), 'no-models-'));
  });
  afterAll(() => undefined);

  it('says once that it runs lexical-only when MODELS_DIR has no model, without touching the network', async () => {
    const { log, lines } = capturingLog();
    const started = performance.now();
    expect(await loadEmbedder({ mode: 'on', model: 'Xenova/multilingual-e5-small', modelsDir: emptyModels }, log)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_000);
    const warnings = lines.filter((line) => line['level'] === 40);
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]?.['msg'])).toMatch(/lexical-only/u);
    expect(warnings[0]?.['missing']).toEqual(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']);
  });

  it('loads nothing when turned off', async () => {
    const { log, lines } = capturingLog();
    expect(await loadEmbedder({ mode: 'off', model: MODEL, modelsDir: FIXTURES }, log)).toBeNull();
    expect(String(lines[0]?.['msg'])).toMatch(/EMBEDDINGS=off/u);
  });

  it('falls back to lexical-only, without crashing, when the weights are not a model', async () => {
    const modelsDir = await mkdtemp(path.join(tmpdir(), 'bad-models-'));
    const folder = path.join(modelsDir, 'broken');
    await cp(path.join(FIXTURES, MODEL), folder, { recursive: true });
    await writeFile(path.join(folder, 'onnx', 'model_quantized.onnx'), 'not an onnx file');
    expect(await missingModelFiles(modelsDir, 'broken')).toEqual([]);
    const { log, lines } = capturingLog();
    expect(await loadEmbedder({ mode: 'on', model: 'broken', modelsDir }, log)).toBeNull();
    expect(lines.some((line) => line['level'] === 40 && /could not be loaded: running lexical-only/u.test(String(line['msg'])))).toBe(true);
  });

  it('changes the fingerprint when the weights change', async () => {
    const modelsDir = await mkdtemp(path.join(tmpdir(), 'changed-models-'));
    await cp(path.join(FIXTURES, MODEL), path.join(modelsDir, MODEL), { recursive: true });
    const before = await modelFingerprint(modelsDir, MODEL);
    await writeFile(path.join(modelsDir, MODEL, 'onnx', 'model_quantized.onnx'), 'other weights');
    expect(await modelFingerprint(modelsDir, MODEL)).not.toBe(before);
  });
});
