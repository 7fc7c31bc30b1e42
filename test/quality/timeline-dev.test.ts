import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateTimelineDev, parseDevEvent, type DevReport } from '../../bench/timeline-dev-eval.js';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import { buildTimeline } from '../../src/features/timeline.js';
import { PROJECT_ROOT } from '../support/run-cli.js';

let report: DevReport;
beforeAll(async () => {
  const rows = (await readFile(path.join(PROJECT_ROOT, 'test/fixtures/timeline-dev.jsonl'), 'utf8')).split('\n').filter((line) => line.trim() !== '');
  const corpus = await readCorpus(path.join(PROJECT_ROOT, 'seeds'), () => undefined);
  report = evaluateTimelineDev(buildTimeline(corpus), rows.map(parseDevEvent));
});

// Floors under the figures measured when they were set (README, `npm run bench:timeline`), with room
// for a few items: a change that loses dated events or misresolves relative dates fails here.
describe('/timeline on the labelled development set', () => {
  it('finds most labelled events on the right line with the right date', () => {
    expect(report.rows.length).toBeGreaterThanOrEqual(50);
    expect(report.found).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps the precision the text gave for most of them', () => {
    expect(report.precise).toBeGreaterThanOrEqual(0.8);
  });

  it('lists the dated events in chronological order', () => {
    expect(report.chronological).toBe(true);
  });
});
