import type { CommandAutocomplete, CommandButton, CommandExecute } from '../src/discord/command.js';
import { localizedCommand, localizedOption } from '../src/discord/localize.js';
import { MAX_TOPIC_LENGTH, TIMELINE_PAGE_SIZE, timeline, timelineDeps, type TimelineOptions } from '../src/features/timeline.js';
import type { AppState } from '../src/boot.js';
import { fileFromToken, renderFileChoices, renderNotice } from '../src/render/discord.js';
import { localeFrom } from '../src/render/messages.js';
import { readTimelinePress, renderTimeline, timelineText } from '../src/render/timeline.js';

export const data = localizedCommand('timeline')
  .addStringOption((option) => localizedOption(option, 'timeline', 'from').setMaxLength(20))
  .addStringOption((option) => localizedOption(option, 'timeline', 'to').setMaxLength(20))
  .addStringOption((option) => localizedOption(option, 'timeline', 'topic').setMaxLength(MAX_TOPIC_LENGTH))
  .addStringOption((option) => localizedOption(option, 'timeline', 'source').setAutocomplete(true));

function run(state: AppState, filters: Omit<TimelineOptions, 'page' | 'pageSize'>, page: number): ReturnType<typeof timeline> {
  const deps = timelineDeps(state);
  const source = filters.source === undefined ? undefined : fileFromToken(filters.source, deps.files);
  return timeline(deps, { ...filters, source, page, pageSize: TIMELINE_PAGE_SIZE });
}

export const execute: CommandExecute = async (interaction, { state, compute }) => {
  const option = (name: string): string | undefined => interaction.options.getString(name) ?? undefined;
  const filters = { from: option('from'), to: option('to'), topic: option('topic'), source: option('source') };
  // Bad dates and unknown files are refused before deferring, so the explanation is ephemeral.
  const first = run(state, filters, 1);
  await interaction.deferReply();
  const result = await compute(() => first);
  await interaction.editReply(renderTimeline(result, localeFrom(interaction.locale), interaction.user.id));
};

export const autocomplete: CommandAutocomplete = async (interaction, { state }) => {
  await interaction.respond(renderFileChoices(state.corpus.transcripts, interaction.options.getFocused()));
};

/** ◀ ▶: only for the user who asked, and only while the page still exists. */
export const button: CommandButton = async (interaction, { state, compute }) => {
  const locale = localeFrom(interaction.locale);
  const press = readTimelinePress(interaction.customId, interaction.message.embeds);
  if (press === null || press.userId !== interaction.user.id) {
    await interaction.reply(renderNotice(press === null ? timelineText(locale).stale : timelineText(locale).notYours));
    return;
  }
  await interaction.deferUpdate();
  const filters = Object.fromEntries(Object.entries(press.filters).map(([key, value]) => [key, value ?? undefined]));
  const result = await compute(() => run(state, filters, press.page));
  if (result.page === press.page) await interaction.editReply(renderTimeline(result, locale, interaction.user.id));
  else await interaction.followUp(renderNotice(timelineText(locale).stale));
};
