/**
 * `npm start`: with DISCORD_TOKEN set, the bot; without it, the interactive console, so a newcomer
 * can try everything before creating a Discord application.
 */
import 'dotenv/config';
import { boot } from './boot.js';
import { ConfigError, loadConfig } from './config.js';
import { interactiveConsole } from './console/interactive-console.js';
import { createLogger } from './log.js';
import { TERMINAL_STYLE, PLAIN_STYLE } from './render/text.js';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env, process.cwd());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 78;
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
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
