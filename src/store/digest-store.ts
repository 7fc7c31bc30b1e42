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
        refusals        INTEGER NOT NULL DEFAULT 0,
        retry_at        TEXT,
        last_error      TEXT,
        updated_at      TEXT NOT NULL
      );
      -- One row per server and local day (in the zone set at the time): claimed before the post goes
      -- out, by one process (owner) at a time, then posted.
      CREATE TABLE digest_posts (
        guild_id    TEXT NOT NULL,
        local_date  TEXT NOT NULL,
        timezone    TEXT NOT NULL,
        channel_id  TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'abandoned')),
        claimed_at  TEXT NOT NULL,
        owner       TEXT NOT NULL,
        attempt_at  TEXT NOT NULL,
        message_id  TEXT,
        posted_at   TEXT,
        PRIMARY KEY (guild_id, local_date, timezone)
      );
      CREATE INDEX digest_posts_by_claim ON digest_posts (guild_id, claimed_at);
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
  /** Posting failures in a row, reset by a success, a new day or a new `set`. */
  readonly failures: number;
  /** Of those, refusals in a row (no access, channel gone): the ones that turn the digest off. */
  readonly refusals: number;
  /** No attempt before this instant (backoff after a failure). */
  readonly retryAt: Date | null;
  readonly lastError: string | null;
}

export type PostStatus = 'claimed' | 'posted' | 'abandoned';

/** One server's digest for one local day: claimed before posting, posted once. */
export interface DigestPost {
  readonly guildId: string;
  readonly localDate: string;
  readonly timezone: string;
  /** Where it was (or is being) posted. */
  readonly channelId: string;
  readonly status: PostStatus;
  readonly claimedAt: Date;
  /** The process holding the claim, and when it last tried. */
  readonly owner: string;
  readonly attemptAt: Date;
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
  refusals: z.number(),
  retry_at: z.string().nullable(),
  last_error: z.string().nullable(),
});

const postRow = z.object({
  guild_id: z.string(),
  local_date: z.string(),
  timezone: z.string(),
  channel_id: z.string(),
  status: z.enum(['claimed', 'posted', 'abandoned']),
  claimed_at: z.string(),
  owner: z.string(),
  attempt_at: z.string(),
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
    refusals: row.refusals,
    retryAt: row.retry_at === null ? null : new Date(row.retry_at),
    lastError: row.last_error,
  };
}

function toPost(raw: unknown): DigestPost {
  const row = postRow.parse(raw);
  return {
    guildId: row.guild_id,
    localDate: row.local_date,
    timezone: row.timezone,
    channelId: row.channel_id,
    status: row.status,
    claimedAt: new Date(row.claimed_at),
    owner: row.owner,
    attemptAt: new Date(row.attempt_at),
    messageId: row.message_id,
    postedAt: row.posted_at === null ? null : new Date(row.posted_at),
  };
}

/** A server's local day: its date in the zone it was claimed in. */
export interface DigestDay {
  readonly guildId: string;
  readonly localDate: string;
  readonly timezone: string;
}

export interface DigestStore {
  /** Turn the digest on (or change it) for a server; clears any failure state. */
  set(settings: { guildId: string; channelId: string; time: string; timezone: string; locale: DigestLocale }, now: Date): DigestSettings;
  /** Turn it off, keeping the settings for `status`. False when there was nothing to turn off. */
  turnOff(guildId: string, now: Date): boolean;
  settings(guildId: string): DigestSettings | null;
  enabled(): DigestSettings[];
  /**
   * Claim a day for `owner`: the new claim, or null when the digest is off or the day is taken — a
   * row for it exists, or `sameDay` says an earlier claim (made under another zone) fell on it.
   * The check and the insert are one IMMEDIATE transaction: two processes cannot both claim a day.
   */
  claim(day: DigestDay, owner: string, now: Date, sameDay: (claimedAt: Date) => boolean): DigestPost | null;
  /**
   * Take over an unfinished claim: ours, or one whose owner has not tried for `leaseMs` (a process
   * that stopped). Null while another live process holds it.
   */
  takeOver(day: DigestDay, owner: string, now: Date, leaseMs: number): DigestPost | null;
  post(day: DigestDay): DigestPost | null;
  /** Whether the day is taken (see `claim`), for status displays. */
  taken(day: DigestDay, now: Date, sameDay: (claimedAt: Date) => boolean): boolean;
  lastPosted(guildId: string): DigestPost | null;
  markPosted(day: DigestDay, channelId: string, messageId: string, now: Date): void;
  /** Claims of days before `localDate` that never went out: too late to post, recorded as such. */
  abandonBefore(guildId: string, localDate: string): DigestPost[];
  /** Count one more failure (and refusal, when `refused`); returns the counts. */
  recordFailure(guildId: string, failure: { error: string; refused: boolean; retryAt: Date }, now: Date): { failures: number; refusals: number };
  disableAfterRefusals(guildId: string, reason: string, now: Date): void;
  close(): void;
}

/** How far back claims are looked at to see whether one fell on today (any zone is within 27 hours). */
const SAME_DAY_WINDOW_MS = 2 * 86_400_000;

/**
 * The digest's settings and post records on an open, migrated database.
 *
 * @example const store = digestStore(openDatabase(file, DIGEST_MIGRATIONS, new Date()).db);
 */
