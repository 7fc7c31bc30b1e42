import { createHash } from 'node:crypto';
import { access, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Logger } from '../log.js';
import { startWorker } from '../text/analyze-all.js';

/** Turns text into normalised vectors; one seam so tests can use a deterministic fake. */
export interface Embedder {
  /**
   * What made the vectors: the model id plus a fingerprint of its files and prefixes. Vectors made
   * under another id are not comparable, so the cache is keyed by it.
   */
  readonly id: string;
  readonly dimensions: number;
  /** Normalised passage vectors: `texts.length` rows of `dimensions`, one after the other. */
  embedPassages(texts: readonly string[]): Promise<Float32Array>;
  /**
   * A question's normalised vector, computed synchronously because the features are synchronous;
   * null when the model cannot answer (crashed, or slower than the deadline).
   */
  embedQuery(text: string): Float32Array | null;
}

/** `on`: use the model in MODELS_DIR if it is there; `download`: fetch it there first if missing. */
export type EmbeddingsMode = 'on' | 'off' | 'download';

export interface EmbedderSettings {
  readonly mode: EmbeddingsMode;
  /** A Hugging Face model id, also its folder under `modelsDir`. */
  readonly model: string;
  readonly modelsDir: string;
}

export const DEFAULT_EMBEDDING_MODEL = 'Xenova/multilingual-e5-small';

/** What transformers.js reads for a quantised feature-extraction model. */
export const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'] as const;

/** The first load reads ~120 MB of weights; past this something is wrong and lexical-only is better. */
const LOAD_TIMEOUT_MS = 120_000;
/** A question waits this long for its vector, then is answered lexically. */
export const QUERY_TIMEOUT_MS = 5_000;
/** Bytes read from each end of the weights for the fingerprint (hashing 120 MB would slow every start). */
const FINGERPRINT_EDGE_BYTES = 65_536;

export interface Prefixes {
  readonly query: string;
  readonly passage: string;
}

/**
 * The prefixes a model was trained with: the E5 family needs `query: ` / `passage: `, others none.
 *
 * @example embeddingPrefixes('Xenova/multilingual-e5-small') // { query: 'query: ', passage: 'passage: ' }
 */
export function embeddingPrefixes(model: string): Prefixes {
  const name = model.split('/').pop() ?? model;
  return /(?:^|[-_])e5(?:[-_]|$)/iu.test(name) ? { query: 'query: ', passage: 'passage: ' } : { query: '', passage: '' };
}

/**
 * The files of `model` missing from `modelsDir` (empty when the model can be loaded offline).
 *
 * @example await missingModelFiles('models', 'Xenova/multilingual-e5-small') // ['config.json', …]
 */
export async function missingModelFiles(modelsDir: string, model: string): Promise<string[]> {
  const missing: string[] = [];
  for (const file of MODEL_FILES) {
    try {
      await access(path.join(modelsDir, model, file));
    } catch {
      missing.push(file);
    }
  }
  return missing;
}

/**
 * A short hash of what decides a model's vectors: its config, tokenizer settings, the weights' size
 * and both ends of the weights file, and the prefixes.
 *
 * @example await modelFingerprint('models', 'Xenova/multilingual-e5-small') // 'Xenova/multilingual-e5-small#3f2a…'
 */
export async function modelFingerprint(modelsDir: string, model: string): Promise<string> {
  const folder = path.join(modelsDir, model);
  const hash = createHash('sha256');
  hash.update(JSON.stringify(embeddingPrefixes(model)));
  for (const file of ['config.json', 'tokenizer_config.json']) hash.update(await readFile(path.join(folder, file)));
  const weights = path.join(folder, 'onnx', 'model_quantized.onnx');
  const { size } = await stat(weights);
  hash.update(String(size));
  const handle = await open(weights, 'r');
  try {
    const edge = Buffer.alloc(Math.min(FINGERPRINT_EDGE_BYTES, size));
    await handle.read(edge, 0, edge.length, 0);
    hash.update(edge);
    await handle.read(edge, 0, edge.length, size - edge.length);
    hash.update(edge);
  } finally {
    await handle.close();
  }
  return `${model}#${hash.digest('hex').slice(0, 16)}`;
}

