/**
 * Speaker attribution and /quote on the development samples, locked so that a change that makes
 * them worse fails here. The samples are ours (test/fixtures/speakers-dev.jsonl, quote-dev.jsonl);
 * `npm run bench:speakers -- --verbose` lists the misses.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateQuotes, evaluateSpeakers, parseQuoteRow, parseSpeakerRow } from '../../bench/speakers-dev-eval.js';
import { boot, type AppState } from '../../src/boot.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let state: AppState;

async function rows(file: string): Promise<string[]> {
  return (await readFile(path.join(ROOT, 'test/fixtures', file), 'utf8')).split('\n').filter((line) => line.trim() !== '');
}

beforeAll(async () => {
  ({ state } = await boot({ seedsDir: path.join(ROOT, 'seeds'), dictionaryDir: null, dataDir: path.join(ROOT, 'data') }, pino({ level: 'silent' })));
});

describe('speaker attribution on the development sample', () => {
  it('shows the right speaker (or unknown where a reader cannot tell) on at least 80% of sampled lines, and few wrong names', async () => {
    const report = evaluateSpeakers(state, (await rows('speakers-dev.jsonl')).map(parseSpeakerRow));
    expect(report.accuracy).toBeGreaterThanOrEqual(0.8);
    // A wrong name is worse than none: at least 9 in 10 shown names are right.
    expect(report.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.coverage).toBeGreaterThanOrEqual(0.8);
  });

  it('finds a right line in the top five for at least 85% of /quote look-ups', async () => {
    expect(evaluateQuotes(state, (await rows('quote-dev.jsonl')).map(parseQuoteRow)).hitAt5).toBeGreaterThanOrEqual(0.85);
  });
});
