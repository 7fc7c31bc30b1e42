import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Migration } from './open-database.js';

/**
 * Schema versions, applied in order by `openDatabase`. A new column or table is a new entry here;
 * an entry is never edited once released.
 */
export const DIGEST_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE digest_settings (
        guild_id        TEXT PRIMARY KEY,
        channel_id      TEXT NOT NULL,
        time            TEXT NOT NULL,
        timezone        TEXT NOT NULL,
        locale          TEXT NOT NULL,
        enabled         INTEGER NOT NULL,
        disabled_reason TEXT,
        failures        INTEGER NOT NULL DEFAULT 0,
        retry_at        TEXT,
        last_error      TEXT,
        updated_at      TEXT NOT NULL
      );
      CREATE TABLE digest_posts (
        guild_id    TEXT NOT NULL,
        local_date  TEXT NOT NULL,
        channel_id  TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'abandoned')),
        claimed_at  TEXT NOT NULL,
        message_id  TEXT,
        posted_at   TEXT,
        PRIMARY KEY (guild_id, local_date)
      );
    `,
  },
];

export type DigestLocale = 'ja' | 'en';

/** A server's digest settings, as a moderator set them, plus what the scheduler learnt since. */
export interface DigestSettings {
  readonly guildId: string;
  readonly channelId: string;
  /** Local time of day, `HH:MM`. */
  readonly time: string;
  /** IANA zone name. */
  readonly timezone: string;
  readonly locale: DigestLocale;
  readonly enabled: boolean;
  /** Set when the scheduler gave up on the channel (null when a moderator turned it off). */
  readonly disabledReason: string | null;
  /** Posting failures in a row, reset by a success or a new `set`. */
  readonly failures: number;
  /** No attempt before this instant (backoff after a failure). */
  readonly retryAt: Date | null;
  readonly lastError: string | null;
}

export type PostStatus = 'claimed' | 'posted' | 'abandoned';

/** One server's digest for one local date: claimed before posting, posted once. */
export interface DigestPost {
  readonly guildId: string;
  readonly localDate: string;
  readonly channelId: string;
  readonly status: PostStatus;
  readonly claimedAt: Date;
  readonly messageId: string | null;
  readonly postedAt: Date | null;
}

// Rows are outside data to TypeScript: checked when read, like any file.
const settingsRow = z.object({
  guild_id: z.string(),
  channel_id: z.string(),
  time: z.string(),
  timezone: z.string(),
  locale: z.enum(['ja', 'en']),
  enabled: z.number(),
  disabled_reason: z.string().nullable(),
  failures: z.number(),
  retry_at: z.string().nullable(),
  last_error: z.string().nullable(),
});

const postRow = z.object({
  guild_id: z.string(),
  local_date: z.string(),
  channel_id: z.string(),
  status: z.enum(['claimed', 'posted', 'abandoned']),
  claimed_at: z.string(),
  message_id: z.string().nullable(),
  posted_at: z.string().nullable(),
});

function toSettings(raw: unknown): DigestSettings {
  const row = settingsRow.parse(raw);
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    time: row.time,
    timezone: row.timezone,
    locale: row.locale,
    enabled: row.enabled === 1,
    disabledReason: row.disabled_reason,
    failures: row.failures,
    retryAt: row.retry_at === null ? null : new Date(row.retry_at),
    lastError: row.last_error,
  };
}

function toPost(raw: unknown): DigestPost {
  const row = postRow.parse(raw);
  return {
    guildId: row.guild_id,
    localDate: row.local_date,
    channelId: row.channel_id,
    status: row.status,
    claimedAt: new Date(row.claimed_at),
    messageId: row.message_id,
    postedAt: row.posted_at === null ? null : new Date(row.posted_at),
  };
}

export interface DigestStore {
  /** Turn the digest on (or change it) for a server; clears any failure state. */
  set(settings: { guildId: string; channelId: string; time: string; timezone: string; locale: DigestLocale }, now: Date): DigestSettings;
  /** Turn it off, keeping the settings for `status`. False when there was nothing to turn off. */
  turnOff(guildId: string, now: Date): boolean;
  settings(guildId: string): DigestSettings | null;
  enabled(): DigestSettings[];
  /**
   * Take the server's digest for `localDate`: true when this call made the claim, false when the
   * day was already claimed (posted, in flight, or abandoned) or the digest is off.
   */
  claim(guildId: string, localDate: string, now: Date): boolean;
  post(guildId: string, localDate: string): DigestPost | null;
  lastPosted(guildId: string): DigestPost | null;
  markPosted(guildId: string, localDate: string, messageId: string, now: Date): void;
  /** Claims of earlier days that never went out: too late to post, recorded as such. */
  abandonBefore(guildId: string, localDate: string): DigestPost[];
  /** Count one more failure; returns the count. */
  recordFailure(guildId: string, error: string, retryAt: Date, now: Date): number;
  disableAfterFailures(guildId: string, reason: string, now: Date): void;
  close(): void;
}

/**
 * The digest's settings and post records on an open, migrated database.
 *
 * @example const store = digestStore(openDatabase(file, DIGEST_MIGRATIONS, new Date()).db);
 */
export function digestStore(db: Database.Database): DigestStore {
  const selectSettings = db.prepare('SELECT * FROM digest_settings WHERE guild_id = ?');
  const selectPost = db.prepare('SELECT * FROM digest_posts WHERE guild_id = ? AND local_date = ?');
  const claimDay = db.transaction((guildId: string, localDate: string, now: string): boolean => {
    const settings = db.prepare('SELECT channel_id FROM digest_settings WHERE guild_id = ? AND enabled = 1').get(guildId);
    const row = z.object({ channel_id: z.string() }).optional().parse(settings);
    if (row === undefined) return false;
    const inserted = db
      .prepare(`INSERT OR IGNORE INTO digest_posts (guild_id, local_date, channel_id, status, claimed_at) VALUES (?, ?, ?, 'claimed', ?)`)
      .run(guildId, localDate, row.channel_id, now);
    return inserted.changes === 1;
  });

  return {
    set(settings, now) {
      db.prepare(
        `INSERT INTO digest_settings (guild_id, channel_id, time, timezone, locale, enabled, disabled_reason, failures, retry_at, last_error, updated_at)
         VALUES (@guildId, @channelId, @time, @timezone, @locale, 1, NULL, 0, NULL, NULL, @now)
         ON CONFLICT (guild_id) DO UPDATE SET channel_id = @channelId, time = @time, timezone = @timezone, locale = @locale,
           enabled = 1, disabled_reason = NULL, failures = 0, retry_at = NULL, last_error = NULL, updated_at = @now`,
      ).run({ ...settings, now: now.toISOString() });
      // A claim still in flight follows the server to its new channel.
      db.prepare(`UPDATE digest_posts SET channel_id = ? WHERE guild_id = ? AND status = 'claimed'`).run(settings.channelId, settings.guildId);
      return toSettings(selectSettings.get(settings.guildId));
    },
    turnOff(guildId, now) {
      const changed = db.prepare('UPDATE digest_settings SET enabled = 0, disabled_reason = NULL, updated_at = ? WHERE guild_id = ? AND enabled = 1').run(now.toISOString(), guildId);
      return changed.changes === 1;
    },
    settings(guildId) {
      const row = selectSettings.get(guildId);
      return row === undefined ? null : toSettings(row);
    },
    enabled() {
      return db.prepare('SELECT * FROM digest_settings WHERE enabled = 1 ORDER BY guild_id').all().map(toSettings);
    },
    claim(guildId, localDate, now) {
      // IMMEDIATE: the check and the insert hold the write lock together, so two processes on one
      // file cannot both claim the day.
      return claimDay.immediate(guildId, localDate, now.toISOString());
    },
    post(guildId, localDate) {
      const row = selectPost.get(guildId, localDate);
      return row === undefined ? null : toPost(row);
    },
    lastPosted(guildId) {
      const row = db.prepare(`SELECT * FROM digest_posts WHERE guild_id = ? AND status = 'posted' ORDER BY local_date DESC LIMIT 1`).get(guildId);
      return row === undefined ? null : toPost(row);
    },
    markPosted(guildId, localDate, messageId, now) {
      db.transaction(() => {
        db.prepare(`UPDATE digest_posts SET status = 'posted', message_id = ?, posted_at = ? WHERE guild_id = ? AND local_date = ?`).run(
          messageId,
          now.toISOString(),
          guildId,
          localDate,
        );
        db.prepare('UPDATE digest_settings SET failures = 0, retry_at = NULL, last_error = NULL WHERE guild_id = ?').run(guildId);
      })();
    },
    abandonBefore(guildId, localDate) {
      const stale = db
        .prepare(`SELECT * FROM digest_posts WHERE guild_id = ? AND local_date < ? AND status = 'claimed'`)
        .all(guildId, localDate)
        .map(toPost);
      db.prepare(`UPDATE digest_posts SET status = 'abandoned' WHERE guild_id = ? AND local_date < ? AND status = 'claimed'`).run(guildId, localDate);
      return stale;
    },
    recordFailure(guildId, error, retryAt, now) {
      db.prepare('UPDATE digest_settings SET failures = failures + 1, retry_at = ?, last_error = ?, updated_at = ? WHERE guild_id = ?').run(
        retryAt.toISOString(),
        error,
        now.toISOString(),
        guildId,
      );
      return toSettings(selectSettings.get(guildId)).failures;
    },
    disableAfterFailures(guildId, reason, now) {
      db.prepare('UPDATE digest_settings SET enabled = 0, disabled_reason = ?, retry_at = NULL, updated_at = ? WHERE guild_id = ?').run(reason, now.toISOString(), guildId);
    },
    close() {
      db.close();
    },
  };
}
