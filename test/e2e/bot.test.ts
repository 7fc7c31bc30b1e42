/**
 * The bot end to end: the real discord.js Client, started by `startBot` exactly as `npm start` does,
 * against the Discord-protocol server in support/. One booted AppState is shared (booting costs ~2 s);
 * each test invokes as its own user so the per-user cooldown only shows where a test wants it.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ComponentType, type APIMessage } from 'discord.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { boot, type AppState } from '../../src/boot.js';
import { loadConfig, type Config } from '../../src/config.js';
import { loadCommands } from '../../src/discord/load-commands.js';
import { deployCommands } from '../../src/discord/register-commands.js';
import type { Command } from '../../src/discord/command.js';
import { startBot, type Bot, type BotOptions } from '../../src/discord/start-bot.js';
import { MAX_QUERY_LENGTH } from '../../src/features/query-text.js';
import { messages } from '../../src/render/messages.js';
import { CUSTOM_ID_MAX, searchPageId } from '../../src/render/discord.js';
import { stateFrom } from '../support/state.js';
import { capturedLog } from './support/captured-log.ts';
import { loopbackConfig } from './support/bot-config.ts';
import { customIds, isEphemeral, userIds } from './support/message-parts.ts';
import { startDiscordServer, type DiscordServer, type ReplyMessage } from './support/discord-server.ts';
import type { InteractionRecord } from './support/interaction-record.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const QUESTION = 'マイクロソフトはなぜ原発を再稼働するのか';

let state: AppState;
let server: DiscordServer;
let bot: Bot;
/** Every log line the bot wrote, parsed. */
const { log, lines: logLines } = capturedLog();

/** A fresh invoking user: the server makes them a guild member on first use. */
const newUser = userIds(400_000_000_000_000_000n);

function botConfig(): Config {
  return loopbackConfig(server, { COOLDOWN_SECONDS: '3' });
}

function pageButton(message: APIMessage, label: '◀' | '▶'): string {
  const button = (message.components ?? [])
    .flatMap((row) => (row.type === ComponentType.ActionRow ? row.components : []))
    .find((component) => component.type === ComponentType.Button && 'label' in component && component.label === label);
  if (button === undefined || !('custom_id' in button)) throw new Error(`no ${label} button on message ${message.id}`);
  return button.custom_id;
}

/** Requests about one interaction (its callback, edits, follow-ups), with the status answered. */
function statusesFor(record: InteractionRecord, method: string): number[] {
  return server.requests.filter((request) => request.method === method && request.path.includes(record.token)).map((request) => request.status);
}

/** One response: the answer itself, or a deferral and one accepted edit; nothing else. */
function expectAnsweredOnce(record: InteractionRecord): void {
  const types = record.acknowledgements.map((callback) => callback.type);
  expect(types.length, record.describe()).toBe(1);
  expect(record.acknowledgements[0]?.elapsedMs).toBeLessThan(2_500);
  expect(record.edits.map((edit) => edit.status)).toEqual(types[0] === 5 ? [200] : []);
  expect(record.followUps).toEqual([]);
}

/** The ephemeral follow-up an interaction got (after a deferred update, there is no reply to wait for). */
async function followUpOf(record: InteractionRecord): Promise<ReplyMessage> {
  const id = await vi.waitFor(() => {
    const messageId = record.followUps[0]?.messageId;
    if (messageId === undefined) throw new Error(`no follow-up yet. ${record.describe()}`);
    return messageId;
  });
  const message = server.message(id);
  if (message === undefined) throw new Error(`follow-up ${id} not stored`);
  return message;
}

beforeAll(async () => {
  [{ state }, server] = await Promise.all([boot({ seedsDir: path.join(ROOT, 'seeds'), dictionaryDir: null, dataDir: path.join(ROOT, 'data') }, pino({ level: 'silent' })), startDiscordServer()]);
  bot = await startBot(botConfig(), state, log);
});

afterAll(async () => {
  await bot?.stop();
  await server?.close();
});

describe('startBot', () => {
  it('logs in over the gateway and registers nothing at start-up', () => {
    expect(bot.client.user.id).toBe(server.botUserId);
    expect(server.gatewayStats).toMatchObject({ identifies: 1, connected: true });
    expect(server.requests.filter((request) => request.path.includes('/commands'))).toEqual([]);
    expect(logLines.map((line) => line['msg'])).toContain('bot ready');
  });

  it('builds the glossary and the timeline right after logging in, not on the first command', async () => {
    await vi.waitFor(() => expect(logLines.map((line) => line['msg'])).toContain('glossary and timeline ready'));
  });
});

