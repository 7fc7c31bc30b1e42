/**
 * When should /ask say it has an answer? (a benchmark that prints figures, not a test)
 *
 *   npm run bench:answered [-- --json] [-- --rows]
 *
 * Runs every /ask probe with expected lines — the black-box reviews' (held-out folders left out),
 * the development set and its held-out file over the seeds — and reads, for the first result, the
 * evidence /ask decides on (`AskResult.evidence`). A row is *right* when the first result covers an
 * expected line. For the rule /ask uses and for a logistic model of the same evidence it reports, per
 * question set, right and answered (RA), answered with a wrong first line (WA) and unanswerable
 * questions answered (UA), and the utility RA − WA − UA. The model is scored by leave-one-set-out:
 * fitted on every other set, its threshold chosen there, then applied to the set left out — a
 * figure for material it has not seen (the held-out file of the development set is never fitted on).
 * `--rows` prints each row's evidence as JSON lines.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { ask, type AnswerEvidence } from '../src/features/ask.js';
import type { QuestionType } from '../src/features/question-type.js';
import { createLogger } from '../src/log.js';
import { parseDevQuestion } from './ask-dev-eval.js';
import { covers, reviewFolders } from './review-probes.js';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Row {
  readonly set: string;
  readonly id: string;
  readonly question: string;
  readonly answerable: boolean;
  readonly right: boolean;
  readonly answered: boolean;
  readonly type: QuestionType;
  readonly evidence: AnswerEvidence | null;
}

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, rows: { type: 'boolean', default: false } } });

async function collect(): Promise<Row[]> {
  const log = createLogger('error');
  const rows: Row[] = [];
  const run = async (set: string, seedsDir: string, probes: ReadonlyArray<{ id: string; question: string; expect: readonly string[] }>): Promise<void> => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-answered-'));
    try {
      const { state } = await boot(loadConfig({ ...process.env, SEEDS_DIR: seedsDir, DATA_DIR: process.env.DATA_DIR ?? dataDir }, ROOT), log);
      for (const probe of probes) {
        const result = ask(state, { question: probe.question, limit: 3 });
        const first = result.results[0];
        const right = first !== undefined && [first, ...first.alsoAt].some((cited) => covers(cited, probe.expect));
        rows.push({ set, id: probe.id, question: probe.question, answerable: probe.expect.length > 0, right, answered: result.answered, type: result.questionType, evidence: result.evidence });
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  for (const { dir, probes } of reviewFolders()) {
    const asks = probes.filter((probe) => probe.cmd === 'ask' && typeof probe.opts.question === 'string');
    await run(path.basename(dir), path.join(dir, 'seeds'), asks.map((probe) => ({ id: probe.id, question: String(probe.opts.question), expect: probe.expect })));
  }
  for (const file of ['ask-dev.jsonl', 'ask-heldout.jsonl']) {
    const questions = readFileSync(path.join(ROOT, 'test', 'fixtures', file), 'utf8').split('\n').filter((line) => line.trim() !== '').map(parseDevQuestion);
    await run(file.replace('.jsonl', ''), process.env.SEEDS_DIR ?? path.join(ROOT, 'seeds'), questions.map((q) => ({ id: q.id, question: q.question, expect: q.gold.map((gold) => `${gold.file}:${gold.line}`) })));
  }
  return rows;
}

const TYPES: readonly QuestionType[] = ['time', 'quantity', 'person', 'reason', 'definition', 'other'];

/** The model's inputs: the evidence, and the question type (each type its own intercept). */
function features(row: Row): number[] {
  const e = row.evidence;
  if (e === null) return [];
  return [e.wordCoverage, e.sentenceCoverage, e.wordCoverage * e.sentenceCoverage, e.fits ? 1 : 0, e.margin, ...TYPES.map((type) => (row.type === type ? 1 : 0))];
}

/** Rows the model may answer: a line on the topic asked, with a date or number when one is asked for (rules kept as they are). */
function eligible(row: Row): boolean {
  const e = row.evidence;
  return e !== null && e.onTopic && (!(row.type === 'time' || row.type === 'quantity') || e.shaped);
}

