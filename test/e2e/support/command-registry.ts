/**
 * Application commands as Discord stores them per scope (global, or one guild), with Discord's
 * validation rules, so a deploy script that builds an invalid command fails here as it would live.
 * Re-registering a name keeps its id, as Discord does; `version` changes on every write.
 */
import { ApplicationCommandOptionType, ApplicationCommandType, Locale } from 'discord.js';
import { DiscordApiError, FormErrors } from './discord-api-error.ts';
import { discordLength, isRecord } from './message-payload.ts';

export const MAX_COMMANDS_PER_TYPE = 100;
export const MAX_COMMAND_OPTIONS = 25;
export const MAX_COMMAND_CHOICES = 25;
export const MAX_COMMAND_DESCRIPTION = 100;
export const MAX_CHOICE_NAME = 100;
export const MAX_CHOICE_STRING_VALUE = 100;

/** Discord's rule for chat input command and option names, applied with the `u` flag. */
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

export type Localizations = Partial<Record<Locale, string>>;

export interface RegisteredChoice {
  name: string;
  name_localizations?: Localizations;
  value: string | number;
}

/** An option as stored; fields mirror Discord's, only those sent are present. */
export interface RegisteredOption {
  type: ApplicationCommandOptionType;
  name: string;
  description: string;
  name_localizations?: Localizations;
  description_localizations?: Localizations;
  required?: boolean;
  autocomplete?: boolean;
  choices?: RegisteredChoice[];
  options?: RegisteredOption[];
  channel_types?: number[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
}

/** A command as Discord answers it after registration: the sent fields plus ids and version. */
export interface RegisteredCommand extends CommandDraft {
  id: string;
  application_id: string;
  guild_id?: string;
  version: string;
}

/** A command as the bot sent it, validated. */
export interface CommandDraft {
  type: ApplicationCommandType;
  name: string;
  description: string;
  name_localizations?: Localizations;
  description_localizations?: Localizations;
  options?: RegisteredOption[];
  default_member_permissions: string | null;
  nsfw: boolean;
  contexts?: number[] | null;
  integration_types?: number[];
}

type Path = ReadonlyArray<string | number>;

function toOptionType(value: unknown): ApplicationCommandOptionType | undefined {
  return Object.values(ApplicationCommandOptionType).find(
    (type): type is ApplicationCommandOptionType => typeof type === 'number' && type === value,
  );
}

function toCommandType(value: unknown): ApplicationCommandType | undefined {
  return Object.values(ApplicationCommandType).find(
    (type): type is ApplicationCommandType => typeof type === 'number' && type === value,
  );
}

function toLocale(value: string): Locale | undefined {
  return Object.values(Locale).find((locale) => locale === value);
}

const SUBCOMMAND_TYPES = new Set<ApplicationCommandOptionType>([
  ApplicationCommandOptionType.Subcommand,
  ApplicationCommandOptionType.SubcommandGroup,
]);
const CHOICE_TYPES = new Set<ApplicationCommandOptionType>([
  ApplicationCommandOptionType.String,
  ApplicationCommandOptionType.Integer,
  ApplicationCommandOptionType.Number,
]);

class CommandReader {
  constructor(readonly errors: FormErrors) {}

