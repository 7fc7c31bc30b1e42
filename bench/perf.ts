/**
 * Start-up, memory and /ask latency figures (a benchmark that prints numbers, not a test).
 *
 *   npm run bench:perf [-- --json] [-- --scale 10,100] [-- --repeat 3] [-- --profile 100] [-- --save FILE]
 *
 * Other options: --questions N (generated questions, default 240), --seed N (PRNG), --seeds DIR,
 * --timeout S (per child, default 600), --max-old-space MB (default 6144), --distractors PASSAGES.jsonl
 * (add those passages to every scale run), --profile-dir DIR (where the .cpuprofile files are kept),
 * --profile-asks N (questions asked in the profile run, default 60).
 *
 * Every measurement runs in a fresh child process (bench/perf-child.ts, `node --import tsx
 * --expose-gc --max-old-space-size=6144`), so neither the parent's own dictionary (loaded to make
 * the questions) nor an earlier run pollutes time or memory:
 * - `dictMs`: kuromoji's dictionary load alone (`loadTokenizer()`), median of `--repeat` processes;
 * - `bootMs`: `boot()` over the seeds as the bot boots (kuromoji and, when DICTIONARY_DIR holds it,
 *   the bilingual lexicon, then reading + indexing) — median of `--repeat`; `--no-lexicon` boots
 *   without the lexicon;
 * - `askP50Ms` / `askP95Ms`: `ask()` in the booted process over ≥ 200 questions made from the corpus
 *   (bench/perf-questions.ts) plus hand-written ones, after a short warm-up;
 * - `rssMb`: resident memory after boot and a full GC (MiB);
 * - `scale`: the seeds copied ×factor (bench/perf-corpus.ts) and booted in a fresh process each:
 *   build time (reading + indexing), memory after a GC and at peak, ask latency over the same questions.
 * `--profile F` adds a run at ×F with timers around the tokenizer and analyser and the V8 sampling
 * profiler on, and prints where indexing time (and ask time) goes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readCorpus } from '../src/corpus/read-corpus.js';
import { loadTokenizer } from '../src/text/tokenizer.js';
import { writeScaledCorpus } from './perf-corpus.js';
import type { DictResult, RunResult } from './perf-child.js';
import { formatProfile, summarizeProfileFile, type ProfileSummary } from './perf-profile.js';
import { generateQuestions } from './perf-questions.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHILD = join(ROOT, 'bench', 'perf-child.ts');
/** Targets from the issue, stated for the ×100 corpus. */
const TARGET = { indexMs: 90_000, memoryMb: 4096, askP95Ms: 100, bootToDict: 4 };

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    scale: { type: 'string', default: '10,100' },
    repeat: { type: 'string', default: '3' },
    questions: { type: 'string', default: '240' },
    seed: { type: 'string', default: '42' },
    seeds: { type: 'string', default: 'seeds' },
    timeout: { type: 'string', default: '600' },
    'max-old-space': { type: 'string', default: '6144' },
    distractors: { type: 'string' },
    profile: { type: 'string' },
    'profile-dir': { type: 'string' },
    save: { type: 'string' },
    'no-lexicon': { type: 'boolean', default: false },
    'profile-asks': { type: 'string', default: '60' },
  },
});

const repeat = Math.max(1, Number(values.repeat));
const factors = values.scale.split(',').map((x) => x.trim()).filter((x) => x !== '' && x !== '0').map(Number);
if (factors.some((factor) => !Number.isInteger(factor) || factor < 1)) throw new Error(`--scale takes whole numbers: ${values.scale}`);
const timeoutMs = Number(values.timeout) * 1000;
const nodeFlags = ['--expose-gc', `--max-old-space-size=${values['max-old-space']}`];
const seedsDir = resolve(ROOT, values.seeds);

function progress(message: string): void {
  process.stderr.write(`[perf] ${message}\n`);
}

type ChildOutcome<T> = { ok: true; result: T; wallMs: number } | { ok: false; error: string; wallMs: number };

/** Run bench/perf-child.ts in a fresh node process; kill it (this child only) after `timeout`. */
function runChild<T>(args: readonly string[], options: { timeout: number; extraFlags?: readonly string[] }): Promise<ChildOutcome<T>> {
  return new Promise((done) => {
    const started = performance.now();
    const childArgs = [...args, ...(values['no-lexicon'] ? ['--no-lexicon'] : [])];
    const child = spawn(process.execPath, [...nodeFlags, ...(options.extraFlags ?? []), '--import', 'tsx', CHILD, ...childArgs], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeout);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = Math.round(performance.now() - started);
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) {
        done({ ok: true, result: JSON.parse(last) as T, wallMs });
        return;
      }
      const why = timedOut ? `killed after the ${options.timeout / 1000} s limit` : `exited with ${signal ?? `code ${String(code)}`}`;
      const tail = stderr.trim().split('\n').slice(-6).join(' | ');
      done({ ok: false, error: `${why}${tail === '' ? '' : `: ${tail}`}`, wallMs });
    });
  });
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function seedBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) if (/\.(?:txt|md)$/iu.test(name)) total += (await stat(join(dir, name))).size;
  return total;
}

