/**
 * Result data → Discord message payloads. Pure: no client, no I/O. Every Discord limit the bot can
 * run into is named here, and every text that reaches Discord is cut to it by code point (never by
 * splitting on spaces: Japanese has none) and escaped, so transcript text and echoed user input can
 * neither ping anyone nor break the formatting.
 */
import { createHash } from 'node:crypto';
// Builders and API types, not the client: rendering knows Discord's message shapes, never a connection.
import { ActionRowBuilder, ButtonBuilder, EmbedBuilder } from '@discordjs/builders';
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIButtonComponentWithCustomId,
  type APIAllowedMentions,
  type APIEmbed,
  type APIApplicationCommandOptionChoice,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
} from 'discord-api-types/v10';
import type { Transcript } from '../corpus/types.js';
import type { AskResult } from '../features/ask.js';
import type { ResultItem } from '../features/result-item.js';
import type { SearchResult } from '../features/search.js';
import type { SourceResult } from '../features/source.js';
import { UserError } from '../features/user-error.js';
import { normalizeForMatch } from '../text/normalize.js';
import { messages, userErrorMessage, type Locale } from './messages.js';
import { citation, sourceSpeaker } from './text.js';

/** Discord's limits, in code points. */
export const MESSAGE_CONTENT_MAX = 2_000;
export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4_096;
export const EMBED_FIELD_VALUE_MAX = 1_024;
export const EMBED_FOOTER_MAX = 2_048;
export const EMBED_TOTAL_MAX = 6_000;
export const AUTOCOMPLETE_MAX_CHOICES = 25;
/** Autocomplete choice names and values, select option values. */
export const OPTION_VALUE_MAX = 100;
export const CUSTOM_ID_MAX = 100;
export const BUTTON_LABEL_MAX = 80;
export const ROW_BUTTONS_MAX = 5;

/** One quoted excerpt or context line is cut here, so that five of them always share a description. */
const QUOTE_MAX = 600;
export const EMBED_COLOR = 0x5865f2;
const ELLIPSIS = '…';
const QUERY_MARK = '🔎 ';
/** Marks the speaker filter of a search in its footer, beside the query, for the next page. */
const SPEAKER_MARK = '🗣 ';
const SEARCH_ID = 'search';
const SOURCE_ID = 'source';
/** Hex digits of the query hash in a paging custom_id: enough to notice a mismatch, not a secret. */
const QUERY_HASH_LENGTH = 10;

/** A message the bot sends or edits in; `allowedMentions` is always `{ parse: [] }`. */
export interface DiscordReply {
  readonly content?: string;
  readonly embeds: EmbedBuilder[];
  readonly components: ActionRowBuilder<ButtonBuilder>[];
  readonly allowedMentions: APIAllowedMentions;
}

/** A reply only the invoking user sees. */
export interface EphemeralReply extends DiscordReply {
  readonly flags: MessageFlags.Ephemeral;
}

/** What a paging button asks for: read back from its custom_id and the message it sits on. */
export interface SearchPress {
  readonly userId: string;
  readonly page: number;
  readonly query: string;
  /** The speaker the search was limited to, or null. */
  readonly speaker: string | null;
}

// ── Text ───────────────────────────────────────────────────────────────────

/**
 * A text's length as Discord's limits count it: UTF-16 units, as discord.js's builders check them
 * (an emoji outside the BMP counts two).
 */
export function discordLength(text: string): number {
  return text.length;
}

/** The longest run of whole code points from the start of `text` that is at most `max` units long. */
export function headWithin(text: string, max: number): string {
  let end = 0;
  for (const point of text) {
    if (end + point.length > max) break;
    end += point.length;
  }
  return text.slice(0, end);
}

/**
 * Cut `text` to at most `max` UTF-16 units, ending in … when cut. Cuts between code points, never
 * inside a surrogate pair.
 *
 * @example truncate('スケーリング則', 5) // 'スケーリ…'
 */
