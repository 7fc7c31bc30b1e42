import { PAGE_SIZE } from '../src/console/console-commands.js';
import { speakerDirectory } from '../src/corpus/speaker-directory.js';
import type { CommandAutocomplete, CommandButton, CommandExecute } from '../src/discord/command.js';
import { localizedCommand, localizedOption } from '../src/discord/localize.js';
import { MAX_QUERY_LENGTH, readQueryText } from '../src/features/query-text.js';
import { resolveSpeaker } from '../src/features/quote.js';
import { MAX_SEARCH_RESULTS, search } from '../src/features/search.js';
import { readSearchPress, renderNotice, renderSearch } from '../src/render/discord.js';
import { localeFrom, messages } from '../src/render/messages.js';
import { renderSpeakerChoices } from '../src/render/quote.js';

export const data = localizedCommand('search')
  .addStringOption((option) => localizedOption(option, 'search', 'query').setRequired(true).setMaxLength(MAX_QUERY_LENGTH))
  .addIntegerOption((option) => localizedOption(option, 'search', 'page').setMinValue(1).setMaxValue(Math.ceil(MAX_SEARCH_RESULTS / PAGE_SIZE)))
  .addStringOption((option) => localizedOption(option, 'search', 'speaker').setAutocomplete(true).setMaxLength(100));

export const execute: CommandExecute = async (interaction, { state, answer }) => {
  const query = readQueryText(interaction.options.getString('query', true));
  const typed = interaction.options.getString('speaker');
  // Resolved before answering, so that an unknown speaker is answered ephemerally.
  const speaker = typed === null ? undefined : resolveSpeaker(state.corpus, typed).name;
  const page = interaction.options.getInteger('page') ?? 1;
  const locale = localeFrom(interaction.locale);
  await answer(() => renderSearch(search(state, { query, page, pageSize: PAGE_SIZE, speaker }), locale, interaction.user.id));
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
  const result = await compute(() => search(state, { query: press.query, page: press.page, pageSize: PAGE_SIZE, speaker: press.speaker ?? undefined }));
  if (result.page === press.page) await interaction.editReply(renderSearch(result, localeFrom(interaction.locale), interaction.user.id));
  else await interaction.followUp(renderNotice(text.stale));
};

export const autocomplete: CommandAutocomplete = async (interaction, { state }) => {
  await interaction.respond(renderSpeakerChoices(speakerDirectory(state.corpus), interaction.options.getFocused()));
};
