/**
 * The Discord test server against the real discord.js Client: if these pass, a bot test that uses
 * the server exercises discord.js as it behaves against Discord, faults included.
 */
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  RESTEvents,
  Routes,
  SlashCommandBuilder,
  TextChannel,
} from 'discord.js';
import type { ChatInputCommandInteraction, Interaction } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startDiscordServer } from './support/discord-server.ts';
import type { DiscordServer } from './support/discord-server.ts';

let server: DiscordServer;
let client: Client;
/** Ids of every interaction discord.js emitted, to prove none was delivered twice. */
let received: string[];
let pendingHandlers: Array<(interaction: Interaction) => void>;

/** Handles the next interaction discord.js emits; resolves with the handler's result, rejects with its error. */
function handleNext<T>(handle: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    pendingHandlers.push((interaction) => {
      handle(interaction).then(resolve, reject);
    });
  });
}

function asCommand(interaction: Interaction): ChatInputCommandInteraction {
  if (!interaction.isChatInputCommand()) throw new Error(`Expected a chat input command, got type ${interaction.type}`);
  return interaction;
}

function pagingRow(page: number): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(`page:${page - 1}`).setLabel('◀').setStyle(ButtonStyle.Secondary).setDisabled(page === 1),
    new ButtonBuilder().setCustomId(`page:${page + 1}`).setLabel('▶').setStyle(ButtonStyle.Secondary),
  );
}

function statusesOf(method: string, pathEnd: string): number[] {
  return server.requests
    .filter((request) => request.method === method && request.path.endsWith(pathEnd))
    .map((request) => request.status);
}

beforeEach(async () => {
  server = await startDiscordServer();
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: server.apiUrl } });
  received = [];
  pendingHandlers = [];
  client.on(Events.InteractionCreate, (interaction) => {
    received.push(interaction.id);
    pendingHandlers.shift()?.(interaction);
  });
  const ready = once(client, Events.ClientReady);
  await client.login(server.token);
  await ready;
});

afterEach(async () => {
  await client.destroy();
  await server.close();
});

