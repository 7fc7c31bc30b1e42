import { Locale as DiscordLocale, SlashCommandBuilder, type ApplicationCommandOptionBase, type LocalizationMap, type SlashCommandSubcommandBuilder } from 'discord.js';
import { digestCommandText, type DigestOption, type DigestSubcommand } from '../render/digest.js';
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

type Names = (locale: Locale) => { readonly name: string; readonly description: string };

interface Nameable {
  setName(name: string): this;
  setDescription(description: string): this;
  setNameLocalizations(map: LocalizationMap | null): this;
  setDescriptionLocalizations(map: LocalizationMap | null): this;
}

/** `id` as the name, described in Japanese by default, with every locale's name and description. */
function named<T extends Nameable>(builder: T, id: string, text: Names): T {
  return builder
    .setName(id)
    .setDescription(text('ja').description)
    .setNameLocalizations(localized((locale) => text(locale).name))
    .setDescriptionLocalizations(localized((locale) => text(locale).description));
}

/**
 * A slash command named in English (its id in code), described in Japanese by default, with `ja`
 * and English localisations of name and description from `render/messages.ts`.
 *
 * @example export const data = localizedCommand('help');
 */
export function localizedCommand(command: CommandName): SlashCommandBuilder {
  return named(new SlashCommandBuilder(), command, (locale) => commandText(locale, command));
}

type OptionName<C extends CommandName> = keyof ReturnType<typeof commandText<C>>['options'] & string;

/**
 * An option named `name`, described and localised from the command's strings.
 *
 * @example .addStringOption((option) => localizedOption(option, 'ask', 'question').setRequired(true))
 */
export function localizedOption<T extends ApplicationCommandOptionBase, C extends CommandName>(option: T, command: C, name: OptionName<C>): T {
  return named(option, name, (locale) => {
    const options: Readonly<Record<string, { readonly name: string; readonly description: string }>> = commandText(locale, command).options;
    const found = options[name];
    if (found === undefined) throw new Error(`no strings for option ${name} of /${command}`);
    return found;
  });
}

/** A `/digest` subcommand, named and described from `render/digest.ts` in both languages. */
export function localizedDigestSubcommand(sub: SlashCommandSubcommandBuilder, name: DigestSubcommand): SlashCommandSubcommandBuilder {
  return named(sub, name, (locale) => digestCommandText(locale).subcommands[name]);
}

/** An option of a `/digest` subcommand, named and described from `render/digest.ts`. */
export function localizedDigestOption<T extends ApplicationCommandOptionBase>(option: T, name: DigestOption): T {
  return named(option, name, (locale) => digestCommandText(locale).options[name]);
}
