/**
 * /define and /glossary end to end: the real discord.js Client started by `startBot`, against the
 * Discord-protocol server in support/, over the real seeds.
 */
import { ComponentType, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Bot } from '../../src/discord/start-bot.js';
import { defineMessages } from '../../src/render/define.js';
import { CUSTOM_ID_MAX } from '../../src/render/discord.js';
import { startLoopbackBot } from './support/loopback-bot.ts';
import { isEphemeral, userIds } from './support/message-parts.ts';
import type { DiscordServer } from './support/discord-server.ts';

let server: DiscordServer;
let bot: Bot;
/** A fresh invoking user: the server makes them a guild member on first use. */
const newUser = userIds(500_000_000_000_000_000n);

function buttons(message: APIMessage): Array<{ customId: string; label: string; disabled: boolean }> {
  return (message.components ?? []).flatMap((row) =>
    row.type === ComponentType.ActionRow
      ? row.components.flatMap((component) =>
          component.type === ComponentType.Button && 'custom_id' in component
            ? [{ customId: component.custom_id, label: component.label ?? '', disabled: component.disabled ?? false }]
            : [],
        )
      : [],
  );
}

beforeAll(async () => {
  ({ server, bot } = await startLoopbackBot({ COOLDOWN_SECONDS: '0' }));
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await server?.close();
});

describe('/define', () => {
  it('is registered with an autocompleted term option, localised', () => {
    const define = server.commands({ guildId: server.guildId }).find((command) => command.name === 'define');
    expect(define?.name_localizations).toMatchObject({ ja: '用語', 'en-US': 'define' });
    expect(define?.options?.[0]).toMatchObject({ name: 'term', required: true, autocomplete: true });
  });

  it('autocompletes glossary terms by prefix and by their Latin spelling, within Discord’s limits', async () => {
    const byPrefix = await server.sendAutocomplete({ name: 'define', options: { term: 'ヒュー' }, focused: 'term', userId: newUser() }).waitForChoices();
    expect(byPrefix.map((choice) => choice.value)).toContain('ヒューマンエバル');
    const bySound = await server.sendAutocomplete({ name: 'define', options: { term: 'HumanEval' }, focused: 'term', userId: newUser() }).waitForChoices();
    expect(bySound.map((choice) => choice.value)).toContain('ヒューマンエバル');
    const all = await server.sendAutocomplete({ name: 'define', options: { term: '' }, focused: 'term', userId: newUser() }).waitForChoices();
    expect(all).toHaveLength(25);
    expect(all.every((choice) => [...choice.name].length <= 100 && [...String(choice.value)].length <= 100)).toBe(true);
  });

  it('defers, then answers with the defining lines quoted and cited, and a more-mentions button', async () => {
    const record = server.sendCommand({ name: 'define', options: { term: 'MoE' }, locale: 'ja', userId: newUser() });
    const reply = await record.waitForReply();
    const embed = reply.embeds[0];

    expect(record.acknowledgements.map((callback) => callback.type)).toEqual([5]);
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(embed?.title).toMatch(/Mixture of Experts|MOE/u);
    expect(embed?.description).toContain(defineMessages('ja').defined);
    expect(embed?.description).toMatch(/^> .*Mixture of Experts.*を意味/mu);
    expect(embed?.description).toContain('004\\_ecc33727f3069782.txt 202行');
    const ids = buttons(reply).map((button) => button.customId);
    expect(ids.every((id) => [...id].length <= CUSTOM_ID_MAX)).toBe(true);
    expect(ids.some((id) => id.startsWith('source:004_ecc33727f3069782.txt:'))).toBe(true);
    const more = ids.find((id) => id.startsWith('define:more:'));
    expect(more).toBeDefined();

    const press = server.sendButton({ customId: more ?? '', message: reply, userId: newUser(), locale: 'ja' });
    const mentions = await press.waitForReply();
    expect(isEphemeral(mentions)).toBe(true);
    expect(mentions.embeds[0]?.description).toMatch(/^> /mu);
    expect(mentions.embeds[0]?.description).not.toContain('004\\_ecc33727f3069782.txt 202行');
  });

  it('shows two transcripts’ explanations side by side', async () => {
    const reply = await server.sendCommand({ name: 'define', options: { term: 'AGI' }, locale: 'en-US', userId: newUser() }).waitForReply();
    const fields = reply.embeds[0]?.fields ?? [];
    expect(reply.embeds[0]?.description).toContain('2 transcripts explain it');
    expect(new Set(fields.map((field) => field.name)).size).toBeGreaterThanOrEqual(2);
    expect(fields.every((field) => field.inline === true && [...field.value].length <= 1024)).toBe(true);
  });

  it('says so when no line defines the term, and shows explanatory mentions instead', async () => {
    const reply = await server.sendCommand({ name: 'define', options: { term: '蒸留' }, locale: 'ja', userId: newUser() }).waitForReply();
    expect(reply.embeds[0]?.description).toContain(defineMessages('ja').notDefined);
    expect(reply.embeds[0]?.description).toMatch(/^> .*蒸留/mu);
  });
});

describe('/glossary', () => {
  it('pages the glossary for its owner only, and keeps to one source when asked', async () => {
    const owner = newUser();
    const first = await server.sendCommand({ name: 'glossary', locale: 'ja', userId: owner }).waitForReply();
    expect(first.embeds[0]?.title).toBe('用語集');
    expect(first.embeds[0]?.footer?.text).toMatch(/^\d+語 · 1 \/ \d+ページ$/u);
    expect(first.embeds[0]?.description).toMatch(/^\*\*.+\*\*/mu);
    const next = buttons(first).find((button) => button.label === '▶');
    expect(next?.customId).toMatch(/^glossary:\d+:2:[0-9a-f]+$/u);

    const foreign = await server.sendButton({ customId: next?.customId ?? '', message: first, userId: newUser(), locale: 'ja' }).waitForReply();
    expect(foreign.content).toBe(defineMessages('ja').notYourButton);
    expect(isEphemeral(foreign)).toBe(true);

    const press = server.sendButton({ customId: next?.customId ?? '', message: first, userId: owner, locale: 'ja' });
    const second = await press.waitForReply();
    expect(press.acknowledgements.map((callback) => callback.type)).toEqual([7]);
    expect(second.id).toBe(first.id);
    expect(second.embeds[0]?.footer?.text).toMatch(/ 2 \/ \d+ページ$/u);

    const one = await server.sendCommand({ name: 'glossary', options: { source: '000' }, locale: 'en-US', userId: newUser() }).waitForReply();
    expect(one.embeds[0]?.title).toBe('Glossary · 000\\_e13694d1ae841ad9.txt');
    const cited = one.embeds[0]?.description?.match(/`[^`]+ line \d+`/gu) ?? [];
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((citation) => citation.startsWith('`000'))).toBe(true);
  });
});
