import type { Interaction, RepliableInteraction } from 'discord.js';
import { UserError } from '../features/user-error.js';
import type { Logger } from '../log.js';
import { renderApology, renderCooldown, renderNotice, renderUserError, type DiscordReply, type EphemeralReply } from '../render/discord.js';
import { localeFrom, messages } from '../render/messages.js';
import type { BoundedMemo } from '../search/bounded-memo.js';
import type { Command, CommandContext } from './command.js';
import type { ComputeQueue } from './compute-queue.js';
import type { Cooldown } from './cooldown.js';
import { errorForLog } from './error-for-log.js';
import { replyWhenReady } from './reply-when-ready.js';

export interface RouterOptions {
  readonly commands: ReadonlyMap<string, Command>;
  readonly context: Omit<CommandContext, 'compute' | 'answer'>;
  readonly queue: ComputeQueue;
  /** How long a reply may take before its interaction is deferred (DEFER_AFTER_MS; 0 defers first). */
  readonly deferAfterMs: number;
  /** An interaction finding more work than this queued ahead is deferred at once (BACKLOG_DEFER_MS). */
  readonly backlogDeferMs: number;
  /** Replies made by `answer` with a key (by command and key), for the next interaction that asks the same. */
  readonly replies: BoundedMemo<string, Promise<DiscordReply>>;
  readonly cooldown: Cooldown;
  readonly log: Logger;
}

/** Who did what, for logs: never the interaction token. */
function describe(interaction: Interaction): Record<string, string | null> {
  return {
    interactionId: interaction.id,
    userId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : null,
    customId: interaction.isMessageComponent() ? interaction.customId : null,
  };
}

async function dispatch(interaction: Interaction, options: RouterOptions, context: CommandContext): Promise<void> {
  const { commands, cooldown } = options;
  if (interaction.isChatInputCommand()) {
    const command = commands.get(interaction.commandName);
    // A command left registered by an older version: the user is told, the log warns (it is no bug here).
    if (command === undefined) throw new UserError('unknown_command', { command: interaction.commandName });
    // Per user and command: /ask then /search at once is normal use, /ask five times a second is not.
    const wait = command.cooldown === false ? 0 : cooldown.take(`${interaction.user.id}:${interaction.commandName}`);
    if (wait > 0) {
      await interaction.reply(renderCooldown(wait, localeFrom(interaction.locale)));
      return;
    }
    await command.execute(interaction, context);
  } else if (interaction.isAutocomplete()) {
    const command = commands.get(interaction.commandName);
    await (command?.autocomplete === undefined ? interaction.respond([]) : command.autocomplete(interaction, context));
  } else if (interaction.isButton()) {
    const command = commands.get(interaction.customId.split(':', 1)[0] ?? '');
    if (command?.button === undefined) {
      await interaction.reply(renderNotice(messages(localeFrom(interaction.locale)).stale));
      return;
    }
    await command.button(interaction, context);
  }
}

/**
 * Tell the user what went wrong, whatever state the interaction is in: a deferred reply is edited
 * (its visibility was fixed when it was deferred), an answered one gets an ephemeral follow-up, an
 * unanswered one an ephemeral reply. So a reply never arrives twice and "thinking…" never stays.
 */
async function answerFailure(interaction: RepliableInteraction, reply: EphemeralReply): Promise<void> {
  if (interaction.deferred && !interaction.replied && interaction.ephemeral !== null) {
    const { flags: _ephemeralAlready, ...edit } = reply;
    await interaction.editReply(edit);
  } else if (interaction.deferred || interaction.replied) {
    await interaction.followUp(reply);
  } else {
    await interaction.reply(reply);
  }
}

/** The reply remembered for `key`, or `make`'s, remembered unless it fails. */
async function remembered(replies: BoundedMemo<string, Promise<DiscordReply>>, key: string, make: () => Promise<DiscordReply>): Promise<DiscordReply> {
  const reply = replies.get(key, make);
  try {
    return await reply;
  } catch (error) {
    replies.delete(key);
    throw error;
  }
}

/**
 * The one catch site for interactions. A UserError becomes a short ephemeral explanation; anything
 * else is a bug: logged with context, and the user gets an apology. The returned handler never
 * rejects, so no handler can take the process down.
 *
 * @example client.on(Events.InteractionCreate, (interaction) => track(route(interaction)));
 */
export function createRouter(options: RouterOptions): (interaction: Interaction) => Promise<void> {
  const { log } = options;
  /** How many interactions are being answered now, per reply key: the same question asked again. */
  const answering = new Map<string, number>();
  return async (interaction) => {
    const started = performance.now();
    // Held until the handler asks for compute time (it has deferred by then) or ends.
    const acknowledged = options.queue.arrived();
    const compute = <T>(job: () => T): Promise<T> => {
      acknowledged();
      return options.queue.run(job);
    };
    const answer = async (job: () => DiscordReply, key?: string): Promise<void> => {
      if (!interaction.isRepliable()) throw new Error('answer() needs an interaction that can be replied to');
      const remembers = key === undefined ? undefined : `${interaction.isCommand() ? interaction.commandName : ''}\u0000${key}`;
      // Only work that waits behind the backlog is deferred at once: a reply remembered, or being made
      // for someone who asked the same a moment ago, skips the queue.
      const shared = remembers !== undefined && (options.replies.has(remembers) || (answering.get(remembers) ?? 0) > 0);
      const backlogged = !shared && options.queue.backlogMs() > options.backlogDeferMs;
      const timing = { arrivedAt: started, deferAfterMs: backlogged ? 0 : options.deferAfterMs, holdQueue: () => options.queue.arrived() };
      const make = (): Promise<DiscordReply> => {
        // A remembered reply skips the queue, so it must release this interaction's hold itself.
        acknowledged();
        return remembers === undefined ? compute(job) : remembered(options.replies, remembers, () => compute(job));
      };
      if (remembers !== undefined) answering.set(remembers, (answering.get(remembers) ?? 0) + 1);
      try {
        await replyWhenReady(interaction, make, timing);
      } finally {
        if (remembers !== undefined) {
          const left = (answering.get(remembers) ?? 1) - 1;
          if (left > 0) answering.set(remembers, left);
          else answering.delete(remembers);
        }
      }
    };
    try {
      await dispatch(interaction, options, { ...options.context, compute, answer });
      log.debug({ ...describe(interaction), ms: Math.round(performance.now() - started) }, 'interaction handled');
    } catch (error) {
      const userError = error instanceof UserError;
      if (userError && error.code === 'unknown_command') log.warn({ ...describe(interaction) }, 'a command this bot no longer has was used: run npm run deploy to update the registration');
      else if (userError) log.debug({ ...describe(interaction), code: error.code }, 'user error');
      else log.error({ ...describe(interaction), err: errorForLog(error) }, 'interaction failed');
      try {
        if (interaction.isAutocomplete()) {
          if (!interaction.responded) await interaction.respond([]);
        } else if (interaction.isRepliable()) {
          const locale = localeFrom(interaction.locale);
          await answerFailure(interaction, userError ? renderUserError(error, locale) : renderApology(locale));
        }
      } catch (replyError) {
        log.warn({ ...describe(interaction), err: errorForLog(replyError) }, 'could not tell the user about a failure');
      }
    } finally {
      acknowledged();
    }
  };
}
