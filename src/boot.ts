import { withNameReadings } from './corpus/name-readings.js';
import path from 'node:path';
import { buildGlossary, type Glossary } from './corpus/glossary/build-glossary.js';
import { readCorpus } from './corpus/read-corpus.js';
import { buildTimeline, type Timeline } from './features/timeline.js';
import type { Corpus } from './corpus/types.js';
import type { Logger } from './log.js';
import { loadEmbedder, type Embedder, type EmbedderSettings } from './search/embedder.js';
import { buildRetriever, type Retriever, type SemanticIndex } from './search/retriever.js';
import { passageVectors } from './search/vector-cache.js';
import { createVectorIndex } from './search/vector-index.js';
import { createAnalyzer } from './text/analyze.js';
import { analyzeAll, defaultAnalyzeOptions } from './text/analyze-all.js';
import { loadLexicon } from './text/lexicon/lexicon.js';
import { loadTokenizer } from './text/tokenizer.js';

/** Everything the features need, built once per process and passed down. */
export interface AppState {
  readonly corpus: Corpus;
  readonly retriever: Retriever;
  /** Terms the material defines, extracted once, on first use (for /define, /glossary and the digest). */
  readonly glossary: Glossary;
  /** Every dated event of the material, extracted and ordered once, on first use (for /timeline and the digest). */
  readonly timeline: Timeline;
}

export interface BootTimings {
  /** kuromoji's dictionary and the bilingual lexicon, loaded side by side. */
  readonly dictionaryMs: number;
  readonly readMs: number;
  readonly indexMs: number;
  /** Waiting for the model, then passage vectors from the cache (or the model, for new ones); 0 when lexical-only. */
  readonly vectorsMs: number;
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
  /** The embedding model for hybrid retrieval; absent: lexical only. */
  readonly embeddings?: EmbedderSettings;
}

export async function boot(settings: BootSettings, log: Logger): Promise<{ state: AppState; timings: BootTimings }> {
  const started = performance.now();
  // The model loads in its own thread while the dictionary loads and the corpus is read and indexed.
  const loadingEmbedder = settings.embeddings === undefined ? Promise.resolve(null) : loadEmbedder(settings.embeddings, log);
  const [tokenizer, lexicon] = await Promise.all([
    loadTokenizer(),
    settings.dictionaryDir === null
      ? Promise.resolve(null)
      : loadLexicon({ dictionaryDir: settings.dictionaryDir, cacheDir: path.join(settings.dataDir, 'cache'), log }),
  ]);
  const dictionaryDone = performance.now();
  log.debug({ ms: Math.round(dictionaryDone - started) }, 'dictionary loaded');
  // Kanji names get their readings as aliases, so /quote Takahashi finds 高橋.
  const corpus = withNameReadings(await readCorpus(settings.seedsDir, (skipped) => log.warn(skipped, 'seed file skipped')), tokenizer);
  const readDone = performance.now();
  const paragraphs = corpus.transcripts.reduce((sum, transcript) => sum + transcript.paragraphs.length, 0);
  log.info(
    { dir: settings.seedsDir, files: corpus.transcripts.length, skipped: corpus.skipped.length, paragraphs, ms: Math.round(readDone - dictionaryDone) },
    'transcripts read',
  );
  const analyzer = createAnalyzer(tokenizer);
  const texts = corpus.transcripts.flatMap((transcript) => transcript.paragraphs.map((paragraph) => paragraph.text));
  const analyses = await analyzeAll(texts, analyzer, defaultAnalyzeOptions());
  const vectorsStarted = performance.now();
  const embedder = await loadingEmbedder;
  const semantic = embedder === null ? null : await semanticIndex(texts, embedder, settings.dataDir, log);
  const vectorsMs = performance.now() - vectorsStarted;
  const retriever = buildRetriever(corpus, analyzer, lexicon, analyses, semantic);
  const indexDone = performance.now();
  log.info({ paragraphs, ms: Math.round(indexDone - readDone) }, 'index built');
  // Only /define, /glossary, /timeline and the digest need these (~0.3 s for the seeds): built on
  // first use, so /ask and /search are served without waiting for them.
  const glossary = onFirstUse(() => buildGlossary(corpus, tokenizer, lexicon), (built, ms) => log.info({ terms: built.entries.length, ms }, 'glossary built'));
  const timeline = onFirstUse(() => buildTimeline(corpus), (built, ms) => log.info({ events: built.events.length, ms }, 'timeline built'));
  return {
    state: {
      corpus,
      retriever,
      get glossary() {
        return glossary();
      },
      get timeline() {
        return timeline();
      },
    },
    timings: {
      dictionaryMs: dictionaryDone - started,
      readMs: readDone - dictionaryDone,
      indexMs: indexDone - readDone - vectorsMs,
      vectorsMs,
      totalMs: indexDone - started,
    },
  };
}

/** `build`, run once, the first time its value is asked for; `built` hears what it made and how long it took. */
function onFirstUse<T>(build: () => T, built: (value: T, ms: number) => void): () => T {
  let value: { readonly value: T } | undefined;
  return () => {
    if (value === undefined) {
      const started = performance.now();
      value = { value: build() };
      built(value.value, Math.round(performance.now() - started));
    }
    return value.value;
  };
}

/** Passage vectors from the cache, embedding only new passages; null (lexical-only) if that fails. */
async function semanticIndex(texts: readonly string[], embedder: Embedder, dataDir: string, log: Logger): Promise<SemanticIndex | null> {
  try {
    const { vectors, stats } = await passageVectors(texts, embedder, path.join(dataDir, 'cache'), log);
    log.info({ reused: stats.reused, computed: stats.computed, ms: Math.round(stats.ms) }, 'passage vectors ready: retrieval is hybrid');
    return { embedder, vectors: createVectorIndex(vectors, embedder.dimensions) };
  } catch (error) {
    log.warn({ error: error instanceof Error ? error.message : String(error) }, 'passages could not be embedded: running lexical-only');
    return null;
  }
}
