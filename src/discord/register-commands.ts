import { REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from './command.js';

export interface DeployTarget {
  readonly token: string;
  readonly applicationId: string;
  /** Register to this guild (instant, for testing); globally when undefined. */
  readonly guildId: string | undefined;
  /** REST base, e.g. a proxy or a test server; Discord's when undefined. */
  readonly apiUrl: string | undefined;
}

/** The JSON `PUT …/commands` sends: every command, localisations included. */
export function commandsBody(commands: ReadonlyMap<string, Command>): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...commands.values()].map((command) => command.data.toJSON());
}

/** The route the commands go to: a guild's when `guildId` is set, the global one otherwise. */
export function commandsRoute(target: Pick<DeployTarget, 'applicationId' | 'guildId'>): `/${string}` {
  return target.guildId === undefined
    ? Routes.applicationCommands(target.applicationId)
    : Routes.applicationGuildCommands(target.applicationId, target.guildId);
}

/**
 * Replace the application's commands with `commands` (one bulk PUT, so removed files disappear too).
 * Returns how many Discord now has.
 *
 * @example await deployCommands(await loadCommands(), { token, applicationId, guildId: undefined, apiUrl: undefined });
 */
export async function deployCommands(commands: ReadonlyMap<string, Command>, target: DeployTarget): Promise<number> {
  const rest = new REST(target.apiUrl === undefined ? {} : { api: target.apiUrl }).setToken(target.token);
  const registered: unknown = await rest.put(commandsRoute(target), { body: commandsBody(commands) });
  if (!Array.isArray(registered)) throw new Error('Discord answered the command registration with something other than a list');
  return registered.length;
}
