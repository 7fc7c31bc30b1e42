/**
 * Retrieval quality on question → passage data (JSQuAD format), with the bot's own analysis.
 *
 *   npm run bench:retrieval -- --passages ../shared/bench/jsquad-valid/passages.jsonl \
 *     --queries ../shared/bench/jsquad-valid/queries.jsonl [--json] [--limit N]
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createAnalyzer } from '../src/text/analyze.js';
import { analyzeAll, defaultAnalyzeOptions } from '../src/text/analyze-all.js';
import { loadTokenizer } from '../src/text/tokenizer.js';
import { createSearchEngine } from '../src/search/search-engine.js';
import { parseBenchPassage, parseBenchQuery } from './jsonl.js';

const { values } = parseArgs({
  options: {
    passages: { type: 'string' },
    queries: { type: 'string' },
    json: { type: 'boolean', default: false },
    limit: { type: 'string' },
    option: { type: 'string', multiple: true, default: [] },
  },
});
if (values.passages === undefined || values.queries === undefined) {
  process.stderr.write('usage: npm run bench:retrieval -- --passages P --queries Q [--json] [--limit N]\n');
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

let r1 = 0, r5 = 0, r10 = 0, mrr = 0, hard = 0, hardR1 = 0;
const latencies: number[] = [];
for (const query of queries) {
  const started = performance.now();
  const hits = engine.search(query.question, 10);
  latencies.push(performance.now() - started);
  const rank = hits.findIndex((hit) => query.positives.includes(hit.id)) + 1;
  if (rank === 1) r1 += 1;
  if (rank >= 1 && rank <= 5) r5 += 1;
  if (rank >= 1) { r10 += 1; mrr += 1 / rank; }
  if (query.bigramOverlap !== null && query.bigramOverlap < 0.5) {
    hard += 1;
    if (rank === 1) hardR1 += 1;
  }
}
latencies.sort((a, b) => a - b);
const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
const n = queries.length;
const result = {
  passages: passages.length,
  queries: n,
  r1: r1 / n, r5: r5 / n, r10: r10 / n, mrr10: mrr / n,
  hardR1: hard > 0 ? hardR1 / hard : null, hardQueries: hard,
  indexMs: Math.round(indexMs),
  queryP50Ms: Number(pct(0.5).toFixed(2)), queryP95Ms: Number(pct(0.95).toFixed(2)),
};
if (values.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const f = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
  process.stdout.write(
    `passages ${result.passages}, queries ${n}\n` +
      `R@1 ${f(result.r1)}  R@5 ${f(result.r5)}  R@10 ${f(result.r10)}  MRR@10 ${f(result.mrr10)}  hard R@1 ${f(result.hardR1)} (${hard})\n` +
      `index ${result.indexMs} ms; per query p50 ${result.queryP50Ms} ms, p95 ${result.queryP95Ms} ms\n`,
  );
}
