import path from 'node:path';
import pino from 'pino';
import { boot, type AppState } from '../../../src/boot.js';
import { loadCommands } from '../../../src/discord/load-commands.js';
import { deployCommands } from '../../../src/discord/register-commands.js';
import { startBot, type Bot } from '../../../src/discord/start-bot.js';
import { loopbackConfig } from './bot-config.ts';
import { startDiscordServer, type DiscordServer } from './discord-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * The seeds booted, a loopback Discord server, the bot logged in to it and every command in
 * `commands/` registered: what a test of one command needs before it sends anything.
 *
 * @example ({ state, server, bot } = await startLoopbackBot({ COOLDOWN_SECONDS: '0' }));
 */
export async function startLoopbackBot(settings: Readonly<Record<string, string>> = {}): Promise<{ state: AppState; server: DiscordServer; bot: Bot }> {
  const [{ state }, server] = await Promise.all([
    boot({ seedsDir: path.join(ROOT, 'seeds'), dictionaryDir: null, dataDir: path.join(ROOT, 'data') }, pino({ level: 'silent' })),
    startDiscordServer(),
  ]);
  const bot = await startBot(loopbackConfig(server, settings), state, pino({ level: 'silent' }));
  await deployCommands(await loadCommands(), { token: server.token, applicationId: server.applicationId, apiUrl: server.apiUrl, guildId: server.guildId });
  return { state, server, bot };
}
