/**
 * /quote as text for the console and as quote cards for Discord: the quotation, the speaker, the
 * source and line, the line it answers, and a button per quote opening the whole turn.
 */
import { ActionRowBuilder, ButtonBuilder, EmbedBuilder } from '@discordjs/builders';
import { ButtonStyle, type APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { nameMatch } from '../corpus/speaker-aliases.js';
import type { KnownSpeaker } from '../corpus/speaker-directory.js';
import type { QuoteItem, QuoteResult, QuoteTurnResult } from '../features/quote.js';
import { unspacedKey } from '../text/normalize.js';
import {
  AUTOCOMPLETE_MAX_CHOICES,
  BUTTON_LABEL_MAX,
  CUSTOM_ID_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_MAX,
  OPTION_VALUE_MAX,
  ROW_BUTTONS_MAX,
  defangMentions,
  discordLength,
  escapeText,
  fitEscaped,
  fileFromToken,
  fileToken,
  truncate,
  type DiscordReply,
} from './discord.js';
import { messages, type Locale } from './messages.js';
import { citation } from './text.js';

const QUOTE_ID = 'quote';
/** One quotation is cut here in a card, so that five share a description. */
const QUOTE_MAX = 600;
/** The line a quote answers is context, not the answer: kept short. */
const CONTEXT_MAX = 140;
const EMBED_COLOR = 0x57f287;

/** `Jane Doe: …` — who said the context line, when known. */
function contextLine(item: QuoteItem, locale: Locale): string | null {
  if (item.context === null) return null;
  const text = messages(locale);
  const who = item.context.speaker ?? text.quote.unknownSpeaker;
  return `${text.quote.context} (${item.context.line}${locale === 'ja' ? text.line : ''} · ${who}): ${truncate(item.context.text, CONTEXT_MAX)}`;
}

function quoted(item: QuoteItem, text: string): string {
  return `${item.cutBefore ? '…' : ''}${text}${item.cutAfter ? '…' : ''}`;
}

/**
 * `/quote` in the console: numbered quotations with their citation, confidence and context.
 *
 * @example renderQuoteText(quote(state, { speaker: 'Ilya', limit: 5 }), 'ja')
 */
export function renderQuoteText(result: QuoteResult, locale: Locale): string {
  const text = messages(locale);
  const aliases = result.aliases.filter((alias) => alias !== result.speaker);
  const head = `${text.quote.title(result.speaker, result.topic)}${aliases.length === 0 ? '' : `\n(${text.quote.aliases}: ${aliases.join(', ')})`}`;
  if (result.results.length === 0) return `${head}\n\n${text.quote.noQuotes}`;
  const items = result.results.map((item, i) => {
    const context = contextLine(item, locale);
    return [
      `${i + 1}. 「${quoted(item, item.quote)}」`,
      `   — ${citation(item, locale)} · ${text.quote.confidence(item.confidence)}`,
      ...(context === null ? [] : [`   ${context}`]),
    ].join('\n');
  });
  return `${head}\n\n${items.join('\n\n')}`;
}

/** `/quote`'s turn button in the console form: the turn's lines, the quoted one marked. */
export function renderQuoteTurnText(result: QuoteTurnResult, locale: Locale): string {
  const text = messages(locale);
  const head = `${text.quote.turnTitle(result.speaker ?? text.quote.unknownSpeaker)} · ${text.sourceTitle(result.file, result.line)}`;
  return `${head}\n\n${result.lines.map((line) => `${line.cited ? '>' : ' '} ${line.line} | ${line.text}`).join('\n')}`;
}

/**
 * `quote:<file>:<line>`, or `quote:#<hash of the file name>:<line>` when the name is too long.
 *
 * @example quoteTurnId('001_talk.txt', 12) // 'quote:001_talk.txt:12'
 */
export function quoteTurnId(file: string, line: number): string {
  const room = CUSTOM_ID_MAX - `${QUOTE_ID}::${line}`.length;
  return `${QUOTE_ID}:${fileToken(file, room)}:${line}`;
}

/** The file and line behind a turn button, or null for an id of another shape. */
export function readQuoteTurnId(customId: string, files: readonly string[]): { file: string; line: number } | null {
  const match = /^quote:(.+):(\d{1,9})$/u.exec(customId);
  if (match === null || match[1] === undefined || match[2] === undefined) return null;
  return { file: fileFromToken(match[1], files), line: Number(match[2]) };
}

/**
 * `/quote` as quote cards in one embed: each quotation in a block quote, its speaker, source and
 * line, and the line it answers; a button per quote opens the whole turn.
 *
 * @example await interaction.editReply(renderQuote(quote(state, { speaker, topic, limit: 5 }), 'ja'));
 */
export function renderQuote(result: QuoteResult, locale: Locale): DiscordReply {
  const text = messages(locale);
  const title = fitEscaped(text.quote.title(result.speaker, result.topic), EMBED_TITLE_MAX);
  const aliases = result.aliases.filter((alias) => alias !== result.speaker);
  const footer = truncate(aliases.length === 0 ? text.matches(result.results.length) : `${text.matches(result.results.length)} · ${text.quote.aliases}: ${aliases.join(', ')}`, EMBED_FOOTER_MAX);
  const embed = new EmbedBuilder().setColor(EMBED_COLOR).setTitle(title).setFooter({ text: footer });
  if (result.results.length === 0) return { embeds: [embed.setDescription(text.quote.noQuotes)], components: [], allowedMentions: { parse: [] } };
  const room = Math.min(EMBED_DESCRIPTION_MAX, EMBED_TOTAL_MAX - discordLength(title) - discordLength(footer));
  const blocks: string[] = [];
  let used = 0;
  for (const [i, item] of result.results.entries()) {
    const context = contextLine(item, locale);
    const block = [
      ...(context === null ? [] : [`-# ${escapeText(context.replace(/[\r\n]+/gu, ' '))}`]),
      `> ${escapeText(quoted(item, truncate(item.quote.replace(/[\r\n]+/gu, ' '), QUOTE_MAX)))}`,
      `— **[${i + 1}]** ${escapeText(citation(item, locale))} · ${text.quote.confidence(item.confidence)}`,
    ].join('\n');
    const added = discordLength(block) + (blocks.length === 0 ? 0 : 2);
    if (used + added > room) break;
    blocks.push(block);
    used += added;
  }
  embed.setDescription(blocks.join('\n\n'));
  const seen = new Set<string>();
  const unique: ButtonBuilder[] = [];
  result.results.slice(0, Math.min(blocks.length, ROW_BUTTONS_MAX)).forEach((item, i) => {
    const id = quoteTurnId(item.file, item.line);
    if (seen.has(id)) return;
    seen.add(id);
    unique.push(new ButtonBuilder().setCustomId(id).setStyle(ButtonStyle.Secondary).setLabel(truncate(text.quote.turnButton(i + 1), BUTTON_LABEL_MAX)));
  });
  return {
    embeds: [embed],
    components: unique.length === 0 ? [] : [new ActionRowBuilder<ButtonBuilder>().addComponents(unique)],
    allowedMentions: { parse: [] },
  };
}

/** The turn behind a quote card's button: the speaker's lines around the quote, the quoted one in bold. */
export function renderQuoteTurn(result: QuoteTurnResult, locale: Locale): DiscordReply {
  const text = messages(locale);
  const title = fitEscaped(text.quote.turnTitle(result.speaker ?? text.quote.unknownSpeaker), EMBED_TITLE_MAX);
  const footer = truncate(`${result.title} · ${text.sourceTitle(result.file, result.line)}`, EMBED_FOOTER_MAX);
  const room = Math.min(EMBED_DESCRIPTION_MAX, EMBED_TOTAL_MAX - discordLength(title) - discordLength(footer));
  const share = Math.max(40, Math.floor(room / Math.max(1, result.lines.length)) - 16);
  const body = result.lines
    .map((line) => {
      const shown = escapeText(truncate(line.text.replace(/[\r\n]+/gu, ' '), share));
      return line.cited ? `> \`${line.line}\` **${shown}**` : `\`${line.line}\` ${shown}`;
    })
    .join('\n');
  const embed = new EmbedBuilder().setColor(EMBED_COLOR).setTitle(title).setDescription(truncate(body, room)).setFooter({ text: footer });
  return { embeds: [embed], components: [], allowedMentions: { parse: [] } };
}

/**
 * Autocomplete for a speaker option: known speakers whose name or any alias contains what was typed
 * (width, case and middle dots folded), shown with their other spellings.
 *
 * @example await interaction.respond(renderSpeakerChoices(speakerDirectory(state.corpus), 'イリ'));
 */
export function renderSpeakerChoices(speakers: readonly KnownSpeaker[], typed: string): APIApplicationCommandOptionChoice<string>[] {
  const wanted = unspacedKey(typed);
  return speakers
    .filter(
      (speaker) =>
        wanted === '' ||
        speaker.aliases.some((alias) => unspacedKey(alias).includes(wanted) || nameMatch(typed, alias) > 0),
    )
    .slice(0, AUTOCOMPLETE_MAX_CHOICES)
    .map((speaker) => {
      const others = speaker.aliases.filter((alias) => alias !== speaker.name);
      return {
        name: truncate(defangMentions(others.length === 0 ? speaker.name : `${speaker.name} (${others.join(' / ')})`), OPTION_VALUE_MAX),
        value: truncate(speaker.name, OPTION_VALUE_MAX),
      };
    });
}
