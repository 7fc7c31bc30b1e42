import { ChannelType, InteractionContextType, PermissionFlagsBits, type SlashCommandSubcommandBuilder } from 'discord.js';
import type { CommandAutocomplete, CommandExecute } from '../src/discord/command.js';
import { localizedCommand, localizedDigestOption, localizedDigestSubcommand } from '../src/discord/localize.js';
import { postingProblem } from '../src/discord/post-permissions.js';
import { digest } from '../src/features/digest.js';
import { DEFAULT_DIGEST_TIMEZONE, knownTimeZones, localDate, readSchedule } from '../src/features/digest-schedule.js';
import { digestStatus } from '../src/features/digest-status.js';
import { UserError } from '../src/features/user-error.js';
import { permissionNames, renderDigest, renderDigestOff, renderDigestSet, renderDigestStatus, renderTimeZoneChoices } from '../src/render/digest.js';
import { ephemeral } from '../src/render/discord.js';
import { localeFrom } from '../src/render/messages.js';

const setOptions = (sub: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder =>
  sub
    .addChannelOption((option) => localizedDigestOption(option, 'channel').setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement))
    .addStringOption((option) => localizedDigestOption(option, 'time').setRequired(true).setMaxLength(8))
    .addStringOption((option) => localizedDigestOption(option, 'timezone').setAutocomplete(true).setMaxLength(64));

export const data = localizedCommand('digest')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) => setOptions(localizedDigestSubcommand(sub, 'set')))
  .addSubcommand((sub) => localizedDigestSubcommand(sub, 'off'))
  .addSubcommand((sub) => localizedDigestSubcommand(sub, 'status'))
  .addSubcommand((sub) => localizedDigestSubcommand(sub, 'preview'));

/** Settings, not searches: no cooldown. */
export const cooldown = false;

export const execute: CommandExecute = async (interaction, { state, digests }) => {
  const locale = localeFrom(interaction.locale);
  if (!interaction.inCachedGuild()) throw new UserError('not_in_server');
  // Discord hides the command from others by default, but a server can override that: check again.
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) throw new UserError('not_manager');
  const { guildId } = interaction;
  const now = digests.now();
  const subcommand = interaction.options.getSubcommand(true);
  if (subcommand === 'set') {
    const schedule = readSchedule({ time: interaction.options.getString('time', true), timezone: interaction.options.getString('timezone') });
    const channelId = String(interaction.options.get('channel', true).value);
    const problem = await postingProblem(interaction.guild, channelId);
    if (problem.kind === 'not-a-channel' || problem.kind === 'missing') throw new UserError('channel_not_postable', { channel: channelId, missing: permissionNames(problem.kind === 'missing' ? problem.missing : ['TextChannel'], locale) });
    await interaction.reply(renderDigestSet(digests.store.set({ guildId, channelId, ...schedule, locale }, now), locale));
    await digests.runNow();
  } else if (subcommand === 'off') {
    await interaction.reply(renderDigestOff(digests.store.turnOff(guildId, now), locale));
  } else if (subcommand === 'status') {
    await interaction.reply(renderDigestStatus(digestStatus(digests, { guildId, now }), locale));
  } else {
    const zone = digests.store.settings(guildId)?.timezone ?? DEFAULT_DIGEST_TIMEZONE;
    await interaction.reply(ephemeral(renderDigest(digest(state, { serverId: guildId, date: localDate(now, zone) }), locale)));
  }
};

export const autocomplete: CommandAutocomplete = async (interaction) => {
  await interaction.respond(renderTimeZoneChoices(knownTimeZones(), interaction.options.getFocused()));
};
