import type { CommandAutocomplete, CommandButton, CommandExecute } from '../src/discord/command.js';
import { localizedCommand, localizedOption } from '../src/discord/localize.js';
import { GLOSSARY_PAGE_SIZE, glossary } from '../src/features/glossary.js';
import { defineMessages, readGlossaryPress, renderGlossary } from '../src/render/define.js';
import { fileFromToken, renderFileChoices, renderNotice } from '../src/render/discord.js';
import { localeFrom, messages } from '../src/render/messages.js';

export const data = localizedCommand('glossary')
  .addStringOption((option) => localizedOption(option, 'glossary', 'source').setAutocomplete(true))
  .addIntegerOption((option) => localizedOption(option, 'glossary', 'page').setMinValue(1));

/** A lookup in data built at start-up: no cooldown, answered at once. */
export const cooldown = false;

export const execute: CommandExecute = async (interaction, { state }) => {
  const typed = interaction.options.getString('source');
  const source = typed === null ? null : fileFromToken(typed, state.corpus.transcripts.map((transcript) => transcript.file));
  const result = glossary(state, { source, page: interaction.options.getInteger('page') ?? 1, pageSize: GLOSSARY_PAGE_SIZE });
  await interaction.reply(renderGlossary(result, localeFrom(interaction.locale), interaction.user.id));
};

export const autocomplete: CommandAutocomplete = async (interaction, { state }) => {
  await interaction.respond(renderFileChoices(state.corpus.transcripts, interaction.options.getFocused()));
};

/** ◀ ▶: only for the user who asked. */
export const button: CommandButton = async (interaction, { state }) => {
  const locale = localeFrom(interaction.locale);
  const press = readGlossaryPress(interaction.customId, interaction.message.embeds);
  if (press === null || press.userId !== interaction.user.id) {
    await interaction.reply(renderNotice(press === null ? messages(locale).stale : defineMessages(locale).notYourButton));
    return;
  }
  const result = glossary(state, { source: press.source, page: press.page, pageSize: GLOSSARY_PAGE_SIZE });
  await interaction.update(renderGlossary(result, locale, interaction.user.id));
};
