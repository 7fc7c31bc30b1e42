import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, seedsDir } from '../support/run-cli.js';

const FILES = {
  'a_article.txt': ['原子力の記事', 'By Jane Doe · 2024-03-20', '1号炉は2019年まで問題なく動いていた。', '来年中には新しいデータセンターが完成するだろう。'].join('\n'),
  'b_talk.txt': ['電力の話やで', '', 'コンステレーション・エナジーは2028年、つまり4年後くらいに再稼働させる予定や。', '5年後には電力が安くなるんちゃうか。'].join('\n'),
};

let seeds: string;
beforeAll(async () => {
  seeds = await seedsDir(FILES);
});

describe('npm run cli -- timeline', () => {
  it('prints the whole timeline as JSON items with date, precision, event, file and line', async () => {
    const run = await runCli(['timeline', '--json', '--limit', '1000'], { seeds });
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { command: string; total: number; results: Array<Record<string, unknown>> };
    expect(output).toMatchObject({ command: 'timeline', total: 5 });
    expect(output.results.map((item) => [item['date'], item['precision'], item['file'], item['line']])).toEqual([
      ['2019', 'year', 'a_article.txt', 3],
      ['2024-03-20', 'day', 'a_article.txt', 2],
      ['2025', 'year', 'a_article.txt', 4],
      ['2028', 'year', 'b_talk.txt', 3],
      ['2029', 'year', 'b_talk.txt', 4],
    ]);
    expect(output.results[3]).toMatchObject({ kind: 'plan', event: 'コンステレーション・エナジーは2028年、つまり4年後くらいに再稼働させる予定や。' });
  }, 30_000);

  it('answers one line per filter set with --jsonl, a bad date as an error', async () => {
    const stdin = ['{"from": "2025", "topic": "電力"}', '{"from": "soon"}'].join('\n');
    const run = await runCli(['timeline', '--jsonl'], { seeds, stdin });
    const [filtered, refused] = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    // The talk's title (電力の話) names the topic: its 2028 plan is about it too, though the line does not say 電力.
    expect(filtered).toMatchObject({ command: 'timeline', total: 2, results: [{ date: '2028', kind: 'plan', file: 'b_talk.txt', line: 3 }, { date: '2029', kind: 'prediction', file: 'b_talk.txt', line: 4 }] });
    expect(refused).toMatchObject({ error: { code: 'bad_date' } });
  }, 30_000);

  it('prints the events grouped by year with precision markers as text', async () => {
    const run = await runCli(['timeline', '--to', '2024'], { seeds });
    expect(run.stdout).toContain('■ 2019年');
    expect(run.stdout).toContain('2024年3月20日 〔日・公開〕 原子力の記事');
    expect(run.stdout).not.toContain('2028');
  }, 30_000);
});
