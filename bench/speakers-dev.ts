/**
 * Speaker attribution and /quote on the development samples: attribution accuracy (through the
 * data /source shows), precision and coverage reported apart, and the /quote look-up hit@5.
 *
 *   npm run bench:speakers [-- --verbose]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { boot } from '../src/boot.js';
import { createLogger } from '../src/log.js';
import { evaluateQuotes, evaluateSpeakers, parseQuoteRow, parseSpeakerRow } from './speakers-dev-eval.js';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });
const read = async (file: string): Promise<string[]> => (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
const { state } = await boot({ seedsDir: 'seeds', dictionaryDir: null, dataDir: path.resolve('data') }, createLogger('warn'));
const speakers = evaluateSpeakers(state, (await read('test/fixtures/speakers-dev.jsonl')).map(parseSpeakerRow));
const quotes = evaluateQuotes(state, (await read('test/fixtures/quote-dev.jsonl')).map(parseQuoteRow));
if (values.verbose) {
  for (const row of speakers.rows) if (!row.ok) process.stdout.write(`SPEAKER ${row.file}:${row.line} reader=${row.speaker ?? 'unknown'} shown=${row.got ?? 'unknown'}\n`);
  for (const row of quotes.rows) if (!row.ok) process.stdout.write(`QUOTE ${row.id} ${row.speaker} / ${row.topic ?? '-'} → ${row.got.join(', ')}\n`);
}
const paragraphs = state.corpus.transcripts.flatMap((transcript) => transcript.paragraphs);
const attributed = paragraphs.filter((paragraph) => paragraph.speaker !== null).length;
process.stdout.write(
  [
    `sampled lines            ${speakers.rows.length}`,
    `attribution accuracy     ${speakers.accuracy}  (right name, or unknown where the reader says unknown)`,
    `attribution precision    ${speakers.precision}  (${speakers.wrong} wrong names shown)`,
    `attribution coverage     ${speakers.coverage}  (attributable sampled lines shown with a name)`,
    `corpus coverage          ${(attributed / Math.max(1, paragraphs.length)).toFixed(3)}  (${attributed}/${paragraphs.length} paragraphs with a speaker)`,
    `quote look-ups           ${quotes.rows.length}`,
    `quote hit@5              ${quotes.hitAt5}`,
  ].join('\n') + '\n',
);
