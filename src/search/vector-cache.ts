import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log.js';
import type { Embedder } from './embedder.js';

/**
 * Passage vectors kept between starts, one file per embedder id under `DATA_DIR/cache/vectors/`,
 * keyed by a hash of the passage text: a restart embeds only new or changed passages.
 *
 * File layout: MAGIC, a uint32 header length, a JSON header `{ id, dimensions, count }`, then
 * `count` keys of KEY_BYTES bytes, then `count × dimensions` float32 values (little-endian).
 */
const MAGIC = Buffer.from('TSBVEC1\n', 'latin1');
const KEY_BYTES = 16;

/** Passages per request to the model: enough to amortise padding and the thread hop, small enough for steady progress. */
export const EMBED_BATCH_SIZE = 32;
/** A progress line at most this often while embedding. */
const PROGRESS_EVERY_MS = 5_000;

export interface VectorCacheStats {
  /** Distinct passage texts whose vectors came from the cache. */
  readonly reused: number;
  /** Distinct passage texts embedded now. */
  readonly computed: number;
  readonly cacheFile: string;
  readonly ms: number;
}

/**
 * The cache key of a passage text.
 *
 * @example textKey('原子力発電所') // 'a3f1…' (32 hex digits)
 */
export function textKey(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, KEY_BYTES * 2);
}

/**
 * Where the vectors of an embedder are kept.
 *
 * @example vectorCacheFile('data/cache', 'Xenova/multilingual-e5-small#ab12') // 'data/cache/vectors/Xenova_multilingual-e5-small_ab12.bin'
 */
export function vectorCacheFile(cacheDir: string, embedderId: string): string {
  return path.join(cacheDir, 'vectors', `${embedderId.replace(/[^A-Za-z0-9._-]+/gu, '_')}.bin`);
}

/**
 * The vectors in a cache file, by text key; empty when the file is missing, damaged, or was made by
 * another embedder (the caller then recomputes, never trusts it).
 *
 * @example const cached = await readVectorCache(file, embedder.id, embedder.dimensions);
 */
export async function readVectorCache(file: string, embedderId: string, dimensions: number): Promise<Map<string, Float32Array>> {
  const vectors = new Map<string, Float32Array>();
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return vectors;
  }
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return vectors;
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerEnd > bytes.length) return vectors;
  let header: unknown;
  try {
    header = JSON.parse(bytes.subarray(MAGIC.length + 4, headerEnd).toString('utf8'));
  } catch {
    return vectors;
  }
  if (typeof header !== 'object' || header === null) return vectors;
  const { id, dimensions: storedDimensions, count } = header as Record<string, unknown>;
  if (id !== embedderId || storedDimensions !== dimensions || typeof count !== 'number' || !Number.isInteger(count) || count < 0) return vectors;
  const keysEnd = headerEnd + count * KEY_BYTES;
  if (bytes.length !== keysEnd + count * dimensions * 4) return vectors;
  // Copied once into an aligned buffer: a Buffer's offset into its pool need not be a multiple of 4.
  const values = new Float32Array(count * dimensions);
  Buffer.from(values.buffer).set(bytes.subarray(keysEnd));
  for (let i = 0; i < count; i += 1) {
    const key = bytes.subarray(headerEnd + i * KEY_BYTES, headerEnd + (i + 1) * KEY_BYTES).toString('hex');
    vectors.set(key, values.subarray(i * dimensions, (i + 1) * dimensions));
  }
  return vectors;
}

/**
 * Write the vectors to `file` (through a temporary file, so a crash never leaves half a cache).
 *
 * @example await writeVectorCache(file, embedder.id, embedder.dimensions, vectorsByKey);
 */
export async function writeVectorCache(file: string, embedderId: string, dimensions: number, vectors: ReadonlyMap<string, Float32Array>): Promise<void> {
  const header = Buffer.from(JSON.stringify({ id: embedderId, dimensions, count: vectors.size }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const keys = Buffer.alloc(vectors.size * KEY_BYTES);
  const values = new Float32Array(vectors.size * dimensions);
  let i = 0;
  for (const [key, vector] of vectors) {
    keys.write(key, i * KEY_BYTES, KEY_BYTES, 'hex');
    values.set(vector, i * dimensions);
    i += 1;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, Buffer.concat([MAGIC, length, header, keys, Buffer.from(values.buffer)]));
  await rename(temporary, file);
}

/**
 * One normalised vector per text, in order (`texts.length × embedder.dimensions`), reusing the
 * cached vectors and embedding only the texts not seen before. Identical texts are embedded once.
 *
 * @example const { vectors, stats } = await passageVectors(texts, embedder, 'data/cache', log);
 */
export async function passageVectors(
  texts: readonly string[],
  embedder: Embedder,
  cacheDir: string,
  log: Logger,
  batchSize: number = EMBED_BATCH_SIZE,
): Promise<{ vectors: Float32Array; stats: VectorCacheStats }> {
  const started = performance.now();
  const { dimensions } = embedder;
  const cacheFile = vectorCacheFile(cacheDir, embedder.id);
  const cached = await readVectorCache(cacheFile, embedder.id, dimensions);
  const keys = texts.map(textKey);
  const textByKey = new Map<string, string>();
  keys.forEach((key, i) => textByKey.set(key, texts[i] ?? ''));
  // Longest first and in similar lengths per batch: less padding, and the slow batches come first.
  const missing = [...textByKey.keys()].filter((key) => !cached.has(key)).sort((a, b) => (textByKey.get(b) ?? '').length - (textByKey.get(a) ?? '').length);
  const current = new Map<string, Float32Array>();
  for (const key of textByKey.keys()) {
    const vector = cached.get(key);
    if (vector !== undefined) current.set(key, vector);
  }
  if (missing.length > 0) {
    log.info({ passages: missing.length, reused: current.size, model: embedder.id }, 'embedding passages');
    let lastReport = performance.now();
    for (let start = 0; start < missing.length; start += batchSize) {
      const batch = missing.slice(start, start + batchSize);
      const embedded = await embedder.embedPassages(batch.map((key) => textByKey.get(key) ?? ''));
      if (embedded.length !== batch.length * dimensions) throw new Error(`embedder returned ${embedded.length} values for ${batch.length} passages of ${dimensions}`);
      batch.forEach((key, i) => current.set(key, embedded.slice(i * dimensions, (i + 1) * dimensions)));
      const now = performance.now();
      if (now - lastReport >= PROGRESS_EVERY_MS) {
        lastReport = now;
        const done = start + batch.length;
        const perSecond = done / ((now - started) / 1000);
        log.info({ done, total: missing.length, perSecond: Math.round(perSecond), etaSeconds: Math.round((missing.length - done) / perSecond) }, 'embedding passages');
      }
    }
  }
  // Rewritten when anything changed: new vectors added, or vectors of texts no longer in the corpus dropped.
  if (missing.length > 0 || cached.size !== current.size) {
    try {
      await writeVectorCache(cacheFile, embedder.id, dimensions, current);
    } catch (error) {
      log.warn({ cacheFile, error: String(error) }, 'passage vectors not cached; the next start embeds them again');
    }
  }
  const vectors = new Float32Array(texts.length * dimensions);
  keys.forEach((key, i) => {
    const vector = current.get(key);
    if (vector !== undefined) vectors.set(vector, i * dimensions);
  });
  return { vectors, stats: { reused: textByKey.size - missing.length, computed: missing.length, cacheFile, ms: performance.now() - started } };
}