export function digestStore(db: Database.Database): DigestStore {
  const selectSettings = db.prepare('SELECT * FROM digest_settings WHERE guild_id = ?');
  const selectPost = db.prepare('SELECT * FROM digest_posts WHERE guild_id = ? AND local_date = ? AND timezone = ?');
  const recentClaims = db.prepare('SELECT * FROM digest_posts WHERE guild_id = ? AND claimed_at >= ?');
  const readPost = (day: DigestDay): DigestPost | null => {
    const row = selectPost.get(day.guildId, day.localDate, day.timezone);
    return row === undefined ? null : toPost(row);
  };
  const isTaken = (day: DigestDay, sameDay: (claimedAt: Date) => boolean, now: Date): boolean =>
    readPost(day) !== null ||
    recentClaims
      .all(day.guildId, new Date(now.getTime() - SAME_DAY_WINDOW_MS).toISOString())
      .map(toPost)
      .some((post) => sameDay(post.claimedAt));
  const claimDay = db.transaction((day: DigestDay, owner: string, now: Date, sameDay: (claimedAt: Date) => boolean): DigestPost | null => {
    const settings = selectSettings.get(day.guildId);
    if (settings === undefined || !toSettings(settings).enabled || isTaken(day, sameDay, now)) return null;
    db.prepare(
      `INSERT INTO digest_posts (guild_id, local_date, timezone, channel_id, status, claimed_at, owner, attempt_at)
       VALUES (?, ?, ?, ?, 'claimed', ?, ?, ?)`,
    ).run(day.guildId, day.localDate, day.timezone, toSettings(settings).channelId, now.toISOString(), owner, now.toISOString());
    return readPost(day);
  });
  const takeOverDay = db.transaction((day: DigestDay, owner: string, now: Date, leaseMs: number): DigestPost | null => {
    const changed = db
      .prepare(
        `UPDATE digest_posts SET owner = ?, attempt_at = ?
         WHERE guild_id = ? AND local_date = ? AND timezone = ? AND status = 'claimed' AND (owner = ? OR attempt_at < ?)`,
      )
      .run(owner, now.toISOString(), day.guildId, day.localDate, day.timezone, owner, new Date(now.getTime() - leaseMs).toISOString());
    return changed.changes === 1 ? readPost(day) : null;
  });

  return {
    set(settings, now) {
      db.prepare(
        `INSERT INTO digest_settings (guild_id, channel_id, time, timezone, locale, enabled, disabled_reason, failures, refusals, retry_at, last_error, updated_at)
         VALUES (@guildId, @channelId, @time, @timezone, @locale, 1, NULL, 0, 0, NULL, NULL, @now)
         ON CONFLICT (guild_id) DO UPDATE SET channel_id = @channelId, time = @time, timezone = @timezone, locale = @locale,
           enabled = 1, disabled_reason = NULL, failures = 0, refusals = 0, retry_at = NULL, last_error = NULL, updated_at = @now`,
      ).run({ ...settings, now: now.toISOString() });
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
    claim(day, owner, now, sameDay) {
      return claimDay.immediate(day, owner, now, sameDay);
    },
    takeOver(day, owner, now, leaseMs) {
      return takeOverDay.immediate(day, owner, now, leaseMs);
    },
    post: readPost,
    taken(day, now, sameDay) {
      return isTaken(day, sameDay, now);
    },
    lastPosted(guildId) {
      const row = db.prepare(`SELECT * FROM digest_posts WHERE guild_id = ? AND status = 'posted' ORDER BY posted_at DESC LIMIT 1`).get(guildId);
      return row === undefined ? null : toPost(row);
    },
    markPosted(day, channelId, messageId, now) {
      db.transaction(() => {
        db.prepare(
          `UPDATE digest_posts SET status = 'posted', channel_id = ?, message_id = ?, posted_at = ? WHERE guild_id = ? AND local_date = ? AND timezone = ?`,
        ).run(channelId, messageId, now.toISOString(), day.guildId, day.localDate, day.timezone);
        db.prepare('UPDATE digest_settings SET failures = 0, refusals = 0, retry_at = NULL, last_error = NULL WHERE guild_id = ?').run(day.guildId);
      })();
    },
    abandonBefore(guildId, localDate) {
      return db.transaction(() => {
        const stale = db
          .prepare(`SELECT * FROM digest_posts WHERE guild_id = ? AND local_date < ? AND status = 'claimed'`)
          .all(guildId, localDate)
          .map(toPost);
        if (stale.length > 0) {
          db.prepare(`UPDATE digest_posts SET status = 'abandoned' WHERE guild_id = ? AND local_date < ? AND status = 'claimed'`).run(guildId, localDate);
          // A new day starts with a clean slate: yesterday's failures do not count towards today's.
          db.prepare('UPDATE digest_settings SET failures = 0, refusals = 0, retry_at = NULL WHERE guild_id = ?').run(guildId);
        }
        return stale;
      })();
    },
    recordFailure(guildId, failure, now) {
      db.prepare(
        `UPDATE digest_settings SET failures = failures + 1, refusals = CASE WHEN ? THEN refusals + 1 ELSE 0 END,
           retry_at = ?, last_error = ?, updated_at = ? WHERE guild_id = ?`,
      ).run(failure.refused ? 1 : 0, failure.retryAt.toISOString(), failure.error, now.toISOString(), guildId);
      const settings = toSettings(selectSettings.get(guildId));
      return { failures: settings.failures, refusals: settings.refusals };
    },
    disableAfterRefusals(guildId, reason, now) {
      db.prepare('UPDATE digest_settings SET enabled = 0, disabled_reason = ?, retry_at = NULL, updated_at = ? WHERE guild_id = ?').run(reason, now.toISOString(), guildId);
    },
    close() {
      db.close();
    },
  };
}
