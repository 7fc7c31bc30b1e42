import { MessageFlags } from 'discord.js';
import { PAGE_SIZE } from '../src/console/console-commands.js';
import type { CommandAutocomplete, CommandButton, CommandExecute } from '../src/discord/command.js';
import { localizedCommand, localizedOption } from '../src/discord/localize.js';
import { define } from '../src/features/define.js';
import { MAX_QUERY_LENGTH, readQueryText } from '../src/features/query-text.js';
import { readMoreMentions, renderDefine, renderTermChoices } from '../src/render/define.js';
import { renderNotice } from '../src/render/discord.js';
import { localeFrom, messages } from '../src/render/messages.js';

export const data = localizedCommand('define').addStringOption((option) =>
  localizedOption(option, 'define', 'term').setRequired(true).setAutocomplete(true).setMaxLength(MAX_QUERY_LENGTH),
);

export const execute: CommandExecute = async (interaction, { state, compute }) => {
  const term = readQueryText(interaction.options.getString('term', true));
  await interaction.deferReply();
  const result = await compute(() => define(state, { term, limit: PAGE_SIZE }));
  await interaction.editReply(renderDefine(result, localeFrom(interaction.locale)));
};

export const autocomplete: CommandAutocomplete = async (interaction, { state }) => {
  await interaction.respond(renderTermChoices(state.glossary, interaction.options.getFocused()));
};

/** "More mentions": where else the term is used, shown only to whoever pressed. */
export const button: CommandButton = async (interaction, { state, compute }) => {
  const locale = localeFrom(interaction.locale);
  const term = readMoreMentions(interaction.customId, interaction.message.embeds);
  if (term === null) {
    await interaction.reply(renderNotice(messages(locale).stale));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const result = await compute(() => define(state, { term, limit: PAGE_SIZE * 2, mode: 'mentions' }));
  await interaction.editReply(renderDefine(result, locale));
};
