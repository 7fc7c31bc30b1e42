import { PAGE_SIZE } from '../src/console/console-commands.js';
import type { CommandExecute } from '../src/discord/command.js';
import { localizedCommand, localizedOption } from '../src/discord/localize.js';
import { ask } from '../src/features/ask.js';
import { MAX_QUERY_LENGTH, readQueryText } from '../src/features/query-text.js';
import { renderAsk } from '../src/render/discord.js';
import { localeFrom } from '../src/render/messages.js';

export const data = localizedCommand('ask').addStringOption((option) =>
  localizedOption(option, 'ask', 'question').setRequired(true).setMaxLength(MAX_QUERY_LENGTH),
);

export const execute: CommandExecute = async (interaction, { state, answer }) => {
  // Checked before answering, so a refused question is answered ephemerally.
  const question = readQueryText(interaction.options.getString('question', true));
  const locale = localeFrom(interaction.locale);
  await answer(() => renderAsk(ask(state, { question, limit: PAGE_SIZE }), locale), `${locale}:${question}`);
};
