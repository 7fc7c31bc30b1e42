/**
 * `npm run deploy [-- --dry-run]`: register the slash commands in `commands/` with Discord, to
 * DISCORD_GUILD_ID when set (instant) or globally. `--dry-run` prints the JSON instead and needs no
 * token. The bot itself never registers commands.
 */
import 'dotenv/config';
import { ConfigError, configOrReport, discordProblems, EXIT_CONFIG } from '../config.js';
import { createLogger } from '../log.js';
import { loadCommands } from './load-commands.js';
import { commandsBody, commandsRoute, deployCommands } from './register-commands.js';

async function main(): Promise<number> {
  const config = configOrReport();
  if (config === null) return EXIT_CONFIG;
  const commands = await loadCommands();
  if (process.argv.includes('--dry-run')) {
    const body = commandsBody(commands);
    const scope = config.discordGuildId === undefined ? 'globally' : `to guild ${config.discordGuildId}`;
    const route =
      config.discordClientId === undefined
        ? '(DISCORD_CLIENT_ID is not set)'
        : `with PUT ${commandsRoute({ applicationId: config.discordClientId, guildId: config.discordGuildId })}`;
    process.stderr.write(`dry run: would register ${body.length} commands ${scope} ${route}\n`);
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  }
  const problems = discordProblems(config);
  if (problems.length > 0 || config.discordToken === undefined || config.discordClientId === undefined) {
    process.stderr.write(`${new ConfigError(problems).message}\n`);
    return EXIT_CONFIG;
  }
  const log = createLogger(config.logLevel);
  let count: number;
  try {
    count = await deployCommands(commands, {
      token: config.discordToken,
      applicationId: config.discordClientId,
      guildId: config.discordGuildId,
      apiUrl: config.discordApiUrl,
    });
  } catch (error) {
    // A refused token or an unreachable API is a one-line answer, not a stack trace.
    const status = typeof error === 'object' && error !== null && 'status' in error ? ` (HTTP ${String(error.status)})` : '';
    process.stderr.write(`could not register the commands${status}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  log.info({ count, scope: config.discordGuildId === undefined ? 'global' : 'guild', guildId: config.discordGuildId }, 'commands registered');
  return 0;
}

process.exitCode = await main();
