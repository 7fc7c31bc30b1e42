/**
 * /timeline extraction on the labelled development set (test/fixtures/timeline-dev.jsonl): the share
 * of labelled dated events found on the right line with the right date, with the right precision,
 * and whether the timeline is in chronological order.
 *
 *   npm run bench:timeline [-- --verbose] [-- --json]
 *
 * Needs no dictionary: extraction reads the text with rules, not with kuromoji.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readCorpus } from '../src/corpus/read-corpus.js';
import { buildTimeline } from '../src/features/timeline.js';
import { evaluateTimelineDev, parseDevEvent } from './timeline-dev-eval.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false }, seeds: { type: 'string', default: 'seeds' } } });
const lines = (await readFile('test/fixtures/timeline-dev.jsonl', 'utf8')).split('\n').filter((line) => line.trim() !== '');
const corpus = await readCorpus(values.seeds, () => undefined);
const started = performance.now();
const timeline = buildTimeline(corpus);
const ms = performance.now() - started;
const report = evaluateTimelineDev(timeline, lines.map(parseDevEvent));
const summary = {
  labelled: report.rows.length,
  foundRightLineAndDate: Number(report.found.toFixed(3)),
  withRightPrecision: Number(report.precise.toFixed(3)),
  chronological: report.chronological,
  events: report.events,
  unresolved: report.unresolved,
  buildMs: Math.round(ms),
};
if (values.json) {
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} else {
  if (values.verbose) {
    for (const row of report.rows) {
      if (!row.precise) process.stdout.write(`${row.found ? 'IMPRECISE' : 'MISS'} ${row.file}:${row.line} ${row.expr} want ${row.date}(${row.precision}) got ${row.got.join(', ') || 'nothing'}\n`);
    }
  }
  for (const [key, value] of Object.entries(summary)) process.stdout.write(`${key.padEnd(24)} ${String(value)}\n`);
}
