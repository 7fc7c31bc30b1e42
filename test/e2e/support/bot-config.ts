import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../../src/config.js';
import type { DiscordServer } from './discord-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * The bot's settings for the loopback server: its token, ids and URL, the project's seeds, and a
 * fresh DATA_DIR of its own (the digest database never touches a developer's `data/`).
 *
 * @example const bot = await startBot(loopbackConfig(server, { COOLDOWN_SECONDS: '0' }), state, log);
 */
export function loopbackConfig(server: DiscordServer, settings: Readonly<Record<string, string>> = {}): Config {
  return loadConfig(
    {
      DISCORD_TOKEN: server.token,
      DISCORD_CLIENT_ID: server.applicationId,
      DISCORD_GUILD_ID: server.guildId,
      DISCORD_API_URL: server.apiUrl,
      SEEDS_DIR: 'seeds',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bot-e2e-')),
      ...settings,
    },
    ROOT,
  );
}
