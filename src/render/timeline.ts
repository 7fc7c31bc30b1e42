/**
 * Timeline result data → console text and a Discord page: events grouped by year, each with its
 * date as precise as the text made it, a precision marker, and its citation. Pure.
 */
import { createHash } from 'node:crypto';
import { ActionRowBuilder, ButtonBuilder, EmbedBuilder } from '@discordjs/builders';
import { ButtonStyle } from 'discord-api-types/v10';
import type { TimelineEvent, TimelineFilters, TimelineResult } from '../features/timeline.js';
import { CUSTOM_ID_MAX, EMBED_DESCRIPTION_MAX, EMBED_FOOTER_MAX, EMBED_TITLE_MAX, discordLength, defangMentions, escapeText, fitEscaped, restoreMentions, truncate, type DiscordReply } from './discord.js';
import type { Locale } from './messages.js';

const TEXT = {
  ja: {
    title: '年表',
    none: '条件に合う出来事は見つかりませんでした。',
    count: (total: number, page: number, pages: number) => `${total}件 · ${page} / ${pages}ページ`,
    filters: { from: '開始', to: '終了', topic: '話題', source: 'ファイル' },
    filteredBy: '絞り込み',
    leftOut: (words: readonly string[]) => `（資料にない語を除く: ${words.join('、')}）`,
    unresolvedGroup: '日付を決められないもの(相対的な表現)',
    precision: { day: '日', month: '月', year: '年', range: '期間', approximate: '頃', unresolved: '日付不明' },
    kind: { event: '', plan: '予定', prediction: '予測', publication: '公開' },
    part: { early: '初頭', mid: '半ば', late: '末' },
    year: (year: string) => `${year}年`,
    date: (year: string, month: string | null, day: string | null) => `${Number(year)}年${month === null ? '' : `${Number(month)}月`}${day === null ? '' : `${Number(day)}日`}`,
    range: (start: string, end: string) => `${start}〜${end}`,
    approx: (date: string) => `${date}頃`,
    line: (file: string, line: number) => `${file} ${line}行`,
    relative: (expr: string, reference: string, inferred: boolean, since: boolean) =>
      `「${expr}」${since ? 'から逆算' : ''}、${reference}を基準${inferred ? '(資料の日付は本文から推定)' : ''}`,
    contextual: (expr: string, reference: string) => `「${expr}」、文脈の${reference}を基準`,
    alsoAt: '同じ出来事',
    stale: 'この年表は古くなっています。もう一度 /timeline をどうぞ。',
    notYours: 'このボタンはコマンドを実行した人だけが使えます。ご自身で /timeline をどうぞ。',
  },
  en: {
    title: 'Timeline',
    none: 'No events match.',
    count: (total: number, page: number, pages: number) => `${total} event${total === 1 ? '' : 's'} · page ${page} of ${pages}`,
    filters: { from: 'from', to: 'to', topic: 'topic', source: 'source' },
    filteredBy: 'Filtered by',
    leftOut: (words: readonly string[]) => ` (without ${words.join(', ')}: the material never uses ${words.length === 1 ? 'it' : 'them'})`,
    unresolvedGroup: 'Undated (relative expressions with no reference date)',
    precision: { day: 'day', month: 'month', year: 'year', range: 'range', approximate: 'approx.', unresolved: 'undated' },
    kind: { event: '', plan: 'plan', prediction: 'prediction', publication: 'published' },
    part: { early: 'early', mid: 'mid', late: 'late' },
    year: (year: string) => year,
    date: (year: string, month: string | null, day: string | null) => [year, month, day].filter((part): part is string => part !== null).join('-'),
    range: (start: string, end: string) => `${start} – ${end}`,
    approx: (date: string) => `c. ${date}`,
    line: (file: string, line: number) => `${file} line ${line}`,
    relative: (expr: string, reference: string, inferred: boolean, since: boolean) =>
      `"${expr}"${since ? ' (since)' : ''}, counted from ${reference}${inferred ? ' (the document’s date, inferred from its text)' : ''}`,
    contextual: (expr: string, reference: string) => `"${expr}", counted from ${reference} in the passage`,
    alsoAt: 'also at',
    stale: 'This timeline is out of date. Please run /timeline again.',
    notYours: 'Only the person who ran this command can use these buttons. Try /timeline yourself.',
  },
} as const;

