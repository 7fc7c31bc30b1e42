/**
 * The daily digest and the `/digest` replies, for Discord and the console. Pure, like the rest of
 * render/: every string the digest shows is here, in Japanese and English.
 */
import { EmbedBuilder } from '@discordjs/builders';
import { channelMention, time as timestamp, TimestampStyles } from '@discordjs/formatters';
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { DigestCitation, DigestResult } from '../features/digest.js';
import type { DigestStatus } from '../features/digest-status.js';
import { normalizeForMatch } from '../text/normalize.js';
import {
  AUTOCOMPLETE_MAX_CHOICES,
  EMBED_COLOR,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  ephemeral,
  fitEscaped,
  noMentions,
  OPTION_VALUE_MAX,
  truncate,
  type DiscordReply,
  type EphemeralReply,
} from './discord.js';
import type { Locale } from './messages.js';
import { dateLabel, precisionMarker } from './timeline.js';

const TEXT = {
  ja: {
    title: (date: string) => `📚 今日の学習ダイジェスト(${date})`,
    passage: '今日の一節',
    term: '今日の用語',
    quote: '今日の一言',
    event: '年表から',
    question: '考えてみよう',
    ask: (term: string) => `「${term}」とは何のことでしょう? 資料ではどう説明されていますか。`,
    answer: '答え',
    empty: '資料に、ダイジェストにできる一節がまだありません。',
    footerMark: '学習ダイジェスト',
    footer: (date: string, n: number, of: number) => `学習ダイジェスト · ${date} · 一節 ${n}/${of}`,
    line: (file: string, line: number) => `${file} ${line}行目`,
    speaker: '話者',
    set: (channel: string, at: string, zone: string) => `毎日 ${at}(${zone})に ${channel} へダイジェストを投稿します。`,
    setToday: '今日の分がまだなら、すぐに投稿します。',
    off: 'ダイジェストを止めました。設定は /digest status で確認できます。',
    alreadyOff: 'ダイジェストはもう止まっています。',
    statusTitle: 'ダイジェストの設定',
    on: '投稿中',
    stopped: '停止中',
    stoppedBecause: (reason: string) => `投稿に失敗し続けたため停止しました: ${reason}`,
    channel: 'チャンネル',
    timeOfDay: '時刻',
    next: '次の投稿',
    last: '前回の投稿',
    none: 'まだありません',
    failing: (count: number, error: string) => `直近の投稿失敗 ${count}回: ${error}`,
    subcommands: {
      set: { name: '設定', description: '毎日の投稿先と時刻を設定します' },
      off: { name: '停止', description: '毎日の投稿を止めます' },
      status: { name: '状態', description: '設定と次回・前回の投稿を表示します' },
      preview: { name: 'プレビュー', description: '今日のダイジェストを自分にだけ表示します' },
    },
    permissions: { ViewChannel: 'チャンネルを見る', SendMessages: 'メッセージを送信', EmbedLinks: '埋め込みリンク', ReadMessageHistory: 'メッセージ履歴を読む', TextChannel: 'テキストチャンネルではありません' },
    options: {
      channel: { name: 'チャンネル', description: '投稿するチャンネル' },
      time: { name: '時刻', description: '投稿する時刻 HH:MM(例: 07:30)' },
      timezone: { name: 'タイムゾーン', description: 'IANA 名(既定: Asia/Tokyo)' },
    },
  },
  en: {
    title: (date: string) => `📚 Today's study digest (${date})`,
    passage: "Today's passage",
    term: 'Term of the day',
    quote: 'Quote of the day',
    event: 'From the timeline',
    question: 'Something to think about',
    ask: (term: string) => `What is "${term}"? How does the material explain it?`,
    answer: 'Answer',
    empty: 'The material has no passage for a digest yet.',
    footerMark: 'Study digest',
    footer: (date: string, n: number, of: number) => `Study digest · ${date} · passage ${n}/${of}`,
    line: (file: string, line: number) => `${file}, line ${line}`,
    speaker: 'speaker',
    set: (channel: string, at: string, zone: string) => `The digest will be posted in ${channel} every day at ${at} (${zone}).`,
    setToday: "If today's has not gone out yet, it is posted right away.",
    off: 'The digest is off. /digest status shows the settings.',
    alreadyOff: 'The digest is already off.',
    statusTitle: 'Digest settings',
    on: 'on',
    stopped: 'off',
    stoppedBecause: (reason: string) => `Turned off after posting kept failing: ${reason}`,
    channel: 'Channel',
    timeOfDay: 'Time',
    next: 'Next post',
    last: 'Last post',
    none: 'none yet',
    failing: (count: number, error: string) => `Recent posting failures: ${count} (${error})`,
    subcommands: {
      set: { name: 'set', description: 'Choose the channel and time for the daily post' },
      off: { name: 'off', description: 'Stop the daily post' },
      status: { name: 'status', description: 'Show the settings and the next and last posts' },
      preview: { name: 'preview', description: "Show today's digest, to you only" },
    },
    permissions: { ViewChannel: 'View Channel', SendMessages: 'Send Messages', EmbedLinks: 'Embed Links', ReadMessageHistory: 'Read Message History', TextChannel: 'not a text or announcement channel of this server' },
    options: {
      channel: { name: 'channel', description: 'Where to post' },
      time: { name: 'time', description: 'Time of day, HH:MM (e.g. 07:30)' },
      timezone: { name: 'timezone', description: 'IANA name (default Asia/Tokyo)' },
    },
  },
} as const;

