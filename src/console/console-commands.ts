import type { AppState } from '../boot.js';
import { ask } from '../features/ask.js';
import { CONSOLE_SERVER_ID, digest, digestItems } from '../features/digest.js';
import { DEFAULT_DIGEST_TIMEZONE, localDate } from '../features/digest-schedule.js';
import { renderDigestText } from '../render/digest.js';
import { search } from '../features/search.js';
import { quote } from '../features/quote.js';
import { renderQuoteText } from '../render/quote.js';
import { define } from '../features/define.js';
import { GLOSSARY_PAGE_SIZE, glossary } from '../features/glossary.js';
import { renderDefineText, renderGlossaryText } from '../render/define.js';
import { DEFAULT_SOURCE_CONTEXT, source } from '../features/source.js';
import { UserError } from '../features/user-error.js';
import type { Locale } from '../render/messages.js';
import { TIMELINE_PAGE_SIZE, timeline, timelineDeps } from '../features/timeline.js';
import { renderTimelineText } from '../render/timeline.js';
import { renderAskText, renderHelpText, renderSearchText, renderSourceText, type TextStyle } from '../render/text.js';

/** The page size the bot uses in Discord; the console's default `--limit` too. */
export const PAGE_SIZE = 5;

export type OptionType = 'string' | 'integer';

export interface OptionSpec {
  readonly name: string;
  readonly type: OptionType;
  readonly required: boolean;
}

export type OptionValues = Readonly<Record<string, string | number | undefined>>;

export interface CommandOutput {
  /** What `--json` prints: `{ command, results, … }`. */
  readonly json: object;
  readonly text: string;
}

export interface ConsoleCommand {
  readonly name: string;
  readonly options: readonly OptionSpec[];
  /** The largest `--limit` it takes, when more than the default 100 makes sense (a whole timeline). */
  readonly maxLimit?: number;
  run(state: AppState, options: OptionValues, context: { readonly locale: Locale; readonly limit: number | undefined; readonly style: TextStyle }): CommandOutput;
}

function text(options: OptionValues, name: string): string {
  const value = options[name];
  return value === undefined ? '' : String(value);
}

function integer(options: OptionValues, name: string, fallback: number): number {
  const value = options[name];
  if (value === undefined) return fallback;
  const parsed = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(parsed)) throw new UserError('bad_option', { option: name });
  return parsed;
}

/**
 * The commands a user can type in the console or pass to `npm run cli`, with the slash commands'
 * option names. Each runs a feature and renders the same result data the bot posts.
 */
export const CONSOLE_COMMANDS: readonly ConsoleCommand[] = [
  {
    name: 'ask',
    options: [{ name: 'question', type: 'string', required: true }],
    run(state, options, context) {
      const result = ask(state, { question: text(options, 'question'), limit: context.limit ?? PAGE_SIZE });
      return { json: result, text: renderAskText(result, context.locale, context.style) };
    },
  },
  {
    name: 'search',
    options: [
      { name: 'query', type: 'string', required: true },
      { name: 'page', type: 'integer', required: false },
      { name: 'speaker', type: 'string', required: false },
    ],
    run(state, options, context) {
      const result = search(state, { query: text(options, 'query'), page: integer(options, 'page', 1), pageSize: context.limit ?? PAGE_SIZE, speaker: text(options, 'speaker') });
      return { json: result, text: renderSearchText(result, context.locale, context.style) };
    },
  },
  {
    name: 'source',
    options: [
      { name: 'file', type: 'string', required: true },
      { name: 'line', type: 'integer', required: true },
    ],
    run(state, options, context) {
      const result = source(state, { file: text(options, 'file'), line: integer(options, 'line', 0), context: DEFAULT_SOURCE_CONTEXT });
      const { lines, ...rest } = result;
      // `results` carries the cited line in the common item shape; `lines` keeps the context.
      const cited = lines.find((line) => line.cited);
      const item = { file: result.file, line: result.line, excerpt: cited?.text ?? '', title: result.title, section: result.section, speaker: result.speaker, score: 1 };
      return { json: { ...rest, results: [item], lines }, text: renderSourceText(result, context.locale) };
    },
  },
  {
    name: 'digest',
    options: [
      { name: 'date', type: 'string', required: false },
      { name: 'server', type: 'string', required: false },
    ],
    run(state, options, context) {
      // Without a date: today in the digest's default zone, as a server that never set one would get.
      const date = text(options, 'date') || localDate(new Date(), DEFAULT_DIGEST_TIMEZONE);
      const result = digest(state, { serverId: text(options, 'server') || CONSOLE_SERVER_ID, date });
      return { json: { ...result, results: digestItems(result) }, text: renderDigestText(result, context.locale) };
    },
  },
  {
    name: 'quote',
    options: [
      { name: 'speaker', type: 'string', required: true },
      { name: 'topic', type: 'string', required: false },
    ],
    run(state, options, context) {
      const result = quote(state, { speaker: text(options, 'speaker'), topic: text(options, 'topic'), limit: context.limit ?? PAGE_SIZE });
      return { json: result, text: renderQuoteText(result, context.locale) };
    },
  },
  {
    name: 'help',
    options: [],
    run(_state, _options, context) {
      return { json: { command: 'help', results: [], text: renderHelpText(context.locale) }, text: renderHelpText(context.locale) };
    },
  },
  {
    name: 'define',
    options: [{ name: 'term', type: 'string', required: true }],
    run(state, options, context) {
      const result = define(state, { term: text(options, 'term'), limit: context.limit ?? PAGE_SIZE });
      return { json: result, text: renderDefineText(result, context.locale, context.style) };
    },
  },
  {
    name: 'glossary',
    options: [
      { name: 'source', type: 'string', required: false },
      { name: 'page', type: 'integer', required: false },
    ],
    run(state, options, context) {
      const source = options['source'] === undefined ? null : text(options, 'source');
      const result = glossary(state, { source, page: integer(options, 'page', 1), pageSize: context.limit ?? GLOSSARY_PAGE_SIZE });
      return { json: result, text: renderGlossaryText(result, context.locale) };
    },
  },
  {
    name: 'timeline',
    options: [
      { name: 'from', type: 'string', required: false },
      { name: 'to', type: 'string', required: false },
      { name: 'topic', type: 'string', required: false },
      { name: 'source', type: 'string', required: false },
      { name: 'page', type: 'integer', required: false },
    ],
    maxLimit: 10_000,
    run(state, options, context) {
      const filters = { from: options['from'], to: options['to'], topic: options['topic'], source: options['source'] };
      const given = Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, value === undefined ? undefined : String(value)]));
      const result = timeline(timelineDeps(state), { ...given, page: integer(options, 'page', 1), pageSize: context.limit ?? TIMELINE_PAGE_SIZE });
      return { json: result, text: renderTimelineText(result, context.locale) };
    },
  },
];

export function findCommand(name: string): ConsoleCommand | undefined {
  return CONSOLE_COMMANDS.find((command) => command.name === name.replace(/^\//u, '').toLowerCase());
}