describe('deployCommands', () => {
  it('registers every command in commands/ to the guild or globally, with ja and en-US localisations', async () => {
    const commands = await loadCommands();
    const target = { token: server.token, applicationId: server.applicationId, apiUrl: server.apiUrl };

    // Every module in commands/ (a file per command), the core four among them.
    const files = readdirSync(path.join(ROOT, 'commands')).filter((file) => file.endsWith('.ts')).map((file) => file.replace(/\.ts$/u, '')).sort();
    expect(files).toEqual(expect.arrayContaining(['ask', 'help', 'search', 'source']));
    expect(await deployCommands(commands, { ...target, guildId: server.guildId })).toBe(files.length);
    expect(await deployCommands(commands, { ...target, guildId: undefined })).toBe(files.length);

    const names = (list: ReadonlyArray<{ name: string }>): string[] => list.map((command) => command.name).sort();
    expect(names(server.commands({ guildId: server.guildId }))).toEqual(files);
    expect(names(server.commands())).toEqual(files);
    const registered = server.commands({ guildId: server.guildId });
    const ask = registered.find((command) => command.name === 'ask');
    expect(ask?.name_localizations).toMatchObject({ ja: '質問', 'en-US': 'ask' });
    expect(ask?.description_localizations?.['en-US']).toMatch(/question/i);
    expect(ask?.options?.[0]).toMatchObject({ name: 'question', required: true, max_length: MAX_QUERY_LENGTH, name_localizations: { ja: '質問' } });
    const source = registered.find((command) => command.name === 'source');
    expect(source?.options?.map((option) => [option.name, option.autocomplete ?? false])).toEqual([
      ['file', true],
      ['line', false],
    ]);
    for (const command of registered) {
      expect(command.name_localizations?.ja).toBeTruthy();
      expect(command.description_localizations?.ja).toBeTruthy();
      expect(command.description_localizations?.['en-US']).toBeTruthy();
    }
  });
});

describe('/ask', () => {
  it('answers once, in its first response, with an embed of quoted excerpts, bold matches and citations, in Japanese for ja', async () => {
    const record = server.sendCommand({ name: 'ask', options: { question: QUESTION }, locale: 'ja', userId: newUser() });
    const reply = await record.waitForReply();
    const embed = reply.embeds[0];

    // Ready well within the deferral time: the answer is the response itself, no "thinking…" first.
    expect(record.acknowledgements.map((callback) => callback.type)).toEqual([4]);
    expect(record.edits).toEqual([]);
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(embed?.title).toBe(QUESTION);
    expect(embed?.description).toContain(messages('ja').answerFound);
    expect(embed?.description).toMatch(/^> .*\*\*[^*]+\*\*/mu);
    expect(embed?.description).toMatch(/^— \*\*\[1\]\*\* .+ · \S+\.txt \d+行/mu);
    expect(embed?.footer?.text).toMatch(/^\d+件の一致$/u);
    // One context button per excerpt, pointing at the line its citation names.
    const ids = customIds(reply);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const [, file, line] = /^source:(.+):(\d+)$/u.exec(id) ?? [];
      // Markdown in the citation is escaped: `_` would start italics.
      expect(embed?.description).toContain(`${file?.replaceAll('_', '\\_')} ${line}行`);
    }
  });

  it('answers in English when the user’s locale is en-US', async () => {
    const reply = await server.sendCommand({ name: 'ask', options: { question: QUESTION }, locale: 'en-US', userId: newUser() }).waitForReply();
    const embed = reply.embeds[0];

    expect(embed?.description).toContain(messages('en').answerFound);
    expect(embed?.description).toMatch(/\.txt line \d+/u);
    expect(embed?.footer?.text).toMatch(/^\d+ match(es)?$/u);
    expect(reply.components?.[0]?.type).toBe(ComponentType.ActionRow);
  });

  it('answers an interaction that lacks fields discord.js expects (entitlements, integration owners), and keeps serving', async () => {
    const bare = await server.sendCommand({ name: 'help', locale: 'en-US', userId: newUser(), omit: ['entitlements', 'authorizing_integration_owners'] }).waitForReply();
    expect(bare.embeds[0]?.description ?? bare.content).toBeTruthy();
    const next = await server.sendCommand({ name: 'ask', options: { question: QUESTION }, locale: 'en-US', userId: newUser() }).waitForReply();
    expect(next.embeds[0]?.description).toContain(messages('en').answerFound);
  });

  it('asks a user who repeats a command too fast to wait, ephemerally, while other commands stay free', async () => {
    const userId = newUser();
    const first = server.sendCommand({ name: 'ask', options: { question: 'AIの電力' }, locale: 'ja', userId });
    const second = server.sendCommand({ name: 'ask', options: { question: 'AIの電力' }, locale: 'ja', userId });
    const search = server.sendCommand({ name: 'search', options: { query: 'AIの電力' }, locale: 'ja', userId });
    const source = server.sendCommand({ name: 'source', options: { file: '000', line: 3 }, locale: 'ja', userId });

    expect((await first.waitForReply()).embeds).toHaveLength(1);
    const refused = await second.waitForReply();
    expect(refused.content).toMatch(/少し待ってから.*あと[123]秒/u);
    expect(isEphemeral(refused)).toBe(true);
    expect(second.acknowledgements.map((callback) => callback.type)).toEqual([4]);
    expect((await search.waitForReply()).embeds).toHaveLength(1);
    expect((await source.waitForReply()).embeds).toHaveLength(1);
  });
});

