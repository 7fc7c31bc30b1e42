import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, seedsDir } from '../support/run-cli.js';

let seeds: string;
beforeAll(async () => {
  seeds = await seedsDir({
    'a.txt': ['話', '', 'O1っていうのは、OpenAIの新しいモデルのことやで。', 'サムがO1について詳しく話したのは、これが初めてや。'].join('\n'),
  });
});

describe('npm run cli -- define / glossary', () => {
  it('prints the JSON contract for define: items with file, line, term and definition', async () => {
    const run = await runCli(['define', '--term', 'o1', '--json'], { seeds });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      command: 'define',
      defined: true,
      term: 'O1',
      results: [{ file: 'a.txt', line: 3, term: 'O1', definition: 'O1っていうのは、OpenAIの新しいモデルのことやで。' }],
    });
  }, 60_000);

  it('answers one JSON line per input line with --jsonl, and lists the glossary', async () => {
    const run = await runCli(['define', '--jsonl'], { seeds, stdin: '{"term": "O1"}\n{"term": ""}\n' });
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ command: 'define', results: [{ line: 3 }] });
    // A required option left empty is refused by the console before the feature runs.
    expect(lines[1]).toMatchObject({ error: { code: 'bad_option' } });
    const list = await runCli(['glossary'], { seeds });
    expect(list.stdout).toContain('- O1: O1っていうのは');
  }, 60_000);
});
