import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** A schema step: applied once, in order, when the file's `user_version` is below its number. */
export interface Migration {
  readonly version: number;
  readonly sql: string;
}

export interface OpenedDatabase {
  readonly db: Database.Database;
  /** Where a damaged file was moved before starting clean; null when the file was fine or new. */
  readonly movedAside: string | null;
  /** Why the old file could not be used, in words for the log. */
  readonly problem: string | null;
}

/** SQLite's answers for a file that is not a database, or one that is damaged. */
const DAMAGED_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CANTOPEN_ISDIR']);

function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  const pending = migrations.filter((migration) => migration.version > current).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function openAndMigrate(file: string, migrations: readonly Migration[]): Database.Database {
  const db = new Database(file);
  try {
    // WAL: a crash leaves committed claims intact and readers never block the writer.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // A second process on the same file (a rolling restart) waits for the lock instead of failing.
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Open (or create) the SQLite file and bring its schema up to date. A file SQLite cannot read is
 * moved aside as `<name>.damaged-<time>` (with its journal files) and a clean one started, so a
 * damaged file costs the stored settings but never the bot.
 *
 * @example const { db, movedAside } = openDatabase('data/bot.sqlite', MIGRATIONS, new Date());
 */
export function openDatabase(file: string, migrations: readonly Migration[], now: Date): OpenedDatabase {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    return { db: openAndMigrate(file, migrations), movedAside: null, problem: null };
  } catch (error) {
    const code = sqliteCode(error);
    if (code === null || !DAMAGED_CODES.has(code)) throw error;
    const movedAside = `${file}.damaged-${now.toISOString().replace(/[:.]/gu, '-')}`;
    renameSync(file, movedAside);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, movedAside + suffix);
    }
    const problem = error instanceof Error ? `${code}: ${error.message}` : code;
    return { db: openAndMigrate(file, migrations), movedAside, problem };
  }
}
