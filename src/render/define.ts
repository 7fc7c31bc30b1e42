/**
 * /define and /glossary as console text and Discord messages. Pure, like the other renderers: the
 * strings live here, every text is cut by code point to Discord's limits and escaped.
 */
import { createHash } from 'node:crypto';
import { ActionRowBuilder, ButtonBuilder, EmbedBuilder } from '@discordjs/builders';
import { ButtonStyle, type APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { suggestEntries, type Glossary } from '../corpus/glossary/build-glossary.js';
import type { DefineItem, DefineResult } from '../features/define.js';
import type { GlossaryResult } from '../features/glossary.js';
import {
  AUTOCOMPLETE_MAX_CHOICES,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_MAX,
  OPTION_VALUE_MAX,
  discordLength,
  defangMentions,
  escapeText,
  restoreMentions,
  fitEscaped,
  sourceButtons,
  truncate,
  type DiscordReply,
} from './discord.js';
import type { Locale } from './messages.js';
import { citation, PLAIN_STYLE, type TextStyle } from './text.js';

const TEXT = {
  ja: {
    defined: '資料での説明',
    notDefined: '資料にはこの用語を定義する文が見当たりません。説明に近い言及を示します。',
    notFound: 'この用語は資料に見当たりません。',
    mentionsOf: (term: string) => `「${term}」のほかの言及`,
    noMoreMentions: 'ほかの言及はありません。',
    alsoWritten: '別表記',
    sideBySide: (count: number) => `${count}つの資料がそれぞれ説明しています。`,
    moreMentions: 'ほかの言及',
    glossary: '用語集',
    glossaryEmpty: '資料が定義している用語は見つかりませんでした。',
    terms: (count: number) => `${count}語`,
    page: (page: number, pages: number) => `${page} / ${pages}ページ`,
    notYourButton: 'このボタンはコマンドを実行した人だけが使えます。ご自身で /glossary をどうぞ。',
    line: (file: string, line: number) => `${file} ${line}行`,
  },
  en: {
    defined: 'As the material explains it',
    notDefined: 'No line in the material defines this term. Here are the mentions that explain it most.',
    notFound: 'The material does not seem to mention this term.',
    mentionsOf: (term: string) => `More mentions of “${term}”`,
    noMoreMentions: 'There are no other mentions.',
    alsoWritten: 'Also written',
    sideBySide: (count: number) => `${count} transcripts explain it, each in its own way.`,
    moreMentions: 'More mentions',
    glossary: 'Glossary',
    glossaryEmpty: 'The material does not seem to define any terms.',
    terms: (count: number) => `${count} term${count === 1 ? '' : 's'}`,
    page: (page: number, pages: number) => `page ${page} of ${pages}`,
    notYourButton: 'Only the person who ran this command can use these buttons. Try /glossary yourself.',
    line: (file: string, line: number) => `${file} line ${line}`,
  },
} as const;

/** The strings of /define and /glossary in one language. */
export function defineMessages(locale: Locale): (typeof TEXT)[Locale] {
  return TEXT[locale];
}

const EMBED_COLOR = 0x5865f2;
const QUERY_MARK = '🔎 ';
const SOURCE_MARK = '📁 ';
const HASH_LENGTH = 10;
/** One quoted definition is cut here, so several share a description. */
const QUOTE_MAX = 500;
/** A glossary line's definition is cut here: the list is for finding, /define for reading. */
const GLOSSARY_GIST_MAX = 90;

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, HASH_LENGTH);
}

// ── Console ────────────────────────────────────────────────────────────────

function quoted(item: DefineItem): string {
  return `${item.cutBefore ? '…' : ''}${item.definition}${item.cutAfter ? '…' : ''}`;
}

function headline(result: DefineResult, locale: Locale): string {
  const text = TEXT[locale];
  const term = result.term ?? result.query;
  const variants = result.variants.length === 0 ? '' : ` (${text.alsoWritten}: ${result.variants.join(', ')})`;
  return `${term}${variants}`;
}

function status(result: DefineResult, locale: Locale): string {
  const text = TEXT[locale];
  if (result.mode === 'mentions') return result.results.length === 0 ? text.noMoreMentions : text.mentionsOf(result.term ?? result.query);
  if (result.results.length === 0) return text.notFound;
  if (!result.defined) return text.notDefined;
  return result.sideBySide.length > 1 ? `${text.defined} — ${text.sideBySide(result.sideBySide.length)}` : text.defined;
}

