/**
 * The daily digest end to end: `/digest` over the real discord.js client and the loopback
 * Discord server, posts into a channel, and restarts of the bot on the same database file.
 * The scheduler's clock is injected (fake timers and the real client do not mix).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { boot, type AppState } from '../../src/boot.js';
import type { Config } from '../../src/config.js';
import { DIGEST_DATABASE, openDigestStore } from '../../src/discord/digest-service.js';
import { loadCommands } from '../../src/discord/load-commands.js';
import { deployCommands } from '../../src/discord/register-commands.js';
import { startBot, type Bot } from '../../src/discord/start-bot.js';
import { capturedLog } from './support/captured-log.ts';
import { loopbackConfig } from './support/bot-config.ts';
import { isEphemeral } from './support/message-parts.ts';
import { startDiscordServer, type DiscordServer } from './support/discord-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** 12:00 in Tokyo on 2026-11-23. */
const NOON_TOKYO = new Date('2026-11-23T03:00:00Z');
/**
 * How long a test waits for a due post. The bot posts within a second of start-up; vi.waitFor's 1 s
 * default failed once on a machine busy with other work (the post came after 1 s, once, as it should).
 */
const POST_WAIT_MS = 10_000;

let state: AppState;
let server: DiscordServer;
const { log, lines: logLines } = capturedLog();

function config(dataDir: string): Config {
  return loopbackConfig(server, { DATA_DIR: dataDir });
}

function freshDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'digest-e2e-'));
}

/** A bot whose digest clock reads `now`, ticking fast so the test need not wait. */
async function startAt(dataDir: string, now: Date): Promise<Bot> {
  return startBot(config(dataDir), state, log, { digest: { now: () => now, tickMs: 50 } });
}

const MANAGER = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;

function digestPosts(channelId: string): APIMessage[] {
  return server.channelMessages(channelId).filter((message) => message.author.id === server.botUserId && message.webhook_id === undefined);
}

async function settle(): Promise<void> {
  // Several scheduler ticks.
  await new Promise((resolve) => setTimeout(resolve, 400));
}

beforeAll(async () => {
  [{ state }, server] = await Promise.all([
    boot({ seedsDir: path.join(ROOT, 'seeds'), dictionaryDir: null, dataDir: path.join(ROOT, 'data') }, pino({ level: 'silent' })),
    startDiscordServer(),
  ]);
  const commands = await loadCommands();
  await deployCommands(commands, { token: server.token, applicationId: server.applicationId, apiUrl: server.apiUrl, guildId: server.guildId });
});

afterAll(async () => {
  await server?.close();
});

