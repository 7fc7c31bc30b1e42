import { createHash } from 'node:crypto';
import path from 'node:path';
import { DiscordAPIError, RESTJSONErrorCodes, type Client } from 'discord.js';
import type { AppState } from '../boot.js';
import { digest } from '../features/digest.js';
import { asFailure, digestRunner, PostFailure, type DigestPoster } from '../features/digest-runner.js';
import type { Logger } from '../log.js';
import { isDigestFooter, renderDigest } from '../render/digest.js';
import { DIGEST_MIGRATIONS, digestStore, type DigestDay, type DigestStore } from '../store/digest-store.js';
import { openDatabase } from '../store/open-database.js';
import { errorForLog } from './error-for-log.js';

/** The digest running beside the bot: its store, and a way to run a pass at once after a change. */
export interface DigestService {
  readonly store: DigestStore;
  readonly now: () => Date;
  start(): void;
  /** Run a pass now (after `/digest set`); resolves when it is done. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export interface DigestServiceOptions {
  readonly now?: () => Date;
  /** How often the stored settings are looked at; a post goes out at most this late. */
  readonly tickMs?: number;
}

export const DIGEST_DATABASE = 'bot.sqlite';
const DEFAULT_TICK_MS = 20_000;
/** How far back a channel is searched for a digest posted just before a stop. */
const HISTORY_LIMIT = 50;

/** Discord's answers that no retry will change: the channel is gone or closed to the bot. */
const PERMANENT_CODES = new Set<number | string>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.UnknownGuild,
]);

function postFailure(error: unknown): PostFailure {
  if (error instanceof DiscordAPIError) return new PostFailure(`${error.status} ${error.message}`, PERMANENT_CODES.has(error.code));
  return asFailure(error);
}

/**
 * Open the digest database in `dataDir`; a damaged file is reported and set aside, never fatal.
 *
 * @example const store = openDigestStore(config.dataDir, log);
 */
export function openDigestStore(dataDir: string, log: Logger, now: Date = new Date()): DigestStore {
  const opened = openDatabase(path.join(dataDir, DIGEST_DATABASE), DIGEST_MIGRATIONS, now);
  if (opened.movedAside !== null) {
    log.error({ movedAside: opened.movedAside, problem: opened.problem }, 'digest database was damaged; moved aside and started clean (digest settings must be set again)');
  }
  return digestStore(opened.db);
}

/**
 * A nonce Discord keeps for a few minutes: a retried send of the same day's digest (discord.js
 * retries a POST after a 5xx or a timeout, when the message may already exist) is dropped, not posted twice.
 */
export function digestNonce(day: DigestDay): string {
  return `d${createHash('sha256').update(`${day.guildId}:${day.localDate}:${day.timezone}`).digest('hex').slice(0, 24)}`;
}

function discordPoster(client: Client<true>, state: AppState, log: Logger): DigestPoster {
  async function sendableChannel(channelId: string) {
    const channel = await client.channels.fetch(channelId);
    if (channel === null || !channel.isSendable() || !channel.isTextBased()) throw new PostFailure(`channel ${channelId} is gone or not a text channel`, true);
    return channel;
  }
  return {
    async post(settings, day) {
      try {
        const channel = await sendableChannel(settings.channelId);
        const reply = renderDigest(digest(state, { serverId: settings.guildId, date: day.localDate }), settings.locale);
        const message = await channel.send({ ...reply, nonce: digestNonce(day), enforceNonce: true });
        return message.id;
      } catch (error) {
        throw postFailure(error);
      }
    },
    async findPosted(channelId, day) {
      try {
        const channel = await sendableChannel(channelId);
        if (!('messages' in channel)) return null;
        const recent = await channel.messages.fetch({ limit: HISTORY_LIMIT });
        const found = recent.find((message) => message.author.id === client.user.id && isDigestFooter(message.embeds[0]?.footer?.text, day.localDate));
        return found?.id ?? null;
      } catch (error) {
        // Unreadable history must not block the post: the nonce still guards a recent one.
        log.warn({ guildId: day.guildId, err: errorForLog(error) }, 'could not look for an earlier digest post');
        return null;
      }
    },
  };
}

/**
 * Post each server's digest on its schedule while the bot runs, from `start()` (called once the
 * client is ready): a pass at once — catching up on a day the bot was down for, or finishing a claim
 * a stopped process left — then one every `tickMs`.
 *
 * @example const digests = createDigestService(client, state, store, log); digests.start(); await digests.stop();
 */
export function createDigestService(client: Client, state: AppState, store: DigestStore, log: Logger, options: DigestServiceOptions = {}): DigestService {
  const now = options.now ?? (() => new Date());
  let run: (() => Promise<void>) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();

  // Never rejects: a failed pass is logged and the next tick tries again.
  const pass = (): Promise<void> => {
    if (run === undefined || stopped) return current;
    current = run().catch((error: unknown) => log.error({ err: errorForLog(error) }, 'digest pass failed'));
    return current;
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => void pass().finally(schedule), options.tickMs ?? DEFAULT_TICK_MS);
  };

  return {
    store,
    now,
    start() {
      if (!client.isReady()) throw new Error('the digest service starts once the client is ready');
      run = digestRunner({ store, poster: discordPoster(client, state, log), log, now });
      void pass().finally(schedule);
    },
    runNow: pass,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      await current;
      store.close();
    },
  };
}