export type DigestSubcommand = keyof (typeof TEXT)['ja']['subcommands'];
export type DigestOption = keyof (typeof TEXT)['ja']['options'];

/** Names and descriptions of `/digest`'s subcommands and options, for registration. */
export function digestCommandText(locale: Locale): (typeof TEXT)[Locale] {
  return TEXT[locale];
}

/**
 * Whether a message's embed footer is the digest of `date`, in either language: how a post that
 * went out before the bot could record it is found again, instead of being posted twice.
 */
export function isDigestFooter(footer: string | null | undefined, date: string): boolean {
  if (footer === null || footer === undefined) return false;
  return Object.values(TEXT).some((text) => footer.startsWith(`${text.footerMark} · ${date} · `));
}

function citationLine(cited: DigestCitation & { readonly section?: string | null; readonly speaker?: string | null }, locale: Locale): string {
  const text = TEXT[locale];
  const parts = [cited.title];
  if (cited.section !== undefined && cited.section !== null && cited.section !== cited.title) parts.push(cited.section);
  parts.push(text.line(cited.file, cited.line));
  if (cited.speaker !== undefined && cited.speaker !== null) parts.push(`${text.speaker}: ${cited.speaker}`);
  return parts.join(' · ');
}

/** One section of the digest: its heading, the quoted text, the citation — the same in both renderings. */
interface Section {
  readonly name: string;
  /** Plain text, before any escaping. */
  readonly lead?: string;
  readonly quote: string;
  readonly cite: string;
  /** Shown hidden (a spoiler in Discord). */
  readonly hidden?: { readonly label: string; readonly text: string };
}

function sections(result: DigestResult, locale: Locale): Section[] {
  const text = TEXT[locale];
  const out: Section[] = [];
  const { passage, term, quote, event, question } = result;
  if (passage !== null) out.push({ name: text.passage, quote: `${passage.text}${passage.cutAfter ? '…' : ''}`, cite: citationLine(passage, locale) });
  if (term !== null) {
    const variants = term.variants.length === 0 ? '' : `(${term.variants.slice(0, 3).join(' / ')})`;
    out.push({ name: text.term, lead: `${term.term}${variants}`, quote: term.definition, cite: citationLine(term, locale) });
  }
  if (quote !== null) out.push({ name: text.quote, lead: quote.speaker, quote: `${quote.quote}${quote.cutAfter ? '…' : ''}`, cite: citationLine({ file: quote.file, line: quote.line, title: quote.title }, locale) });
  if (event !== null) {
    out.push({
      name: text.event,
      lead: `${dateLabel(event, locale)} ${precisionMarker(event, locale)}`,
      quote: `${event.cutBefore ? '…' : ''}${event.event}${event.cutAfter ? '…' : ''}`,
      cite: citationLine({ file: event.file, line: event.line, title: event.title }, locale),
    });
  }
  if (question !== null) {
    out.push({ name: text.question, quote: text.ask(question.term), cite: '', hidden: { label: text.answer, text: `${question.answer} — ${citationLine(question, locale)}` } });
  }
  return out;
}

/**
 * A field's lines — lead, quote, citation, hidden answer — with the quote cut to the room left. Cut
 * by code point, then checked in UTF-16 units too (the builders count those), shrinking the quote
 * until it fits: text full of emoji or rare kanji is twice as long there.
 */
function fieldValue(section: Section): string {
  const lead = section.lead === undefined ? '' : `**${fitEscaped(section.lead, 200)}**\n`;
  const cite = section.cite === '' ? '' : `\n— ${fitEscaped(section.cite, 300)}`;
  const hidden = section.hidden === undefined ? '' : `\n${section.hidden.label}: ||${fitEscaped(section.hidden.text, 300)}||`;
  const quote = section.quote.replace(/[\r\n]+/gu, ' ');
  let room = EMBED_FIELD_VALUE_MAX - [lead, cite, hidden].reduce((sum, part) => sum + part.length, 0) - 3;
  for (;;) {
    const value = `${lead}> ${fitEscaped(quote, room)}${cite}${hidden}`;
    if (value.length <= EMBED_FIELD_VALUE_MAX || room <= 1) return value;
    room -= Math.max(1, value.length - EMBED_FIELD_VALUE_MAX);
  }
}