/**
 * The embedder the settings ask for, or null (lexical-only) after saying why in one log line: turned
 * off, no model in MODELS_DIR, or a model that would not load. Never throws, never waits forever.
 * transformers.js is imported only inside the worker thread, so a lexical-only start pays nothing for it.
 *
 * @example const embedder = await loadEmbedder({ mode: 'on', model: 'Xenova/multilingual-e5-small', modelsDir: 'models' }, log);
 */
export async function loadEmbedder(settings: EmbedderSettings, log: Logger): Promise<Embedder | null> {
  const folder = path.join(settings.modelsDir, settings.model);
  if (settings.mode === 'off') {
    log.info('embeddings turned off (EMBEDDINGS=off): lexical retrieval only');
    return null;
  }
  const missing = await missingModelFiles(settings.modelsDir, settings.model);
  if (missing.length > 0 && settings.mode === 'on') {
    log.warn(
      { modelDir: folder, missing },
      'no embedding model found: running lexical-only (put the model files there, or set EMBEDDINGS=download on a machine with internet)',
    );
    return null;
  }
  const started = performance.now();
  try {
    const embedder = await WorkerEmbedder.start(settings, missing.length > 0, log);
    log.info({ model: embedder.id, dimensions: embedder.dimensions, ms: Math.round(performance.now() - started) }, 'embedding model loaded');
    return embedder;
  } catch (error) {
    log.warn({ modelDir: folder, error: error instanceof Error ? error.message : String(error) }, 'embedding model could not be loaded: running lexical-only');
    return null;
  }
}

/** What the worker posts back; checked, since a message crosses a thread boundary untyped. */
type WorkerReply =
  | { readonly type: 'ready'; readonly dimensions: number }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'progress'; readonly file: string; readonly percent: number }
  | { readonly type: 'vectors'; readonly id: number; readonly vectors: Float32Array }
  | { readonly type: 'vectors-failed'; readonly id: number; readonly message: string };

function readReply(message: unknown): WorkerReply | null {
  if (typeof message !== 'object' || message === null) return null;
  const value = message as Record<string, unknown>;
  switch (value.type) {
    case 'ready':
      return typeof value.dimensions === 'number' ? { type: 'ready', dimensions: value.dimensions } : null;
    case 'failed':
      return { type: 'failed', message: String(value.message) };
    case 'progress':
      return typeof value.file === 'string' && typeof value.percent === 'number' ? { type: 'progress', file: value.file, percent: value.percent } : null;
    case 'vectors':
      return typeof value.id === 'number' && value.vectors instanceof Float32Array ? { type: 'vectors', id: value.id, vectors: value.vectors } : null;
    case 'vectors-failed':
      return typeof value.id === 'number' ? { type: 'vectors-failed', id: value.id, message: String(value.message) } : null;
    default:
      return null;
  }
}

/** `work`'s result, or the worker's failure if it dies meanwhile (an unheard 'error' would crash the process). */
async function whileWatching<T>(worker: Worker, work: Promise<T>): Promise<T> {
  let onError: (error: Error) => void = () => {};
  let onExit: (code: number) => void = () => {};
  const died = new Promise<never>((_resolve, reject) => {
    onError = reject;
    onExit = (code) => reject(new Error(`embedding worker exited with code ${code}`));
  });
  worker.on('error', onError).on('exit', onExit);
  try {
    return await Promise.race([work, died]);
  } finally {
    worker.off('error', onError).off('exit', onExit);
  }
}

/** Layout of the buffer a question's vector comes back in: [sequence, status] then the vector. */
const CONTROL_SEQUENCE = 0;
const CONTROL_STATUS = 1;
const STATUS_OK = 0;

/**
 * The model runs in a worker thread: passages are embedded asynchronously at start-up, and a
 * question's vector is awaited with Atomics.wait on shared memory, which keeps `embedQuery`
 * synchronous without blocking the model's own event loop.
 */
class WorkerEmbedder implements Embedder {
  readonly #worker: Worker;
  readonly #control: Int32Array;
  readonly #vector: Float32Array;
  readonly #pending = new Map<number, { resolve: (vectors: Float32Array) => void; reject: (error: Error) => void }>();
  #nextRequest = 1;
  #sequence = 0;
  #dead: string | null = null;

