import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.js';
import type { DigestDay, DigestPost, DigestSettings, DigestStore } from '../store/digest-store.js';
import { isDue, localDate } from './digest-schedule.js';

/** Why a post did not go out; `refused` when retrying cannot help (no access, channel gone). */
export class PostFailure extends Error {
  constructor(
    readonly reason: string,
    readonly refused: boolean,
  ) {
    super(reason);
    this.name = 'PostFailure';
  }
}

/** Where digests go: Discord in the bot, anything that records posts in tests. */
export interface DigestPoster {
  /** Post the digest of `day` in the settings' channel; resolves with the message id, rejects with a PostFailure. */
  post(settings: DigestSettings, day: DigestDay): Promise<string>;
  /**
   * The digest of `day` if it is already in `channelId` — a process stopped after posting and
   * before recording it. Null when it is not there or the channel cannot be read.
   */
  findPosted(channelId: string, day: DigestDay): Promise<string | null>;
}

export interface DigestRunnerOptions {
  readonly store: DigestStore;
  readonly poster: DigestPoster;
  readonly log: Logger;
  readonly now: () => Date;
  /** Who claims: one id per process, so a claim left by a stopped process can be told from a live one's. */
  readonly owner?: string;
  /** First retry after this long, doubling per failure up to `maxBackoffMs`. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
}

/** A channel refusing posts (no access, deleted) this many times in a row turns the digest off. */
export const REFUSAL_LIMIT = 3;
/**
 * A claim whose owner has not tried for this long is taken over: its process stopped. Longer than
 * one post can take (discord.js: 15 s a request, 4 attempts).
 */
export const CLAIM_LEASE_MS = 2 * 60_000;
const DEFAULT_BACKOFF_MS = 30_000;
const DEFAULT_MAX_BACKOFF_MS = 30 * 60_000;

/** Any error as a PostFailure: itself when it is one, else a failure worth retrying. */
export function asFailure(error: unknown): PostFailure {
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
  const owner = options.owner ?? randomUUID();
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;

  /** The claim this pass may work on for today, and whether it was made just now. */
  function claimFor(settings: DigestSettings, day: DigestDay, now: Date): { claim: DigestPost; fresh: boolean } | null {
    const existing = store.post(day);
    if (existing === null) {
      if (!isDue(now, settings.time, settings.timezone)) return null;
      // A claim made under another zone earlier today (the zone was changed) counts as today's.
      const claim = store.claim(day, owner, now, (claimedAt) => localDate(claimedAt, settings.timezone) === day.localDate);
      return claim === null ? null : { claim, fresh: true };
    }
    if (existing.status !== 'claimed') return null;
    const claim = store.takeOver(day, owner, now, CLAIM_LEASE_MS);
    return claim === null ? null : { claim, fresh: false };
  }

  async function runFor(settings: DigestSettings): Promise<void> {
    const now = options.now();
    if (settings.retryAt !== null && now.getTime() < settings.retryAt.getTime()) return;
    const day: DigestDay = { guildId: settings.guildId, localDate: localDate(now, settings.timezone), timezone: settings.timezone };
    for (const stale of store.abandonBefore(settings.guildId, day.localDate)) {
      log.warn({ guildId: stale.guildId, localDate: stale.localDate }, 'digest day passed before it could be posted; skipped');
    }
    const taken = claimFor(settings, day, now);
    if (taken === null) return;
    try {
      // An older claim may have been posted by a process that stopped before recording it: look in
      // the channel it was made for before posting again.
      const found = taken.fresh ? null : await poster.findPosted(taken.claim.channelId, day);
      if (found !== null) {
        store.markPosted(day, taken.claim.channelId, found, options.now());
        log.info({ guildId: day.guildId, localDate: day.localDate, messageId: found }, 'digest was already posted; recorded');
        return;
      }
      const messageId = await poster.post(settings, day);
      store.markPosted(day, settings.channelId, messageId, options.now());
      log.info({ guildId: day.guildId, channelId: settings.channelId, localDate: day.localDate, messageId }, 'digest posted');
    } catch (error) {
      const failure = asFailure(error);
      const delay = Math.min(maxBackoffMs, backoffMs * 2 ** settings.failures);
      const counts = store.recordFailure(settings.guildId, { error: failure.reason, refused: failure.refused, retryAt: new Date(now.getTime() + delay) }, now);
      // Only refusals turn the digest off: a Discord outage, however long, is waited out.
      const giveUp = counts.refusals >= REFUSAL_LIMIT;
      log.warn({ guildId: day.guildId, channelId: settings.channelId, localDate: day.localDate, ...counts, retryInMs: giveUp ? null : delay, reason: failure.reason }, 'digest post failed');
      if (giveUp) {
        store.disableAfterRefusals(settings.guildId, failure.reason, now);
        log.error({ guildId: day.guildId, channelId: settings.channelId, reason: failure.reason }, 'digest turned off: the channel keeps refusing posts');
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
