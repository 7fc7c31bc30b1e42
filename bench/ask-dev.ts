/**
 * /ask quality on the development set (test/fixtures/ask-dev.jsonl): hit@3 by kind and language,
 * and how often unanswerable questions are declined.
 *
 *   npm run bench:ask-dev [-- --json] [-- --verbose] [-- --file test/fixtures/ask-heldout.jsonl]
 *
 * `--verbose` lists the rows missed and the rows marked answered.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { evaluateAskDev, parseDevQuestion } from './ask-dev-eval.js';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false }, file: { type: 'string', default: 'test/fixtures/ask-dev.jsonl' } },
});
const lines = (await readFile(values.file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
// The bot's own settings (DICTIONARY_DIR, DATA_DIR), so English questions use the lexicon as in production.
const { state } = await boot(loadConfig(process.env, process.cwd()), createLogger('warn'));
const report = evaluateAskDev(state, lines.map(parseDevQuestion));
if (values.json) {
  process.stdout.write(`${JSON.stringify(report.summary)}\n`);
} else {
  if (values.verbose) {
    for (const row of report.rows) if (!row.ok) process.stdout.write(`MISS ${row.id} [${row.kind}] ${row.question} → ${row.got.join(', ')}\n`);
    // Which rows /ask marks answered, so that two runs can be compared row by row.
    for (const row of report.rows) if (row.answered) process.stdout.write(`ANSWERED ${row.id} [${row.kind}]${row.ok ? '' : ' (no gold line in the top 3)'}\n`);
  }
  for (const [group, figure] of Object.entries(report.summary)) process.stdout.write(`${group.padEnd(24)} ${figure}\n`);
}