  private constructor(
    worker: Worker,
    readonly id: string,
    readonly dimensions: number,
    private readonly log: Logger,
  ) {
    this.#worker = worker;
    const shared = new SharedArrayBuffer(8 + dimensions * 4);
    this.#control = new Int32Array(shared, 0, 2);
    this.#vector = new Float32Array(shared, 8, dimensions);
    worker.postMessage({ type: 'shared', buffer: shared });
    worker.on('message', (message: unknown) => this.#onMessage(message));
    worker.on('error', (error) => this.#fail(error.message));
    worker.on('exit', (code) => this.#fail(`embedding worker exited with code ${code}`));
    worker.unref();
  }

  static async start(settings: EmbedderSettings, download: boolean, log: Logger): Promise<WorkerEmbedder> {
    const prefixes = embeddingPrefixes(settings.model);
    const url = new URL(`./embedder-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);
    const worker = startWorker(url, { modelsDir: path.resolve(settings.modelsDir), model: settings.model, download, prefixes });
    try {
      const dimensions = await new Promise<number>((resolve, reject) => {
        // A download of ~120 MB may take minutes; a local load never should.
        const timeoutMs = download ? LOAD_TIMEOUT_MS * 10 : LOAD_TIMEOUT_MS;
        const timer = setTimeout(() => reject(new Error(`the model did not load within ${timeoutMs / 1000} s`)), timeoutMs);
        const onMessage = (message: unknown): void => {
          const reply = readReply(message);
          if (reply?.type === 'progress') log.info({ file: reply.file, percent: reply.percent }, 'downloading the embedding model');
          else if (reply?.type === 'ready') settle(() => resolve(reply.dimensions));
          else if (reply?.type === 'failed') settle(() => reject(new Error(reply.message)));
        };
        const onError = (error: Error): void => settle(() => reject(error));
        const onExit = (code: number): void => settle(() => reject(new Error(`embedding worker exited with code ${code}`)));
        // Only our own listeners come off: the Worker keeps internal ones that start its message port.
        const settle = (outcome: () => void): void => {
          clearTimeout(timer);
          worker.off('message', onMessage).off('error', onError).off('exit', onExit);
          outcome();
        };
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      });
      // The files are complete only now when they were just downloaded.
      const id = await whileWatching(worker, modelFingerprint(settings.modelsDir, settings.model));
      return new WorkerEmbedder(worker, id, dimensions, log);
    } catch (error) {
      await worker.terminate();
      throw error;
    }
  }

  embedPassages(texts: readonly string[]): Promise<Float32Array> {
    if (texts.length === 0) return Promise.resolve(new Float32Array(0));
    if (this.#dead !== null) return Promise.reject(new Error(this.#dead));
    const id = this.#nextRequest++;
    // Held only while a batch is out, so an idle model never keeps a finished CLI run alive.
    this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ type: 'passages', id, texts: [...texts] });
    });
  }

  embedQuery(text: string): Float32Array | null {
    if (this.#dead !== null) return null;
    this.#sequence = (this.#sequence % 0x7fff_fff0) + 1;
    const sequence = this.#sequence;
    this.#worker.postMessage({ type: 'query', sequence, text });
    const deadline = performance.now() + QUERY_TIMEOUT_MS;
    // A late answer to an earlier question carries its own sequence number and is passed over.
    for (;;) {
      const current = Atomics.load(this.#control, CONTROL_SEQUENCE);
      if (current === sequence) break;
      const remaining = deadline - performance.now();
      if (remaining <= 0) {
        this.log.warn({ timeoutMs: QUERY_TIMEOUT_MS }, 'question not embedded in time: answered lexically');
        return null;
      }
      Atomics.wait(this.#control, CONTROL_SEQUENCE, current, remaining);
    }
    return Atomics.load(this.#control, CONTROL_STATUS) === STATUS_OK ? this.#vector.slice() : null;
  }

  #onMessage(message: unknown): void {
    const reply = readReply(message);
    if (reply === null || (reply.type !== 'vectors' && reply.type !== 'vectors-failed')) return;
    const pending = this.#pending.get(reply.id);
    if (pending === undefined) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (reply.type === 'vectors') pending.resolve(reply.vectors);
    else pending.reject(new Error(reply.message));
  }

  #fail(reason: string): void {
    if (this.#dead !== null) return;
    this.#dead = reason;
    this.log.error({ reason }, 'embedding model stopped: answering lexically from now on');
    for (const pending of this.#pending.values()) pending.reject(new Error(reason));
    this.#pending.clear();
  }
}