interface Model {
  readonly weights: readonly number[];
  readonly threshold: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const predict = (weights: readonly number[], x: readonly number[]): number => sigmoid(x.reduce((sum, value, i) => sum + value * (weights[i] ?? 0), 0));

/** Logistic regression by gradient descent, L2-regularised: P(first result right | evidence). */
function fit(rows: readonly Row[]): Model {
  const train = rows.filter(eligible);
  const xs = train.map(features);
  const ys = train.map((row) => (row.answerable && row.right ? 1 : 0));
  const size = xs[0]?.length ?? 0;
  const weights = new Array<number>(size).fill(0);
  const rate = 0.5;
  const lambda = 0.01;
  for (let step = 0; step < 3000; step += 1) {
    const gradient = new Array<number>(size).fill(0);
    xs.forEach((x, n) => {
      const error = predict(weights, x) - (ys[n] ?? 0);
      x.forEach((value, i) => (gradient[i] = (gradient[i] ?? 0) + error * value));
    });
    for (let i = 0; i < size; i += 1) weights[i] = (weights[i] ?? 0) - rate * ((gradient[i] ?? 0) / Math.max(1, xs.length) + lambda * (weights[i] ?? 0));
  }
  // The threshold that does best on the training rows.
  let best = { threshold: 0.5, utility: -Infinity };
  for (let threshold = 0.05; threshold < 0.96; threshold += 0.01) {
    const utility = tally(rows, (row) => eligible(row) && predict(weights, features(row)) >= threshold).utility;
    if (utility > best.utility) best = { threshold, utility };
  }
  return { weights, threshold: best.threshold };
}

interface Tally {
  readonly ra: number;
  readonly wa: number;
  readonly ua: number;
  readonly utility: number;
}

function tally(rows: readonly Row[], answers: (row: Row) => boolean): Tally {
  let ra = 0;
  let wa = 0;
  let ua = 0;
  for (const row of rows) {
    if (!answers(row)) continue;
    if (!row.answerable) ua += 1;
    else if (row.right) ra += 1;
    else wa += 1;
  }
  return { ra, wa, ua, utility: ra - wa - ua };
}

const rows = await collect();
if (values.rows) for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
const sets = [...new Set(rows.map((row) => row.set))];
/** The development set's held-out file is scored, never fitted on (were the model used, it would stay held out). */
const FIT_EXCLUDED = 'ask-heldout';
const fittable = (row: Row): boolean => row.set !== FIT_EXCLUDED;
const report = sets.map((set) => {
  const held = rows.filter((row) => row.set === set);
  const model = fit(rows.filter((row) => row.set !== set && fittable(row)));
  return {
    set,
    rows: held.length,
    rule: tally(held, (row) => row.answered),
    model: tally(held, (row) => eligible(row) && predict(model.weights, features(row)) >= model.threshold),
  };
});
const sum = (pick: (entry: (typeof report)[number]) => Tally): Tally =>
  report.map(pick).reduce((total, entry) => ({ ra: total.ra + entry.ra, wa: total.wa + entry.wa, ua: total.ua + entry.ua, utility: total.utility + entry.utility }), { ra: 0, wa: 0, ua: 0, utility: 0 });
const whole = fit(rows.filter(fittable));
if (values.json) {
  process.stdout.write(`${JSON.stringify({ sets: report, rule: sum((entry) => entry.rule), model: sum((entry) => entry.model), fitted: whole })}\n`);
} else {
  const show = (t: Tally): string => `RA ${String(t.ra).padStart(3)}  WA ${String(t.wa).padStart(3)}  UA ${String(t.ua).padStart(3)}  U ${String(t.utility).padStart(4)}`;
  for (const entry of report) process.stdout.write(`${entry.set.padEnd(12)} ${String(entry.rows).padStart(3)} rows | rule ${show(entry.rule)} | model (left out) ${show(entry.model)}\n`);
  process.stdout.write(`${'all'.padEnd(12)} ${String(rows.length).padStart(3)} rows | rule ${show(sum((e) => e.rule))} | model (left out) ${show(sum((e) => e.model))}\n`);
  process.stdout.write(`fitted on all: weights ${whole.weights.map((w) => w.toFixed(3)).join(', ')} (wc, sc, wc·sc, fits, margin, ${TYPES.join(', ')}); threshold ${whole.threshold.toFixed(2)}\n`);
}
