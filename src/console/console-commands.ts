import type { AppState } from '../boot.js';
import { ask } from '../features/ask.js';
import { search } from '../features/search.js';
import { DEFAULT_SOURCE_CONTEXT, source } from '../features/source.js';
import { UserError } from '../features/user-error.js';
import type { Locale } from '../render/messages.js';
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
    ],
    run(state, options, context) {
      const result = search(state, { query: text(options, 'query'), page: integer(options, 'page', 1), pageSize: context.limit ?? PAGE_SIZE });
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
    name: 'help',
    options: [],
    run(_state, _options, context) {
      return { json: { command: 'help', results: [], text: renderHelpText(context.locale) }, text: renderHelpText(context.locale) };
    },
  },
];

export function findCommand(name: string): ConsoleCommand | undefined {
  return CONSOLE_COMMANDS.find((command) => command.name === name.replace(/^\//u, '').toLowerCase());
}