/**
 * `/define` in the console: the term, its spellings, then each definition with its citation.
 *
 * @example renderDefineText(define(state, { term: 'MoE', limit: 5 }), 'ja')
 */
export function renderDefineText(result: DefineResult, locale: Locale, style: TextStyle = PLAIN_STYLE): string {
  const items = result.results
    .map((item, i) => `${i + 1}. ${style.mark(item.term)}: ${quoted(item)}\n   — ${citation(item, locale)}`)
    .join('\n\n');
  return `${headline(result, locale)}\n${status(result, locale)}\n\n${items}`.trimEnd();
}

/**
 * `/glossary` in the console: one term a line with the gist of its definition and where it stands.
 *
 * @example renderGlossaryText(glossary(state, { source: null, page: 1, pageSize: 20 }), 'en')
 */
export function renderGlossaryText(result: GlossaryResult, locale: Locale): string {
  const text = TEXT[locale];
  if (result.total === 0) return text.glossaryEmpty;
  const head = `${text.glossary}${result.source === null ? '' : ` · ${result.source}`} — ${text.terms(result.total)}, ${text.page(result.page, result.pageCount)}`;
  const lines = result.results.map((item) => {
    const variants = item.variants.length === 0 ? '' : ` (${item.variants.join(', ')})`;
    return `- ${item.term}${variants}: ${truncate(item.definition, GLOSSARY_GIST_MAX)} [${text.line(item.file, item.line)}]`;
  });
  return `${head}\n\n${lines.join('\n')}`;
}

// ── Discord ────────────────────────────────────────────────────────────────

function noMentions(): { parse: [] } {
  return { parse: [] };
}

function quoteBlock(item: DefineItem, locale: Locale, number: number): string {
  const body = escapeText(truncate(quoted(item).replace(/[\r\n]+/gu, ' '), QUOTE_MAX));
  return `> ${body}\n— **[${number}]** ${escapeText(citation(item, locale))}`;
}

/** `define:more:<hash of the query>`; the query itself is in the embed footer. */
export function moreMentionsId(query: string): string {
  return `define:more:${hash(query)}`;
}

/** The query behind a "more mentions" button, or null when the button and its message disagree. */
export function readMoreMentions(customId: string, embeds: ReadonlyArray<{ readonly footer: { readonly text: string } | null }>): string | null {
  const match = /^define:more:([0-9a-f]+)$/u.exec(customId);
  const marked = embeds[0]?.footer?.text.split('\n').find((line) => line.startsWith(QUERY_MARK));
  const query = marked === undefined ? undefined : restoreMentions(marked.slice(QUERY_MARK.length));
  return match === null || query === undefined || hash(query) !== match[1] ? null : query;
}

/**
 * `/define` in Discord: the definitions quoted with citations (as one field per transcript when
 * several explain the term), a context button per excerpt and a "more mentions" button.
 *
 * @example await interaction.editReply(renderDefine(define(state, { term, limit: 5 }), 'ja'));
 */
export function renderDefine(result: DefineResult, locale: Locale): DiscordReply {
  const text = TEXT[locale];
  const title = fitEscaped(headline(result, locale), EMBED_TITLE_MAX);
  const footer = truncate(`${QUERY_MARK}${defangMentions(result.query)}`, EMBED_FOOTER_MAX);
  const embed = new EmbedBuilder().setColor(EMBED_COLOR).setTitle(title).setFooter({ text: footer });
  const head = status(result, locale);
  let budget = Math.min(EMBED_DESCRIPTION_MAX, EMBED_TOTAL_MAX - discordLength(title) - discordLength(footer)) - discordLength(head) - 2;
  const blocks = result.results.map((item, i) => ({ item, block: quoteBlock(item, locale, i + 1) }));
  const shown: DefineItem[] = [];
  if (result.sideBySide.length > 1) {
    // Side by side: each transcript's explanation in its own inline field.
    embed.setDescription(head);
    for (const { item, block } of blocks) {
      const name = truncate(item.title, 256);
      const value = truncate(block, EMBED_FIELD_VALUE_MAX);
      const cost = discordLength(name) + discordLength(value);
      if (cost > budget || shown.length >= 25) break;
      budget -= cost;
      embed.addFields({ name, value, inline: true });
      shown.push(item);
    }
  } else {
    const parts: string[] = [head];
    for (const { item, block } of blocks) {
      if (discordLength(block) + 2 > budget) break;
      budget -= discordLength(block) + 2;
      parts.push(block);
      shown.push(item);
    }
    embed.setDescription(parts.join('\n\n'));
  }
  const rows = sourceButtons(shown, locale, 1);
  if (result.mode === 'definitions' && result.results.length > 0) {
    rows.push(
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(moreMentionsId(result.query)).setStyle(ButtonStyle.Primary).setLabel(text.moreMentions),
      ),
    );
  }
  return { embeds: [embed], components: rows, allowedMentions: noMentions() };
}