export function timelineText(locale: Locale): (typeof TEXT)[Locale] {
  return TEXT[locale];
}

function formatDate(value: string, locale: Locale): string {
  const [year = '', month = null, day = null] = value.split('-');
  return TEXT[locale].date(year, month, day);
}

/**
 * The date as a reader should see it: 2002〜2003年頃, 2025年初頭, 2024年3月20日.
 *
 * @example dateLabel({ date: '2025', end: null, part: 'early', approximate: false, … }, 'ja') // '2025年初頭'
 */
export function dateLabel(event: Pick<TimelineEvent, 'date' | 'end' | 'part' | 'approximate'>, locale: Locale): string {
  const text = TEXT[locale];
  if (event.date === null) return text.precision.unresolved;
  let label = event.end === null ? formatDate(event.date, locale) : text.range(formatDate(event.date, locale), formatDate(event.end, locale));
  if (event.part !== null) label = locale === 'ja' ? `${label}${text.part[event.part]}` : `${text.part[event.part]} ${label}`;
  return event.approximate ? text.approx(label) : label;
}

/** 〔年・予測〕: how precise the date is, and whether this is a plan, a prediction or a publication. */
export function precisionMarker(event: Pick<TimelineEvent, 'precision' | 'kind'>, locale: Locale): string {
  const text = TEXT[locale];
  const parts = [text.precision[event.precision], text.kind[event.kind]].filter((part) => part !== '');
  return locale === 'ja' ? `〔${parts.join('・')}〕` : `[${parts.join(', ')}]`;
}

function resolutionNote(event: TimelineEvent, locale: Locale): string | null {
  const text = TEXT[locale];
  if (event.resolved === null) return null;
  const reference = formatDate(event.resolved.reference, locale);
  return event.resolved.basis === 'context'
    ? text.contextual(event.dateText, reference)
    : text.relative(event.dateText, reference, event.resolved.inferred, event.resolved.since);
}

function citationsOf(event: TimelineEvent, locale: Locale): { own: string; also: string[] } {
  const [own, ...also] = event.citations.map((citation) => TEXT[locale].line(citation.file, citation.line));
  return { own: own ?? TEXT[locale].line(event.file, event.line), also };
}

function eventText(event: TimelineEvent): string {
  return `${event.cutBefore ? '…' : ''}${event.event}${event.cutAfter ? '…' : ''}`;
}

/** Events with the year heading each starts (null for undated ones, which come last). */
function groupByYear(events: readonly TimelineEvent[]): Array<{ year: string | null; events: TimelineEvent[] }> {
  const groups: Array<{ year: string | null; events: TimelineEvent[] }> = [];
  for (const event of events) {
    const year = event.date?.slice(0, 4) ?? null;
    const last = groups[groups.length - 1];
    if (last !== undefined && last.year === year) last.events.push(event);
    else groups.push({ year, events: [event] });
  }
  return groups;
}

function filterSummary({ filters, topicWordsLeftOut }: Pick<TimelineResult, 'filters' | 'topicWordsLeftOut'>, locale: Locale): string | null {
  const text = TEXT[locale];
  const parts = (Object.keys(text.filters) as Array<keyof TimelineFilters>).flatMap((key) => {
    const value = filters[key];
    if (value === null) return [];
    const leftOut = key === 'topic' && topicWordsLeftOut.length > 0 ? text.leftOut(topicWordsLeftOut) : '';
    return [`${text.filters[key]}: ${value}${leftOut}`];
  });
  return parts.length === 0 ? null : `${text.filteredBy}: ${parts.join(' · ')}`;
}