describe('/search', () => {
  it('pages with ◀ ▶, and a press on an old message still works after the bot restarts', async () => {
    const userId = newUser();
    const record = server.sendCommand({ name: 'search', options: { query: 'AI' }, locale: 'ja', userId });
    const first = await record.waitForReply();
    expect(first.embeds[0]?.footer?.text).toMatch(/1 \/ \d+ページ\n🔎 AI$/u);
    expect(pageButton(first, '▶')).toMatch(/^search:\d+:2:[0-9a-f]+$/u);
    expect(() => server.sendButton({ customId: pageButton(first, '◀'), message: first, userId })).toThrow(/disabled/);

    const press = server.sendButton({ customId: pageButton(first, '▶'), message: first, userId, locale: 'ja' });
    const second = await press.waitForReply();
    expect(second.id).toBe(first.id);
    expect(second.embeds[0]?.footer?.text).toMatch(/^\d+件の一致 · 2 \/ \d+ページ/u);
    expect(second.embeds[0]?.description).toContain('**[6]**');
    expect(press.acknowledgements.map((callback) => callback.type)).toEqual([6]);

    await bot.stop();
    bot = await startBot(botConfig(), state, log);
    const afterRestart = server.sendButton({ customId: pageButton(second, '▶'), message: second, userId, locale: 'ja' });
    const third = await afterRestart.waitForReply();

    expect(server.gatewayStats.identifies).toBe(2);
    expect(third.id).toBe(first.id);
    expect(third.embeds[0]?.footer?.text).toMatch(/ 3 \/ \d+ページ/u);
    expect(third.embeds[0]?.description).toContain('**[11]**');
    expect(server.channelMessages(server.channelId).filter((message) => message.id === first.id)).toHaveLength(1);
  });

  it('answers a press by another user, or on a page that no longer exists, politely and only to them', async () => {
    const owner = newUser();
    const first = await server.sendCommand({ name: 'search', options: { query: 'AI' }, locale: 'en-US', userId: owner }).waitForReply();

    const foreign = await server.sendButton({ customId: pageButton(first, '▶'), message: first, userId: newUser(), locale: 'en-US' }).waitForReply();
    expect(foreign.content).toBe(messages('en').notYourButton);
    expect(isEphemeral(foreign)).toBe(true);
    expect(server.message(first.id)?.embeds[0]?.footer?.text).toMatch(/page 1 of/u);

    // A message whose page is gone (the material shrank since): the button says page 999.
    const gone = { ...first, id: '900000000000000001', components: [{ type: ComponentType.ActionRow, components: [
      { type: ComponentType.Button, style: 1, label: '▶', custom_id: searchPageId(owner, 999, 'AI') },
    ] }] } satisfies APIMessage;
    const stale = server.sendButton({ customId: searchPageId(owner, 999, 'AI'), message: gone, userId: owner, locale: 'en-US' });
    const notice = await followUpOf(stale);
    expect(notice.content).toBe(messages('en').stale);
    expect(isEphemeral(notice)).toBe(true);

    // A button whose message no longer carries the query it was made for.
    const edited = { ...first, id: '900000000000000002', embeds: [{ ...first.embeds[0], footer: { text: '🔎 something else' } }] } satisfies APIMessage;
    const mismatch = await server.sendButton({ customId: pageButton(first, '▶'), message: edited, userId: owner, locale: 'en-US' }).waitForReply();
    expect(mismatch.content).toBe(messages('en').stale);
  });
});

