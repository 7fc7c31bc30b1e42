import { describe, expect, it } from 'vitest';
import { EMBED_TITLE_MAX } from '../../src/render/discord.js';
import { renderTimeline } from '../../src/render/timeline.js';

describe('renderTimeline', () => {
  it('fits a title whose topic doubles in length when escaped', () => {
    const reply = renderTimeline(
      { command: 'timeline', filters: { from: '2020', to: '2024', topic: '*'.repeat(100), source: '_'.repeat(100) }, page: 1, pageCount: 1, pageSize: 10, total: 0, results: [] },
      'ja',
      '400000000000000001',
    );
    const title = reply.embeds[0]?.toJSON().title ?? '';
    expect([...title].length).toBeLessThanOrEqual(EMBED_TITLE_MAX);
    expect(title).toContain('\\*');
  });
});
