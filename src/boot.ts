import path from 'node:path';
import { readCorpus } from './corpus/read-corpus.js';
import type { Corpus } from './corpus/types.js';
import type { Logger } from './log.js';
import { buildRetriever, type Retriever } from './search/retriever.js';
import { createAnalyzer } from './text/analyze.js';
import { analyzeAll, defaultAnalyzeOptions } from './text/analyze-all.js';
import { loadLexicon } from './text/lexicon/lexicon.js';
import { loadTokenizer } from './text/tokenizer.js';

/** Everything the features need, built once per process and passed down. */
export interface AppState {
  readonly corpus: Corpus;
  readonly retriever: Retriever;
}

export interface BootTimings {
  /** kuromoji's dictionary and the bilingual lexicon, loaded side by side. */
  readonly dictionaryMs: number;
  readonly readMs: number;
  readonly indexMs: number;
  readonly totalMs: number;
}

/**
 * Load the dictionary, read the seeds and index them, logging each step.
 *
 * @example const { state } = await boot({ seedsDir: 'seeds' }, log);
 */
export interface BootSettings {
  readonly seedsDir: string;
  /** Where the bilingual dictionary is; null to serve English questions by names and Latin terms only. */
  readonly dictionaryDir: string | null;
  /** Where built caches (the lexicon) are kept. */
  readonly dataDir: string;
}

export async function boot(settings: BootSettings, log: Logger): Promise<{ state: AppState; timings: BootTimings }> {
  const started = performance.now();
  const [tokenizer, lexicon] = await Promise.all([
    loadTokenizer(),
    settings.dictionaryDir === null
      ? Promise.resolve(null)
      : loadLexicon({ dictionaryDir: settings.dictionaryDir, cacheDir: path.join(settings.dataDir, 'cache'), log }),
  ]);
  const dictionaryDone = performance.now();
  log.debug({ ms: Math.round(dictionaryDone - started) }, 'dictionary loaded');
  const corpus = await readCorpus(settings.seedsDir, (skipped) => log.warn(skipped, 'seed file skipped'));
  const readDone = performance.now();
  const paragraphs = corpus.transcripts.reduce((sum, transcript) => sum + transcript.paragraphs.length, 0);
  log.info(
    { dir: settings.seedsDir, files: corpus.transcripts.length, skipped: corpus.skipped.length, paragraphs, ms: Math.round(readDone - dictionaryDone) },
    'transcripts read',
  );
  const analyzer = createAnalyzer(tokenizer);
  const texts = corpus.transcripts.flatMap((transcript) => transcript.paragraphs.map((paragraph) => paragraph.text));
  const retriever = buildRetriever(corpus, analyzer, lexicon, await analyzeAll(texts, analyzer, defaultAnalyzeOptions()));
  const indexDone = performance.now();
  log.info({ paragraphs, ms: Math.round(indexDone - readDone) }, 'index built');
  return {
    state: { corpus, retriever },
    timings: {
      dictionaryMs: dictionaryDone - started,
      readMs: readDone - dictionaryDone,
      indexMs: indexDone - readDone,
      totalMs: indexDone - started,
    },
  };
}