describe('/source', () => {
  it('shows the cited line in bold among its neighbours', async () => {
    const record = server.sendCommand({ name: 'source', options: { file: '000_e13694d1ae841ad9.txt', line: 10 }, locale: 'ja', userId: newUser() });
    const reply = await record.waitForReply();
    const embed = reply.embeds[0];

    expect(record.acknowledgements.map((callback) => callback.type)).toEqual([4]);
    expect(embed?.title).toContain('マイクロソフト');
    expect(embed?.description).toMatch(/^> `10` \*\*.+\*\*$/mu);
    expect(embed?.description).toMatch(/^`8` /mu);
    expect(embed?.description).toMatch(/^`12` /mu);
    expect(embed?.footer?.text).toBe('000_e13694d1ae841ad9.txt 10行目');
    expect(reply.allowed_mentions).toEqual({ parse: [] });
  });

  it('opens an excerpt’s context from the button under an /ask answer, only for whoever pressed it', async () => {
    const answer = await server.sendCommand({ name: 'ask', options: { question: QUESTION }, locale: 'ja', userId: newUser() }).waitForReply();
    const [id] = customIds(answer);
    if (id === undefined) throw new Error('no source button');
    const [, file, line] = /^source:(.+):(\d+)$/u.exec(id) ?? [];

    const context = await server.sendButton({ customId: id, message: answer, userId: newUser(), locale: 'ja' }).waitForReply();
    expect(isEphemeral(context)).toBe(true);
    expect(context.embeds[0]?.footer?.text).toBe(`${file} ${line}行目`);
    expect(server.channelMessages(server.channelId).some((message) => message.id === context.id)).toBe(false);
  });

  it('explains an unknown file or a line out of range, ephemerally', async () => {
    const unknown = await server.sendCommand({ name: 'source', options: { file: 'nope.txt', line: 1 }, locale: 'en-US', userId: newUser() }).waitForReply();
    expect(unknown.content).toContain('There is no file "nope.txt"');
    expect(unknown.content).toContain('000\\_e13694d1ae841ad9.txt');
    expect(isEphemeral(unknown)).toBe(true);

    const outOfRange = await server.sendCommand({ name: 'source', options: { file: '000', line: 9_999 }, locale: 'ja', userId: newUser() }).waitForReply();
    expect(outOfRange.content).toMatch(/^000\\_e13694d1ae841ad9\.txt は1〜\d+行です\(9999行目はありません\)/u);
    expect(isEphemeral(outOfRange)).toBe(true);
  });

  it('autocompletes the file from the seed files’ names and titles', async () => {
    const all = await server.sendAutocomplete({ name: 'source', options: { file: '' }, focused: 'file', userId: newUser() }).waitForChoices();
    expect(all.map((choice) => choice.value)).toEqual(state.corpus.transcripts.map((transcript) => transcript.file));
    expect(all.every((choice) => [...choice.name].length <= 100)).toBe(true);

    const byName = await server.sendAutocomplete({ name: 'source', options: { file: '001' }, focused: 'file' }).waitForChoices();
    expect(byName.map((choice) => choice.value)).toEqual(['001_3102c4d25932e46b.txt']);
    const byTitle = await server.sendAutocomplete({ name: 'source', options: { file: 'ｻﾑ・アルマン' }, focused: 'file' }).waitForChoices();
    expect(byTitle.map((choice) => choice.value)).toEqual(['003_29abcdc4f5fa34c3.txt']);
  });
});

