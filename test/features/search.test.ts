import { beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/boot.js';
import { search } from '../../src/features/search.js';
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
