/**
 * /define quality on the development set (test/fixtures/define-dev.jsonl): how often a defining line
 * is among the top 3 results, by kind of term, and the glossary's size. `--sample N` prints N
 * glossary terms drawn at random (fixed seed) for a precision judgement.
 *
 *   npm run bench:define [-- --verbose] [-- --sample 50]
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { define } from '../src/features/define.js';
import { createLogger } from '../src/log.js';

const Row = z.object({ term: z.string(), file: z.string(), lines: z.array(z.number().int()), type: z.string(), note: z.string().optional() });

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, sample: { type: 'string' } } });
const rows = (await readFile('test/fixtures/define-dev.jsonl', 'utf8'))
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => Row.parse(JSON.parse(line)));
const { state, timings } = await boot(loadConfig(process.env, process.cwd()), createLogger('warn'));

const byType = new Map<string, { hits: number; total: number }>();
let hits = 0;
let defined = 0;
for (const row of rows) {
  const result = define(state, { term: row.term, limit: 3 });
  const ok = result.results.some((item) => item.file === row.file && row.lines.includes(item.line));
  if (ok) hits += 1;
  if (result.defined) defined += 1;
  const group = byType.get(row.type) ?? { hits: 0, total: 0 };
  byType.set(row.type, { hits: group.hits + (ok ? 1 : 0), total: group.total + 1 });
  if (values.verbose && !ok) {
    const got = result.results.map((item) => `${item.file.slice(0, 3)}:${item.line}`).join(', ');
    process.stdout.write(`MISS ${row.term} (${row.file.slice(0, 3)}:${row.lines.join('/')}) → ${result.term ?? '-'} [${got}]\n`);
  }
}
const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(1, whole)).toFixed(1)}% (${part}/${whole})`;
process.stdout.write(`defining line in top 3   ${percent(hits, rows.length)}\n`);
for (const [type, group] of byType) process.stdout.write(`  ${type.padEnd(22)} ${percent(group.hits, group.total)}\n`);
process.stdout.write(`answered from glossary   ${percent(defined, rows.length)}\n`);
const entries = state.glossary.entries;
process.stdout.write(`glossary size            ${entries.length} terms, ${entries.reduce((sum, entry) => sum + entry.variants.length, 0)} variants\n`);
process.stdout.write(`boot (total)             ${Math.round(timings.totalMs)} ms\n`);

if (values.sample !== undefined) {
  // A fixed-seed shuffle: the same sample on every run, so a judgement can be checked.
  let seed = 20_240_601;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const shuffled = entries.map((entry) => ({ entry, key: random() })).sort((left, right) => left.key - right.key);
  process.stdout.write(`\nsample of ${values.sample} terms:\n`);
  for (const { entry } of shuffled.slice(0, Number(values.sample))) {
    const best = entry.definitions[0];
    const variants = entry.variants.length === 0 ? '' : ` (${entry.variants.join(', ')})`;
    process.stdout.write(`- ${entry.term}${variants} [${best?.kind ?? '?'} ${best?.file.slice(0, 3)}:${best?.line}] ${best?.text.slice(0, 60) ?? ''}\n`);
  }
}