describe('/help', () => {
  it('explains the commands in the user’s language, ephemerally', async () => {
    const ja = await server.sendCommand({ name: 'help', locale: 'ja', userId: newUser() }).waitForReply();
    const en = await server.sendCommand({ name: 'help', locale: 'en-US', userId: newUser() }).waitForReply();

    expect(ja.embeds[0]?.title).toBe('使い方');
    expect(ja.embeds[0]?.description).toContain('/ask 質問');
    expect(en.embeds[0]?.title).toBe('How to use');
    expect(en.embeds[0]?.description).toContain('/search query');
    expect([ja, en].every(isEphemeral)).toBe(true);
  });
});

describe('hostile input', () => {
  it('echoes mentions and markdown inert, and strips zero-width characters', async () => {
    const question = '@everyone <@&123456789012345678> **太字** __下線__ `code` マイクロソフト\u200bの原発';
    const reply = await server.sendCommand({ name: 'ask', options: { question }, locale: 'ja', userId: newUser() }).waitForReply();
    const title = reply.embeds[0]?.title ?? '';

    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(reply.mention_everyone).toBe(false);
    expect(reply.mention_roles).toEqual([]);
    expect(title).toContain('\\*\\*太字\\*\\*');
    expect(title).toContain('\\_\\_下線\\_\\_');
    expect(title).toContain('\\`code\\`');
    expect(title).toContain('<\u200b@&123456789012345678>');
    expect(title).not.toMatch(/<@&\d+>/u);
    expect(title).not.toMatch(/(^|[^\\])@everyone/u);
    expect(title).toContain('マイクロソフトの原発');
  });

  it('tells the user, ephemerally, that a command left over from an old registration is gone', async () => {
    const reply = await server.sendCommand({ name: 'oldcommand', options: {}, locale: 'en-US', userId: newUser() }).waitForReply();
    expect(reply.content).toBe(messages('en').errors.unknown_command({ command: 'oldcommand' }));
    expect(isEphemeral(reply)).toBe(true);
  });

  it('refuses a 6,000-character question and an invisible one ephemerally, before deferring', async () => {
    const long = server.sendCommand({ name: 'ask', options: { question: 'あ'.repeat(6_000) }, locale: 'en-US', userId: newUser() });
    const invisible = server.sendCommand({ name: 'ask', options: { question: '\u200b\u200d\ufeff' }, locale: 'ja', userId: newUser() });

    const tooLong = await long.waitForReply();
    expect(tooLong.content).toBe(`That is too long (6000 characters). Please keep it under ${MAX_QUERY_LENGTH}.`);
    expect(isEphemeral(tooLong)).toBe(true);
    expect(long.acknowledgements.map((callback) => callback.type)).toEqual([4]);
    const empty = await invisible.waitForReply();
    expect(empty.content).toBe(messages('ja').errors.empty_query());
    expect(isEphemeral(empty)).toBe(true);
  });

  it('escapes a hostile file name echoed in an error, and keeps the query, mentions broken, in the search footer', async () => {
    const file = '@everyone **x** <@&123456789012345678>';
    const refused = await server.sendCommand({ name: 'source', options: { file, line: 1 }, locale: 'en-US', userId: newUser() }).waitForReply();
    expect(refused.content).toContain('"@\u200beveryone \\*\\*x\\*\\* <\u200b@&123456789012345678>"');
    expect(refused.allowed_mentions).toEqual({ parse: [] });
    expect(refused.mention_everyone).toBe(false);

    const query = '**AI** @here';
    const page = await server.sendCommand({ name: 'search', options: { query }, locale: 'ja', userId: newUser() }).waitForReply();
    expect(page.embeds[0]?.title).toBe('\\*\\*AI\\*\\* @\u200bhere');
    // The footer keeps the query for paging after a restart, with its mention syntax broken.
    expect(page.embeds[0]?.footer?.text).toMatch(/\n🔎 \*\*AI\*\* @\u200bhere$/u);
  });
});

