/**
 * Turns a test's `{ question: '…', page: 2 }` into the option list of an INTERACTION_CREATE,
 * typed as Discord would type it: from the registered command when there is one (and then
 * refusing options Discord could never send), otherwise from the JavaScript value.
 */
import { ApplicationCommandOptionType } from 'discord.js';
import type {
  APIApplicationCommandInteractionDataBasicOption,
  APIApplicationCommandInteractionDataOption,
  InteractionType,
} from 'discord.js';
import type { RegisteredCommand, RegisteredOption } from './command-registry.ts';

export type OptionValue = string | number | boolean;

/** The part of an invocation that decides the options. */
export interface OptionsInvocation {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
}

type CommandOption = APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>;
type AutocompleteOption = APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>;

/**
 * Options of a slash command invocation, wrapped in its subcommand (and group) if any.
 * Throws when a registered command lacks a given option or a required one is missing.
 *
 * @example commandOptions({ name: 'search', subcommand: 'text' }, registered, { query: '猫', page: 2 })
 */
export function commandOptions(
  invocation: OptionsInvocation,
  registered: RegisteredCommand | undefined,
  values: Readonly<Record<string, OptionValue>>,
): CommandOption[] {
  const declared = declaredOptions(invocation, registered);
  const missing = declared?.filter((option) => option.required === true && !(option.name in values)) ?? [];
  if (missing.length > 0) {
    const names = missing.map((option) => option.name).join(', ');
    throw new Error(`/${invocation.name} needs ${names}; Discord would not send it without.`);
  }
  const basics = Object.entries(values).map(([name, value]) => commandOption(name, value, inferType(name, value, declared)));
  return wrapSubcommands(invocation, basics);
}

/**
 * Options of an autocomplete request: what is typed so far, with `focused` on one option.
 *
 * @example autocompleteOptions({ name: 'source' }, registered, { title: '大阪' }, 'title')
 */
export function autocompleteOptions(
  invocation: OptionsInvocation,
  registered: RegisteredCommand | undefined,
  values: Readonly<Record<string, OptionValue>>,
  focused: string,
): AutocompleteOption[] {
  if (!(focused in values)) throw new Error(`Focused option "${focused}" is not among the options.`);
  const declared = declaredOptions(invocation, registered);
  const basics = Object.entries(values).map(([name, value]) =>
    autocompleteOption(name, value, inferType(name, value, declared), name === focused),
  );
  return wrapSubcommands(invocation, basics);
}

/** The declared options at the level the invocation addresses (top, subcommand, or group + subcommand). */
function declaredOptions(invocation: OptionsInvocation, registered: RegisteredCommand | undefined): RegisteredOption[] | undefined {
  if (registered === undefined) return undefined;
  let level = registered.options ?? [];
  for (const name of [invocation.subcommandGroup, invocation.subcommand]) {
    if (name === undefined) continue;
    const next = level.find((option) => option.name === name);
    if (next === undefined) throw new Error(`/${invocation.name} has no registered subcommand or group "${name}".`);
    level = next.options ?? [];
  }
  return level;
}

function inferType(name: string, value: OptionValue, declared: RegisteredOption[] | undefined): ApplicationCommandOptionType {
  if (declared !== undefined) {
    const option = declared.find((item) => item.name === name);
    if (option === undefined) throw new Error(`Option "${name}" is not registered; Discord would never send it.`);
    return option.type;
  }
  if (typeof value === 'string') return ApplicationCommandOptionType.String;
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
}

function misfit(name: string, value: OptionValue, type: ApplicationCommandOptionType): Error {
  return new TypeError(`Option "${name}": ${JSON.stringify(value)} does not fit option type ${ApplicationCommandOptionType[type]}.`);
}

function commandOption(
  name: string,
  value: OptionValue,
  type: ApplicationCommandOptionType,
): APIApplicationCommandInteractionDataBasicOption<InteractionType.ApplicationCommand> {
  switch (type) {
    case ApplicationCommandOptionType.String:
      if (typeof value === 'string') return { name, type, value };
      break;
    case ApplicationCommandOptionType.Integer:
      if (typeof value === 'number' && Number.isInteger(value)) return { name, type, value };
      break;
    case ApplicationCommandOptionType.Number:
      if (typeof value === 'number') return { name, type, value };
      break;
    case ApplicationCommandOptionType.Boolean:
      if (typeof value === 'boolean') return { name, type, value };
      break;
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Channel:
    case ApplicationCommandOptionType.Role:
    case ApplicationCommandOptionType.Mentionable:
    case ApplicationCommandOptionType.Attachment:
      if (typeof value === 'string') return { name, type, value };
      break;
    default:
      break;
  }
  throw misfit(name, value, type);
}

function autocompleteOption(
  name: string,
  value: OptionValue,
  type: ApplicationCommandOptionType,
  focused: boolean,
): APIApplicationCommandInteractionDataBasicOption<InteractionType.ApplicationCommandAutocomplete> {
  const mark = focused ? { focused: true } : {};
  switch (type) {
    case ApplicationCommandOptionType.String:
      if (typeof value === 'string') return { name, type, value, ...mark };
      break;
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      // During autocomplete Discord sends what is typed so far, as a string, even for numeric options.
      if (typeof value !== 'boolean') return { name, type, value: String(value), ...mark };
      break;
    case ApplicationCommandOptionType.Boolean:
      if (typeof value === 'boolean' && !focused) return { name, type, value };
      break;
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Channel:
    case ApplicationCommandOptionType.Role:
    case ApplicationCommandOptionType.Mentionable:
    case ApplicationCommandOptionType.Attachment:
      if (typeof value === 'string' && !focused) return { name, type, value };
      break;
    default:
      break;
  }
  throw misfit(name, value, type);
}

function wrapSubcommands<T extends InteractionType>(
  invocation: OptionsInvocation,
  basics: APIApplicationCommandInteractionDataBasicOption<T>[],
): APIApplicationCommandInteractionDataOption<T>[] {
  if (invocation.subcommand === undefined) {
    if (invocation.subcommandGroup !== undefined) throw new Error('A subcommand group needs a subcommand.');
    return basics;
  }
  const subcommand = { name: invocation.subcommand, type: ApplicationCommandOptionType.Subcommand as const, options: basics };
  if (invocation.subcommandGroup === undefined) return [subcommand];
  return [{ name: invocation.subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup as const, options: [subcommand] }];
}