/**
 * The console's timeline: a heading per year, then `date 〔precision〕 event` and its citation.
 *
 * @example process.stdout.write(renderTimelineText(timeline(state, { page: 1, pageSize: 10 }), 'ja'));
 */
export function renderTimelineText(result: TimelineResult, locale: Locale): string {
  const text = TEXT[locale];
  const head = [`${text.title} — ${text.count(result.total, result.page, result.pageCount)}`, filterSummary(result, locale)].filter((part) => part !== null).join('\n');
  if (result.total === 0) return `${head}\n\n${text.none}`;
  const body = groupByYear(result.results).map((group) => {
    const heading = group.year === null ? `■ ${text.unresolvedGroup}` : `■ ${text.year(group.year)}`;
    const items = group.events.map((event) => {
      const { own, also } = citationsOf(event, locale);
      const note = resolutionNote(event, locale);
      const lines = [`  ${dateLabel(event, locale)} ${precisionMarker(event, locale)} ${eventText(event)}`, `     — ${own}${also.length === 0 ? '' : ` (${text.alsoAt}: ${also.join(', ')})`}`];
      if (note !== null) lines.push(`     (${note})`);
      return lines.join('\n');
    });
    return [heading, ...items].join('\n');
  });
  return `${head}\n\n${body.join('\n\n')}`;
}

// ── Discord ────────────────────────────────────────────────────────────────

const TIMELINE_ID = 'timeline';
const FILTER_MARK = '🗓 ';
const EMBED_COLOR = 0x5865f2;
const FILTER_HASH_LENGTH = 10;
/** One event's statement is cut here so that a page of ten always fits a description. */
const EVENT_MAX = 200;

function filterKey(filters: TimelineFilters): string {
  return JSON.stringify([filters.from, filters.to, filters.topic, filters.source]);
}

function filterHash(filters: TimelineFilters): string {
  return createHash('sha256').update(filterKey(filters)).digest('hex').slice(0, FILTER_HASH_LENGTH);
}

/**
 * `timeline:<userId>:<page>:<hash of the filters>`, at most 52 characters. The filters themselves
 * are in the embed footer, so paging survives a restart; the hash notices a footer that changed.
 *
 * @example timelinePageId('123456789012345678', 2, filters) // 'timeline:123456789012345678:2:…'
 */
export function timelinePageId(userId: string, page: number, filters: TimelineFilters): string {
  const id = `${TIMELINE_ID}:${userId}:${page}:${filterHash(filters)}`;
  if (discordLength(id) > CUSTOM_ID_MAX) throw new Error(`custom_id over ${CUSTOM_ID_MAX}: ${id}`);
  return id;
}

export interface TimelinePress {
  readonly userId: string;
  readonly page: number;
  readonly filters: TimelineFilters;
}

/** The paging request behind a timeline button, or null when the button and its message disagree. */
export function readTimelinePress(customId: string, embeds: ReadonlyArray<{ readonly footer: { readonly text: string } | null }>): TimelinePress | null {
  const match = /^timeline:(\d{1,20}):(\d{1,5}):([0-9a-f]+)$/u.exec(customId);
  const footer = embeds[0]?.footer?.text;
  if (match === null || footer === undefined) return null;
  const [, userId, page, hash] = match;
  const marked = footer.split('\n').find((line) => line.startsWith(FILTER_MARK));
  const filters = marked === undefined ? null : readFilters(marked.slice(FILTER_MARK.length));
  if (userId === undefined || page === undefined || filters === null || hash !== filterHash(filters)) return null;
  return { userId, page: Number(page), filters };
}

/**
 * The filters as the footer shows them, readable and read back: `2024 → 2025 · 🔎 原子力 · 📄 003.txt`,
 * `—` when there are none. Mention syntax in a typed topic is broken with a zero-width space.
 */