  name(value: unknown, path: Path, chatInput: boolean): string {
    if (typeof value !== 'string') {
      this.errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return '';
    }
    if (chatInput && (!CHAT_INPUT_NAME.test(value) || value !== value.toLowerCase())) {
      this.errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    } else if (discordLength(value) < 1 || discordLength(value) > 32) {
      this.errors.add(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
    }
    return value;
  }

  description(value: unknown, path: Path, required: boolean): string {
    const text = typeof value === 'string' ? value : '';
    if (value !== undefined && value !== null && typeof value !== 'string') {
      this.errors.add(path, 'STRING_TYPE_CONVERT', `Could not interpret "${String(value)}" as string.`);
    }
    const length = discordLength(text);
    if (required && (length < 1 || length > MAX_COMMAND_DESCRIPTION)) {
      this.errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${MAX_COMMAND_DESCRIPTION} in length.`);
    }
    if (!required && length > 0) {
      this.errors.add(path, 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Context menu commands cannot have a description');
    }
    return text;
  }

  localizations(
    value: unknown,
    path: Path,
    check: (text: string, path: Path) => void,
  ): Localizations | undefined {
    if (value === undefined || value === null) return undefined;
    if (!isRecord(value)) {
      this.errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return undefined;
    }
    const result: Localizations = {};
    for (const [key, text] of Object.entries(value)) {
      const locale = toLocale(key);
      if (locale === undefined) {
        this.errors.add([...path, key], 'ENUM_TYPE_COERCE', `Value "${key}" is not a valid enum value.`);
        continue;
      }
      if (typeof text !== 'string') {
        this.errors.add([...path, key], 'STRING_TYPE_CONVERT', `Could not interpret "${String(text)}" as string.`);
        continue;
      }
      check(text, [...path, key]);
      result[locale] = text;
    }
    return result;
  }

  optionalNumber(value: unknown, path: Path): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number') {
      this.errors.add(path, 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not a number.`);
      return undefined;
    }
    return value;
  }

