/**
 * The black-box reviews' probes, scored the way the reviewers scored them (a benchmark that prints
 * figures, not a test):
 *
 *   npm run bench:reviews [-- --dir test/fixtures/reviews/r8] [-- --verbose] [-- --json]
 *
 * A review folder holds `seeds/` (transcripts the reviewer wrote) and `questions.jsonl`, one probe a
 * line: `{ "id", "cmd", "opts", "expect": ["file:line", …] }` with the lines expected written before
 * the bot's first run (`[]`: the material does not answer). Reviews 4 and 5 wrote their expectations
 * as free text (「01:18 (2019年の春)」); their /ask probes with the file:line mentions read out of that
 * text (`DECLINE` as `[]`) are `expected-lines.jsonl`, scored in its place. Without `--dir`, every
 * folder under `test/fixtures/reviews/` whose probes carry such lists. Each folder is booted as the bot boots
 * (its `seeds/` as SEEDS_DIR) and every probe run as `npm run cli -- <cmd> --json` runs it. A result
 * counts for an expected line when its `line`..`lineEnd` covers it. Per folder:
 * - ask: right line first and marked answered; right line first; among the first 3; answerable
 *   questions marked answered with a wrong first line; unanswerable ones declined;
 * - quote, search, timeline, source: an expected line among the first 5 (search, quote: none when none
 *   is expected); define: the defining line first and marked defined.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { findCommand } from '../src/console/console-commands.js';
import { runCommand } from '../src/console/run-command.js';
import { createLogger, type Logger } from '../src/log.js';
import { PLAIN_STYLE } from '../src/render/text.js';
import { parseReviewProbe, type ReviewProbe } from './jsonl.js';

type Probe = ReviewProbe & { readonly expect: readonly string[] };

interface Cited {
  readonly file?: string;
  readonly line?: number;
  readonly lineEnd?: number;
}

const ROOT = path.resolve(import.meta.dirname, '..');
const REVIEWS = path.join(ROOT, 'test', 'fixtures', 'reviews');

/** A review's probes, or null when its expectations are free text (reviews 4–6) rather than lists of lines. */
function readProbes(file: string): Probe[] | null {
  const probes = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(parseReviewProbe);
  return probes.every((probe): probe is Probe => probe.expect !== null) ? probes : null;
}

/** Whether a cited result's lines cover one of the expected `file:line`s. */
function covers(result: Cited, expected: readonly string[]): boolean {
  if (result.file === undefined || result.line === undefined) return false;
  for (let line = result.line; line <= (result.lineEnd ?? result.line); line += 1) {
    if (expected.includes(`${result.file}:${line}`)) return true;
  }
  return false;
}

type Tally = Record<string, number>;

async function scoreReview(dir: string, probes: readonly Probe[], verbose: boolean): Promise<Tally> {
  const log = createLogger('error');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-reviews-'));
  const config = loadConfig({ ...process.env, SEEDS_DIR: path.join(dir, 'seeds'), DATA_DIR: dataDir }, ROOT);
  try {
    return scoreWith(await boot(config, log), probes, verbose, log);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function scoreWith({ state }: Awaited<ReturnType<typeof boot>>, probes: readonly Probe[], verbose: boolean, log: Logger): Tally {
  const tally: Tally = {};
  const add = (key: string, value: boolean): void => {
    tally[key] = (tally[key] ?? 0) + (value ? 1 : 0);
  };
  for (const probe of probes) {
    const command = findCommand(probe.cmd);
    if (command === undefined) throw new Error(`${probe.id}: no command ${probe.cmd}`);
    const outcome = runCommand(state, command, probe.opts, { locale: 'ja', limit: undefined, style: PLAIN_STYLE, log });
    const json = outcome.json as { results?: Cited[]; answered?: boolean; defined?: boolean };
    const results = json.results ?? [];
    const expected = probe.expect;
    let ok: boolean;
    if (probe.cmd === 'ask' && expected.length === 0) {
      ok = json.answered === false;
      add('ask declined', ok);
      add('ask unanswerable', true);
    } else if (probe.cmd === 'ask') {
      const first = results[0] !== undefined && covers(results[0], expected);
      ok = first && json.answered === true;
      add('ask right and answered', ok);
      add('ask right first', first);
      add('ask in top 3', results.slice(0, 3).some((result) => covers(result, expected)));
      add('ask wrongly answered', json.answered === true && !first);
      add('ask answerable', true);
    } else if (probe.cmd === 'define') {
      ok = results[0] !== undefined && covers(results[0], expected) && json.defined === true;
      add('define', ok);
      add('define probes', true);
    } else {
      ok = expected.length === 0 ? results.length === 0 : results.slice(0, 5).some((result) => covers(result, expected));
      add(probe.cmd, ok);
      add(`${probe.cmd} probes`, true);
    }
    if (verbose && !ok) {
      const got = results.slice(0, 3).map((result) => `${result.file ?? '?'}:${result.line ?? '?'}${result.lineEnd === undefined ? '' : `-${result.lineEnd}`}`);
      process.stdout.write(`MISS ${probe.id} ${probe.cmd} ${JSON.stringify(probe.opts)} → ${got.join(', ')} (expected ${expected.join(', ') || 'none'})\n`);
    }
  }
  return tally;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, verbose: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
  const dirs = values.dir !== undefined ? [path.resolve(values.dir)] : readdirSync(REVIEWS).map((name) => path.join(REVIEWS, name));
  const reviews = dirs.flatMap((dir) => {
    const lines = path.join(dir, 'expected-lines.jsonl');
    const file = existsSync(lines) ? lines : path.join(dir, 'questions.jsonl');
    const probes = existsSync(file) ? readProbes(file) : null;
    if (probes === null && values.dir !== undefined) throw new Error(`${dir}: no questions.jsonl with lists of file:line to score`);
    return probes === null ? [] : [{ dir, probes }];
  });
  const report: Record<string, Tally> = {};
  for (const { dir, probes } of reviews) report[path.basename(dir)] = await scoreReview(dir, probes, values.verbose === true);
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  for (const [name, tally] of Object.entries(report)) {
    const of = (key: string, total: string): string => `${tally[key] ?? 0}/${tally[total] ?? 0}`;
    const lines = [
      `ask: right and answered ${of('ask right and answered', 'ask answerable')}, right first ${of('ask right first', 'ask answerable')}, top 3 ${of('ask in top 3', 'ask answerable')}, wrongly answered ${tally['ask wrongly answered'] ?? 0}, declined ${of('ask declined', 'ask unanswerable')}`,
      ...['search', 'quote', 'define', 'timeline', 'source'].filter((cmd) => (tally[`${cmd} probes`] ?? 0) > 0).map((cmd) => `${cmd}: ${of(cmd, `${cmd} probes`)}`),
    ];
    process.stdout.write(`${name}\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
  }
  return 0;
}

process.exitCode = await main();