/**
 * The digest as a channel post: one embed, a field per section, every transcript text escaped, the
 * question's answer behind a spoiler, no mentions.
 *
 * @example await channel.send(renderDigest(digest(state, { serverId, date }), 'ja'));
 */
export function renderDigest(result: DigestResult, locale: Locale): DiscordReply {
  const text = TEXT[locale];
  const embed = new EmbedBuilder()
    .setColor(EMBED_COLOR)
    .setTitle(truncate(text.title(result.date), EMBED_TITLE_MAX))
    .setFooter({ text: truncate(text.footer(result.date, result.passageNumber, result.passageCount), EMBED_FOOTER_MAX) });
  const parts = sections(result, locale);
  if (parts.length === 0) return { embeds: [embed.setDescription(text.empty)], components: [], allowedMentions: noMentions() };
  // Five fields of at most 1,024 code points each stay inside the embed's 6,000 in all.
  embed.addFields(parts.map((section) => ({ name: section.name, value: fieldValue(section) })));
  return { embeds: [embed], components: [], allowedMentions: noMentions() };
}

/** The digest for the console: the same sections as the post, as plain text (the answer last, marked). */
export function renderDigestText(result: DigestResult, locale: Locale): string {
  const text = TEXT[locale];
  const parts = sections(result, locale);
  if (parts.length === 0) return `${text.title(result.date)}\n\n${text.empty}`;
  const blocks = parts.map((section) =>
    [
      `■ ${section.name}`,
      ...(section.lead === undefined ? [] : [section.lead]),
      section.quote,
      ...(section.cite === '' ? [] : [`  — ${section.cite}`]),
      ...(section.hidden === undefined ? [] : [`  (${section.hidden.label}: ${section.hidden.text})`]),
    ].join('\n'),
  );
  return [text.title(result.date), ...blocks].join('\n\n');
}

export function renderDigestSet(settings: { channelId: string; time: string; timezone: string }, locale: Locale): EphemeralReply {
  const text = TEXT[locale];
  return ephemeral({ content: `${text.set(channelMention(settings.channelId), settings.time, settings.timezone)}\n${text.setToday}`, embeds: [], components: [], allowedMentions: noMentions() });
}

export function renderDigestOff(turnedOff: boolean, locale: Locale): EphemeralReply {
  const text = TEXT[locale];
  return ephemeral({ content: turnedOff ? text.off : text.alreadyOff, embeds: [], components: [], allowedMentions: noMentions() });
}

export function renderDigestStatus(status: DigestStatus, locale: Locale): EphemeralReply {
  const text = TEXT[locale];
  const state = status.enabled ? text.on : status.disabledReason === null ? text.stopped : text.stoppedBecause(status.disabledReason);
  const last = status.lastPost === null ? text.none : status.lastPost.date;
  const lines = [
    `**${text.statusTitle}** — ${fitEscaped(state, 500)}`,
    `${text.channel}: ${channelMention(status.channelId)}`,
    `${text.timeOfDay}: ${status.time} (${status.timezone})`,
    `${text.next}: ${status.nextPost === null ? '—' : `${timestamp(status.nextPost, TimestampStyles.LongDateTime)} (${timestamp(status.nextPost, TimestampStyles.RelativeTime)})`}`,
    `${text.last}: ${last}`,
  ];
  if (status.enabled && status.failures > 0) lines.push(fitEscaped(text.failing(status.failures, status.lastError ?? ''), 500));
  return ephemeral({ content: lines.join('\n'), embeds: [], components: [], allowedMentions: noMentions() });
}

/** The permissions the bot lacks, as Discord's settings screen names them (`TextChannel`: not a channel it can post in). */
export function permissionNames(missing: ReadonlyArray<keyof (typeof TEXT)['ja']['permissions']>, locale: Locale): string {
  return missing.map((name) => TEXT[locale].permissions[name]).join(', ');
}

/** Autocomplete for the timezone option: IANA zones containing what was typed. */
export function renderTimeZoneChoices(zones: readonly string[], typed: string): APIApplicationCommandOptionChoice<string>[] {
  const wanted = normalizeForMatch(typed.trim());
  const matching = zones.filter((zone) => wanted === '' || normalizeForMatch(zone).includes(wanted));
  // What starts with the typed text first: "tok" → Asia/Tokyo before anything else containing it.
  const ranked = [...matching].sort((a, b) => Number(!normalizeForMatch(a.split('/').at(-1) ?? a).startsWith(wanted)) - Number(!normalizeForMatch(b.split('/').at(-1) ?? b).startsWith(wanted)));
  return ranked.slice(0, AUTOCOMPLETE_MAX_CHOICES).map((zone) => ({ name: truncate(zone, OPTION_VALUE_MAX), value: truncate(zone, OPTION_VALUE_MAX) }));
}
