import { describe, expect, it } from 'vitest';
import { EMBED_TITLE_MAX, fitEscaped, readSearchPress, renderSearch, searchPageId, truncate } from '../../src/render/discord.js';

const EMOJI = '🧨'; // outside the BMP: two UTF-16 units, as Discord and discord.js count it

describe('Discord limits on text with emoji', () => {
  it('cuts by UTF-16 units, between code points, never inside a surrogate pair', () => {
    const cut = truncate(`原子力 ${EMOJI.repeat(200)}`, 256);
    expect(cut.length).toBeLessThanOrEqual(256);
    expect(cut.endsWith('…')).toBe(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u.test(cut)).toBe(false);
    expect(fitEscaped(`**${EMOJI.repeat(200)}**`, 100).length).toBeLessThanOrEqual(100);
  });

  it('renders a search for 200 emoji within the title limit, and pages it', () => {
    const query = `原子力 ${EMOJI.repeat(200)}`;
    const reply = renderSearch({ command: 'search', query, page: 1, pageCount: 1, pageSize: 5, total: 0, searchedAs: [], speaker: null, results: [] }, 'ja', '400000000000000001');
    const embed = reply.embeds[0]?.toJSON();
    expect(embed?.title?.length).toBeLessThanOrEqual(EMBED_TITLE_MAX);
    expect(readSearchPress(searchPageId('400000000000000001', 2, query), [{ footer: { text: embed?.footer?.text ?? '' } }])?.query).toBe(query);
  });
});