  optionalBoolean(value: unknown, path: Path): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') {
      this.errors.add(path, 'BOOLEAN_TYPE_CONVERT', `Could not interpret "${String(value)}" as boolean.`);
      return undefined;
    }
    return value;
  }

  numberList(value: unknown, path: Path): number[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || !value.every((item): item is number => typeof item === 'number')) {
      this.errors.add(path, 'LIST_TYPE_CONVERT', 'Only iterables of numbers may be used here');
      return undefined;
    }
    return value;
  }

  options(value: unknown, path: Path, depth: number): RegisteredOption[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.errors.add(path, 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
      return undefined;
    }
    if (value.length > MAX_COMMAND_OPTIONS) {
      this.errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between 0 and ${MAX_COMMAND_OPTIONS} in length.`);
    }
    const options = value.flatMap((item, index) => {
      const option = this.option(item, [...path, index], depth);
      return option === undefined ? [] : [option];
    });
    const names = new Set<string>();
    let sawOptional = false;
    const subcommands = options.filter((option) => SUBCOMMAND_TYPES.has(option.type)).length;
    if (subcommands > 0 && subcommands < options.length) {
      this.errors.add(
        path,
        'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
        'Sub-command and sub-command group option types are mutually exclusive to all other types',
      );
    }
    options.forEach((option, index) => {
      if (names.has(option.name)) {
        this.errors.add([...path, index, 'name'], 'APPLICATION_COMMAND_OPTIONS_DUPLICATE_NAME', 'Option names must be unique');
      }
      names.add(option.name);
      if (option.required === true && sawOptional) {
        this.errors.add(
          [...path, index, 'required'],
          'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          'Required options must be placed before non-required options',
        );
      }
      if (option.required !== true) sawOptional = true;
    });
    return options;
  }

  option(value: unknown, path: Path, depth: number): RegisteredOption | undefined {
    if (!isRecord(value)) {
      this.errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return undefined;
    }
    const type = toOptionType(value['type']);
    if (type === undefined) {
      this.errors.add([...path, 'type'], 'ENUM_TYPE_COERCE', `Value "${String(value['type'])}" is not a valid enum value.`);
      return undefined;
    }
    const nestingAllowed =
      (type === ApplicationCommandOptionType.SubcommandGroup && depth === 0) ||
      (type === ApplicationCommandOptionType.Subcommand && depth <= 1);
    if (SUBCOMMAND_TYPES.has(type) && !nestingAllowed) {
      this.errors.add([...path, 'type'], 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'Sub-commands cannot be nested this deep');
    }
    const option: RegisteredOption = {
      type,
      name: this.name(value['name'], [...path, 'name'], true),
      description: this.description(value['description'], [...path, 'description'], true),
    };
    const nameLocalizations = this.localizations(value['name_localizations'], [...path, 'name_localizations'], (text, at) =>
      this.name(text, at, true),
    );
    if (nameLocalizations !== undefined) option.name_localizations = nameLocalizations;
    const descriptionLocalizations = this.localizations(
      value['description_localizations'],
      [...path, 'description_localizations'],
      (text, at) => this.description(text, at, true),
    );
    if (descriptionLocalizations !== undefined) option.description_localizations = descriptionLocalizations;
    const required = this.optionalBoolean(value['required'], [...path, 'required']);
    if (required !== undefined) option.required = required;
    const autocomplete = this.optionalBoolean(value['autocomplete'], [...path, 'autocomplete']);
    if (autocomplete !== undefined) option.autocomplete = autocomplete;
    if (autocomplete === true && !CHOICE_TYPES.has(type)) {
      this.errors.add(
        [...path, 'autocomplete'],
        'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INVALID',
        'Autocomplete is only for string, integer and number options',
      );
    }
    const choices = this.choices(value['choices'], [...path, 'choices'], type);
    if (choices !== undefined) {
      option.choices = choices;
      if (autocomplete === true && choices.length > 0) {
        this.errors.add(
          [...path, 'autocomplete'],
          'APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES_EXCLUSIVE',
          'Autocomplete cannot be set with choices',
        );
      }
    }
    if (SUBCOMMAND_TYPES.has(type)) {
      const options = this.options(value['options'], [...path, 'options'], depth + 1);
      if (options !== undefined) option.options = options;
    }
    const channelTypes = this.numberList(value['channel_types'], [...path, 'channel_types']);
    if (channelTypes !== undefined) option.channel_types = channelTypes;
    for (const key of ['min_value', 'max_value', 'min_length', 'max_length'] as const) {
      const bound = this.optionalNumber(value[key], [...path, key]);
      if (bound !== undefined) option[key] = bound;
    }
    return option;
  }

  choices(value: unknown, path: Path, type: ApplicationCommandOptionType): RegisteredChoice[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.errors.add(path, 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
      return undefined;
    }
    if (!CHOICE_TYPES.has(type) && value.length > 0) {
      this.errors.add(
        path,
        'APPLICATION_COMMAND_OPTION_CHOICES_INVALID',
        'Choices are only for string, integer and number options',
      );
    }
    if (value.length > MAX_COMMAND_CHOICES) {
      this.errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between 0 and ${MAX_COMMAND_CHOICES} in length.`);
    }
    return value.flatMap((item, index): RegisteredChoice[] => {
      const choice = readChoice(this.errors, item, [...path, index], type);
      if (choice === undefined) return [];
      if (isRecord(item)) {
        const localizations = this.localizations(item['name_localizations'], [...path, index, 'name_localizations'], (text, at) =>
          checkChoiceName(this.errors, text, at),
        );
        if (localizations !== undefined) choice.name_localizations = localizations;
      }
      return [choice];
    });
  }
}