/**
 * Autocomplete for /define: glossary terms and their spellings that match what was typed.
 *
 * @example await interaction.respond(renderTermChoices(state.glossary, 'ヒュー'));
 */
export function renderTermChoices(glossary: Glossary, typed: string): APIApplicationCommandOptionChoice<string>[] {
  return suggestEntries(glossary, typed, AUTOCOMPLETE_MAX_CHOICES).map((entry) => ({
    name: truncate(defangMentions(entry.variants.length === 0 ? entry.term : `${entry.term} (${entry.variants.join(', ')})`), OPTION_VALUE_MAX),
    value: truncate(entry.term, OPTION_VALUE_MAX),
  }));
}

/** `glossary:<userId>:<page>:<hash of the source>`; the source is in the footer. */
export function glossaryPageId(userId: string, page: number, source: string | null): string {
  return `glossary:${userId}:${page}:${hash(source ?? '')}`;
}

export interface GlossaryPress {
  readonly userId: string;
  readonly page: number;
  readonly source: string | null;
}

/** What a glossary paging button asks for, or null when it and its message disagree. */
export function readGlossaryPress(customId: string, embeds: ReadonlyArray<{ readonly footer: { readonly text: string } | null }>): GlossaryPress | null {
  const match = /^glossary:(\d{1,20}):(\d{1,4}):([0-9a-f]+)$/u.exec(customId);
  const footer = embeds[0]?.footer?.text;
  if (match === null || footer === undefined) return null;
  const [, userId, page, sourceHash] = match;
  const marked = footer.split('\n').find((line) => line.startsWith(SOURCE_MARK))?.slice(SOURCE_MARK.length);
  const source = marked === undefined || marked === '' ? null : marked;
  if (userId === undefined || page === undefined || sourceHash !== hash(source ?? '')) return null;
  return { userId, page: Number(page), source };
}

/**
 * `/glossary`: one page of terms with the gist of each definition and its line, ◀ ▶ for the owner.
 *
 * @example await interaction.editReply(renderGlossary(glossary(state, { source: null, page: 1, pageSize: 15 }), 'ja', userId));
 */
export function renderGlossary(result: GlossaryResult, locale: Locale, userId: string): DiscordReply {
  const text = TEXT[locale];
  const title = fitEscaped(`${text.glossary}${result.source === null ? '' : ` · ${result.source}`}`, EMBED_TITLE_MAX);
  const footer = truncate(`${text.terms(result.total)} · ${text.page(result.page, result.pageCount)}${result.source === null ? '' : `\n${SOURCE_MARK}${result.source}`}`, EMBED_FOOTER_MAX);
  const embed = new EmbedBuilder().setColor(EMBED_COLOR).setTitle(title).setFooter({ text: footer });
  if (result.total === 0) return { embeds: [embed.setDescription(text.glossaryEmpty)], components: [], allowedMentions: noMentions() };
  const room = Math.min(EMBED_DESCRIPTION_MAX, EMBED_TOTAL_MAX - discordLength(title) - discordLength(footer));
  const lines: string[] = [];
  let used = 0;
  for (const item of result.results) {
    const variants = item.variants.length === 0 ? '' : ` (${escapeText(item.variants.join(', '))})`;
    const line = `**${escapeText(item.term)}**${variants} — ${escapeText(truncate(item.definition, GLOSSARY_GIST_MAX))} · \`${escapeText(text.line(item.file, item.line))}\``;
    if (used + discordLength(line) + 1 > room) break;
    used += discordLength(line) + 1;
    lines.push(line);
  }
  embed.setDescription(lines.join('\n'));
  const rows: ActionRowBuilder<ButtonBuilder>[] = [];
  if (result.pageCount > 1) {
    rows.push(
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(glossaryPageId(userId, result.page - 1, result.source)).setLabel('◀').setStyle(ButtonStyle.Primary).setDisabled(result.page <= 1),
        new ButtonBuilder().setCustomId(glossaryPageId(userId, result.page + 1, result.source)).setLabel('▶').setStyle(ButtonStyle.Primary).setDisabled(result.page >= result.pageCount),
      ),
    );
  }
  return { embeds: [embed], components: rows, allowedMentions: noMentions() };
}