describe('faults', () => {
  it('waits out a 429 with Retry-After on the response and answers once', async () => {
    server.rateLimitNext({ method: 'POST', pathPattern: /\/callback$/u, retryAfterSeconds: 0.3 });
    const record = server.sendCommand({ name: 'ask', options: { question: QUESTION }, locale: 'ja', userId: newUser() });
    const reply = await record.waitForReply();

    expect(reply.embeds).toHaveLength(1);
    expect(statusesFor(record, 'POST')).toEqual([429, 204]);
    expect(record.acknowledgements).toHaveLength(1);
    expect(server.pendingFaults).toBe(0);
  });

  it('retries a 500 on the response and answers once', async () => {
    server.failNext({ method: 'POST', pathPattern: '/callback', status: 500, times: 2 });
    const record = server.sendCommand({ name: 'ask', options: { question: QUESTION }, locale: 'ja', userId: newUser() });
    const reply = await record.waitForReply();

    expect(reply.embeds).toHaveLength(1);
    expect(statusesFor(record, 'POST')).toEqual([500, 500, 204]);
    expect(record.acknowledgements).toHaveLength(1);
  });

  it('answers an interaction sent during a gateway outage exactly once, after the resume', async () => {
    server.dropGateway({ code: 4000 });
    const record = server.sendCommand({ name: 'ask', options: { question: QUESTION }, locale: 'ja', userId: newUser() });
    expect(record.deliveries).toBe(0);

    expect(await server.waitForGatewayRecovery()).toBe('resumed');
    const reply = await record.waitForReply();
    expect(reply.embeds).toHaveLength(1);
    expect(record.deliveries).toBe(1);
    expect(record.acknowledgements.map((callback) => callback.type)).toEqual([4]);
    expect(record.edits).toEqual([]);
  });

  it('responds to a burst of /ask well inside the 3 s deadline and answers each exactly once', async () => {
    const records = Array.from({ length: 40 }, (_, i) =>
      server.sendCommand({ name: 'ask', options: { question: `${QUESTION} ${i}` }, locale: i % 2 === 0 ? 'ja' : 'en-US', userId: newUser() }),
    );
    await Promise.all(records.map((record) => record.waitForReply({ timeoutMs: 20_000 })));

    for (const record of records) expectAnsweredOnce(record);
  });

  it('answers a question many ask at once once each, all alike', async () => {
    const records = Array.from({ length: 12 }, () => server.sendCommand({ name: 'ask', options: { question: 'スリーマイル島の原子炉はいつ再稼働する?' }, locale: 'ja', userId: newUser() }));
    const replies = await Promise.all(records.map((record) => record.waitForReply({ timeoutMs: 20_000 })));

    for (const record of records) expectAnsweredOnce(record);
    const [first, ...others] = replies.map((reply) => ({ embeds: reply.embeds, components: reply.components }));
    expect(first?.embeds[0]?.description).toMatch(/スリーマイル/u);
    for (const other of others) expect(other).toEqual(first);
  });
});