function checkChoiceName(errors: FormErrors, name: string, path: Path): void {
  const length = discordLength(name);
  if (length < 1 || length > MAX_CHOICE_NAME) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${MAX_CHOICE_NAME} in length.`);
  }
}

/**
 * Reads one `{ name, value }` choice, as registered on an option or answered to an autocomplete.
 * `type` is the option type the value must fit.
 *
 * @example readChoice(errors, { name: 'Osaka', value: 'osaka' }, ['data', 'choices', 0], ApplicationCommandOptionType.String)
 */
export function readChoice(
  errors: FormErrors,
  value: unknown,
  path: Path,
  type: ApplicationCommandOptionType | undefined,
): RegisteredChoice | undefined {
  if (!isRecord(value)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return undefined;
  }
  const name = value['name'];
  const choiceValue = value['value'];
  if (typeof name !== 'string') {
    errors.add([...path, 'name'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return undefined;
  }
  checkChoiceName(errors, name, [...path, 'name']);
  if (typeof choiceValue === 'string') {
    if (discordLength(choiceValue) > MAX_CHOICE_STRING_VALUE) {
      errors.add([...path, 'value'], 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_CHOICE_STRING_VALUE} or fewer in length.`);
    }
    if (type !== undefined && type !== ApplicationCommandOptionType.String) {
      errors.add([...path, 'value'], 'NUMBER_TYPE_COERCE', `Value "${choiceValue}" is not a number.`);
    }
    return { name, value: choiceValue };
  }
  if (typeof choiceValue === 'number') {
    if (type === ApplicationCommandOptionType.String) {
      errors.add([...path, 'value'], 'STRING_TYPE_CONVERT', `Could not interpret "${choiceValue}" as string.`);
    }
    if (type === ApplicationCommandOptionType.Integer && !Number.isInteger(choiceValue)) {
      errors.add([...path, 'value'], 'NUMBER_TYPE_COERCE', `Value "${choiceValue}" is not int.`);
    }
    return { name, value: choiceValue };
  }
  errors.add([...path, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  return undefined;
}


function readCommand(reader: CommandReader, value: unknown, path: Path): CommandDraft | undefined {
  if (!isRecord(value)) {
    reader.errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return undefined;
  }
  const type = value['type'] === undefined ? ApplicationCommandType.ChatInput : toCommandType(value['type']);
  if (type === undefined) {
    reader.errors.add([...path, 'type'], 'ENUM_TYPE_COERCE', `Value "${String(value['type'])}" is not a valid enum value.`);
    return undefined;
  }
  const chatInput = type === ApplicationCommandType.ChatInput;
  const draft: CommandDraft = {
    type,
    name: reader.name(value['name'], [...path, 'name'], chatInput),
    description: reader.description(value['description'], [...path, 'description'], chatInput),
    default_member_permissions: null,
    nsfw: reader.optionalBoolean(value['nsfw'], [...path, 'nsfw']) ?? false,
  };
  const nameLocalizations = reader.localizations(value['name_localizations'], [...path, 'name_localizations'], (text, at) =>
    reader.name(text, at, chatInput),
  );
  if (nameLocalizations !== undefined) draft.name_localizations = nameLocalizations;
  const descriptionLocalizations = reader.localizations(
    value['description_localizations'],
    [...path, 'description_localizations'],
    (text, at) => reader.description(text, at, chatInput),
  );
  if (descriptionLocalizations !== undefined) draft.description_localizations = descriptionLocalizations;
  if (chatInput) {
    const options = reader.options(value['options'], [...path, 'options'], 0);
    if (options !== undefined) draft.options = options;
  }
  const permissions = value['default_member_permissions'];
  if (typeof permissions === 'string' && /^\d+$/.test(permissions)) draft.default_member_permissions = permissions;
  else if (permissions !== undefined && permissions !== null) {
    reader.errors.add([...path, 'default_member_permissions'], 'BASE_TYPE_BAD_INT', 'Must be a permission integer string.');
  }
  const contexts = reader.numberList(value['contexts'], [...path, 'contexts']);
  if (contexts !== undefined) draft.contexts = contexts;
  const integrationTypes = reader.numberList(value['integration_types'], [...path, 'integration_types']);
  if (integrationTypes !== undefined) draft.integration_types = integrationTypes;
  return draft;
}

/** All registered commands of one application, by scope. */
export class CommandRegistry {
  readonly #applicationId: string;
  readonly #nextId: () => string;
  readonly #scopes = new Map<string, RegisteredCommand[]>();

  /** @example new CommandRegistry(applicationId, snowflakes) */
  constructor(applicationId: string, nextId: () => string) {
    this.#applicationId = applicationId;
    this.#nextId = nextId;
  }

  /** The commands of a guild, or the global ones without `guildId`. */
  list(guildId?: string): RegisteredCommand[] {
    return this.#scopes.get(guildId ?? 'global') ?? [];
  }

  /** The command a user would invoke by `name` in `guildId`: guild commands shadow global ones. */
  find(name: string, guildId: string): RegisteredCommand | undefined {
    const isChatInput = (command: RegisteredCommand): boolean =>
      command.name === name && command.type === ApplicationCommandType.ChatInput;
    return this.list(guildId).find(isChatInput) ?? this.list().find(isChatInput);
  }

  /** `PUT …/commands`: replaces the whole scope, keeping the ids of names that stay. */
  replaceAll(body: unknown, guildId?: string): RegisteredCommand[] {
    const errors = new FormErrors();
    const reader = new CommandReader(errors);
    if (!Array.isArray(body)) {
      errors.add([], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
      errors.throwIfAny();
      return [];
    }
    const drafts = body.flatMap((item, index) => {
      const draft = readCommand(reader, item, [index]);
      return draft === undefined ? [] : [draft];
    });
    const seen = new Set<string>();
    drafts.forEach((draft, index) => {
      const key = `${draft.type}:${draft.name}`;
      if (seen.has(key)) {
        errors.add([index, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
      }
      seen.add(key);
    });
    for (const type of Object.values(ApplicationCommandType)) {
      if (typeof type === 'number' && drafts.filter((draft) => draft.type === type).length > MAX_COMMANDS_PER_TYPE) {
        errors.add([], 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_COMMANDS_PER_TYPE} or fewer in length.`);
      }
    }
    errors.throwIfAny();
    const previous = this.list(guildId);
    const stored = drafts.map((draft) => this.#store(draft, previous, guildId));
    this.#scopes.set(guildId ?? 'global', stored);
    return stored;
  }

  /** `POST …/commands`: creates, or overwrites the command with the same name and type. */
  upsert(body: unknown, guildId?: string): { command: RegisteredCommand; created: boolean } {
    const errors = new FormErrors();
    const draft = readCommand(new CommandReader(errors), body, []);
    errors.throwIfAny();
    if (draft === undefined) throw new DiscordApiError('invalidFormBody');
    const scope = this.list(guildId);
    const existing = scope.find((command) => command.name === draft.name && command.type === draft.type);
    const command = this.#store(draft, scope, guildId);
    this.#scopes.set(
      guildId ?? 'global',
      existing === undefined ? [...scope, command] : scope.map((item) => (item === existing ? command : item)),
    );
    return { command, created: existing === undefined };
  }

  /** `GET …/commands/{id}`. */
  get(id: string, guildId?: string): RegisteredCommand {
    const command = this.list(guildId).find((item) => item.id === id);
    if (command === undefined) throw new DiscordApiError('unknownCommand');
    return command;
  }

  /** `PATCH …/commands/{id}`: the sent fields over the stored ones. */
  edit(id: string, body: unknown, guildId?: string): RegisteredCommand {
    const existing = this.get(id, guildId);
    const merged: Record<string, unknown> = { ...existing, ...(isRecord(body) ? body : {}) };
    const errors = new FormErrors();
    const draft = readCommand(new CommandReader(errors), merged, []);
    errors.throwIfAny();
    if (draft === undefined) throw new DiscordApiError('invalidFormBody');
    const command = { ...this.#store(draft, [], guildId), id: existing.id };
    this.#scopes.set(
      guildId ?? 'global',
      this.list(guildId).map((item) => (item.id === id ? command : item)),
    );
    return command;
  }

  /** `DELETE …/commands/{id}`. */
  delete(id: string, guildId?: string): void {
    this.get(id, guildId);
    this.#scopes.set(
      guildId ?? 'global',
      this.list(guildId).filter((item) => item.id !== id),
    );
  }

  #store(draft: CommandDraft, previous: readonly RegisteredCommand[], guildId: string | undefined): RegisteredCommand {
    const kept = previous.find((command) => command.name === draft.name && command.type === draft.type);
    return {
      ...draft,
      id: kept?.id ?? this.#nextId(),
      application_id: this.#applicationId,
      ...(guildId === undefined ? {} : { guild_id: guildId }),
      version: this.#nextId(),
    };
  }
}
