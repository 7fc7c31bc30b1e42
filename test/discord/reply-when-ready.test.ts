import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { replyWhenReady } from '../../src/discord/reply-when-ready.js';
import { ephemeral, renderHelp } from '../../src/render/discord.js';

/** The requests an interaction's REST client was asked to make, and the interaction's state after. */
function fakeInteraction(): { interaction: RepliableInteraction; posts: Array<{ route: string; body: unknown }> } {
  const posts: Array<{ route: string; body: unknown }> = [];
  const rest = {
    post: async (route: string, options: { body: unknown }) => {
      posts.push({ route, body: options.body });
      return null;
    },
  };
  const interaction = { id: '1', token: 'token', applicationId: '2', replied: false, deferred: false, ephemeral: null, client: { rest } };
  return { interaction: interaction as unknown as RepliableInteraction, posts };
}

const timing = { arrivedAt: performance.now(), deferAfterMs: 1_500, holdQueue: () => () => {} };

describe('replyWhenReady', () => {
  it('answers a reply that is ready in time with one interaction response, mentions off', async () => {
    const { interaction, posts } = fakeInteraction();
    await replyWhenReady(interaction, async () => renderHelp('ja'), timing);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.route).toBe('/interactions/1/token/callback');
    expect(posts[0]?.body).toMatchObject({ type: 4, data: { allowed_mentions: { parse: [] }, embeds: [expect.any(Object)] } });
    expect(interaction.replied).toBe(true);
    expect(interaction.ephemeral).toBe(false);
  });

  it('keeps an ephemeral reply private, as interaction.reply did', async () => {
    const { interaction, posts } = fakeInteraction();
    await replyWhenReady(interaction, async () => ephemeral(renderHelp('ja')), timing);
    expect(posts[0]?.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
    expect(interaction.ephemeral).toBe(true);
  });
});