describe('a reply not ready in time', () => {
  /** /ask whose answer takes `ms` of the event loop's time, as a much larger corpus would. */
  async function slowAsk(ms: number): Promise<ReadonlyMap<string, Command>> {
    const commands = new Map(await loadCommands());
    const real = commands.get('ask');
    if (real === undefined) throw new Error('no /ask command');
    const busy = (): void => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    commands.set('ask', { ...real, execute: (interaction, context) => real.execute(interaction, { ...context, answer: (job, key) => context.answer(() => (busy(), job()), key) }) });
    return commands;
  }

  async function restartBot(options: BotOptions): Promise<void> {
    await bot.stop();
    bot = await startBot(botConfig(), state, log, options);
  }

  afterAll(async () => {
    await restartBot({});
  });

  it('is deferred when its time is up, then the deferral is edited once', async () => {
    await restartBot({ deferAfterMs: 150, commands: await slowAsk(100) });
    const records = Array.from({ length: 4 }, (_, i) => server.sendCommand({ name: 'ask', options: { question: `${QUESTION} [${i}]` }, locale: 'ja', userId: newUser() }));
    const replies = await Promise.all(records.map((record) => record.waitForReply({ timeoutMs: 20_000 })));

    for (const record of records) expectAnsweredOnce(record);
    // The last one waited for three answers of 100 ms before its own: past 150 ms, so deferred.
    expect(records.at(-1)?.acknowledgements.map((callback) => callback.type)).toEqual([5]);
    for (const reply of replies) expect(reply.embeds[0]?.description).toContain(messages('ja').answerFound);
  });

  it('is deferred at once when it finds a backlog ahead of it, the first one answered directly', async () => {
    // The deferral timer is far off: only the backlog can make the bot defer.
    await restartBot({ deferAfterMs: 60_000, backlogDeferMs: 20, commands: await slowAsk(30) });
    const records = Array.from({ length: 8 }, (_, i) => server.sendCommand({ name: 'ask', options: { question: `${QUESTION} (${i})` }, locale: 'ja', userId: newUser() }));
    await Promise.all(records.map((record) => record.waitForReply({ timeoutMs: 20_000 })));

    for (const record of records) expectAnsweredOnce(record);
    const types = records.map((record) => record.acknowledgements[0]?.type);
    expect(types[0]).toBe(4);
    expect(types.at(-1)).toBe(5);
    // A deferral goes out before the answers ahead of it are computed, not after them: before the
    // answer to the interaction just ahead of it (an order, not a timing that load could stretch).
    const answeredAt = (record: InteractionRecord | undefined): number =>
      record?.acknowledgements[0]?.type === 4 ? record.acknowledgements[0].elapsedMs : (record?.edits[0]?.elapsedMs ?? Number.NaN);
    expect(records.at(-1)?.acknowledgements[0]?.elapsedMs).toBeLessThan(answeredAt(records.at(-2)));
  });

  it('is not deferred for a backlog when the same question is being answered already', async () => {
    await restartBot({ deferAfterMs: 60_000, backlogDeferMs: 20, commands: await slowAsk(30) });
    // Other questions first, so that the first asker of the repeated one finds a backlog and defers.
    const others = Array.from({ length: 8 }, (_, i) => server.sendCommand({ name: 'ask', options: { question: `${QUESTION} <${i}>` }, locale: 'ja', userId: newUser() }));
    const same = Array.from({ length: 4 }, () => server.sendCommand({ name: 'ask', options: { question: `${QUESTION} (same)` }, locale: 'ja', userId: newUser() }));
    await Promise.all([...others, ...same].map((record) => record.waitForReply({ timeoutMs: 20_000 })));

    for (const record of [...others, ...same]) expectAnsweredOnce(record);
    const [first, ...rest] = same.map((record) => record.acknowledgements[0]?.type);
    expect(first).toBe(5);
    expect(rest).toEqual([4, 4, 4]);
  });

  describe('when every reply is deferred first', () => {
    beforeAll(async () => {
      await restartBot({ deferAfterMs: 0 });
    });

    it('edits the deferral into the message a direct answer is: same embed, buttons and mention rule', async () => {
      const question = `${QUESTION} @everyone <@&1> **?**`;
      const deferred = server.sendCommand({ name: 'ask', options: { question }, locale: 'en-US', userId: newUser() });
      const edited = await deferred.waitForReply();
      await restartBot({});
      const direct = server.sendCommand({ name: 'ask', options: { question }, locale: 'en-US', userId: newUser() });
      const answered = await direct.waitForReply();
      await restartBot({ deferAfterMs: 0 });

      expect(deferred.acknowledgements.map((callback) => callback.type)).toEqual([5]);
      expect(direct.acknowledgements.map((callback) => callback.type)).toEqual([4]);
      const shown = ({ content, embeds, components, allowed_mentions }: typeof edited): object => ({ content, embeds, components, allowed_mentions });
      expect(edited.components?.length).toBeGreaterThan(0);
      expect(shown(edited)).toEqual(shown(answered));
    });

    it('waits out a 429 with Retry-After on the reply edit and answers once', async () => {
      server.rateLimitNext({ method: 'PATCH', pathPattern: /\/messages\/@original$/u, retryAfterSeconds: 0.3 });
      const record = server.sendCommand({ name: 'ask', options: { question: QUESTION }, locale: 'ja', userId: newUser() });
      const reply = await record.waitForReply();

      expect(reply.embeds).toHaveLength(1);
      expect(record.acknowledgements.map((callback) => callback.type)).toEqual([5]);
      expect(statusesFor(record, 'PATCH')).toEqual([429, 200]);
      expect(server.pendingFaults).toBe(0);
      expect(logLines.some((line) => line['msg'] === 'rate limited by Discord')).toBe(true);
    });

    it('retries a 500 on the reply edit and answers once', async () => {
      server.failNext({ method: 'PATCH', pathPattern: '@original', status: 500, times: 2 });
      const record = server.sendCommand({ name: 'ask', options: { question: QUESTION }, locale: 'ja', userId: newUser() });
      const reply = await record.waitForReply();

      expect(reply.embeds).toHaveLength(1);
      expect(statusesFor(record, 'PATCH')).toEqual([500, 500, 200]);
      expect(record.acknowledgements).toHaveLength(1);
    });

    it('logs an unexpected failure with context (no token) and apologises to the user', async () => {
      server.failNext({ method: 'PATCH', pathPattern: '@original', status: 403, code: 50_001, message: 'Missing Access' });
      const record = server.sendCommand({ name: 'ask', options: { question: QUESTION }, locale: 'en-US', userId: newUser() });

      const apology = await record.waitForReply();
      expect(apology.content).toBe(messages('en').apology);
      expect(apology.embeds).toEqual([]);
      const failure = logLines.find((line) => line['msg'] === 'interaction failed' && line['interactionId'] === record.id);
      expect(failure).toMatchObject({ command: 'ask', err: { code: 50_001, status: 403 } });
      expect(JSON.stringify(failure)).toContain('[redacted]');
      const logged = JSON.stringify(logLines);
      for (const interaction of server.interactions()) expect(logged).not.toContain(interaction.token);
      expect(logged).not.toContain(server.token);
    });
  });
});