describe('/digest', () => {
  it('registers for moderators only, in servers only, with localised subcommands', () => {
    const registered = server.commands({ guildId: server.guildId }).find((command) => command.name === 'digest');
    expect(registered?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(registered?.contexts).toEqual([0]);
    expect(registered?.options?.map((option) => option.name)).toEqual(['set', 'off', 'status', 'preview']);
    expect(registered?.options?.[0]?.name_localizations?.ja).toBe('設定');
  });

  it('posts exactly once for a time a minute in the past, and not again after a restart', async () => {
    const dataDir = freshDataDir();
    const before = digestPosts(server.channelId).length;
    const bot = await startAt(dataDir, NOON_TOKYO);
    try {
      const reply = await server
        .sendCommand({ name: 'digest', subcommand: 'set', options: { channel: server.channelId, time: '11:59' }, memberPermissions: MANAGER, locale: 'ja' })
        .waitForReply();
      expect(isEphemeral(reply)).toBe(true);
      expect(reply.content).toContain('11:59(Asia/Tokyo)');
      await vi.waitFor(() => expect(digestPosts(server.channelId).length).toBe(before + 1), { timeout: POST_WAIT_MS });
      await settle();
      expect(digestPosts(server.channelId).length).toBe(before + 1);
    } finally {
      await bot.stop();
    }
    const post = digestPosts(server.channelId).at(-1);
    expect(post?.embeds[0]?.title).toContain('2026-11-23');
    expect(post?.embeds[0]?.fields?.[0]?.value).toMatch(/^> .+\n— .+\.txt \d+行目/su);
    expect((post as { allowed_mentions?: unknown } | undefined)?.allowed_mentions).toEqual({ parse: [] });

    const again = await startAt(dataDir, new Date(NOON_TOKYO.getTime() + 60_000));
    try {
      await settle();
      expect(digestPosts(server.channelId).length).toBe(before + 1);
      const status = await server.sendCommand({ name: 'digest', subcommand: 'status', memberPermissions: MANAGER, locale: 'en-US' }).waitForReply();
      expect(status.content).toContain('Last post: 2026-11-23');
      expect(status.content).toMatch(/Next post: <t:\d+:F>/u);
    } finally {
      await again.stop();
    }
  });

  it('finishes a day claimed by a process that stopped before posting, once', async () => {
    const now = new Date('2026-11-24T03:00:00Z');
    const dataDir = freshDataDir();
    const store = openDigestStore(dataDir, log);
    store.set({ guildId: server.guildId, channelId: server.channelId, time: '09:00', timezone: 'Asia/Tokyo', locale: 'en' }, now);
    // Claimed by a process that stopped ten minutes ago, past its lease.
    const stoppedAt = new Date(now.getTime() - 10 * 60_000);
    expect(store.claim({ guildId: server.guildId, localDate: '2026-11-24', timezone: 'Asia/Tokyo' }, 'stopped-process', stoppedAt, () => false)).not.toBeNull();
    store.close();
    const before = digestPosts(server.channelId).length;
    const bot = await startAt(dataDir, now);
    try {
      await vi.waitFor(() => expect(digestPosts(server.channelId).length).toBe(before + 1), { timeout: POST_WAIT_MS });
      await settle();
      expect(digestPosts(server.channelId).length).toBe(before + 1);
      expect(digestPosts(server.channelId).at(-1)?.embeds[0]?.title).toContain("Today's study digest (2026-11-24)");
    } finally {
      await bot.stop();
    }
  });

  it('records a post that went out before the process could record it, instead of posting again', async () => {
    const now = new Date('2026-11-25T03:00:00Z');
    const first = freshDataDir();
    const bot = await startAt(first, now);
    const before = digestPosts(server.channelId).length;
    try {
      await server.sendCommand({ name: 'digest', subcommand: 'set', options: { channel: server.channelId, time: '09:00' }, memberPermissions: MANAGER }).waitForReply();
      await vi.waitFor(() => expect(digestPosts(server.channelId).length).toBe(before + 1), { timeout: POST_WAIT_MS });
    } finally {
      await bot.stop();
    }
    const posted = digestPosts(server.channelId).at(-1)?.id;
    // A database that has the claim but not the post: the process stopped between the two.
    const second = freshDataDir();
    const store = openDigestStore(second, log);
    store.set({ guildId: server.guildId, channelId: server.channelId, time: '09:00', timezone: 'Asia/Tokyo', locale: 'ja' }, now);
    store.claim({ guildId: server.guildId, localDate: '2026-11-25', timezone: 'Asia/Tokyo' }, 'stopped-process', new Date(now.getTime() - 10 * 60_000), () => false);
    store.close();
    const restarted = await startAt(second, now);
    try {
      await settle();
      expect(digestPosts(server.channelId).length).toBe(before + 1);
    } finally {
      await restarted.stop();
    }
    const reopened = openDigestStore(second, log);
    expect(reopened.post({ guildId: server.guildId, localDate: '2026-11-25', timezone: 'Asia/Tokyo' })).toMatchObject({ status: 'posted', messageId: posted });
    reopened.close();
  });

  it('refuses a channel the bot cannot post in, naming the missing permission', async () => {
    const bot = await startAt(freshDataDir(), NOON_TOKYO);
    try {
      const reply = await server
        .sendCommand({ name: 'digest', subcommand: 'set', options: { channel: server.readOnlyChannelId, time: '07:30' }, memberPermissions: MANAGER, locale: 'en-US' })
        .waitForReply();
      expect(isEphemeral(reply)).toBe(true);
      expect(reply.content).toContain('Send Messages');
      const status = await server.sendCommand({ name: 'digest', subcommand: 'status', memberPermissions: MANAGER, locale: 'en-US' }).waitForReply();
      expect(status.content).toMatch(/No digest is set up/u);
    } finally {
      await bot.stop();
    }
  });

  it('refuses members who cannot manage the server, and bad times and zones', async () => {
    const bot = await startAt(freshDataDir(), NOON_TOKYO);
    try {
      const member = await server.sendCommand({ name: 'digest', subcommand: 'off', locale: 'en-US' }).waitForReply();
      expect(member.content).toMatch(/manage the server/u);
      const time = await server
        .sendCommand({ name: 'digest', subcommand: 'set', options: { channel: server.channelId, time: '25:00' }, memberPermissions: MANAGER, locale: 'en-US' })
        .waitForReply();
      expect(time.content).toMatch(/"25:00" is not a time of day/u);
      const zone = await server
        .sendCommand({ name: 'digest', subcommand: 'set', options: { channel: server.channelId, time: '07:00', timezone: 'Mars/Base' }, memberPermissions: MANAGER, locale: 'en-US' })
        .waitForReply();
      expect(zone.content).toMatch(/no time zone "Mars\/Base"/u);
      expect([member, time, zone].every(isEphemeral)).toBe(true);
    } finally {
      await bot.stop();
    }
  });

  it('previews today’s digest ephemerally, the same one the channel gets', async () => {
    const dataDir = freshDataDir();
    const bot = await startAt(dataDir, NOON_TOKYO);
    try {
      const preview = await server.sendCommand({ name: 'digest', subcommand: 'preview', memberPermissions: MANAGER, locale: 'ja' }).waitForReply();
      expect(isEphemeral(preview)).toBe(true);
      const before = digestPosts(server.channelId).length;
      await server.sendCommand({ name: 'digest', subcommand: 'set', options: { channel: server.channelId, time: '08:00' }, memberPermissions: MANAGER, locale: 'ja' }).waitForReply();
      await vi.waitFor(() => expect(digestPosts(server.channelId).length).toBe(before + 1), { timeout: POST_WAIT_MS });
      expect(digestPosts(server.channelId).at(-1)?.embeds).toEqual(preview.embeds);
    } finally {
      await bot.stop();
    }
  });

  it('suggests time zones as the moderator types', async () => {
    const bot = await startAt(freshDataDir(), NOON_TOKYO);
    try {
      const record = server.sendAutocomplete({ name: 'digest', subcommand: 'set', options: { channel: server.channelId, time: '07:00', timezone: 'tok' }, focused: 'timezone', memberPermissions: MANAGER });
      const choices = await record.waitForChoices();
      expect(choices[0]?.value).toBe('Asia/Tokyo');
    } finally {
      await bot.stop();
    }
  });

  it('starts clean from a corrupt database file, and says so in the log', async () => {
    const dataDir = freshDataDir();
    writeFileSync(path.join(dataDir, DIGEST_DATABASE), 'not a database '.repeat(500));
    const bot = await startAt(dataDir, NOON_TOKYO);
    try {
      expect(logLines.some((line) => typeof line['msg'] === 'string' && line['msg'].includes('digest database was damaged'))).toBe(true);
      const status = await server.sendCommand({ name: 'digest', subcommand: 'status', memberPermissions: MANAGER, locale: 'en-US' }).waitForReply();
      expect(status.content).toMatch(/No digest is set up/u);
    } finally {
      await bot.stop();
    }
  });
});
