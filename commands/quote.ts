import { PAGE_SIZE } from '../src/console/console-commands.js';
import { speakerDirectory } from '../src/corpus/speaker-directory.js';
import type { CommandAutocomplete, CommandButton, CommandExecute } from '../src/discord/command.js';
import { localizedCommand, localizedOption } from '../src/discord/localize.js';
import { MAX_QUERY_LENGTH, readQueryText } from '../src/features/query-text.js';
import { quote, quoteTurn, resolveSpeaker } from '../src/features/quote.js';
import { ephemeral, renderNotice } from '../src/render/discord.js';
import { localeFrom, messages } from '../src/render/messages.js';
import { readQuoteTurnId, renderQuote, renderQuoteTurn, renderSpeakerChoices } from '../src/render/quote.js';

export const data = localizedCommand('quote')
  .addStringOption((option) => localizedOption(option, 'quote', 'speaker').setRequired(true).setAutocomplete(true).setMaxLength(100))
  .addStringOption((option) => localizedOption(option, 'quote', 'topic').setMaxLength(MAX_QUERY_LENGTH));

export const execute: CommandExecute = async (interaction, { state, compute }) => {
  // Checked before deferring, so that an unknown speaker or an unusable topic is answered
  // ephemerally (with the known speakers, or what is wrong with the topic).
  const speaker = resolveSpeaker(state.corpus, interaction.options.getString('speaker', true)).name;
  const topic = interaction.options.getString('topic') ?? undefined;
  if (topic !== undefined && topic.trim() !== '') readQueryText(topic);
  await interaction.deferReply();
  const result = await compute(() => quote(state, { speaker, topic, limit: PAGE_SIZE }));
  await interaction.editReply(renderQuote(result, localeFrom(interaction.locale)));
};

export const autocomplete: CommandAutocomplete = async (interaction, { state }) => {
  await interaction.respond(renderSpeakerChoices(speakerDirectory(state.corpus), interaction.options.getFocused()));
};

/** The turn around a quote: shown only to whoever pressed it. */
export const button: CommandButton = async (interaction, { state }) => {
  const locale = localeFrom(interaction.locale);
  const target = readQuoteTurnId(interaction.customId, state.corpus.transcripts.map((transcript) => transcript.file));
  if (target === null) await interaction.reply(renderNotice(messages(locale).stale));
  else await interaction.reply(ephemeral(renderQuoteTurn(quoteTurn(state, target), locale)));
};
