/**
 * One measurement of bench/perf.ts in a fresh process, so that nothing the parent loaded pollutes
 * the timing or the memory. Prints one JSON line on stdout. Not meant to be run by hand, but can be:
 *
 *   node --import tsx --expose-gc bench/perf-child.ts dict
 *   node --import tsx --expose-gc bench/perf-child.ts run --seeds DIR --questions FILE [--instrument]
 *
 * `run` boots exactly as the bot does (`boot()`), then measures memory after a GC and /ask latency.
 * With `--instrument` it performs boot's steps itself with timers around the tokenizer and the
 * analyser instead, to split the indexing time. With `--profile-out DIR` it records two V8 CPU
 * profiles through the inspector: `build.cpuprofile` (reading + indexing, not the dictionary) and
 * `ask.cpuprofile` (the measured asks); `--ask-limit N` caps the asks (for slow large corpora).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { boot, type AppState } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { PAGE_SIZE } from '../src/console/console-commands.js';
import { buildGlossary, type Glossary } from '../src/corpus/glossary/build-glossary.js';
import { readCorpus } from '../src/corpus/read-corpus.js';
import { ask } from '../src/features/ask.js';
import { createLogger } from '../src/log.js';
import { buildTimeline, type Timeline } from '../src/features/timeline.js';
import { buildRetriever } from '../src/search/retriever.js';
import { createAnalyzer, type Analyzer } from '../src/text/analyze.js';
import { loadLexicon, type Lexicon } from '../src/text/lexicon/lexicon.js';
import { loadTokenizer, type Tokenizer } from '../src/text/tokenizer.js';
import type { PerfQuestion, QuestionKind } from './perf-questions.js';

const MB = 1024 * 1024;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The bot's own settings (DICTIONARY_DIR, DATA_DIR from the environment, as `npm start` reads them). */
function lexiconSettings(useLexicon: boolean): { dictionaryDir: string | null; dataDir: string } {
  const config = loadConfig(process.env, ROOT);
  return { dictionaryDir: useLexicon ? config.dictionaryDir : null, dataDir: config.dataDir };
}

function loadBotLexicon(settings: { dictionaryDir: string | null; dataDir: string }): Promise<Lexicon | null> {
  if (settings.dictionaryDir === null) return Promise.resolve(null);
  const quiet = { info: () => undefined, warn: () => undefined };
  return loadLexicon({ dictionaryDir: settings.dictionaryDir, cacheDir: join(settings.dataDir, 'cache'), log: quiet });
}

export interface LatencySummary {
  readonly n: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
}

export interface MemoryFigures {
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly heapTotalMb: number;
  readonly externalMb: number;
  /** Highest RSS the process reached so far (getrusage maxrss). */
  readonly peakRssMb: number;
  /** Whether a full GC ran just before the reading (needs --expose-gc). */
  readonly afterGc: boolean;
}

export interface DictResult {
  readonly mode: 'dict';
  /** kuromoji's dictionary alone, first thing in the process. */
  readonly dictMs: number;
  /** Then the bilingual lexicon alone (from its cache when built), or null with --no-lexicon / not installed. */
  readonly lexiconMs: number | null;
  /** Time from process start (node + tsx + imports) until the dictionary was ready. */
  readonly sinceProcessStartMs: number;
  readonly memory: MemoryFigures;
}

export interface InstrumentFigures {
  readonly tokenizeMs: number;
  readonly tokenizeCalls: number;
  readonly tokenizeChars: number;
  readonly analyzeMs: number;
  readonly analyzeCalls: number;
  /** buildRetriever as a whole: analysis plus minisearch, frequency tables, sound keys, maps. */
  readonly buildRetrieverMs: number;
}

