import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analysis, Analyzer } from './analyze.js';
import { defaultDictionaryPath } from './tokenizer.js';

export interface AnalyzeAllOptions {
  /** Extra threads beside this one; 0 analyses everything here. */
  readonly workers: number;
  readonly dicPath: string;
  /** Less text than this is analysed here alone (PARALLEL_MIN_CHARACTERS by default). */
  readonly minCharacters: number;
}

/**
 * Below this much text, starting a worker (its own dictionary: ~0.6 s, ~380 MB) costs more than it
 * saves; the seed transcripts (~140,000 characters) are analysed in the main thread.
 */
export const PARALLEL_MIN_CHARACTERS = 1_000_000;

export function defaultAnalyzeOptions(): AnalyzeAllOptions {
  return {
    workers: Math.min(3, Math.max(0, availableParallelism() - 1)),
    dicPath: defaultDictionaryPath(),
    minCharacters: PARALLEL_MIN_CHARACTERS,
  };
}

/**
 * Analyse many texts. kuromoji is most of the cost of indexing a large corpus, so above
 * PARALLEL_MIN_CHARACTERS the texts are shared between this thread and worker threads, each with
 * its own dictionary. The result is the same as `texts.map(analyzer.analyze)`, in order.
 *
 * @example const analyses = await analyzeAll(paragraphs.map((p) => p.text), analyzer, defaultAnalyzeOptions());
 */
export async function analyzeAll(texts: readonly string[], analyzer: Analyzer, options: AnalyzeAllOptions): Promise<Analysis[]> {
  const characters = texts.reduce((sum, text) => sum + text.length, 0);
  if (options.workers === 0 || characters < options.minCharacters) return texts.map((text) => analyzer.analyze(text));
  const shares = splitByLength(texts, options.workers + 1);
  const [own = [], ...others] = shares;
  const pending = others.map((share) => analyzeInWorker(share, options.dicPath));
  const mine = own.map((text) => analyzer.analyze(text));
  const theirs = await Promise.all(pending);
  return [...mine, ...theirs.flat()];
}

/** Consecutive slices of roughly equal total length. */
function splitByLength(texts: readonly string[], parts: number): string[][] {
  const total = texts.reduce((sum, text) => sum + text.length, 0);
  const shares: string[][] = [[]];
  let filled = 0;
  for (const text of texts) {
    const current = shares[shares.length - 1] ?? [];
    if (filled >= (total / parts) * shares.length && shares.length < parts) shares.push([text]);
    else current.push(text);
    filled += text.length;
  }
  return shares;
}

function analyzeInWorker(texts: readonly string[], dicPath: string): Promise<Analysis[]> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(new URL(`./analysis-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url), { dicPath, texts });
    worker.once('message', (message: unknown) => {
      if (!Array.isArray(message) || message.length !== texts.length) {
        reject(new Error('analysis worker answered with the wrong number of analyses'));
        return;
      }
      resolve(message.filter(isAnalysis));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`analysis worker exited with code ${code}`));
    });
  });
}

/**
 * Loader hooks registered with `node --import tsx` do not reach worker threads, so a TypeScript
 * worker registers tsx itself before importing its module; compiled JavaScript loads directly.
 */
export function startWorker(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function isAnalysis(value: unknown): value is Analysis {
  if (typeof value !== 'object' || value === null) return false;
  const { words, bigrams, offsets, morphemeWords } = value as { words?: unknown; bigrams?: unknown; offsets?: unknown; morphemeWords?: unknown };
  return Array.isArray(words) && Array.isArray(bigrams) && offsets instanceof Uint32Array && typeof morphemeWords === 'number';
}
