import { describe, expect, it } from 'vitest';
import { EMBED_TITLE_MAX } from '../../src/render/discord.js';
import { readTimelinePress, renderTimeline, renderTimelineText, timelinePageId } from '../../src/render/timeline.js';

describe('renderTimeline', () => {
  it('fits a title whose topic doubles in length when escaped', () => {
    const reply = renderTimeline(
      { command: 'timeline', filters: { from: '2020', to: '2024', topic: '*'.repeat(100), source: '_'.repeat(100) }, page: 1, pageCount: 1, pageSize: 10, total: 0, results: [], topicWordsLeftOut: [] },
      'ja',
      '400000000000000001',
    );
    const title = reply.embeds[0]?.toJSON().title ?? '';
    expect([...title].length).toBeLessThanOrEqual(EMBED_TITLE_MAX);
    expect(title).toContain('\\*');
  });

  it('says which words of the topic it left out because the material never uses them', () => {
    const result = { command: 'timeline' as const, filters: { from: null, to: null, topic: '米寿のお祝いの準備', source: null }, page: 1, pageCount: 1, pageSize: 10, total: 0, results: [], topicWordsLeftOut: ['準備'] };
    expect(renderTimeline(result, 'ja', '400000000000000001').embeds[0]?.toJSON().title).toContain('話題: 米寿のお祝いの準備（資料にない語を除く: 準備）');
    expect(renderTimelineText(result, 'en')).toContain('topic: 米寿のお祝いの準備 (without 準備: the material never uses it)');
  });

  it('shows its filters readably in the footer, without live mentions, and reads them back for paging', () => {
    const filters = { from: '2024', to: null, topic: '@everyone <@&1> 原子力', source: '003_a.txt' };
    const reply = renderTimeline({ command: 'timeline', filters, page: 1, pageCount: 1, pageSize: 10, total: 0, results: [], topicWordsLeftOut: [] }, 'en', '400000000000000001');
    const footer = reply.embeds[0]?.toJSON().footer?.text ?? '';
    expect(footer).toContain('🗓 2024 → · 🔎 @\u200beveryone <\u200b@&1> 原子力 · 📄 003_a.txt');
    expect(footer).not.toMatch(/<@&\d+>|@everyone|\[null/u);
    const press = readTimelinePress(timelinePageId('400000000000000001', 2, filters), [{ footer: { text: footer } }]);
    expect(press).toEqual({ userId: '400000000000000001', page: 2, filters });
  });
});
