import { Locale as DiscordLocale, SlashCommandBuilder, type ApplicationCommandOptionBase, type LocalizationMap } from 'discord.js';
import { commandText, type CommandName, type Locale } from '../render/messages.js';

/** Discord locales the commands are described in, and the reply language each maps to. */
const LOCALES: ReadonlyArray<readonly [DiscordLocale, Locale]> = [
  [DiscordLocale.Japanese, 'ja'],
  [DiscordLocale.EnglishUS, 'en'],
  [DiscordLocale.EnglishGB, 'en'],
];

function localized(pick: (locale: Locale) => string): LocalizationMap {
  return Object.fromEntries(LOCALES.map(([discordLocale, locale]) => [discordLocale, pick(locale)]));
}

/**
 * A slash command named in English (its id in code), described in Japanese by default, with `ja`
 * and English localisations of name and description from `render/messages.ts`.
 *
 * @example export const data = localizedCommand('help');
 */
export function localizedCommand(command: CommandName): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(command)
    .setDescription(commandText('ja', command).description)
    .setNameLocalizations(localized((locale) => commandText(locale, command).name))
    .setDescriptionLocalizations(localized((locale) => commandText(locale, command).description));
}

type OptionName<C extends CommandName> = keyof ReturnType<typeof commandText<C>>['options'] & string;

/**
 * An option named `name`, described and localised from the command's strings.
 *
 * @example .addStringOption((option) => localizedOption(option, 'ask', 'question').setRequired(true))
 */
export function localizedOption<T extends ApplicationCommandOptionBase, C extends CommandName>(option: T, command: C, name: OptionName<C>): T {
  const text = (locale: Locale): { readonly name: string; readonly description: string } => {
    const options: Readonly<Record<string, { readonly name: string; readonly description: string }>> = commandText(locale, command).options;
    const found = options[name];
    if (found === undefined) throw new Error(`no strings for option ${name} of /${command}`);
    return found;
  };
  return option
    .setName(name)
    .setDescription(text('ja').description)
    .setNameLocalizations(localized((locale) => text(locale).name))
    .setDescriptionLocalizations(localized((locale) => text(locale).description));
}
