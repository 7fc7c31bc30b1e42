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
 * folder under `test/fixtures/reviews/` whose probes carry such lists, except held-out ones (a
 * `HELD-OUT` file in the folder: scored only when named with `--dir`). Each folder is booted as the bot boots
 * (its `seeds/` as SEEDS_DIR) and every probe run as `npm run cli -- <cmd> --json` runs it. A result
 * counts for an expected line when its `line`..`lineEnd` covers it. Per folder:
 * - ask: right line first and marked answered; right line first; among the first 3; answerable
 *   questions marked answered with a wrong first line; unanswerable ones declined;
 * - quote, search, timeline, source: an expected line among the first 5 (search, quote: none when none
 *   is expected); define: the defining line first and marked defined.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { findCommand } from '../src/console/console-commands.js';
import { runCommand } from '../src/console/run-command.js';
import { createLogger, type Logger } from '../src/log.js';
import { PLAIN_STYLE } from '../src/render/text.js';
import { covers, reviewFolders, type Cited, type Probe } from './review-probes.js';

const ROOT = path.resolve(import.meta.dirname, '..');

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
      const marked = probe.cmd === 'ask' && json.answered === true ? ' [answered]' : '';
      process.stdout.write(`MISS ${probe.id} ${probe.cmd} ${JSON.stringify(probe.opts)} → ${got.join(', ')} (expected ${expected.join(', ') || 'none'})${marked}\n`);
    }
  }
  return tally;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, verbose: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
  const reviews = reviewFolders(values.dir);
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