function filterLine(filters: TimelineFilters): string {
  const parts: string[] = [];
  if (filters.from !== null || filters.to !== null) parts.push(`${filters.from ?? ''} → ${filters.to ?? ''}`.trim());
  if (filters.topic !== null) parts.push(`${TOPIC_MARK}${defangMentions(filters.topic)}`);
  if (filters.source !== null) parts.push(`${SOURCE_MARK}${defangMentions(filters.source)}`);
  return parts.length === 0 ? NO_FILTERS : parts.join(PART_SEPARATOR);
}

function readFilters(text: string): TimelineFilters | null {
  const filters: { from: string | null; to: string | null; topic: string | null; source: string | null } = { from: null, to: null, topic: null, source: null };
  if (text === NO_FILTERS) return filters;
  for (const part of text.split(PART_SEPARATOR)) {
    if (part.startsWith(TOPIC_MARK)) filters.topic = restoreMentions(part.slice(TOPIC_MARK.length));
    else if (part.startsWith(SOURCE_MARK)) filters.source = restoreMentions(part.slice(SOURCE_MARK.length));
    else {
      const range = /^(\S*)\s*→\s*(\S*)$/u.exec(part);
      if (range === null) return null;
      filters.from = range[1] === '' || range[1] === undefined ? null : range[1];
      filters.to = range[2] === '' || range[2] === undefined ? null : range[2];
    }
  }
  return filters;
}

const TOPIC_MARK = '🔎 ';
const SOURCE_MARK = '📄 ';
const PART_SEPARATOR = ' · ';
const NO_FILTERS = '—';


/** One event as a Discord line: `date` 〔precision〕 statement — citation. */
function discordEvent(event: TimelineEvent, locale: Locale): string {
  const { own, also } = citationsOf(event, locale);
  const statement = escapeText(truncate(eventText(event).replace(/[\r\n]+/gu, ' '), EVENT_MAX));
  const more = also.length === 0 ? '' : ` (+${also.length})`;
  return `\`${dateLabel(event, locale)}\` ${precisionMarker(event, locale)} ${statement} — *${escapeText(own)}*${more}`;
}

/**
 * `/timeline`: one page of events grouped by year, ◀ ▶ carrying the page and the invoking user, and
 * the filters in the footer for the next press.
 *
 * @example await interaction.editReply(renderTimeline(result, 'ja', interaction.user.id));
 */
export function renderTimeline(result: TimelineResult, locale: Locale, userId: string): DiscordReply {
  const text = TEXT[locale];
  const summary = filterSummary(result, locale);
  // Escaped, then fitted: a topic of 100 asterisks doubles in length when escaped.
  const title = fitEscaped(summary === null ? text.title : `${text.title} — ${summary}`, EMBED_TITLE_MAX);
  const footer = truncate(`${text.count(result.total, result.page, result.pageCount)}\n${FILTER_MARK}${filterLine(result.filters)}`, EMBED_FOOTER_MAX);
  const embed = new EmbedBuilder().setColor(EMBED_COLOR).setTitle(title).setFooter({ text: footer });
  if (result.total === 0) return { embeds: [embed.setDescription(text.none)], components: [], allowedMentions: { parse: [] } };
  const blocks = groupByYear(result.results).map((group) => {
    const heading = group.year === null ? `**${text.unresolvedGroup}**` : `**${text.year(group.year)}**`;
    return [heading, ...group.events.map((event) => discordEvent(event, locale))].join('\n');
  });
  embed.setDescription(truncate(blocks.join('\n\n'), Math.min(EMBED_DESCRIPTION_MAX, 6_000 - discordLength(title) - discordLength(footer))));
  const components =
    result.pageCount <= 1
      ? []
      : [
          new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder()
              .setCustomId(timelinePageId(userId, result.page - 1, result.filters))
              .setLabel('◀')
              .setStyle(ButtonStyle.Primary)
              .setDisabled(result.page <= 1),
            new ButtonBuilder()
              .setCustomId(timelinePageId(userId, result.page + 1, result.filters))
              .setLabel('▶')
              .setStyle(ButtonStyle.Primary)
              .setDisabled(result.page >= result.pageCount),
          ),
        ];
  return { embeds: [embed], components, allowedMentions: { parse: [] } };
}
