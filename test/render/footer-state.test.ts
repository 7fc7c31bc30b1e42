import { describe, expect, it } from 'vitest';
import { readSearchPress, renderFileChoices, renderSearch, searchPageId } from '../../src/render/discord.js';

describe('search footer state', () => {
  it('keeps a hostile query and speaker with their mention syntax broken, and reads them back whole for the next page', () => {
    const query = '@everyone <@&123> **x**';
    const speaker = '<@999> Lex';
    const reply = renderSearch({ command: 'search', query, page: 1, pageCount: 1, pageSize: 5, total: 0, searchedAs: [], speaker, results: [] }, 'en', '400000000000000001');
    const footer = reply.embeds[0]?.toJSON().footer?.text ?? '';
    expect(footer).not.toMatch(/@everyone|<@&?\d+>/u);
    const press = readSearchPress(searchPageId('400000000000000001', 2, query, speaker), [{ footer: { text: footer } }]);
    expect(press).toEqual({ userId: '400000000000000001', page: 2, query, speaker });
  });

  it('shows autocomplete choices from a hostile transcript with mentions broken, keeping the value to send back', () => {
    const [choice] = renderFileChoices([{ file: '005_hostile.txt', title: '危険 @everyone <@&123>' }], '005');
    expect(choice?.name).not.toMatch(/@everyone|<@&\d+>/u);
    expect(choice?.value).toBe('005_hostile.txt');
  });
});
