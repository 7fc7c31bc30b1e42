/**
 * Start-up with embeddings, as `npm start` and `npm run cli` do it: the fixture model loaded offline
 * and its passage vectors cached in DATA_DIR, and, with no model at all, a lexical-only start that
 * says so once and answers within seconds.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, seedsDir } from '../support/run-cli.js';
import { SAMPLE_FILES } from '../support/state.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

interface LogLine {
  readonly msg?: string;
  readonly level?: number;
  readonly reused?: number;
  readonly computed?: number;
}

function logLines(stderr: string): LogLine[] {
  return stderr.split('\n').flatMap((line) => {
    try {
      const parsed: unknown = JSON.parse(line);
      return typeof parsed === 'object' && parsed !== null ? [parsed as LogLine] : [];
    } catch {
      return [];
    }
  });
}

describe('start-up with the fixture model', () => {
  it('embeds the passages on the first start and reuses them from DATA_DIR on the next', async () => {
    const seeds = await seedsDir(SAMPLE_FILES);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'data-'));
    const env = { DATA_DIR: dataDir, MODELS_DIR: FIXTURES, EMBEDDING_MODEL: 'tiny-embedder', LOG_LEVEL: 'info' };
    const args = ['ask', '--question', 'マイクロソフトはなぜ原発を再稼働するのか', '--json'];

    const first = await runCli(args, { seeds, env });
    expect(first.code, first.stderr).toBe(0);
    const firstVectors = logLines(first.stderr).find((line) => line.msg?.startsWith('passage vectors ready'));
    expect(firstVectors).toMatchObject({ reused: 0 });
    expect(firstVectors?.computed).toBeGreaterThan(5);

    const second = await runCli(args, { seeds, env });
    expect(second.code, second.stderr).toBe(0);
    const secondVectors = logLines(second.stderr).find((line) => line.msg?.startsWith('passage vectors ready'));
    expect(secondVectors).toMatchObject({ reused: firstVectors?.computed, computed: 0 });
    expect(logLines(second.stderr).some((line) => line.msg === 'embedding passages')).toBe(false);

    // Same vectors, same question: the same cited answer both times, from the hybrid path.
    const answer = (stdout: string): unknown => (JSON.parse(stdout) as { results: unknown[] }).results;
    expect(answer(second.stdout)).toEqual(answer(first.stdout));
    expect((JSON.parse(first.stdout) as { results: Array<{ file: string }> }).results.length).toBeGreaterThan(0);
  });
});

describe('start-up without a model', () => {
  it('answers lexically within seconds and says once that it runs lexical-only', async () => {
    const seeds = await seedsDir(SAMPLE_FILES);
    const emptyModels = await mkdtemp(path.join(tmpdir(), 'no-models-'));
    const dataDir = await mkdtemp(path.join(tmpdir(), 'data-'));
    const started = performance.now();
    const run = await runCli(['ask', '--question', 'マイクロソフトはなぜ原発を再稼働するのか', '--json'], {
      seeds,
      env: { DATA_DIR: dataDir, MODELS_DIR: emptyModels, LOG_LEVEL: 'info' },
    });
    const elapsed = performance.now() - started;
    expect(run.code, run.stderr).toBe(0);
    expect(elapsed).toBeLessThan(15_000);
    const result = JSON.parse(run.stdout) as { results: Array<{ file: string; line: number }> };
    // The reason (line 5, 「…からな。」) and the plan it explains (line 4), from the words alone.
    expect(result.results.slice(0, 2).map((item) => `${item.file}:${item.line}`)).toEqual(['a_narration.txt:5', 'a_narration.txt:4']);
    expect(run.stderr.match(/running lexical-only/gu)).toHaveLength(1);
    expect(run.stderr).not.toMatch(/embedding model loaded|passage vectors ready/u);
  });

  it('rejects an unknown EMBEDDINGS value at start-up', async () => {
    const run = await runCli(['help'], { seeds: await seedsDir(SAMPLE_FILES), env: { EMBEDDINGS: 'maybe' } });
    expect(run.code).toBe(78);
    expect(run.stderr).toMatch(/EMBEDDINGS: must be on, off or download/u);
  });
});
