/**
 * The worker thread behind `loadEmbedder`: runs transformers.js' feature-extraction pipeline (mean
 * pooling, normalised). Receives `{ modelsDir, model, download, prefixes }`; answers `ready` once the
 * model is loaded, `vectors` per passage batch, and writes each question's vector into shared memory.
 */
import { parentPort, workerData } from 'node:worker_threads';

interface Input {
  readonly modelsDir: string;
  readonly model: string;
  readonly download: boolean;
  readonly prefixes: { readonly query: string; readonly passage: string };
}

function readInput(value: unknown): Input {
  if (typeof value !== 'object' || value === null) throw new Error('embedder-worker needs its settings');
  const { modelsDir, model, download, prefixes } = value as Record<string, unknown>;
  if (typeof modelsDir !== 'string' || typeof model !== 'string' || typeof download !== 'boolean') throw new Error('embedder-worker: bad settings');
  const { query, passage } = (prefixes ?? {}) as Record<string, unknown>;
  if (typeof query !== 'string' || typeof passage !== 'string') throw new Error('embedder-worker: bad prefixes');
  return { modelsDir, model, download, prefixes: { query, passage } };
}

const port = parentPort;
if (port === null) throw new Error('embedder-worker must run as a worker thread');
const input = readInput(workerData);

try {
  const { env, pipeline } = await import('@xenova/transformers');
  env.allowLocalModels = true;
  env.localModelPath = input.modelsDir;
  // Downloads land where local models are read from, so the next start is offline.
  env.cacheDir = input.modelsDir;
  env.allowRemoteModels = input.download;
  env.useBrowserCache = false;
  const lastPercent = new Map<string, number>();
  const extractor = await pipeline('feature-extraction', input.model, {
    quantized: true,
    progress_callback: input.download
      ? (event: { status?: string; file?: string; progress?: number }) => {
          if (event.status !== 'progress' || event.file === undefined || event.progress === undefined) return;
          // One line per quarter per file: a visible progress line, not a flood.
          const percent = Math.floor(event.progress / 25) * 25;
          if ((lastPercent.get(event.file) ?? -1) >= percent) return;
          lastPercent.set(event.file, percent);
          port.postMessage({ type: 'progress', file: event.file, percent });
        }
      : undefined,
  });

  const embed = async (texts: readonly string[]): Promise<{ data: Float32Array; dimensions: number }> => {
    const output = await extractor([...texts], { pooling: 'mean', normalize: true });
    const dimensions = output.dims[output.dims.length - 1] ?? 0;
    return { data: output.data instanceof Float32Array ? output.data : Float32Array.from(output.data as ArrayLike<number>), dimensions };
  };
  const probe = await embed([`${input.prefixes.passage}。`]);

  let control: Int32Array | null = null;
  let vector: Float32Array | null = null;
  // One message at a time, in arrival order: a question waits behind a passage batch, never beside it.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: unknown) => {
    queue = queue.then(() => handle(message));
  });

  async function handle(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const value = message as Record<string, unknown>;
    if (value.type === 'shared' && value.buffer instanceof SharedArrayBuffer) {
      control = new Int32Array(value.buffer, 0, 2);
      vector = new Float32Array(value.buffer, 8, probe.dimensions);
    } else if (value.type === 'passages' && typeof value.id === 'number' && Array.isArray(value.texts)) {
      const texts = value.texts.map((text) => `${input.prefixes.passage}${String(text)}`);
      try {
        const { data } = await embed(texts);
        // A copy of its own: the tensor's data may be a view into a larger buffer.
        const vectors = new Float32Array(data);
        port?.postMessage({ type: 'vectors', id: value.id, vectors }, [vectors.buffer]);
      } catch (error) {
        port?.postMessage({ type: 'vectors-failed', id: value.id, message: error instanceof Error ? error.message : String(error) });
      }
    } else if (value.type === 'query' && typeof value.sequence === 'number' && control !== null && vector !== null) {
      let status = 1;
      try {
        const { data } = await embed([`${input.prefixes.query}${String(value.text)}`]);
        vector.set(data.subarray(0, vector.length));
        status = 0;
      } catch {
        // The asking thread answers lexically on a non-zero status.
      }
      Atomics.store(control, 1, status);
      Atomics.store(control, 0, value.sequence);
      Atomics.notify(control, 0);
    }
  }

  port.postMessage({ type: 'ready', dimensions: probe.dimensions });
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
