import type { ConsoleCommand, OptionValues } from './console-commands.js';
import { escapeRegExp } from '../text/escape-regexp.js';

/**
 * Read what a user types after a slash command, as Discord's client accepts it: `name:value` pairs
 * (`/source file:001 line:12`), or, for a command's first option, the plain rest of the line
 * (`/ask 原子力はなぜ?`). An option's value runs until the next `name:` of the same command.
 *
 * @example parseOptionText(askCommand, '原子力はなぜ?') // { question: '原子力はなぜ?' }
 */
export function parseOptionText(command: ConsoleCommand, text: string): OptionValues {
  const names = command.options.map((option) => option.name);
  if (names.length === 0) return {};
  const pattern = new RegExp(`(?:^|\\s)(${names.map(escapeRegExp).join('|')})[:：]`, 'gu');
  const found = [...text.matchAll(pattern)];
  const values: Record<string, string> = {};
  if (found.length === 0 || (found[0]?.index ?? 0) > 0 && text.slice(0, found[0]?.index ?? 0).trim() !== '') {
    // No option names (or text before the first one): the leading text is the first option.
    const first = found[0]?.index ?? text.length;
    const lead = text.slice(0, first).trim();
    if (lead !== '' && names[0] !== undefined) values[names[0]] = lead;
  }
  found.forEach((match, i) => {
    const name = match[1];
    const start = (match.index ?? 0) + match[0].length;
    const end = found[i + 1]?.index ?? text.length;
    if (name !== undefined) values[name] = text.slice(start, end).trim();
  });
  return values;
}

