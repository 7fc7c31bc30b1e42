import { beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/boot.js';
import { search } from '../../src/features/search.js';
import { source } from '../../src/features/source.js';
import { citation } from '../../src/render/text.js';
import { realAnalyzer } from '../support/analyzer.js';
import { stateFrom } from '../support/state.js';

let state: AppState;
beforeAll(async () => {
  state = stateFrom(
    {
      'wifi.txt': [
        'メッシュWi-Fiの話',
        '',
        'ほんでメッシュWi-Fiっていうのは、親機と子機が網の目みたいにつながる仕組みやねん。',
        'めっちゃ速なるで。ほんまにめっちゃや。',
        '中継機かメッシュで解決すんねん。',
        'ルーターの置き場所も大事やで。',
        'めっちゃ大事なことやから、もう一回言うわ。',
      ].join('\n'),
    },
    await realAnalyzer(),
  );
});

describe('search', () => {
  it('counts and pages only the lines that hold the query, not every line that shares a title or a sound with it', () => {
    const result = search(state, { query: 'メッシュ', page: 1, pageSize: 5 });
    expect(result.total).toBe(2);
    expect(result.results.map((item) => item.line).sort()).toEqual([3, 5]);
  });

  it('finds nothing for a word the lines never use, even when the title has it', () => {
    expect(search(state, { query: '話', page: 1, pageSize: 5 }).total).toBe(0);
  });
});

describe('a sentence a subtitle cue breaks over two lines', () => {
  let subtitles: AppState;
  beforeAll(async () => {
    const cue = (n: number, ...text: string[]): string[] => [String(n), `00:00:0${n},000 --> 00:00:0${n},900`, ...text, ''];
    subtitles = stateFrom(
      {
        'subs.txt': [
          ...cue(1, '皆さんこんにちは。'),
          ...cue(2, '18歳で奈良の工務店に弟子入りしたのが', '1986年ですから、もう40年近くになりますね。'),
          ...cue(3, '今日はありがとうございました。'),
        ].join('\n'),
      },
      await realAnalyzer(),
    );
  });

  it('is found and quoted whole, cited from its first line to its last', () => {
    const [item] = search(subtitles, { query: '弟子入り 1986年', page: 1, pageSize: 5 }).results;
    expect(item).toMatchObject({ file: 'subs.txt', line: 7, lineEnd: 8 });
    expect(item?.excerpt).toBe('18歳で奈良の工務店に弟子入りしたのが1986年ですから、もう40年近くになりますね。');
    expect(item === undefined ? '' : citation(item, 'ja')).toContain('subs.txt 7–8行');
    expect(item === undefined ? '' : citation(item, 'en')).toContain('subs.txt lines 7–8');
  });

  it('opens in /source with both lines cited, from either line', () => {
    for (const line of [7, 8]) {
      const opened = source(subtitles, { file: 'subs.txt', line, context: 2 });
      expect(opened.lines.filter((shown) => shown.cited).map((shown) => shown.line)).toEqual([7, 8]);
    }
  });
});
