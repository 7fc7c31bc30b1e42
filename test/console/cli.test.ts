import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../support/state.js';
import { PROJECT_ROOT, runCli, seedsDir } from '../support/run-cli.js';

const DICTIONARY_DIR = '/usr/share/dictd';

let seeds: string;
beforeAll(async () => {
  // A Shift_JIS file, an empty one and a binary one sit beside the good transcripts.
  seeds = await seedsDir({
    ...SAMPLE_FILES,
    'x_shift_jis.txt': Uint8Array.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x0a]),
    'y_empty.md': '',
    'z_binary.txt': Uint8Array.from([0x00, 0x01, 0x02, 0xff, 0x00]),
  });
});

describe('npm run cli', () => {
  it('prints the JSON contract for ask: command, answered, results with citations', async () => {
    const run = await runCli(['ask', '--question', 'マイクロソフトは何年間電力を買う?', '--json', '--limit', '2'], { seeds });
    expect(run.code).toBe(0);
    const output: unknown = JSON.parse(run.stdout);
    expect(output).toMatchObject({ command: 'ask', answered: true });
    const results = (output as { results: Array<Record<string, unknown>> }).results;
    expect(results.length).toBeLessThanOrEqual(2);
    expect(results[0]).toMatchObject({ file: 'a_narration.txt', line: 4, title: '電力会社の話やで', speaker: null });
    expect(typeof results[0]?.excerpt).toBe('string');
    expect(typeof results[0]?.score).toBe('number');
    expect(results[0]).toHaveProperty('section');
  });

  it('answers one JSON line per input line with --jsonl, errors included', async () => {
    const stdin = ['{"question": "Altman"}', '{"question": ""}', 'not json', '{"question": "研究室の学生は何人?"}', '{"query": "研究室"}'].join('\n');
    const run = await runCli(['ask', '--jsonl'], { seeds, stdin });
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ command: 'ask', answered: true });
    expect(lines[1]).toMatchObject({ error: { code: 'empty_query' } });
    expect(lines[2]).toMatchObject({ error: { code: 'bad_json' } });
    expect(lines[3]).toMatchObject({ command: 'ask' });
    // An option the command does not have is refused, as on the command line, not silently dropped.
    expect(lines[4]).toMatchObject({ error: { code: 'unknown_option' } });
  });

  it('keeps stdout for the reply and names each skipped seed file on stderr', async () => {
    const run = await runCli(['search', '--query', 'スケーリング則', '--json'], { seeds });
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'search', total: 1, results: [{ file: 'b_article.txt', line: 5 }] });
    for (const file of ['x_shift_jis.txt', 'y_empty.md', 'z_binary.txt']) expect(run.stderr).toContain(file);
  });

  it('shows a cited line with its context through source', async () => {
    const run = await runCli(['source', '--file', 'c_interview', '--line', '5', '--json'], { seeds });
    expect(JSON.parse(run.stdout)).toMatchObject({
      command: 'source',
      file: 'c_interview.txt',
      line: 5,
      results: [{ file: 'c_interview.txt', line: 5, excerpt: 'その研究室には学生が12人いました。' }],
    });
  });

  it('explains a line out of range with a clear message and a failing exit code', async () => {
    const run = await runCli(['source', '--file', 'c_interview.txt', '--line', '999'], { seeds });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('999');
  });

  it('accepts slash commands typed as in Discord in the interactive console', async () => {
    const stdin = '/ask 研究室の学生は何人?\n/source file:b_article line:2\n/nonsense\n/quit\n';
    const run = await runCli([], { seeds, stdin, entry: 'src/main.ts' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('その【研究室】には【学生】が12【人】いました。');
    expect(run.stdout).toContain('c_interview.txt 5行');
    expect(run.stdout).toContain('By Jane Doe · 2024-03-20');
    expect(run.stdout).toContain('/nonsense');
  });

  it.skipIf(!existsSync(path.join(DICTIONARY_DIR, 'freedict-jpn-eng.index')))(
    'answers an English question from the Japanese line, showing what it searched as (needs dict-freedict-jpn-eng)',
    async () => {
      const env = { DICTIONARY_DIR, DATA_DIR: path.join(PROJECT_ROOT, 'data') };
      const run = await runCli(['ask', '--question', 'How many students were in the laboratory?', '--json'], { seeds, env });
      expect(JSON.parse(run.stdout)).toMatchObject({
        command: 'ask',
        answered: true,
        searchedAs: expect.arrayContaining(['研究室', '学生']),
        results: [{ file: 'c_interview.txt', line: 5 }],
      });
      const text = await runCli(['ask', '--question', 'How many students were in the laboratory?', '--lang', 'en'], { seeds, env });
      expect(text.stdout).toContain('Searched as: ');
    },
    60_000,
  );

  it('says once that English is served by names alone when the dictionary is missing', async () => {
    const run = await runCli(['ask', '--question', 'Who is Altman?', '--json'], { seeds, env: { LOG_LEVEL: 'info' } });
    expect(JSON.parse(run.stdout)).toMatchObject({ results: [{ file: 'b_article.txt', line: 3 }] });
    expect(run.stderr.match(/names and Latin terms only/gu)).toHaveLength(1);
  });
});