describe('Discord limits', () => {
  it('keeps replies valid when file names, titles and lines are huge, markdown-laden and full of emoji', async () => {
    const long = (tag: string): string => `${'長い名前'.repeat(30)}_${tag}.txt`;
    const paragraph = '原子力発電所は😀**大事**やで。'.repeat(300);
    const files = {
      [long('a')]: ['**題名**_で_~~遊ぶ~~ `原子力` の話 # 見出し', '', paragraph, paragraph.slice(1), `> 引用 ${paragraph}`].join('\n'),
      [long('b')]: ['@everyone 原子力の別の話', '', `- 箇条書き ${paragraph}`, `1. 番号 ${paragraph}`].join('\n'),
      // More files than autocomplete may offer.
      ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`extra-${i}.txt`, `題名${i}\n\n本文です。`])),
    };
    const hugeState = stateFrom(files, state.retriever.analyzer);
    const hugeServer = await startDiscordServer();
    const config = loadConfig(
      { DISCORD_TOKEN: hugeServer.token, DISCORD_CLIENT_ID: hugeServer.applicationId, DISCORD_API_URL: hugeServer.apiUrl, COOLDOWN_SECONDS: '0', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bot-e2e-')) },
      ROOT,
    );
    const hugeBot = await startBot(config, hugeState, pino({ level: 'silent' }));
    // A lone surrogate (an emoji cut in half) shows up as a \ud8xx escape in JSON.
    const halfEmoji = /\\ud[89a-f][0-9a-f]{2}/iu;
    try {
      const answer = await hugeServer.sendCommand({ name: 'ask', options: { question: '原子力発電所' } }).waitForReply();
      expect(answer.embeds[0]?.description).toMatch(/^> /mu);
      expect(JSON.stringify(answer)).not.toMatch(halfEmoji);
      const ids = customIds(answer);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => [...id].length <= CUSTOM_ID_MAX)).toBe(true);

      const [id] = ids;
      if (id === undefined) throw new Error('no source button');
      const context = await hugeServer.sendButton({ customId: id, message: answer }).waitForReply();
      expect(context.embeds[0]?.description).toMatch(/^> `\d+` \*\*/mu);
      expect(JSON.stringify(context)).not.toMatch(halfEmoji);

      const page = await hugeServer.sendCommand({ name: 'search', options: { query: '原子力' } }).waitForReply();
      expect(page.embeds[0]?.description).toMatch(/^> /mu);
      expect(JSON.stringify(page)).not.toMatch(halfEmoji);

      const choices = await hugeServer.sendAutocomplete({ name: 'source', options: { file: '' }, focused: 'file' }).waitForChoices();
      expect(choices).toHaveLength(25);
      expect(choices.every((choice) => [...choice.name].length <= 100 && [...String(choice.value)].length <= 100)).toBe(true);
      const source = await hugeServer
        .sendCommand({ name: 'source', options: { file: String(choices[1]?.value), line: 3 } })
        .waitForReply();
      expect(source.embeds[0]?.footer?.text).toBe(`${long('b')}, line 3`);
    } finally {
      await hugeBot.stop();
      await hugeServer.close();
    }
  });
});
