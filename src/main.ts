/**
 * `npm start`: with DISCORD_TOKEN set, the bot; without it, the interactive console, so a newcomer
 * can try everything before creating a Discord application.
 */
import 'dotenv/config';
import { boot } from './boot.js';
import { ConfigError, configOrReport, discordProblems, EXIT_CONFIG, type Config } from './config.js';
import { interactiveConsole } from './console/interactive-console.js';
import { errorForLog } from './discord/error-for-log.js';
import { startBot } from './discord/start-bot.js';
import { createLogger, type Logger } from './log.js';
import { TERMINAL_STYLE, PLAIN_STYLE } from './render/text.js';

/** After a stop signal, a process still alive this long later (a stray handle) exits anyway. */
const EXIT_GRACE_MS = 1_000;

/** Resolves with the first SIGINT or SIGTERM; a second one exits at once. */
function stopSignal(log: Logger): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130)).once('SIGTERM', () => process.exit(143));
      log.info({ signal }, 'shutting down');
      resolve(signal);
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  });
}

async function serveDiscord(config: Config, log: Logger): Promise<number> {
  const problems = discordProblems(config);
  if (problems.length > 0) {
    process.stderr.write(`${new ConfigError(problems).message}\n`);
    return EXIT_CONFIG;
  }
  const stopped = stopSignal(log);
  // Last resort: an exception thrown inside a library's event handler (a malformed gateway packet)
  // is logged and the bot goes on serving; its own handlers already catch what they throw.
  process.on('uncaughtException', (error) => log.error({ err: errorForLog(error) }, 'uncaught exception; still serving'));
  process.on('unhandledRejection', (reason) => log.error({ err: errorForLog(reason) }, 'unhandled rejection; still serving'));
  log.info({ seedsDir: config.seedsDir }, 'booting');
  const { state } = await boot(config, log);
  let bot;
  try {
    bot = await startBot(config, state, log);
  } catch (error) {
    log.fatal({ err: errorForLog(error) }, 'could not start the bot (Discord login or the digest database)');
    return 1;
  }
  await stopped;
  await bot.stop();
  setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
  return 0;
}

async function main(): Promise<number> {
  const config = configOrReport();
  if (config === null) return EXIT_CONFIG;
  const log = createLogger(config.logLevel);
  if (config.discordToken !== undefined) return serveDiscord(config, log);
  const { state } = await boot(config, log);
  await interactiveConsole(state, { input: process.stdin, output: process.stdout }, {
    locale: process.env.LANG?.startsWith('en') === true ? 'en' : 'ja',
    limit: undefined,
    style: process.stdout.isTTY ? TERMINAL_STYLE : PLAIN_STYLE,
    log,
  });
  return 0;
}

process.exitCode = await main();