export interface RunResult {
  readonly mode: 'run';
  /** Whether boot was asked to load the bilingual lexicon (DICTIONARY_DIR, as the bot does); see DictResult.lexiconMs for whether it is installed. */
  readonly lexicon: boolean;
  readonly files: number;
  readonly paragraphs: number;
  readonly textChars: number;
  readonly timings: { readonly dictionaryMs: number; readonly readMs: number; readonly indexMs: number; readonly totalMs: number };
  /** Time from process start (node + tsx + imports + boot) until the bot could answer. */
  readonly sinceProcessStartMs: number;
  readonly memory: MemoryFigures;
  readonly ask: LatencySummary & {
    readonly warmup: number;
    readonly answeredShare: number;
    readonly errors: number;
    readonly byKind: Partial<Record<QuestionKind, LatencySummary>>;
  };
  readonly instrument?: InstrumentFigures;
}

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

export function summarize(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (x: number): number => Number(x.toFixed(2));
  return {
    n: sorted.length,
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    p99Ms: round(percentile(sorted, 0.99)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    meanMs: round(sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length)),
  };
}

function memory(): MemoryFigures {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) {
    gc();
    gc();
  }
  const usage = process.memoryUsage();
  const round = (bytes: number): number => Math.round(bytes / MB);
  return {
    rssMb: round(usage.rss),
    heapUsedMb: round(usage.heapUsed),
    heapTotalMb: round(usage.heapTotal),
    externalMb: round(usage.external),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    afterGc: gc !== undefined,
  };
}

