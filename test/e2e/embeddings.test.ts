/**
 * The bot end to end with embeddings on: booted from settings as `npm start` does, with the fixture
 * model in MODELS_DIR and a fresh DATA_DIR, then /ask over the Discord-protocol server. The hybrid
 * path (question embedded in the model's thread, vector and lexical lists fused) serves the answer.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot, type AppState, type BootTimings } from '../../src/boot.js';
import { loadConfig, type Config } from '../../src/config.js';
import { loadCommands } from '../../src/discord/load-commands.js';
import { deployCommands } from '../../src/discord/register-commands.js';
import { startBot, type Bot } from '../../src/discord/start-bot.js';
import { ask } from '../../src/features/ask.js';
import { startDiscordServer, type DiscordServer } from './support/discord-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const QUESTION = 'マイクロソフトはなぜ原発を再稼働するのか';

let state: AppState;
let timings: BootTimings;
let server: DiscordServer;
let bot: Bot;
let config: Config;

beforeAll(async () => {
  server = await startDiscordServer();
  config = loadConfig(
    {
      DISCORD_TOKEN: server.token,
      DISCORD_CLIENT_ID: server.applicationId,
      DISCORD_GUILD_ID: server.guildId,
      DISCORD_API_URL: server.apiUrl,
      SEEDS_DIR: 'seeds',
      DATA_DIR: await mkdtemp(path.join(tmpdir(), 'bot-data-')),
      DICTIONARY_DIR: '/nonexistent',
      MODELS_DIR: 'test/fixtures',
      EMBEDDING_MODEL: 'tiny-embedder',
      COOLDOWN_SECONDS: '0',
    },
    ROOT,
  );
  ({ state, timings } = await boot(config, pino({ level: 'silent' })));
  await deployCommands(await loadCommands(), { token: server.token, applicationId: server.applicationId, apiUrl: server.apiUrl, guildId: server.guildId });
  bot = await startBot(config, state, pino({ level: 'silent' }));
});

afterAll(async () => {
  await bot?.stop();
  await server?.close();
});

describe('the bot with the fixture embedding model', () => {
  it('boots hybrid, with every paragraph embedded', () => {
    const paragraphs = state.corpus.transcripts.reduce((sum, transcript) => sum + transcript.paragraphs.length, 0);
    expect(state.retriever.semantic?.vectors.size).toBe(paragraphs);
    expect(state.retriever.semantic?.embedder.id).toMatch(/^tiny-embedder#/u);
    expect(timings.vectorsMs).toBeGreaterThan(0);
  });

  it('answers /ask once with cited excerpts, as the hybrid ask() computes them', async () => {
    const record = server.sendCommand({ name: 'ask', options: { question: QUESTION }, locale: 'ja', userId: '400000000000000901' });
    const reply = await record.waitForReply();
    expect(record.acknowledgements.map((callback) => callback.type)).toEqual([4]);
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    const expected = ask(state, { question: QUESTION, limit: 5 });
    expect(expected.results.length).toBeGreaterThan(0);
    const description = reply.embeds[0]?.description ?? '';
    for (const item of expected.results) expect(description).toContain(`${item.line}行`);
    // At least one result came through the vector side: the fusion ran, not the lexical path alone.
    const passages = state.retriever.retrieve(state.retriever.prepare(QUESTION, { semantic: true }), { limit: 5 });
    expect(passages.some((passage) => passage.hybrid?.vectorRank !== null && passage.hybrid?.vectorRank !== undefined)).toBe(true);
  });
});
