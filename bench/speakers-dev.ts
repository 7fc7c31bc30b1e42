/**
 * Speaker attribution and /quote on the development samples: attribution accuracy (through the
 * data /source shows), precision and coverage reported apart, and the /quote look-up hit@5.
 *
 *   npm run bench:speakers [-- --verbose] [--sample file.jsonl …]
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { boot } from '../src/boot.js';
import { createLogger } from '../src/log.js';
import { byEvidence, calibration, evaluateQuotes, evaluateSpeakers, parseQuoteRow, parseSpeakerRow } from './speakers-dev-eval.js';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, sample: { type: 'string', multiple: true } } });
/** The labelled samples: the hand-picked one (lines with cues, all transcripts) and the random podcast lines, when present. */
const SAMPLES = values.sample ?? ['test/fixtures/speakers-dev.jsonl', 'test/fixtures/speakers-podcast-dev.jsonl', 'test/fixtures/speakers-podcast-test.jsonl'];
const read = async (file: string): Promise<string[]> => (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
const { state } = await boot({ seedsDir: 'seeds', dictionaryDir: null, dataDir: path.resolve('data') }, createLogger('warn'));
const out: string[] = [];
for (const sample of SAMPLES) {
  if (!existsSync(sample)) continue;
  const speakers = evaluateSpeakers(state, (await read(sample)).map(parseSpeakerRow));
  if (values.verbose) for (const row of speakers.rows) if (!row.ok) out.push(`SPEAKER ${row.file}:${row.line} reader=${row.speaker ?? 'unknown'} shown=${row.got ?? 'unknown'}`);
  out.push(
    `${sample}`,
    `  sampled lines          ${speakers.rows.length}`,
    `  attribution accuracy   ${speakers.accuracy}  (right name, or unknown where the reader says unknown)`,
    `  attribution precision  ${speakers.precision}  (${speakers.wrong} wrong names shown)`,
    `  attribution coverage   ${speakers.coverage}  (attributable sampled lines shown with a name)`,
    `  by confidence          ${calibration(speakers.rows)}`,
    `  by evidence            ${byEvidence(speakers.rows)}`,
  );
}
const quotes = evaluateQuotes(state, (await read('test/fixtures/quote-dev.jsonl')).map(parseQuoteRow));
if (values.verbose) for (const row of quotes.rows) if (!row.ok) out.push(`QUOTE ${row.id} ${row.speaker} / ${row.topic ?? '-'} → ${row.got.join(', ')}`);
const paragraphs = state.corpus.transcripts.flatMap((transcript) => transcript.paragraphs);
const attributed = paragraphs.filter((paragraph) => paragraph.speaker !== null).length;
out.push(
  `corpus coverage          ${(attributed / Math.max(1, paragraphs.length)).toFixed(3)}  (${attributed}/${paragraphs.length} paragraphs with a speaker)`,
  `quote look-ups           ${quotes.rows.length}`,
  `quote hit@5              ${quotes.hitAt5}`,
);
process.stdout.write(`${out.join('\n')}\n`);
