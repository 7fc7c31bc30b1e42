import type { CommandAutocomplete, CommandButton, CommandExecute } from '../src/discord/command.js';
import { localizedCommand, localizedOption } from '../src/discord/localize.js';
import { DEFAULT_SOURCE_CONTEXT, source } from '../src/features/source.js';
import { ephemeral, fileFromToken, readSourceId, renderFileChoices, renderNotice, renderSource } from '../src/render/discord.js';
import { localeFrom, messages } from '../src/render/messages.js';

export const data = localizedCommand('source')
  .addStringOption((option) => localizedOption(option, 'source', 'file').setRequired(true).setAutocomplete(true))
  .addIntegerOption((option) => localizedOption(option, 'source', 'line').setRequired(true).setMinValue(1));

/** A lookup, not a search: no cooldown, and answered at once without deferring. */
export const cooldown = false;

export const execute: CommandExecute = async (interaction, { state }) => {
  const files = state.corpus.transcripts.map((transcript) => transcript.file);
  const file = fileFromToken(interaction.options.getString('file', true), files);
  const result = source(state, { file, line: interaction.options.getInteger('line', true), context: DEFAULT_SOURCE_CONTEXT });
  await interaction.reply(renderSource(result, localeFrom(interaction.locale)));
};

export const autocomplete: CommandAutocomplete = async (interaction, { state }) => {
  await interaction.respond(renderFileChoices(state.corpus.transcripts, interaction.options.getFocused()));
};

/** The context button under an excerpt: shown only to whoever pressed it. */
export const button: CommandButton = async (interaction, { state }) => {
  const locale = localeFrom(interaction.locale);
  const target = readSourceId(interaction.customId, state.corpus.transcripts.map((transcript) => transcript.file));
  if (target === null) await interaction.reply(renderNotice(messages(locale).stale));
  else await interaction.reply(ephemeral(renderSource(source(state, { ...target, context: DEFAULT_SOURCE_CONTEXT }), locale)));
};