/** A sampling CPU profiler on this process, started and stopped around one phase. */
async function startProfiler(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function instrumentedBoot(
  seedsDir: string,
  settings: { dictionaryDir: string | null; dataDir: string },
  profileOut: string | undefined,
): Promise<{ state: AppState; timings: RunResult['timings']; instrument: InstrumentFigures }> {
  const started = performance.now();
  const [raw, lexicon] = await Promise.all([loadTokenizer(), loadBotLexicon(settings)]);
  const dictionaryDone = performance.now();
  const figures = { tokenizeMs: 0, tokenizeCalls: 0, tokenizeChars: 0, analyzeMs: 0, analyzeCalls: 0, buildRetrieverMs: 0 };
  const tokenizer: Tokenizer = {
    tokenize(text) {
      const t = performance.now();
      const morphemes = raw.tokenize(text);
      figures.tokenizeMs += performance.now() - t;
      figures.tokenizeCalls += 1;
      figures.tokenizeChars += text.length;
      return morphemes;
    },
  };
  const inner = createAnalyzer(tokenizer);
  const analyzer: Analyzer = {
    analyze(text) {
      const t = performance.now();
      const analysis = inner.analyze(text);
      figures.analyzeMs += performance.now() - t;
      figures.analyzeCalls += 1;
      return analysis;
    },
    wordSpans: (text) => inner.wordSpans(text),
    sliceSpans: (text, known, start, end) => inner.sliceSpans(text, known, start, end),
    reading: (word) => inner.reading(word),
  };
  const profiler = profileOut === undefined ? undefined : await startProfiler();
  const readStarted = performance.now();
  const corpus = await readCorpus(seedsDir, () => undefined);
  const readDone = performance.now();
  const retriever = buildRetriever(corpus, analyzer, lexicon);
  const indexDone = performance.now();
  let glossary: Glossary | undefined;
  let timeline: Timeline | undefined;
  if (profiler !== undefined && profileOut !== undefined) await profiler.stop(join(profileOut, 'build.cpuprofile'));
  figures.buildRetrieverMs = indexDone - readDone;
  const round = (x: number): number => Math.round(x);
  return {
    // As in boot(): built on first use, not as part of the start-up measured here.
    state: {
      corpus,
      retriever,
      get glossary() {
        glossary ??= buildGlossary(corpus, raw);
        return glossary;
      },
      get timeline() {
        timeline ??= buildTimeline(corpus);
        return timeline;
      },
    },
    timings: { dictionaryMs: dictionaryDone - started, readMs: readDone - readStarted, indexMs: indexDone - readDone, totalMs: indexDone - started - (readStarted - dictionaryDone) },
    instrument: {
      ...figures,
      tokenizeMs: round(figures.tokenizeMs),
      analyzeMs: round(figures.analyzeMs),
      buildRetrieverMs: round(figures.buildRetrieverMs),
    },
  };
}

function measureAsks(state: AppState, questions: readonly PerfQuestion[], warmup: number): RunResult['ask'] {
  const run = (question: string): { ms: number; answered: boolean; error: boolean } => {
    const started = performance.now();
    try {
      const result = ask(state, { question, limit: PAGE_SIZE });
      return { ms: performance.now() - started, answered: result.answered, error: false };
    } catch {
      return { ms: performance.now() - started, answered: false, error: true };
    }
  };
  for (const { question } of questions.slice(0, warmup)) run(question);
  const all: number[] = [];
  const byKind = new Map<QuestionKind, number[]>();
  let answered = 0;
  let errors = 0;
  for (const { question, kind } of questions) {
    const outcome = run(question);
    all.push(outcome.ms);
    byKind.set(kind, [...(byKind.get(kind) ?? []), outcome.ms]);
    if (outcome.answered) answered += 1;
    if (outcome.error) errors += 1;
  }
  return {
    ...summarize(all),
    warmup,
    answeredShare: Number((answered / Math.max(1, questions.length)).toFixed(3)),
    errors,
    byKind: Object.fromEntries([...byKind].map(([kind, values]) => [kind, summarize(values)])),
  };
}

async function profiled<T>(dir: string | undefined, name: string, run: () => T): Promise<T> {
  if (dir === undefined) return run();
  const profiler = await startProfiler();
  const result = run();
  await profiler.stop(join(dir, name));
  return result;
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      seeds: { type: 'string' },
      questions: { type: 'string' },
      warmup: { type: 'string', default: '10' },
      instrument: { type: 'boolean', default: false },
      'profile-out': { type: 'string' },
      'ask-limit': { type: 'string' },
      'no-lexicon': { type: 'boolean', default: false },
    },
  });
  if (mode === 'dict') {
    const started = performance.now();
    await loadTokenizer();
    const dictMs = performance.now() - started;
    const sinceProcessStartMs = Math.round(performance.now());
    const lexiconStarted = performance.now();
    const lexicon = await loadBotLexicon(lexiconSettings(!values['no-lexicon']));
    const lexiconMs = lexicon === null ? null : Math.round(performance.now() - lexiconStarted);
    const result: DictResult = { mode, dictMs: Math.round(dictMs), lexiconMs, sinceProcessStartMs, memory: memory() };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  if (mode !== 'run' || values.seeds === undefined || values.questions === undefined) {
    throw new Error('usage: perf-child.ts dict | run --seeds DIR --questions FILE [--warmup N] [--instrument]');
  }
  const allQuestions = JSON.parse(await readFile(values.questions, 'utf8')) as PerfQuestion[];
  const questions = values['ask-limit'] === undefined ? allQuestions : allQuestions.slice(0, Number(values['ask-limit']));
  const profileOut = values['profile-out'];
  if (profileOut !== undefined) await mkdir(profileOut, { recursive: true });
  const settings = lexiconSettings(!values['no-lexicon']);
  const booted = values.instrument || profileOut !== undefined
    ? await instrumentedBoot(values.seeds, settings, profileOut)
    : { ...(await boot({ seedsDir: values.seeds, ...settings }, createLogger('silent'))), instrument: undefined };
  const sinceProcessStartMs = Math.round(performance.now());
  const { state } = booted;
  const mem = memory();
  const paragraphs = state.corpus.transcripts.flatMap((transcript) => transcript.paragraphs);
  const round = (x: number): number => Math.round(x);
  const result: RunResult = {
    mode,
    lexicon: settings.dictionaryDir !== null,
    files: state.corpus.transcripts.length,
    paragraphs: paragraphs.length,
    textChars: paragraphs.reduce((sum, paragraph) => sum + paragraph.text.length, 0),
    timings: {
      dictionaryMs: round(booted.timings.dictionaryMs),
      readMs: round(booted.timings.readMs),
      indexMs: round(booted.timings.indexMs),
      totalMs: round(booted.timings.totalMs),
    },
    sinceProcessStartMs,
    memory: mem,
    ask: await profiled(profileOut, 'ask.cpuprofile', () => measureAsks(state, questions, Number(values.warmup))),
    ...(booted.instrument === undefined ? {} : { instrument: booted.instrument }),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