type Profile =
  | {
      readonly factor: number;
      readonly dir: string;
      readonly instrument: RunResult['instrument'];
      readonly timings: RunResult['timings'];
      readonly ask: RunResult['ask'];
      readonly build: ProfileSummary;
      readonly asks: ProfileSummary;
    }
  | { readonly factor: number; readonly error: string };

interface ScaleRow {
  readonly factor: number;
  readonly paragraphs: number | null;
  readonly megabytes: number;
  readonly buildMs: number | null;
  readonly rssMb: number | null;
  readonly askP95Ms: number | null;
  readonly files: number;
  readonly readMs?: number;
  readonly indexMs?: number;
  readonly peakRssMb?: number;
  readonly heapUsedMb?: number;
  readonly askP50Ms?: number;
  readonly answeredShare?: number;
  readonly wallMs: number;
  readonly error?: string;
}

/** The commit measured, and whether src/ had uncommitted changes (others edit it concurrently). */
function codeVersion(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() !== '';
  return `${head || 'unknown'}${dirty ? ' + uncommitted src changes' : ''}`;
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? 0;
  const work = await mkdtemp(join(tmpdir(), 'perf-'));
  try {
    // 1. Dictionary alone, fresh processes.
    const dictRuns: DictResult[] = [];
    for (let i = 0; i < repeat; i += 1) {
      progress(`dictionary load ${i + 1}/${repeat}`);
      const outcome = await runChild<DictResult>(['dict'], { timeout: 120_000 });
      if (!outcome.ok) throw new Error(`dictionary child failed: ${outcome.error}`);
      dictRuns.push(outcome.result);
    }

    // 2. Questions, made here from the corpus (the parent's memory is never measured).
    progress('making questions from the corpus');
    const corpus = await readCorpus(seedsDir, () => undefined);
    const questions = generateQuestions(corpus, await loadTokenizer(), Number(values.questions), Number(values.seed));
    const questionsFile = join(work, 'questions.json');
    await writeFile(questionsFile, JSON.stringify(questions));
    const baseBytes = await seedBytes(seedsDir);

    // 3. Boot over the seeds + memory + ask latency, fresh processes.
    const bootRuns: RunResult[] = [];
    for (let i = 0; i < repeat; i += 1) {
      progress(`boot + ${questions.length} asks over the seeds ${i + 1}/${repeat}`);
      const outcome = await runChild<RunResult>(['run', '--seeds', seedsDir, '--questions', questionsFile], { timeout: timeoutMs });
      if (!outcome.ok) throw new Error(`boot child failed: ${outcome.error}`);
      bootRuns.push(outcome.result);
    }

    // 4. Scale runs.
    const scale: ScaleRow[] = [];
    for (const factor of factors) {
      const dir = join(work, `x${factor}`);
      const written = await writeScaledCorpus(corpus, dir, factor, values.distractors);
      const megabytes = Number((written.bytes / 1e6).toFixed(1));
      progress(`scale ×${factor}: ${written.files} files, ${megabytes} MB — booting in a fresh process (limit ${timeoutMs / 1000} s)`);
      const outcome = await runChild<RunResult>(['run', '--seeds', dir, '--questions', questionsFile], { timeout: timeoutMs });
      await rm(dir, { recursive: true, force: true });
      if (outcome.ok) {
        const r = outcome.result;
        scale.push({
          factor,
          paragraphs: r.paragraphs,
          megabytes,
          buildMs: r.timings.readMs + r.timings.indexMs,
          rssMb: r.memory.rssMb,
          askP95Ms: r.ask.p95Ms,
          files: r.files,
          readMs: r.timings.readMs,
          indexMs: r.timings.indexMs,
          peakRssMb: r.memory.peakRssMb,
          heapUsedMb: r.memory.heapUsedMb,
          askP50Ms: r.ask.p50Ms,
          answeredShare: r.ask.answeredShare,
          wallMs: outcome.wallMs,
        });
      } else {
        progress(`scale ×${factor} failed: ${outcome.error}`);
        scale.push({ factor, paragraphs: null, megabytes, buildMs: null, rssMb: null, askP95Ms: null, files: written.files, wallMs: outcome.wallMs, error: outcome.error });
      }
    }

    // 5. Optional profile of indexing (and of the asks) at one size.
    let profile: Profile | undefined;
    if (values.profile !== undefined) {
      const factor = Number(values.profile);
      const dir = join(work, `profile-x${factor}`);
      await writeScaledCorpus(corpus, dir, factor, values.distractors);
      const profileDir = resolve(values['profile-dir'] ?? join(tmpdir(), `perf-profile-x${factor}-${Date.now()}`));
      progress(`profile ×${factor}: instrumented boot with the CPU profiler on (profiles in ${profileDir})`);
      const outcome = await runChild<RunResult>(
        ['run', '--seeds', dir, '--questions', questionsFile, '--instrument', '--profile-out', profileDir, '--ask-limit', values['profile-asks']],
        { timeout: timeoutMs },
      );
      await rm(dir, { recursive: true, force: true });
      if (outcome.ok) {
        profile = {
          factor,
          dir: profileDir,
          instrument: outcome.result.instrument,
          timings: outcome.result.timings,
          ask: outcome.result.ask,
          build: await summarizeProfileFile(join(profileDir, 'build.cpuprofile'), 30),
          asks: await summarizeProfileFile(join(profileDir, 'ask.cpuprofile'), 20),
        };
      } else {
        profile = { factor, error: outcome.error };
      }
    }

    const dictMs = median(dictRuns.map((r) => r.dictMs));
    const bootMs = Math.round(median(bootRuns.map((r) => r.timings.totalMs)));
    const paragraphs = bootRuns[0]?.paragraphs ?? 0;
    const report = {
      bootMs,
      dictMs,
      askP50Ms: median(bootRuns.map((r) => r.ask.p50Ms)),
      askP95Ms: median(bootRuns.map((r) => r.ask.p95Ms)),
      rssMb: median(bootRuns.map((r) => r.memory.rssMb)),
      scale,
      details: {
        code: codeVersion(),
        loadAverage1m: { before: Number(loadBefore.toFixed(2)), after: Number((loadavg()[0] ?? 0).toFixed(2)) },
        repeat,
        seeds: { files: bootRuns[0]?.files ?? 0, paragraphs, megabytes: Number((baseBytes / 1e6).toFixed(2)) },
        questions: {
          total: questions.length,
          generated: questions.filter((q) => q.kind === 'generated').length,
          fixed: questions.filter((q) => q.kind === 'fixed').length,
          unanswerable: questions.filter((q) => q.kind === 'unanswerable').length,
          seed: Number(values.seed),
        },
        bootToDictRatio: Number((bootMs / Math.max(1, dictMs)).toFixed(2)),
        lexicon: !values['no-lexicon'],
        lexiconMs: dictRuns.some((r) => r.lexiconMs === null) ? null : median(dictRuns.map((r) => r.lexiconMs ?? 0)),
        dictRuns: dictRuns.map((r) => ({ dictMs: r.dictMs, lexiconMs: r.lexiconMs, sinceProcessStartMs: r.sinceProcessStartMs, rssMb: r.memory.rssMb })),
        bootRuns: bootRuns.map((r) => ({ ...r.timings, sinceProcessStartMs: r.sinceProcessStartMs, memory: r.memory, ask: r.ask })),
        ...(profile === undefined ? {} : { profile }),
      },
    };

    if (values.save !== undefined) await writeFile(resolve(values.save), `${JSON.stringify(report, null, 2)}\n`);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    const out: string[] = [];
    const base = report.details.seeds;
    const q = report.details.questions;
    out.push(`seeds: ${base.files} files, ${base.paragraphs} paragraphs, ${base.megabytes} MB; questions: ${q.total} (${q.generated} generated from the corpus, ${q.fixed} hand-written, ${q.unanswerable} unanswerable; seed ${q.seed}); every figure from fresh processes, median of ${repeat}`);
    out.push(`code: ${report.details.code}; 1-min load average before ${report.details.loadAverage1m.before}, after ${report.details.loadAverage1m.after} (2 cores: other work adds noise)`);
    out.push('');
    out.push(`dictMs     ${String(dictMs).padStart(7)} ms   kuromoji dictionary load alone, first thing in a fresh process (runs: ${dictRuns.map((r) => r.dictMs).join(', ')} ms)`);
    out.push(`           bilingual lexicon alone, after it in the same process: ${report.details.lexiconMs === null ? 'not loaded (--no-lexicon or not installed)' : `${report.details.lexiconMs} ms (runs: ${dictRuns.map((r) => r.lexiconMs).join(', ')} ms)`}`);
    const b = bootRuns.map((r) => r.timings);
    out.push(`bootMs     ${String(bootMs).padStart(7)} ms   boot()${report.details.lexicon ? '' : ' without the lexicon'}: dictionaries ${median(b.map((t) => t.dictionaryMs))} + read ${median(b.map((t) => t.readMs))} + index ${median(b.map((t) => t.indexMs))} ms (runs: ${b.map((t) => t.totalMs).join(', ')} ms)`);
    out.push(`           ${report.details.bootToDictRatio}× the dictionary load (target ≤ ${TARGET.bootToDict}×) ${report.details.bootToDictRatio <= TARGET.bootToDict ? 'OK' : 'OVER'}; process start → ready incl. node/tsx/imports: ${median(bootRuns.map((r) => r.sinceProcessStartMs))} ms`);
    out.push(`askP50Ms   ${String(report.askP50Ms).padStart(7)} ms   ask() in-process, ${q.total} questions after ${bootRuns[0]?.ask.warmup ?? 0} warm-up asks (runs: ${bootRuns.map((r) => r.ask.p50Ms).join(', ')})`);
    out.push(`askP95Ms   ${String(report.askP95Ms).padStart(7)} ms   (runs: ${bootRuns.map((r) => r.ask.p95Ms).join(', ')}; p99 ${bootRuns.map((r) => r.ask.p99Ms).join(', ')}; max ${bootRuns.map((r) => r.ask.maxMs).join(', ')})`);
    const kinds = bootRuns[0]?.ask.byKind ?? {};
    out.push(`           by kind (run 1): ${Object.entries(kinds).map(([kind, s]) => `${kind} p50 ${s.p50Ms} / p95 ${s.p95Ms} ms (n ${s.n})`).join('; ')}; answered ${bootRuns[0]?.ask.answeredShare}, errors ${bootRuns[0]?.ask.errors}`);
    const m = bootRuns[0]?.memory;
    out.push(`rssMb      ${String(report.rssMb).padStart(7)} MiB  RSS after boot and a full GC (run 1: heap used ${m?.heapUsedMb} MiB, external ${m?.externalMb} MiB, peak RSS ${m?.peakRssMb} MiB)`);
    if (scale.length > 0) {
      out.push('');
      out.push('scale (seeds ×factor, content lines marked per copy; fresh process each; targets stated for ×100: index ≤ 90 s, ≤ 4 GB, p95 ≤ 100 ms)');
      out.push('factor  paragraphs      MB   build ms (read + index)        RSS MiB  peak MiB  heap MiB  ask p50  ask p95  answered  targets');
      for (const row of scale) {
        if (row.error !== undefined) {
          out.push(`×${String(row.factor).padEnd(5)}  FAILED after ${row.wallMs} ms: ${row.error}`);
          continue;
        }
        const checks = [
          (row.indexMs ?? 0) + (row.readMs ?? 0) <= TARGET.indexMs ? 'time OK' : 'time OVER',
          (row.peakRssMb ?? 0) <= TARGET.memoryMb ? 'mem OK' : 'mem OVER',
          (row.askP95Ms ?? 0) <= TARGET.askP95Ms ? 'p95 OK' : 'p95 OVER',
        ].join(', ');
        out.push(
          `×${String(row.factor).padEnd(5)} ${String(row.paragraphs).padStart(11)} ${String(row.megabytes).padStart(7)}   ${`${row.buildMs} (${row.readMs} + ${row.indexMs})`.padEnd(26)} ${String(row.rssMb).padStart(8)} ${String(row.peakRssMb).padStart(9)} ${String(row.heapUsedMb).padStart(9)} ${String(row.askP50Ms).padStart(8)} ${String(row.askP95Ms).padStart(8)} ${String(row.answeredShare).padStart(9)}  ${checks}`,
        );
      }
    }
    if (profile !== undefined) {
      out.push('');
      if ('error' in profile) {
        out.push(`profile ×${profile.factor} FAILED: ${profile.error}`);
      } else {
        const i = profile.instrument;
        out.push(`profile ×${profile.factor} (profiler on, so slower than the plain run; profiles in ${profile.dir})`);
        if (i !== undefined) {
          out.push(
            `  read ${profile.timings.readMs} ms; buildRetriever ${i.buildRetrieverMs} ms = analyze ${i.analyzeMs} ms (${i.analyzeCalls} calls; of which kuromoji tokenize ${i.tokenizeMs} ms over ${i.tokenizeChars} chars) + the rest (minisearch addAll, df tables, sound keys, maps) ${i.buildRetrieverMs - i.analyzeMs} ms`,
          );
        }
        out.push('  build (reading + indexing):');
        out.push(formatProfile(profile.build).replace(/^/gmu, '    '));
        out.push(`  asks (${profile.ask.n} questions, p50 ${profile.ask.p50Ms} ms, p95 ${profile.ask.p95Ms} ms):`);
        out.push(formatProfile(profile.asks).replace(/^/gmu, '    '));
      }
    }
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
