import type { Logger } from '../log.js';
import type { DigestSettings, DigestStore } from '../store/digest-store.js';
import { isDue, localDate } from './digest-schedule.js';

/** Why a post did not go out; `permanent` when retrying cannot help (no access, channel gone). */
export class PostFailure extends Error {
  constructor(
    readonly reason: string,
    readonly permanent: boolean,
  ) {
    super(reason);
    this.name = 'PostFailure';
  }
}

/** Where digests go: Discord in the bot, anything that records posts in tests. */
export interface DigestPoster {
  /** Post the digest for `localDate`; resolves with the message id, rejects with a PostFailure. */
  post(settings: DigestSettings, localDate: string): Promise<string>;
  /**
   * The digest for `localDate` if it is already in the channel — the process stopped after posting
   * and before recording it. Null when it is not there or the channel cannot be read.
   */
  findPosted(settings: DigestSettings, localDate: string): Promise<string | null>;
}

export interface DigestRunnerOptions {
  readonly store: DigestStore;
  readonly poster: DigestPoster;
  readonly log: Logger;
  readonly now: () => Date;
  /** First retry after this long, doubling per failure up to `maxBackoffMs`. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
}

/** A channel refusing us (no access, deleted) this many times in a row turns the digest off. */
export const PERMANENT_FAILURE_LIMIT = 3;
/** Any failure this many times in a row turns it off. */
export const FAILURE_LIMIT = 8;
const DEFAULT_BACKOFF_MS = 30_000;
const DEFAULT_MAX_BACKOFF_MS = 30 * 60_000;

function asFailure(error: unknown): PostFailure {
  if (error instanceof PostFailure) return error;
  return new PostFailure(error instanceof Error ? error.message : String(error), false);
}

/**
 * One pass over every server with the digest on: post what is due, finish a claim a stopped
 * process left behind, give up on days that have passed. The day is claimed in the database before
 * the message goes out, so a day is posted at most once whatever stops the process when.
 *
 * @example const run = digestRunner({ store, poster, log, now: () => new Date() }); await run();
 */
export function digestRunner(options: DigestRunnerOptions): () => Promise<void> {
  const { store, poster, log } = options;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;

  async function runFor(settings: DigestSettings): Promise<void> {
    const now = options.now();
    if (settings.retryAt !== null && now.getTime() < settings.retryAt.getTime()) return;
    const date = localDate(now, settings.timezone);
    for (const stale of store.abandonBefore(settings.guildId, date)) {
      log.warn({ guildId: stale.guildId, localDate: stale.localDate }, 'digest day passed before it could be posted; skipped');
    }
    const existing = store.post(settings.guildId, date);
    if (existing !== null && existing.status !== 'claimed') return;
    if (existing === null) {
      if (!isDue(now, settings.time, settings.timezone)) return;
      if (!store.claim(settings.guildId, date, now)) return;
    }
    try {
      // A claim found at the start of a pass was made by an earlier pass or process that may have
      // posted before stopping: look before posting again.
      const found = existing === null ? null : await poster.findPosted(settings, date);
      if (found !== null) log.info({ guildId: settings.guildId, localDate: date, messageId: found }, 'digest was already posted; recorded');
      const messageId = found ?? (await poster.post(settings, date));
      store.markPosted(settings.guildId, date, messageId, options.now());
      if (found === null) log.info({ guildId: settings.guildId, channelId: settings.channelId, localDate: date, messageId }, 'digest posted');
    } catch (error) {
      const failure = asFailure(error);
      const delay = Math.min(maxBackoffMs, backoffMs * 2 ** settings.failures);
      const failures = store.recordFailure(settings.guildId, failure.reason, new Date(now.getTime() + delay), now);
      const giveUp = failures >= FAILURE_LIMIT || (failure.permanent && failures >= PERMANENT_FAILURE_LIMIT);
      log.warn({ guildId: settings.guildId, channelId: settings.channelId, localDate: date, failures, retryInMs: giveUp ? null : delay, reason: failure.reason }, 'digest post failed');
      if (giveUp) {
        store.disableAfterFailures(settings.guildId, failure.reason, now);
        log.error({ guildId: settings.guildId, channelId: settings.channelId, reason: failure.reason }, 'digest turned off after repeated failures');
      }
    }
  }

  async function pass(): Promise<void> {
    for (const settings of store.enabled()) {
      try {
        await runFor(settings);
      } catch (error) {
        // A bug or a database error for one server must not starve the others.
        log.error({ guildId: settings.guildId, err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, 'digest pass failed');
      }
    }
  }

  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    // Passes never overlap. A call during a pass (a moderator's `set`) gets one more pass after it,
    // so a change made mid-pass is not missed.
    if (running !== null) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await pass();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
