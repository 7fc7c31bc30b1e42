/**
 * /quote and /search's speaker filter end to end: the real discord.js Client started by `startBot`,
 * against the Discord-protocol server in support/, over the seed transcripts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/discord/start-bot.js';
import { CUSTOM_ID_MAX } from '../../src/render/discord.js';
import { startLoopbackBot } from './support/loopback-bot.ts';
import { customIds, isEphemeral, userIds } from './support/message-parts.ts';
import type { DiscordServer } from './support/discord-server.ts';

const ILYA = 'イリヤ・サツキーバー';

let server: DiscordServer;
let bot: Bot;

/** A fresh invoking user: the server makes them a guild member on first use. */
const newUser = userIds(410_000_000_000_000_000n);

beforeAll(async () => {
  ({ server, bot } = await startLoopbackBot({ COOLDOWN_SECONDS: '3' }));
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await server?.close();
});

describe('/quote', () => {
  it('is registered with an autocompleted speaker and an optional topic, localised', () => {
    const quote = server.commands({ guildId: server.guildId }).find((command) => command.name === 'quote');
    expect(quote?.name_localizations).toMatchObject({ ja: '引用', 'en-US': 'quote' });
    expect(quote?.options?.map((option) => [option.name, option.required ?? false, option.autocomplete ?? false])).toEqual([
      ['speaker', true, true],
      ['topic', false, false],
    ]);
  });

  it('autocompletes the speaker from the known speakers and their aliases, in either script', async () => {
    const all = await server.sendAutocomplete({ name: 'quote', options: { speaker: '' }, focused: 'speaker', userId: newUser() }).waitForChoices();
    expect(all.length).toBeGreaterThan(2);
    expect(all.length).toBeLessThanOrEqual(25);
    expect(all.every((choice) => [...choice.name].length <= 100 && [...String(choice.value)].length <= 100)).toBe(true);
    expect(all.map((choice) => choice.value)).toContain(ILYA);

    const latin = await server.sendAutocomplete({ name: 'quote', options: { speaker: 'Ilya' }, focused: 'speaker' }).waitForChoices();
    expect(latin.map((choice) => choice.value)).toEqual([ILYA]);
    expect(latin[0]?.name).toContain('イリヤ');
    const family = await server.sendAutocomplete({ name: 'quote', options: { speaker: 'ｻﾂｷｰ' }, focused: 'speaker' }).waitForChoices();
    expect(family.map((choice) => choice.value)).toEqual([ILYA]);
  });

  it('defers, then posts quote cards: the quotation, the speaker, the source and line, and a turn button each', async () => {
    const record = server.sendCommand({ name: 'quote', options: { speaker: 'Ilya Sutskever', topic: '圧縮' }, locale: 'ja', userId: newUser() });
    const reply = await record.waitForReply();
    const embed = reply.embeds[0];

    expect(record.acknowledgements.map((callback) => callback.type)).toEqual([5]);
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(embed?.title).toContain(ILYA);
    expect(embed?.title).toContain('圧縮');
    expect(embed?.description).toMatch(/^> .*圧縮/mu);
    expect(embed?.description).toMatch(/^— \*\*\[1\]\*\* .+001\\_3102c4d25932e46b\.txt \d+行 · 話者: イリヤ・サツキーバー/mu);
    // The line each quote answers, above it.
    expect(embed?.description).toMatch(/^-# 直前 \(\d+行 · /mu);
    const ids = customIds(reply);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      expect(id).toMatch(/^quote:001_3102c4d25932e46b\.txt:\d+$/u);
      expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    }
  });

  it('opens the whole turn around a quote from its button, only for whoever pressed it', async () => {
    const cards = await server.sendCommand({ name: 'quote', options: { speaker: 'イリヤ', topic: 'GPU' }, locale: 'en-US', userId: newUser() }).waitForReply();
    const [id] = customIds(cards);
    if (id === undefined) throw new Error('no turn button');
    const [, file, line] = /^quote:(.+):(\d+)$/u.exec(id) ?? [];

    const turn = await server.sendButton({ customId: id, message: cards, userId: newUser(), locale: 'en-US' }).waitForReply();
    expect(isEphemeral(turn)).toBe(true);
    expect(turn.embeds[0]?.title).toContain(ILYA);
    expect(turn.embeds[0]?.description).toMatch(new RegExp(`^> \`${line}\` \\*\\*`, 'mu'));
    expect(turn.embeds[0]?.footer?.text).toContain(`${file}, line ${line}`);
  });

  it('answers an unknown speaker at once and ephemerally, with the known speakers', async () => {
    const record = server.sendCommand({ name: 'quote', options: { speaker: 'Geoffrey Hinton' }, locale: 'en-US', userId: newUser() });
    const reply = await record.waitForReply();

    expect(record.acknowledgements.map((callback) => callback.type)).toEqual([4]);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toContain('No speaker "Geoffrey Hinton"');
    expect(reply.content).toContain(ILYA);
  });

  it('answers a topic with nothing to search at once and ephemerally, before deferring', async () => {
    const record = server.sendCommand({ name: 'quote', options: { speaker: 'ジェンセン', topic: '*****' }, locale: 'en-US', userId: newUser() });
    const reply = await record.waitForReply();

    expect(record.acknowledgements.map((callback) => callback.type)).toEqual([4]);
    expect(isEphemeral(reply)).toBe(true);
  });

  it('quotes a speaker’s most substantive lines when no topic is given', async () => {
    const reply = await server.sendCommand({ name: 'quote', options: { speaker: 'ジェンセン' }, locale: 'ja', userId: newUser() }).waitForReply();
    expect(reply.embeds[0]?.title).toBe('ジェンセン・ファンの発言');
    expect(reply.embeds[0]?.description).toMatch(/話者: ジェンセン・ファン/u);
    expect(reply.embeds[0]?.description).not.toMatch(/話者: イリヤ/u);
  });
});

describe('/search with a speaker', () => {
  it('shows only that speaker’s lines and keeps the filter across pages', async () => {
    const user = newUser();
    const reply = await server.sendCommand({ name: 'search', options: { query: 'GPT', speaker: 'Ilya' }, locale: 'ja', userId: user }).waitForReply();
    const description = reply.embeds[0]?.description ?? '';
    const speakers = [...description.matchAll(/話者: (\S+)/gu)].map((match) => match[1]);

    expect(speakers.length).toBeGreaterThan(0);
    expect(new Set(speakers)).toEqual(new Set([ILYA]));
    expect(reply.embeds[0]?.footer?.text).toContain(`🗣 ${ILYA}`);
    const next = customIds(reply).find((id) => id.startsWith('search:') && id.includes(':2:'));
    if (next === undefined) throw new Error(`Ilya says GPT on more than one page, but there is no ▶: ${customIds(reply).join(', ')}`);
    await server.sendButton({ customId: next, message: reply, userId: user, locale: 'ja' });
    await expect.poll(() => server.message(reply.id)?.embeds[0]?.footer?.text ?? '').toContain('2 / ');
    const paged = server.message(reply.id)?.embeds[0]?.description ?? '';
    expect(new Set([...paged.matchAll(/話者: (\S+)/gu)].map((match) => match[1]))).toEqual(new Set([ILYA]));
  });

  it('autocompletes the speaker option of /search too', async () => {
    const choices = await server.sendAutocomplete({ name: 'search', options: { query: 'GPT', speaker: 'ネイサン' }, focused: 'speaker' }).waitForChoices();
    expect(choices.map((choice) => choice.value)).toEqual(['ネイサン・ランバート']);
  });
});
