import { readdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { isCommand, type Command } from './command.js';

/** `commands/` at the root of the project. */
export const COMMANDS_DIR = new URL('../../commands/', import.meta.url);

/**
 * Every command module in `dir`, by name. A file that is not a command is an error: a typo there
 * should stop the bot at start-up, not leave a command silently unregistered.
 *
 * @example const commands = await loadCommands(); commands.get('ask')?.data.name // 'ask'
 */
export async function loadCommands(dir: URL = COMMANDS_DIR): Promise<ReadonlyMap<string, Command>> {
  const files = (await readdir(dir)).filter((file) => /\.(?:ts|js)$/u.test(file) && !file.endsWith('.d.ts')).sort();
  const commands = new Map<string, Command>();
  for (const file of files) {
    const module: unknown = await import(pathToFileURL(new URL(file, dir).pathname).href);
    if (!isCommand(module)) throw new Error(`commands/${file} does not export data (a SlashCommandBuilder) and execute`);
    if (commands.has(module.data.name)) throw new Error(`commands/${file}: a second command named ${module.data.name}`);
    commands.set(module.data.name, module);
  }
  return commands;
}
