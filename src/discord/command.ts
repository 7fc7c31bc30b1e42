import {
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { AppState } from '../boot.js';
import type { Logger } from '../log.js';
import type { DiscordReply } from '../render/discord.js';
import type { DigestService } from './digest-service.js';

/** What a command handler gets besides its interaction: the state built once at start-up. */
export interface CommandContext {
  readonly state: AppState;
  readonly log: Logger;
  /** The daily digest's settings and scheduler. */
  readonly digests: DigestService;
  /**
   * Runs a search or an answer; call it after deferring. A burst of interactions is thereby all
   * acknowledged before any of it is computed (see ComputeQueue).
   */
  readonly compute: <T>(job: () => T) => Promise<T>;
  /**
   * Makes the command's public reply in the compute queue and responds with it: directly when it is
   * ready soon after the interaction arrived, else after deferring (see replyWhenReady). Call it
   * instead of deferring, once the options are checked. A reply that depends only on `key` (the
   * options and the locale, no user) is made once and reused while the bot remembers it.
   */
  readonly answer: (job: () => DiscordReply, key?: string) => Promise<void>;
}

export type CommandExecute = (interaction: ChatInputCommandInteraction, context: CommandContext) => Promise<void>;
export type CommandAutocomplete = (interaction: AutocompleteInteraction, context: CommandContext) => Promise<void>;
/** Handles the buttons whose custom_id starts with `<command name>:`. */
export type CommandButton = (interaction: ButtonInteraction, context: CommandContext) => Promise<void>;

/**
 * A module in `commands/`: `data` and `execute`, optionally `autocomplete` and `button`, and
 * `cooldown: false` for a command too cheap to be worth a per-user cooldown.
 */
export interface Command {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  readonly execute: CommandExecute;
  readonly autocomplete?: CommandAutocomplete;
  readonly button?: CommandButton;
  readonly cooldown?: boolean;
}

function isHandler(value: unknown): value is (...args: never[]) => Promise<void> {
  return typeof value === 'function';
}

/** Whether a loaded module has the shape of a command (checked at the edge: modules are outside data). */
export function isCommand(value: unknown): value is Command {
  if (typeof value !== 'object' || value === null) return false;
  const module: { readonly [key: string]: unknown } = { ...value };
  return (
    module['data'] instanceof SlashCommandBuilder &&
    isHandler(module['execute']) &&
    (module['autocomplete'] === undefined || isHandler(module['autocomplete'])) &&
    (module['button'] === undefined || isHandler(module['button'])) &&
    (module['cooldown'] === undefined || typeof module['cooldown'] === 'boolean')
  );
}