describe('discord-server', () => {
  it('brings the client to ready with the guild, channels and permissions from GUILD_CREATE', () => {
    expect(client.user?.id).toBe(server.botUserId);
    expect(client.application?.id).toBe(server.applicationId);
    const guild = client.guilds.cache.get(server.guildId);
    expect(guild?.available).toBe(true);
    const me = guild?.members.me;
    expect(me?.id).toBe(server.botUserId);
    const writable = client.channels.cache.get(server.channelId);
    const readOnly = client.channels.cache.get(server.readOnlyChannelId);
    expect(writable).toBeInstanceOf(TextChannel);
    expect(readOnly).toBeInstanceOf(TextChannel);
    if (!(writable instanceof TextChannel) || !(readOnly instanceof TextChannel) || !me) throw new Error('guild not cached');
    expect(writable.permissionsFor(me).has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(readOnly.permissionsFor(me).has(PermissionFlagsBits.SendMessages)).toBe(false);
    expect(readOnly.permissionsFor(me).has(PermissionFlagsBits.ViewChannel)).toBe(true);
    expect(server.gatewayStats).toMatchObject({ identifies: 1, resumes: 0, connected: true });
  });

  it('refuses a login with another token (401 on GET /gateway/bot)', async () => {
    const intruder = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: server.apiUrl } });
    await expect(intruder.login('not-the-token')).rejects.toThrow(/token/i);
    await intruder.destroy();
    expect(statusesOf('GET', '/gateway/bot').at(-1)).toBe(401);
  });

  it('closes a raw socket with 4004 for a wrong IDENTIFY token and answers an unknown RESUME with op 9', async () => {
    const nextFrame = async (socket: WebSocket): Promise<unknown> => {
      const [data] = await once(socket, 'message');
      return JSON.parse(String(data));
    };
    const intruder = new WebSocket(`${server.gatewayUrl}?v=10&encoding=json`);
    expect(await nextFrame(intruder)).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });
    intruder.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    const [code] = await once(intruder, 'close');
    expect(code).toBe(4004);

    const stranger = new WebSocket(`${server.gatewayUrl}?v=10&encoding=json`);
    await nextFrame(stranger);
    stranger.send(JSON.stringify({ op: 6, d: { token: server.token, session_id: 'unknown', seq: 3 } }));
    expect(await nextFrame(stranger)).toMatchObject({ op: 9, d: false });
    stranger.terminate();
    expect(server.gatewayStats).toMatchObject({ identifies: 1, invalidSessions: 1, connected: true });
  });

  it('gives one visible reply when a command is answered with deferReply + editReply', async () => {
    const handled = handleNext(async (interaction) => {
      const command = asCommand(interaction);
      await command.deferReply();
      await command.editReply({ content: `Q: ${command.options.getString('question', true)}`, allowedMentions: { parse: [] } });
    });
    const record = server.sendCommand({ name: 'ask', options: { question: '大阪はどこ？' }, locale: 'ja' });
    const reply = await record.waitForReply();
    await handled;

    expect(reply.content).toBe('Q: 大阪はどこ？');
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect((reply.flags ?? 0) & MessageFlags.Loading).toBe(0);
    expect(record.acknowledgements.map((callback) => callback.type)).toEqual([5]);
    expect(record.edits).toHaveLength(1);
    expect(server.channelMessages(server.channelId).map((message) => message.id)).toEqual([reply.id]);
  });

  it('passes subcommands, integer options, locale and member permissions through to discord.js', async () => {
    const seen = handleNext(async (interaction) => {
      const command = asCommand(interaction);
      await command.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
      return {
        subcommand: command.options.getSubcommand(),
        page: command.options.getInteger('page'),
        locale: command.locale,
        canManage: command.memberPermissions?.has(PermissionFlagsBits.ManageGuild),
        botCanSend: command.appPermissions.has(PermissionFlagsBits.SendMessages),
      };
    });
    const record = server.sendCommand({
      name: 'search',
      subcommand: 'text',
      options: { query: '猫', page: 2 },
      locale: 'ja',
      memberPermissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel,
      channelId: server.readOnlyChannelId,
    });
    const reply = await record.waitForReply();

    expect(await seen).toEqual({ subcommand: 'text', page: 2, locale: 'ja', canManage: true, botCanSend: false });
    expect((reply.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(server.channelMessages(server.readOnlyChannelId)).toEqual([]);
  });

  it('refuses a second acknowledgement with 40060 and keeps the first reply', async () => {
    const outcomes = handleNext(async (interaction) => {
      const command = asCommand(interaction);
      // Two replies racing: discord.js only marks `replied` after the first answer arrives.
      return Promise.allSettled([command.reply('first'), command.reply('second')]);
    });
    const record = server.sendCommand({ name: 'ask', options: { question: 'x' } });
    const [first, second] = await outcomes;

    expect(first?.status).toBe('fulfilled');
    expect(second?.status).toBe('rejected');
    const error = second?.status === 'rejected' ? second.reason : undefined;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error instanceof DiscordAPIError ? [error.status, error.code] : []).toEqual([400, 40060]);
    expect(record.callbacks.map((callback) => [callback.status, callback.errorCode])).toEqual([
      [204, undefined],
      [400, 40060],
    ]);
    expect((await record.waitForReply()).content).toBe('first');
  });

  it('answers 10062 Unknown interaction to a first callback after 3 s', async () => {
    const outcome = handleNext(async (interaction) => {
      await sleep(3_100);
      await asCommand(interaction).reply('too late');
    });
    const record = server.sendCommand({ name: 'ask', options: { question: 'slow' } });

    await expect(record.waitForReply({ timeoutMs: 5_000 })).rejects.toThrow(/not acknowledged within 3000 ms/);
    const error: unknown = await outcome.then(() => undefined, (reason: unknown) => reason);
    expect(error instanceof DiscordAPIError ? [error.status, error.code] : error).toEqual([404, 10062]);
    expect(record.acknowledgements).toHaveLength(0);
  });

  it('lets discord.js wait out a 429 on the edit and deliver the reply once', async () => {
    server.rateLimitNext({ method: 'PATCH', pathPattern: /\/messages\/@original$/, retryAfterSeconds: 0.3 });
    const rateLimits: number[] = [];
    client.rest.on(RESTEvents.RateLimited, (info) => rateLimits.push(info.retryAfter));
    const handled = handleNext(async (interaction) => {
      const command = asCommand(interaction);
      await command.deferReply();
      await command.editReply('after the limit');
    });
    const record = server.sendCommand({ name: 'ask', options: { question: 'x' } });
    const reply = await record.waitForReply();
    await handled;

    expect(reply.content).toBe('after the limit');
    expect(statusesOf('PATCH', '/messages/@original')).toEqual([429, 200]);
    const [limited, retried] = server.requests.filter((request) => request.method === 'PATCH');
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(290);
    expect(rateLimits.length).toBeGreaterThan(0);
    expect(record.edits).toHaveLength(1);
    expect(server.pendingFaults).toBe(0);
  });

  it('lets discord.js retry a 500 on the edit', async () => {
    server.failNext({ method: 'PATCH', pathPattern: '@original', status: 500, times: 2 });
    const handled = handleNext(async (interaction) => {
      const command = asCommand(interaction);
      await command.deferReply();
      await command.editReply('after two failures');
    });
    const record = server.sendCommand({ name: 'ask', options: { question: 'x' } });
    await handled;

    expect((await record.waitForReply()).content).toBe('after two failures');
    expect(statusesOf('PATCH', '/messages/@original')).toEqual([500, 500, 200]);
    expect(record.acknowledgements).toHaveLength(1);
  });

  it('lets discord.js wait out a 429 on the interaction callback, a burst route', async () => {
    server.rateLimitNext({ method: 'POST', pathPattern: /\/callback$/, retryAfterSeconds: 0.2 });
    const handled = handleNext(async (interaction) => asCommand(interaction).reply('after the limit'));
    const record = server.sendCommand({ name: 'help' });
    await handled;

    expect((await record.waitForReply()).content).toBe('after the limit');
    expect(statusesOf('POST', '/callback')).toEqual([429, 204]);
    expect(record.callbacks).toHaveLength(1);
  });

  it('holds a request for delayNext before answering it', async () => {
    server.delayNext({ method: 'PATCH', pathPattern: '@original', delayMs: 250 });
    const handled = handleNext(async (interaction) => {
      const command = asCommand(interaction);
      await command.deferReply();
      const started = Date.now();
      await command.editReply('slow network');
      return Date.now() - started;
    });
    const record = server.sendCommand({ name: 'help' });

    expect(await handled).toBeGreaterThanOrEqual(240);
    expect((await record.waitForReply()).content).toBe('slow network');
    expect(server.requests.find((request) => request.method === 'PATCH')?.fault).toBe('delay');
  });

  it('stores guild and global command registrations, keeping ids across re-registration', async () => {
    const ask = new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Ask a question')
      .setNameLocalizations({ ja: '質問' })
      .addStringOption((option) => option.setName('question').setDescription('The question').setRequired(true));
    const application = client.application;
    if (application === null) throw new Error('no application after ready');
    const first = await application.commands.set([ask.toJSON()], server.guildId);
    const again = await application.commands.set([ask.toJSON()], server.guildId);
    await client.rest.put(Routes.applicationCommands(server.applicationId), {
      body: [new SlashCommandBuilder().setName('help').setDescription('How to use the bot').toJSON()],
    });

    expect(server.commands({ guildId: server.guildId }).map((command) => command.name)).toEqual(['ask']);
    expect(again.first()?.id).toBe(first.first()?.id);
    expect(server.commands().map((command) => command.name)).toEqual(['help']);
    expect(statusesOf('PUT', `/guilds/${server.guildId}/commands`)).toEqual([200, 200]);

    const refused = client.rest.put(Routes.applicationCommands(server.applicationId), {
      body: [{ name: 'Help', description: 'Upper case is not allowed' }],
    });
    await expect(refused).rejects.toMatchObject({ code: 50035, status: 400 });

    // A registered command decides the option types, and undeclared options are refused.
    const typed = handleNext(async (interaction) => {
      const command = asCommand(interaction);
      await command.reply('ok');
      return command.commandId;
    });
    server.sendCommand({ name: 'ask', options: { question: 'x' } });
    expect(await typed).toBe(first.first()?.id);
    expect(() => server.sendCommand({ name: 'ask', options: { question: 'x', extra: 1 } })).toThrow(/not registered/);
  });

  it('delivers an interaction dispatched during a gateway outage once, after the resume', async () => {
    const answer = async (interaction: Interaction): Promise<void> => {
      const command = asCommand(interaction);
      await command.deferReply();
      await command.editReply(`answered: ${command.options.getString('question', true)}`);
    };
    const handledBefore = handleNext(answer);
    const before = server.sendCommand({ name: 'ask', options: { question: 'before' } });
    await before.waitForReply();
    await handledBefore;

    const handledDuring = handleNext(answer);
    server.dropGateway({ code: 4000 });
    const during = server.sendCommand({ name: 'ask', options: { question: 'during outage' } });
    expect(during.deliveries).toBe(0);

    expect(await server.waitForGatewayRecovery()).toBe('resumed');
    const reply = await during.waitForReply();
    await handledDuring;

    expect(reply.content).toBe('answered: during outage');
    // A replay from the wrong sequence number would hand discord.js the first interaction again.
    expect(received).toEqual([before.id, during.id]);
    expect([before.deliveries, during.deliveries]).toEqual([1, 1]);
    expect([before.acknowledgements.length, during.acknowledgements.length]).toEqual([1, 1]);
    expect(server.gatewayStats).toMatchObject({ identifies: 1, resumes: 1, connected: true });
  });

  it('resumes after an abrupt drop and after op 7 Reconnect', async () => {
    server.dropGateway();
    expect(await server.waitForGatewayRecovery()).toBe('resumed');
    server.sendReconnect();
    expect(await server.waitForGatewayRecovery()).toBe('resumed');

    const handled = handleNext(async (interaction) => asCommand(interaction).reply('still here'));
    const record = server.sendCommand({ name: 'help' });
    expect((await record.waitForReply()).content).toBe('still here');
    await handled;
    expect(server.gatewayStats).toMatchObject({ identifies: 1, resumes: 2 });
  });

  it('records autocomplete choices', async () => {
    const handled = handleNext(async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      const typed = interaction.options.getFocused();
      await interaction.respond([
        { name: `${typed}（第1話）`, value: 'ep1' },
        { name: `${typed}（第2話）`, value: 'ep2' },
      ]);
    });
    const record = server.sendAutocomplete({ name: 'source', options: { title: '大阪' }, focused: 'title' });
    const choices = await record.waitForChoices();
    await handled;

    expect(choices).toEqual([
      { name: '大阪（第1話）', value: 'ep1' },
      { name: '大阪（第2話）', value: 'ep2' },
    ]);
    expect(record.acknowledgements.map((callback) => callback.type)).toEqual([8]);
  });

  it('updates the clicked message when a button interaction answers with update()', async () => {
    const replied = handleNext(async (interaction) => {
      await asCommand(interaction).reply({ content: 'page 1', components: [pagingRow(1)] });
    });
    const command = server.sendCommand({ name: 'search', options: { query: '猫' } });
    const firstPage = await command.waitForReply();
    await replied;
    expect(() => server.sendButton({ customId: 'page:0', message: firstPage })).toThrow(/disabled/);

    const updated = handleNext(async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      const page = Number(interaction.customId.split(':')[1]);
      await interaction.update({ content: `page ${page}`, components: [pagingRow(page)] });
    });
    const click = server.sendButton({ customId: 'page:2', message: firstPage });
    const secondPage = await click.waitForReply();
    await updated;

    expect(secondPage.id).toBe(firstPage.id);
    expect(secondPage.content).toBe('page 2');
    expect(command.message?.content).toBe('page 2');
    expect(click.acknowledgements.map((callback) => callback.type)).toEqual([7]);
    expect(server.channelMessages(server.channelId)).toHaveLength(1);
  });

  it('returns the callback resource with withResponse, and turns the first follow-up after a deferral into the reply', async () => {
    const withResponse = handleNext(async (interaction) => {
      const response = await asCommand(interaction).reply({ content: 'hello', withResponse: true });
      return response.resource?.message?.content;
    });
    server.sendCommand({ name: 'help' });
    expect(await withResponse).toBe('hello');
    expect(server.requests.find((request) => request.path.endsWith('/callback'))?.query).toEqual({ with_response: 'true' });

    const followed = handleNext(async (interaction) => {
      const command = asCommand(interaction);
      await command.deferReply({ flags: MessageFlags.Ephemeral });
      await command.followUp('via follow-up');
    });
    const record = server.sendCommand({ name: 'help' });
    const reply = await record.waitForReply();
    await followed;
    expect(reply.content).toBe('via follow-up');
    expect((reply.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(record.followUps.map((followUp) => followUp.messageId)).toEqual([reply.id]);
  });

  it('refuses a reply over 2000 characters with 50035, leaving the interaction unanswered', async () => {
    const outcome = handleNext(async (interaction) => asCommand(interaction).reply('あ'.repeat(2_001)));
    const record = server.sendCommand({ name: 'ask', options: { question: 'x' } });

    const contentError = { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } };
    await expect(outcome).rejects.toMatchObject({ code: 50035, rawError: { errors: { data: contentError } } });
    expect(record.acknowledged).toBe(false);
  });

  it('posts channel messages where the bot may send and refuses them with 50013 where it may not', async () => {
    const channel = await client.channels.fetch(server.channelId);
    const readOnly = await client.channels.fetch(server.readOnlyChannelId);
    if (!(channel instanceof TextChannel) || !(readOnly instanceof TextChannel)) throw new Error('expected text channels');

    const sent = await channel.send({ embeds: [{ title: '今日のダイジェスト', description: '…' }] });
    await expect(readOnly.send('digest')).rejects.toMatchObject({ code: 50013, status: 403 });

    expect(server.channelMessages(server.channelId).map((message) => [message.id, message.embeds[0]?.title])).toEqual([
      [sent.id, '今日のダイジェスト'],
    ]);
    expect(server.channelMessages(server.readOnlyChannelId)).toEqual([]);
  });

  it('answers unknown routes with a Discord-style 404 and records them', async () => {
    await expect(client.rest.get('/guilds/1/audit-logs')).rejects.toMatchObject({ status: 404, code: 0 });
    expect(server.unknownRequests().map((request) => `${request.method} ${request.path}`)).toEqual(['GET /guilds/1/audit-logs']);
  });
});
