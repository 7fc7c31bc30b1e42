import { PAGE_SIZE } from '../src/console/console-commands.js';
import type { CommandButton, CommandExecute } from '../src/discord/command.js';
import { localizedCommand, localizedOption } from '../src/discord/localize.js';
import { MAX_QUERY_LENGTH, readQueryText } from '../src/features/query-text.js';
import { MAX_SEARCH_RESULTS, search } from '../src/features/search.js';
import { readSearchPress, renderNotice, renderSearch } from '../src/render/discord.js';
import { localeFrom, messages } from '../src/render/messages.js';

export const data = localizedCommand('search')
  .addStringOption((option) => localizedOption(option, 'search', 'query').setRequired(true).setMaxLength(MAX_QUERY_LENGTH))
  .addIntegerOption((option) => localizedOption(option, 'search', 'page').setMinValue(1).setMaxValue(Math.ceil(MAX_SEARCH_RESULTS / PAGE_SIZE)));

export const execute: CommandExecute = async (interaction, { state, compute }) => {
  const query = readQueryText(interaction.options.getString('query', true));
  await interaction.deferReply();
  const page = interaction.options.getInteger('page') ?? 1;
  const result = await compute(() => search(state, { query, page, pageSize: PAGE_SIZE }));
  await interaction.editReply(renderSearch(result, localeFrom(interaction.locale), interaction.user.id));
};

/** ◀ ▶: only for the user who searched, and only while the page still exists. */
export const button: CommandButton = async (interaction, { state, compute }) => {
  const text = messages(localeFrom(interaction.locale));
  const press = readSearchPress(interaction.customId, interaction.message.embeds);
  if (press === null || press.userId !== interaction.user.id) {
    await interaction.reply(renderNotice(press === null ? text.stale : text.notYourButton));
    return;
  }
  await interaction.deferUpdate();
  const result = await compute(() => search(state, { query: press.query, page: press.page, pageSize: PAGE_SIZE }));
  if (result.page === press.page) await interaction.editReply(renderSearch(result, localeFrom(interaction.locale), interaction.user.id));
  else await interaction.followUp(renderNotice(text.stale));
};
