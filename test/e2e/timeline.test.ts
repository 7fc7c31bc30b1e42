/**
 * /timeline end to end: the real discord.js Client, started as `npm start` starts it, against the
 * Discord-protocol server in support/, over the real seeds.
 */
import { ComponentType, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Bot } from '../../src/discord/start-bot.js';
import { CUSTOM_ID_MAX } from '../../src/render/discord.js';
import { messages } from '../../src/render/messages.js';
import { timelineText } from '../../src/render/timeline.js';
import { startLoopbackBot } from './support/loopback-bot.ts';
import { isEphemeral, userIds } from './support/message-parts.ts';
import type { DiscordServer } from './support/discord-server.ts';

let server: DiscordServer;
let bot: Bot;

/** A fresh invoking user: the server makes them a guild member on first use. */
const newUser = userIds(410_000_000_000_000_000n);

function button(message: APIMessage, label: '◀' | '▶'): { customId: string; disabled: boolean } {
  const found = (message.components ?? [])
    .flatMap((row) => (row.type === ComponentType.ActionRow ? row.components : []))
    .find((component) => component.type === ComponentType.Button && 'label' in component && component.label === label);
  if (found === undefined || !('custom_id' in found)) throw new Error(`no ${label} button on message ${message.id}`);
  return { customId: found.custom_id, disabled: found.disabled === true };
}

/** The dates shown on a page, in order: the code spans that open each event line. */
function shownDates(message: APIMessage): string[] {
  return [...(message.embeds[0]?.description ?? '').matchAll(/^`([^`]+)`/gmu)].map((match) => match[1] ?? '');
}

beforeAll(async () => {
  ({ server, bot } = await startLoopbackBot({ COOLDOWN_SECONDS: '0' }));
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await server?.close();
});

describe('/timeline', () => {
  it('is registered with its four optional filters, localised', () => {
    const command = server.commands({ guildId: server.guildId }).find((registered) => registered.name === 'timeline');
    expect(command?.name_localizations).toMatchObject({ ja: '年表', 'en-US': 'timeline' });
    expect(command?.options?.map((option) => [option.name, option.required ?? false, option.autocomplete ?? false])).toEqual([
      ['from', false, false],
      ['to', false, false],
      ['topic', false, false],
      ['source', false, true],
    ]);
  });

  it('shows the events in order, grouped by year, and pages with ◀ ▶ for the user who asked', async () => {
    const userId = newUser();
    const record = server.sendCommand({ name: 'timeline', locale: 'ja', userId });
    const first = await record.waitForReply();
    const embed = first.embeds[0];

    expect(record.acknowledgements.map((callback) => callback.type)).toEqual([5]);
    expect(first.allowed_mentions).toEqual({ parse: [] });
    expect(embed?.title).toBe('年表');
    expect(embed?.description).toMatch(/^\*\*\d{4}年\*\*$/mu);
    expect(embed?.description).toMatch(/〔(年|月|日|期間|頃)(・(予定|予測|公開))?〕/u);
    expect(embed?.description).toMatch(/— \*\d{3}\\_[0-9a-f]+\.txt \d+行\*/u);
    expect(embed?.footer?.text).toMatch(/^\d+件 · 1 \/ \d+ページ\n🗓 —$/u);
    const firstYears = shownDates(first).map((date) => Number(/\d{4}/u.exec(date)?.[0]));
    expect(firstYears).toEqual([...firstYears].sort((a, b) => a - b));
    expect(button(first, '◀').disabled).toBe(true);
    const next = button(first, '▶').customId;
    expect(next).toMatch(/^timeline:\d+:2:[0-9a-f]+$/u);
    expect([...next].length).toBeLessThanOrEqual(CUSTOM_ID_MAX);

    const foreign = await server.sendButton({ customId: next, message: first, userId: newUser(), locale: 'ja' }).waitForReply();
    expect(foreign.content).toBe(timelineText('ja').notYours);
    expect(isEphemeral(foreign)).toBe(true);

    const press = server.sendButton({ customId: next, message: first, userId, locale: 'ja' });
    const second = await press.waitForReply();
    expect(press.acknowledgements.map((callback) => callback.type)).toEqual([6]);
    expect(second.id).toBe(first.id);
    expect(second.embeds[0]?.footer?.text).toMatch(/ 2 \/ \d+ページ/u);
    const secondYears = shownDates(second).map((date) => Number(/\d{4}/u.exec(date)?.[0]));
    expect(secondYears[0]).toBeGreaterThanOrEqual(firstYears[firstYears.length - 1] ?? 0);
    expect(button(second, '◀').disabled).toBe(false);
  });

  it('combines the filters, keeps them across pages, and answers in English for en-US', async () => {
    const userId = newUser();
    const options = { from: '2024', to: '2026', source: '004' };
    const first = await server.sendCommand({ name: 'timeline', options, locale: 'en-US', userId }).waitForReply();
    const embed = first.embeds[0];
    expect(embed?.title).toContain('from: 2024');
    expect(embed?.footer?.text).toMatch(/^\d+ events · page 1 of \d+\n🗓 2024 → 2026 · 📄 004_ecc33727f3069782\.txt$/u);
    const years = (page: APIMessage): number[] => shownDates(page).map((date) => Number(/\d{4}/u.exec(date)?.[0]));
    expect(years(first).every((year) => year >= 2024 && year <= 2026)).toBe(true);
    expect(embed?.description).not.toMatch(/00[0-3]\\_/u);

    const second = await server.sendButton({ customId: button(first, '▶').customId, message: first, userId, locale: 'en-US' }).waitForReply();
    expect(years(second).every((year) => year >= 2024 && year <= 2026)).toBe(true);
    expect(second.embeds[0]?.description).not.toMatch(/00[0-3]\\_/u);

    const topical = await server.sendCommand({ name: 'timeline', options: { topic: 'AlexNet' }, locale: 'ja', userId }).waitForReply();
    expect(topical.embeds[0]?.description).toContain('2012');
    expect(topical.components).toEqual([]);
  });

  it('refuses a date it cannot read, ephemerally and before deferring', async () => {
    const record = server.sendCommand({ name: 'timeline', options: { from: 'そのうち' }, locale: 'ja', userId: newUser() });
    const refusal = await record.waitForReply();
    expect(record.acknowledgements.map((callback) => callback.type)).toEqual([4]);
    expect(isEphemeral(refusal)).toBe(true);
    expect(refusal.content).toBe(messages('ja').errors.bad_date({ option: 'from', value: 'そのうち' }));
  });

  it('suggests seed files for the source option', async () => {
    const choices = await server.sendAutocomplete({ name: 'timeline', options: { source: '001' }, focused: 'source' }).waitForChoices();
    expect(choices.map((choice) => choice.value)).toEqual(['001_3102c4d25932e46b.txt']);
  });
});
