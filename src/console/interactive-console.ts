import { createInterface } from 'node:readline';
import type { AppState } from '../boot.js';
import { findCommand } from './console-commands.js';
import { parseOptionText } from './parse-command-line.js';
import { runCommand, type RunContext } from './run-command.js';

/**
 * A console that takes slash commands as a user types them in Discord (`/ask 質問`, `/source file:…
 * line:…`) and prints the reply the bot would post, as text. Ends at `/quit` or end of input.
 */
export async function interactiveConsole(
  state: AppState,
  io: { readonly input: NodeJS.ReadableStream; readonly output: NodeJS.WritableStream },
  context: RunContext,
): Promise<void> {
  const prompt = '> ';
  const lines = createInterface({ input: io.input, terminal: false });
  io.output.write(`${context.locale === 'en' ? 'Type /help for the commands, /quit to leave.' : '/help でコマンド一覧、/quit で終了します。'}\n${prompt}`);
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line !== '') io.output.write(`${answer(state, line, context)}\n\n`);
    io.output.write(prompt);
  }
  io.output.write('\n');
}

function answer(state: AppState, line: string, context: RunContext): string {
  const [name = '', ...rest] = line.split(/\s+/u);
  const command = name.startsWith('/') ? findCommand(name) : findCommand('ask');
  if (command === undefined) {
    return context.locale === 'en' ? `Unknown command ${name}. Type /help.` : `${name} というコマンドはありません。/help をどうぞ。`;
  }
  // A line without a slash is a question, as the most common thing a newcomer types.
  const optionText = name.startsWith('/') ? rest.join(' ') : line;
  return runCommand(state, command, parseOptionText(command, optionText), context).text;
}
