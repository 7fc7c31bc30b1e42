/**
 * Embedding figures (a benchmark that prints numbers, not a test).
 *
 *   npm run bench:embeddings [-- --repeat 3] [-- --scan 10000,100000,1000000] [-- --json]
 *
 * Every boot runs in a fresh child process (`boot()` exactly as `npm start`, over SEEDS_DIR, without
 * the bilingual lexicon), the configurations taking turns:
 * - lexical-only: EMBEDDINGS=off, and EMBEDDINGS=on with an empty MODELS_DIR (the fallback);
 * - the fixture model (test/fixtures/tiny-embedder): a first start with an empty DATA_DIR (every
 *   passage embedded: embed throughput) and later starts that reuse the cached vectors;
 * - the real model, when MODELS_DIR/EMBEDDING_MODEL holds one (it cannot be downloaded here).
 * `--scan`: brute-force vector search time over N random normalised 384-dimension vectors, to see
 * where an approximate (ANN) index would start to pay off.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { DEFAULT_EMBEDDING_MODEL, missingModelFiles } from '../src/search/embedder.js';
import { createVectorIndex } from '../src/search/vector-index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

const { values } = parseArgs({
  options: {
    child: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '3' },
    scan: { type: 'string', default: '10000,100000,1000000' },
    json: { type: 'boolean', default: false },
  },
});

interface BootFigures {
  readonly totalMs: number;
  readonly vectorsMs: number;
  readonly reused: number;
  readonly computed: number;
  readonly hybrid: boolean;
  readonly rssMb: number;
  readonly askMs: number;
}

if (values.child) {
  let vectorLine: { reused?: number; computed?: number } = {};
  const log = pino({ level: 'info' }, { write: (line: string) => {
    const parsed = JSON.parse(line) as { msg?: string; reused?: number; computed?: number };
    if (parsed.msg?.startsWith('passage vectors ready') === true) vectorLine = parsed;
  } });
  const { state, timings } = await boot(loadConfig(process.env, ROOT), log);
  const { ask } = await import('../src/features/ask.js');
  const started = performance.now();
  for (const question of ['マイクロソフトはなぜ原発を再稼働するのか', 'スケーリング則とは何か', 'Altmanは誰?']) ask(state, { question, limit: 5 });
  const figures: BootFigures = {
    totalMs: Math.round(timings.totalMs),
    vectorsMs: Math.round(timings.vectorsMs),
    reused: vectorLine.reused ?? 0,
    computed: vectorLine.computed ?? 0,
    hybrid: state.retriever.semantic !== null,
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    askMs: Number(((performance.now() - started) / 3).toFixed(1)),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}

function bootOnce(env: Readonly<Record<string, string>>): BootFigures {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child'], {
    cwd: ROOT,
    // Without the bilingual lexicon: a cold run's empty DATA_DIR would otherwise rebuild it (~10 s).
    env: { ...process.env, LOG_LEVEL: 'info', DICTIONARY_DIR: '/nonexistent', ...env },
    encoding: 'utf8',
    timeout: 600_000,
  });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || line === '') throw new Error(`boot child failed (${child.status}): ${child.stderr.slice(-2000)}`);
  return JSON.parse(line) as BootFigures;
}

function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const repeat = Number(values.repeat);
const tempDir = (prefix: string): Promise<string> => mkdtemp(path.join(tmpdir(), prefix));

const noModels = await tempDir('no-models-');
const warmData = await tempDir('bench-data-');
const fixture = { MODELS_DIR: FIXTURES, EMBEDDING_MODEL: 'tiny-embedder' };
const config = loadConfig(process.env, ROOT);
const realModel = config.embeddings.model;
const realMissing = await missingModelFiles(config.embeddings.modelsDir, realModel);
const realWarmData = await tempDir('bench-data-');
// Each configuration: its name and the environment of one run (a cold run gets an empty DATA_DIR).
const configurations: Array<{ name: string; env: () => Promise<Record<string, string>> }> = [
  { name: 'EMBEDDINGS=off', env: () => Promise.resolve({ EMBEDDINGS: 'off' }) },
  { name: 'EMBEDDINGS=on, no model (fallback)', env: () => Promise.resolve({ MODELS_DIR: noModels }) },
  { name: 'fixture model, first start (empty cache)', env: async () => ({ ...fixture, DATA_DIR: await tempDir('bench-data-') }) },
  { name: 'fixture model, cached vectors', env: () => Promise.resolve({ ...fixture, DATA_DIR: warmData }) },
];
if (realMissing.length === 0) {
  configurations.push(
    { name: `${realModel}, first start (empty cache)`, env: async () => ({ EMBEDDINGS: 'on', DATA_DIR: await tempDir('bench-data-') }) },
    { name: `${realModel}, cached vectors`, env: () => Promise.resolve({ EMBEDDINGS: 'on', DATA_DIR: realWarmData }) },
  );
}
// Warm the caches the "cached" rows read, outside the measurement.
bootOnce({ ...fixture, DATA_DIR: warmData });
if (realMissing.length === 0) bootOnce({ EMBEDDINGS: 'on', DATA_DIR: realWarmData });
const rows = configurations.map(({ name }) => ({ name, runs: [] as BootFigures[] }));
// Round-robin, so load from anything else on the machine falls on every configuration alike.
for (let round = 0; round < repeat; round += 1) {
  for (const [i, configuration] of configurations.entries()) rows[i]?.runs.push(bootOnce(await configuration.env()));
}

const scans: Array<{ rows: number; dimensions: number; searchMs: number }> = [];
for (const size of values.scan.split(',').map(Number).filter((n) => n > 0)) {
  const dimensions = 384;
  const vectors = new Float32Array(size * dimensions);
  let state = 12_345;
  for (let i = 0; i < vectors.length; i += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    vectors[i] = state / 2_147_483_648 - 0.5;
  }
  // Rows need not be normalised to time the scan: the work is the same dot products.
  const index = createVectorIndex(vectors, dimensions);
  const query = vectors.slice(0, dimensions);
  index.search(query, 30);
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    index.search(query, 30);
    times.push(performance.now() - started);
  }
  scans.push({ rows: size, dimensions, searchMs: Number(median(times).toFixed(2)) });
}

const summary = rows.map(({ name, runs }) => ({
  name,
  bootMs: median(runs.map((run) => run.totalMs)),
  vectorsMs: median(runs.map((run) => run.vectorsMs)),
  computed: median(runs.map((run) => run.computed)),
  reused: median(runs.map((run) => run.reused)),
  passagesPerSecond: runs[0] !== undefined && runs[0].computed > 0 ? Math.round(runs[0].computed / (runs[0].vectorsMs / 1000)) : null,
  hybrid: runs.every((run) => run.hybrid),
  rssMb: median(runs.map((run) => run.rssMb)),
  askMs: median(runs.map((run) => run.askMs)),
  runs: runs.map((run) => run.totalMs),
}));
if (values.json) {
  process.stdout.write(`${JSON.stringify({ boots: summary, scans, realModel: realMissing.length === 0 ? realModel : null })}\n`);
} else {
  for (const row of summary) {
    process.stdout.write(
      `${row.name}: boot ${row.bootMs} ms (runs ${row.runs.join(', ')}), vectors ${row.vectorsMs} ms ` +
        `(${row.computed} embedded, ${row.reused} reused${row.passagesPerSecond === null ? '' : `, ${row.passagesPerSecond} passages/s`}), ` +
        `hybrid ${row.hybrid}, RSS ${row.rssMb} MiB, ask ${row.askMs} ms\n`,
    );
  }
  if (realMissing.length > 0) {
    process.stdout.write(`no real model: ${path.join(config.embeddings.modelsDir, realModel)} lacks ${realMissing.join(', ')} (default ${DEFAULT_EMBEDDING_MODEL}); real-model figures not measured\n`);
  }
  for (const scan of scans) process.stdout.write(`brute-force search, ${scan.rows} × ${scan.dimensions}: ${scan.searchMs} ms per query (top 30)\n`);
}
