/**
 * Retrieval quality on question → passage data (JSQuAD format), with the bot's own analysis.
 *
 *   npm run bench:retrieval -- --passages ../shared/bench/jsquad-valid/passages.jsonl \
 *     --queries ../shared/bench/jsquad-valid/queries.jsonl [--json] [--limit N] [--embeddings on|off]
 *
 * `--embeddings on` also reports hybrid retrieval (lexical and vector lists fused as the bot does)
 * with the model the bot would load (EMBEDDING_MODEL in MODELS_DIR), its embed throughput and the
 * vector cache in DATA_DIR; with no model there it says so and reports the lexical figures only.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createAnalyzer } from '../src/text/analyze.js';
import { analyzeAll, defaultAnalyzeOptions } from '../src/text/analyze-all.js';
import { loadTokenizer } from '../src/text/tokenizer.js';
import { createSearchEngine } from '../src/search/search-engine.js';
import { parseBenchPassage, parseBenchQuery } from './jsonl.js';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { loadEmbedder } from '../src/search/embedder.js';
import { fuseLexicalAndVector } from '../src/search/fuse.js';
import { passageVectors } from '../src/search/vector-cache.js';
import { createVectorIndex } from '../src/search/vector-index.js';

const { values } = parseArgs({
  options: {
    passages: { type: 'string' },
    queries: { type: 'string' },
    json: { type: 'boolean', default: false },
    limit: { type: 'string' },
    option: { type: 'string', multiple: true, default: [] },
    embeddings: { type: 'string', default: 'off' },
  },
});
if (values.passages === undefined || values.queries === undefined) {
  process.stderr.write('usage: npm run bench:retrieval -- --passages P --queries Q [--json] [--limit N] [--embeddings on|off]\n');
  process.exit(2);
}

const overrides: Record<string, number> = {};
for (const pair of values.option ?? []) {
  const [key, value] = pair.split('=');
  if (key !== undefined && value !== undefined) overrides[key] = Number(value);
}

const passages = (await readFile(values.passages, 'utf8')).split('\n').filter((l) => l.trim() !== '').map(parseBenchPassage);
let queries = (await readFile(values.queries, 'utf8')).split('\n').filter((l) => l.trim() !== '').map(parseBenchQuery);
if (values.limit !== undefined) queries = queries.slice(0, Number(values.limit));

const tokenizer = await loadTokenizer();
const analyzer = createAnalyzer(tokenizer);
const indexStart = performance.now();
// Analysed as the bot does at boot: in worker threads as well when the corpus is large.
const analyses = await analyzeAll(passages.map((passage) => passage.text), analyzer, defaultAnalyzeOptions());
const engine = createSearchEngine(passages.map((passage, i) => ({ ...passage, analysis: analyses[i] })), analyzer, overrides);
const indexMs = performance.now() - indexStart;

/** Quality and latency of one ranking function over the queries. */
function evaluate(rank: (question: string) => readonly string[]) {
  let r1 = 0, r5 = 0, r10 = 0, mrr = 0, hard = 0, hardR1 = 0;
  const latencies: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    const ids = rank(query.question);
    latencies.push(performance.now() - started);
    const found = ids.findIndex((id) => query.positives.includes(id)) + 1;
    if (found === 1) r1 += 1;
    if (found >= 1 && found <= 5) r5 += 1;
    if (found >= 1) { r10 += 1; mrr += 1 / found; }
    if (query.bigramOverlap !== null && query.bigramOverlap < 0.5) {
      hard += 1;
      if (found === 1) hardR1 += 1;
    }
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  const n = queries.length;
  return {
    passages: passages.length,
    queries: n,
    r1: r1 / n, r5: r5 / n, r10: r10 / n, mrr10: mrr / n,
    hardR1: hard > 0 ? hardR1 / hard : null, hardQueries: hard,
    indexMs: Math.round(indexMs),
    queryP50Ms: Number(pct(0.5).toFixed(2)), queryP95Ms: Number(pct(0.95).toFixed(2)),
  };
}

function print(label: string, result: ReturnType<typeof evaluate>, extra: Record<string, unknown> = {}): void {
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ mode: label, ...result, ...extra })}\n`);
    return;
  }
  const f = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
  process.stdout.write(
    `[${label}] passages ${result.passages}, queries ${result.queries}\n` +
      `R@1 ${f(result.r1)}  R@5 ${f(result.r5)}  R@10 ${f(result.r10)}  MRR@10 ${f(result.mrr10)}  hard R@1 ${f(result.hardR1)} (${result.hardQueries})\n` +
      `index ${result.indexMs} ms; per query p50 ${result.queryP50Ms} ms, p95 ${result.queryP95Ms} ms\n`,
  );
}

print('lexical', evaluate((question) => engine.search(question, 10).map((hit) => hit.id)));

if (values.embeddings === 'on') {
  // The model and cache the bot would use (EMBEDDING_MODEL, MODELS_DIR, DATA_DIR), never downloaded here.
  const config = loadConfig(process.env, process.cwd());
  const log = createLogger('warn');
  const embedder = await loadEmbedder({ ...config.embeddings, mode: 'on' }, log);
  if (embedder === null) {
    process.stdout.write(`[hybrid] no embedding model at ${path.join(config.embeddings.modelsDir, config.embeddings.model)}: only the lexical figures above\n`);
  } else {
    const { vectors, stats } = await passageVectors(passages.map((passage) => passage.text), embedder, path.join(config.dataDir, 'cache'), log);
    const index = createVectorIndex(vectors, embedder.dimensions);
    const ids = passages.map((passage) => passage.id);
    const hybrid = evaluate((question) => {
      const lexical = engine.search(question, 30).map((hit) => hit.id);
      const vector = embedder.embedQuery(question);
      if (vector === null) return lexical.slice(0, 10);
      return fuseLexicalAndVector(lexical, index.search(vector, 30), index.meanSimilarity(vector), (row) => ids[row] ?? '').slice(0, 10).map((hit) => hit.id);
    });
    print(`hybrid ${embedder.id}`, hybrid, {
      embedded: stats.computed,
      reused: stats.reused,
      passagesPerSecond: stats.computed > 0 ? Math.round(stats.computed / (stats.ms / 1000)) : null,
    });
    if (!values.json) {
      process.stdout.write(
        `vectors: ${stats.computed} embedded${stats.computed > 0 ? ` at ${Math.round(stats.computed / (stats.ms / 1000))} passages/s` : ''}, ${stats.reused} from the cache (${Math.round(stats.ms)} ms)\n`,
      );
    }
  }
}
