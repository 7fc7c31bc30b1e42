import type { CommandExecute } from '../src/discord/command.js';
import { localizedCommand } from '../src/discord/localize.js';
import { ephemeral, renderHelp } from '../src/render/discord.js';
import { localeFrom } from '../src/render/messages.js';

export const data = localizedCommand('help');

export const cooldown = false;

export const execute: CommandExecute = async (interaction) => {
  await interaction.reply(ephemeral(renderHelp(localeFrom(interaction.locale))));
};