export function truncate(text: string, max: number): string {
  if (discordLength(text) <= max) return text;
  return `${headWithin(text, Math.max(0, max - 1))}${ELLIPSIS}`;
}

/**
 * Markdown escaped (headings and lists too), and mention syntax broken, so that text from a
 * transcript or a user shows as typed. Every syntax character gets its own backslash — Discord shows
 * a backslashed punctuation mark as the mark — so no run of them (******x******) can pair up;
 * URLs are left whole so they still link. Mentions get a zero-width space after < or @.
 *
 * @example escapeText('**@everyone** <@&1>') // '\\*\\*@\u200beveryone\\*\\* <\u200b@&1>'
 */
export function escapeText(text: string): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    out += escapeProse(text.slice(from, match.index)) + defangMentions(match[0]);
    from = match.index + match[0].length;
  }
  return out + escapeProse(text.slice(from));
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"\\]+/gu;
/** Characters Discord's markdown gives meaning to anywhere in a line: emphasis, code, spoilers, link brackets. */
const MARKDOWN_SYNTAX = /[\\*_~`|[\]]/gu;
/** …and at the start of one: headings and subtext (#, -#), lists (-, 1.), quotes (>). */
const LINE_START_SYNTAX = /^(\s*)([-#>]+|\d+\.(?=\s))/gmu;

/**
 * A zero-width space after < or @ so that no mention, channel, emoji or timestamp syntax stays
 * whole: for escaped text, and for text kept as state in a footer (a typed query, a speaker), which
 * `restoreMentions` gives back.
 *
 * @example restoreMentions(defangMentions('@everyone <@&1>')) // '@everyone <@&1>'
 */
export function defangMentions(text: string): string {
  return text.replace(/<(?=[@#/:]|a:|t:)/gu, '<\u200b').replace(/@(?=everyone|here)/gu, '@\u200b');
}

export function restoreMentions(text: string): string {
  return text.replace(/<\u200b/gu, '<').replace(/@\u200b/gu, '@');
}

function escapeProse(text: string): string {
  return defangMentions(text)
    .replace(MARKDOWN_SYNTAX, '\\$&')
    .replace(LINE_START_SYNTAX, (_, space: string, marks: string) => `${space}${marks.replace(/[-#>.]/gu, '\\$&')}`);
}

/** The escaped form of `text`, cut (before escaping, so no escape is split) to fit `max` units. */
export function fitEscaped(text: string, max: number): string {
  const whole = escapeText(text);
  if (discordLength(whole) <= max) return whole;
  const points = [...text];
  let keep = Math.min(points.length, max - 1);
  for (;;) {
    const candidate = `${escapeText(points.slice(0, keep).join(''))}${ELLIPSIS}`;
    const over = discordLength(candidate) - max;
    if (over <= 0 || keep === 0) return candidate;
    keep = Math.max(0, keep - over);
  }
}

/** The excerpt cut to `max` units (whole code points), with its marks clipped to what is left. */
function clipExcerpt(item: ResultItem, max: number): ResultItem {
  if (discordLength(item.excerpt) <= max) return item;
  const excerpt = headWithin(item.excerpt, max);
  const end = excerpt.length;
  const marks = item.marks.filter(([start]) => start < end).map(([start, stop]): readonly [number, number] => [start, Math.min(stop, end)]);
  return { ...item, excerpt, marks, cutAfter: true };
}

/** The excerpt escaped, its matched terms in bold, on one line (it goes inside a quote). */
function markedQuote(item: ResultItem): string {
  const clipped = clipExcerpt(item, QUOTE_MAX);
  // One for one, so the marks' offsets still hold.
  const text = clipped.excerpt.replace(/[\r\n]/gu, ' ');
  let out = '';
  let at = 0;
  for (const [start, end] of clipped.marks) {
    if (start < at || end <= start) continue;
    out += `${escapeText(text.slice(at, start))}**${escapeText(text.slice(start, end))}**`;
    at = end;
  }
  out += escapeText(text.slice(at));
  return `${clipped.cutBefore ? ELLIPSIS : ''}${out}${clipped.cutAfter ? ELLIPSIS : ''}`;
}

/** Blocks joined by `separator`, as many as fit in `max` units, and how many were left out. */
function fitBlocks(blocks: readonly string[], max: number, separator: string): { text: string; omitted: number } {
  let text = '';
  let used = 0;
  for (const block of blocks) {
    const candidate = used === 0 ? block : `${text}${separator}${block}`;
    if (discordLength(candidate) > max) break;
    text = candidate;
    used += 1;
  }
  return { text, omitted: blocks.length - used };
}

export function noMentions(): APIAllowedMentions {
  return { parse: [] };
}

// ── Custom ids ─────────────────────────────────────────────────────────────

function queryHash(query: string): string {
  return createHash('sha256').update(query).digest('hex').slice(0, QUERY_HASH_LENGTH);
}

/**
 * `search:<userId>:<page>:<query hash>`. The query itself is on the message (its embed footer), so
 * paging survives a restart of the bot; the hash notices a footer that no longer matches.
 *
 * @example searchPageId('123456789012345678', 2, 'AI') // 'search:123456789012345678:2:…'
 */
export function searchPageId(userId: string, page: number, query: string, speaker: string | null = null): string {
  return `${SEARCH_ID}:${userId}:${page}:${queryHash(speaker === null ? query : `${query}\n${speaker}`)}`;
}

/**
 * The paging request behind a button, or null when the button and its message do not agree
 * (an edited or foreign message, an unknown format).
 */
export function readSearchPress(
  customId: string,
  embeds: ReadonlyArray<{ readonly footer: { readonly text: string } | null }>,
): SearchPress | null {
  const match = /^search:(\d{1,20}):(\d{1,4}):([0-9a-f]+)$/u.exec(customId);
  const footer = embeds[0]?.footer?.text;
  if (match === null || footer === undefined) return null;
  const [, userId, page, hash] = match;
  const marked = footer.split('\n').find((line) => line.startsWith(QUERY_MARK));
  const query = marked === undefined ? undefined : restoreMentions(marked.slice(QUERY_MARK.length));
  const speakerMarked = footer.split('\n').find((line) => line.startsWith(SPEAKER_MARK));
  const speaker = speakerMarked === undefined ? null : restoreMentions(speakerMarked.slice(SPEAKER_MARK.length));
  if (userId === undefined || page === undefined || query === undefined || hash !== queryHash(speaker === null ? query : `${query}\n${speaker}`)) return null;
  return { userId, page: Number(page), query, speaker };
}

/** Hex digits of a file-name hash: unambiguous among any realistic number of seed files. */
const FILE_HASH_LENGTH = 12;
const FILE_HASH_MARK = '#';

function fileHash(file: string): string {
  return `${FILE_HASH_MARK}${createHash('sha256').update(file).digest('hex').slice(0, FILE_HASH_LENGTH)}`;
}

/** A file name where at most `max` code points fit (an id, a choice value): itself, or `#<hash>`. */
export function fileToken(file: string, max: number): string {
  return discordLength(file) <= max ? file : fileHash(file);
}

/**
 * The file a choice value or id part stands for, among `files`; what the user typed is returned
 * as it is, for `/source` to resolve or refuse.
 *
 * @example fileFromToken(fileToken(longName, 100), files) // longName
 */
export function fileFromToken(token: string, files: readonly string[]): string {
  if (files.includes(token) || !token.startsWith(FILE_HASH_MARK)) return token;
  return files.find((file) => fileHash(file) === token) ?? token;
}

/** `source:<file>:<line>`, or `source:#<hash of the file name>:<line>` when the name is too long. */
export function sourceButtonId(file: string, line: number): string {
  const room = CUSTOM_ID_MAX - `${SOURCE_ID}::${line}`.length;
  return `${SOURCE_ID}:${fileToken(file, room)}:${line}`;
}

/** The file and line behind a source button, or null for an id of another shape. */
export function readSourceId(customId: string, files: readonly string[]): { file: string; line: number } | null {
  const match = /^source:(.+):(\d{1,9})$/u.exec(customId);
  if (match === null || match[1] === undefined || match[2] === undefined) return null;
  return { file: fileFromToken(match[1], files), line: Number(match[2]) };
}

// ── Pieces ─────────────────────────────────────────────────────────────────

/**
 * An embed made from its final data. Not through the builder's setters: each validates with
 * shapeshift, whose union checks build an error with a stack trace even for valid input — ~5% of
 * the bot's CPU per /ask in a burst. The limits are this module's job (fitEscaped, truncate,
 * descriptionRoom; test/render/limits.test.ts tries emoji at the limits) and the e2e server
 * answers a body over any of them with Discord's 50035, as Discord would.
 */
function embed(data: APIEmbed): EmbedBuilder {
  return new EmbedBuilder(data);
}

/** A button with a custom id, made from its data for the same reason as {@link embed}. */
function button(data: Omit<APIButtonComponentWithCustomId, 'type'>): ButtonBuilder {
  return new ButtonBuilder({ type: ComponentType.Button, ...data });
}

/** Up to a row of buttons, one per shown excerpt, opening its context. */
export function sourceButtons(items: ReadonlyArray<Pick<ResultItem, 'file' | 'line'>>, locale: Locale, firstNumber: number): ActionRowBuilder<ButtonBuilder>[] {
  const text = messages(locale);
  const seen = new Set<string>();
  const buttons: ButtonBuilder[] = [];
  items.slice(0, ROW_BUTTONS_MAX).forEach((item, i) => {
    const id = sourceButtonId(item.file, item.line);
    if (seen.has(id)) return;
    seen.add(id);
    buttons.push(button({ custom_id: id, style: ButtonStyle.Secondary, label: truncate(text.sourceButton(firstNumber + i), BUTTON_LABEL_MAX) }));
  });
  return buttons.length === 0 ? [] : [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)];
}

/** `> excerpt` then `— [n] citation` for each item, as many as fit. */
function quotedItems(items: readonly ResultItem[], locale: Locale, firstNumber: number, max: number): { text: string; shown: number } {
  const blocks = items.map(
    (item, i) => `> ${markedQuote(item)}\n— **[${firstNumber + i}]** ${escapeText(citation(item, locale))}`,
  );
  const { text, omitted } = fitBlocks(blocks, max, '\n\n');
  return { text, shown: items.length - omitted };
}

/** Title + description + footer within the embed's own limits and its 6,000 total. */
function descriptionRoom(...others: readonly string[]): number {
  const used = others.reduce((sum, part) => sum + discordLength(part), 0);
  return Math.min(EMBED_DESCRIPTION_MAX, EMBED_TOTAL_MAX - used);
}

/** Room kept for the "n more left out" note and the blank lines around it. */
function omissionRoom(locale: Locale): number {
  return discordLength(messages(locale).omitted(ROW_BUTTONS_MAX * 100)) + 4;
}

function searchedAsField(searchedAs: readonly string[], locale: Locale): { name: string; value: string } | undefined {
  if (searchedAs.length === 0) return undefined;
  return { name: messages(locale).searchedAs, value: fitEscaped(searchedAs.join(' '), EMBED_FIELD_VALUE_MAX) };
}

// ── Replies ────────────────────────────────────────────────────────────────

/**
 * `/ask`: the question as title, the excerpts quoted with their citations, a button per excerpt.
 *
 * @example await interaction.editReply(renderAsk(ask(state, { question, limit: 5 }), 'ja'));
 */
export function renderAsk(result: AskResult, locale: Locale): DiscordReply {
  const text = messages(locale);
  const title = fitEscaped(result.question, EMBED_TITLE_MAX);
  const footer = text.matches(result.results.length);
  const field = searchedAsField(result.searchedAs, locale);
  const head = { color: EMBED_COLOR, title, footer: { text: footer } };
  if (result.results.length === 0) {
    return { embeds: [embed({ ...head, description: text.noResults })], components: [], allowedMentions: noMentions() };
  }
  const status = result.answered ? text.answerFound : text.notAnswered;
  const room = descriptionRoom(title, footer, field?.name ?? '', field?.value ?? '') - discordLength(status) - omissionRoom(locale);
  const items = quotedItems(result.results, locale, 1, room);
  const omitted = result.results.length - items.shown;
  const description = [status, items.text, omitted > 0 ? text.omitted(omitted) : ''].filter((part) => part !== '').join('\n\n');
  return {
    embeds: [embed({ ...head, description, ...(field === undefined ? {} : { fields: [field] }) })],
    components: sourceButtons(result.results.slice(0, items.shown), locale, 1),
    allowedMentions: noMentions(),
  };
}

/**
 * `/search`: one page of excerpts, ◀ ▶ buttons carrying the page and the invoking user, and the query
 * in the footer for the next press (by this bot or the next one after a restart).
 */
export function renderSearch(result: SearchResult, locale: Locale, userId: string): DiscordReply {
  const text = messages(locale);
  const title = fitEscaped(result.query, EMBED_TITLE_MAX);
  const speakerLine = result.speaker === null ? '' : `\n${SPEAKER_MARK}${defangMentions(result.speaker)}`;
  const footer = truncate(`${text.matches(result.total)} · ${text.page(result.page, result.pageCount)}${speakerLine}\n${QUERY_MARK}${defangMentions(result.query)}`, EMBED_FOOTER_MAX);
  const head = { color: EMBED_COLOR, title, footer: { text: footer } };
  if (result.total === 0) {
    return { embeds: [embed({ ...head, description: text.noResults })], components: [], allowedMentions: noMentions() };
  }
  const field = searchedAsField(result.searchedAs, locale);
  const first = (result.page - 1) * result.pageSize + 1;
  const room = descriptionRoom(title, footer, field?.name ?? '', field?.value ?? '') - omissionRoom(locale);
  const items = quotedItems(result.results, locale, first, room);
  const omitted = result.results.length - items.shown;
  const description = [items.text, omitted > 0 ? text.omitted(omitted) : ''].filter((part) => part !== '').join('\n\n');
  const rows = sourceButtons(result.results.slice(0, items.shown), locale, first);
  if (result.pageCount > 1) {
    rows.push(
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        button({ custom_id: searchPageId(userId, result.page - 1, result.query, result.speaker), label: '◀', style: ButtonStyle.Primary, disabled: result.page <= 1 }),
        button({ custom_id: searchPageId(userId, result.page + 1, result.query, result.speaker), label: '▶', style: ButtonStyle.Primary, disabled: result.page >= result.pageCount }),
      ),
    );
  }
  return { embeds: [embed({ ...head, description, ...(field === undefined ? {} : { fields: [field] }) })], components: rows, allowedMentions: noMentions() };
}

/** `/source` and the source buttons: the cited line in bold among its neighbours. */
export function renderSource(result: SourceResult, locale: Locale): DiscordReply {
  const text = messages(locale);
  const heading = [result.title, result.section].filter((part): part is string => part !== null && part !== '').join(' · ');
  const title = fitEscaped(heading, EMBED_TITLE_MAX);
  const speaker = result.speaker === null ? '' : ` · ${text.speaker}: ${defangMentions(sourceSpeaker(result, locale))}`;
  const footer = truncate(`${text.sourceTitle(result.file, result.line)}${speaker}`, EMBED_FOOTER_MAX);
  const blocks = result.lines.map((line) => {
    const body = line.text === '' ? '' : escapeText(truncate(line.text.replace(/[\r\n]+/gu, ' '), QUOTE_MAX));
    return line.cited ? `> \`${line.line}\` **${body}**` : `\`${line.line}\` ${body}`;
  });
  // Keep the cited line when the neighbours do not all fit: drop context from the far ends first.
  const room = descriptionRoom(title, footer);
  let from = 0;
  let to = blocks.length;
  const citedAt = Math.max(0, result.lines.findIndex((line) => line.cited));
  while (discordLength(blocks.slice(from, to).join('\n')) > room && to - from > 1) {
    if (citedAt - from >= to - 1 - citedAt) from += 1;
    else to -= 1;
  }
  const description = truncate(blocks.slice(from, to).join('\n'), room);
  return { embeds: [embed({ color: EMBED_COLOR, title, description, footer: { text: footer } })], components: [], allowedMentions: noMentions() };
}

export function renderHelp(locale: Locale): DiscordReply {
  const text = messages(locale);
  return { embeds: [embed({ color: EMBED_COLOR, title: text.helpTitle, description: text.help })], components: [], allowedMentions: noMentions() };
}

/**
 * A reply as the JSON body of a message, as discord.js's MessagePayload makes it: the edit of a
 * deferred response, or the data of a response (which alone may carry flags: the caller adds them).
 *
 * @example await rest.patch(Routes.webhookMessage(appId, token), { body: messageBody(reply), auth: false });
 */
export function messageBody(reply: DiscordReply): RESTPatchAPIWebhookWithTokenMessageJSONBody {
  return {
    ...(reply.content === undefined ? {} : { content: reply.content }),
    embeds: reply.embeds.map((embed) => embed.toJSON()),
    components: reply.components.map((row) => row.toJSON()),
    allowed_mentions: reply.allowedMentions,
  };
}

/** Any reply, seen only by the user who acted. */
export function ephemeral(reply: DiscordReply): EphemeralReply {
  return { ...reply, flags: MessageFlags.Ephemeral };
}

/** A short ephemeral text, e.g. a cooldown or "not your button". */
export function renderNotice(content: string): EphemeralReply {
  return ephemeral({ content: truncate(content, MESSAGE_CONTENT_MAX), embeds: [], components: [], allowedMentions: noMentions() });
}

/** A user error explained; values the user typed are escaped before they are echoed. */
export function renderUserError(error: UserError, locale: Locale): EphemeralReply {
  const details = Object.fromEntries(
    Object.entries(error.details).map(([key, value]) => [key, typeof value === 'string' ? escapeText(truncate(value, MESSAGE_CONTENT_MAX)) : value]),
  );
  return renderNotice(userErrorMessage(new UserError(error.code, details), locale));
}

export function renderApology(locale: Locale): EphemeralReply {
  return renderNotice(messages(locale).apology);
}

export function renderCooldown(seconds: number, locale: Locale): EphemeralReply {
  return renderNotice(messages(locale).cooldown(seconds));
}

/**
 * Autocomplete for a file option: seed files whose name or title contains what was typed.
 *
 * @example await interaction.respond(renderFileChoices(state.corpus.transcripts, '001'));
 */
export function renderFileChoices(
  transcripts: ReadonlyArray<Pick<Transcript, 'file' | 'title'>>,
  typed: string,
): APIApplicationCommandOptionChoice<string>[] {
  const wanted = normalizeForMatch(typed.trim());
  return transcripts
    .filter((transcript) => wanted === '' || normalizeForMatch(`${transcript.file} ${transcript.title}`).includes(wanted))
    .slice(0, AUTOCOMPLETE_MAX_CHOICES)
    .map((transcript) => ({
      name: truncate(defangMentions(`${transcript.file} · ${transcript.title}`), OPTION_VALUE_MAX),
      value: fileToken(transcript.file, OPTION_VALUE_MAX),
    }));
}
