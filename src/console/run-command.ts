import type { AppState } from '../boot.js';
import { UserError } from '../features/user-error.js';
import type { Logger } from '../log.js';
import { messages, userErrorMessage, type Locale } from '../render/messages.js';
import type { TextStyle } from '../render/text.js';
import type { CommandOutput, ConsoleCommand, OptionValues } from './console-commands.js';

export interface RunContext {
  readonly locale: Locale;
  readonly limit: number | undefined;
  readonly style: TextStyle;
  readonly log: Logger;
}

export type RunOutcome = CommandOutput & { readonly ok: boolean };

/**
 * Run one console command: a user error becomes a clear message (and `{ error }` in JSON); anything
 * else is a bug, logged with context, and the user gets an apology. The console never dies of it.
 */
export function runCommand(state: AppState, command: ConsoleCommand, options: OptionValues, context: RunContext): RunOutcome {
  for (const option of command.options) {
    if (option.required && (options[option.name] === undefined || options[option.name] === '')) {
      const error = option.type === 'string' && ['question', 'query'].includes(option.name) ? new UserError('empty_query') : new UserError('bad_option', { option: option.name });
      return failure(command, error, context.locale);
    }
  }
  try {
    return { ok: true, ...command.run(state, options, context) };
  } catch (error) {
    if (error instanceof UserError) return failure(command, error, context.locale);
    context.log.error({ err: error, command: command.name, options }, 'command failed');
    const message = messages(context.locale).apology;
    return { ok: false, json: { command: command.name, error: { code: 'internal', message } }, text: message };
  }
}

function failure(command: ConsoleCommand, error: UserError, locale: Locale): RunOutcome {
  const message = userErrorMessage(error, locale);
  return { ok: false, json: { command: command.name, error: { code: error.code, message } }, text: message };
}
