import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIGEST_MIGRATIONS, digestStore } from '../../src/store/digest-store.js';
import { openDatabase } from '../../src/store/open-database.js';

const NOW = new Date('2026-11-22T09:00:00Z');
const SETTINGS = { guildId: '100000000000000001', channelId: '200000000000000001', time: '09:00', timezone: 'Asia/Tokyo', locale: 'ja' as const };

function tempFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'digest-store-')), 'bot.sqlite');
}

describe('openDatabase', () => {
  it('creates the schema on first start and records its version', () => {
    const { db, movedAside } = openDatabase(tempFile(), DIGEST_MIGRATIONS, NOW);
    expect(movedAside).toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(DIGEST_MIGRATIONS.at(-1)?.version);
    db.close();
  });

  it('applies only the migrations a file has not seen', () => {
    const file = tempFile();
    openDatabase(file, DIGEST_MIGRATIONS, NOW).db.close();
    const next = [...DIGEST_MIGRATIONS, { version: 99, sql: 'CREATE TABLE added_later (id INTEGER)' }];
    const { db } = openDatabase(file, next, NOW);
    expect(db.pragma('user_version', { simple: true })).toBe(99);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'added_later'`).get()).toBeDefined();
    db.close();
  });

  it('moves a corrupt file aside and starts clean', () => {
    const file = tempFile();
    writeFileSync(file, 'this is not a database, just garbage bytes '.repeat(200));
    const { db, movedAside, problem } = openDatabase(file, DIGEST_MIGRATIONS, NOW);
    expect(movedAside).not.toBeNull();
    expect(problem).toMatch(/SQLITE_NOTADB/u);
    expect(readdirSync(path.dirname(file)).some((name) => name.startsWith('bot.sqlite.damaged-'))).toBe(true);
    expect(digestStore(db).enabled()).toEqual([]);
    db.close();
  });
});

describe('digestStore', () => {
  function store() {
    return digestStore(openDatabase(tempFile(), DIGEST_MIGRATIONS, NOW).db);
  }
  const day = (localDate: string) => ({ guildId: SETTINGS.guildId, localDate, timezone: SETTINGS.timezone });
  const never = (): boolean => false;

  it('claims a day once, and only while the digest is on', () => {
    const digests = store();
    expect(digests.claim(day('2026-11-22'), 'p1', NOW, never)).toBeNull();
    digests.set(SETTINGS, NOW);
    expect(digests.claim(day('2026-11-22'), 'p1', NOW, never)?.status).toBe('claimed');
    expect(digests.claim(day('2026-11-22'), 'p2', NOW, never)).toBeNull();
    digests.markPosted(day('2026-11-22'), SETTINGS.channelId, '300000000000000001', NOW);
    expect(digests.lastPosted(SETTINGS.guildId)?.messageId).toBe('300000000000000001');
    digests.turnOff(SETTINGS.guildId, NOW);
    expect(digests.claim(day('2026-11-23'), 'p1', NOW, never)).toBeNull();
  });

  it('refuses a claim when an earlier one fell on the same local day', () => {
    const digests = store();
    digests.set(SETTINGS, NOW);
    digests.claim({ ...day('2026-11-22'), timezone: 'America/Los_Angeles' }, 'p1', NOW, never);
    expect(digests.claim(day('2026-11-22'), 'p1', NOW, (claimedAt) => claimedAt.getTime() === NOW.getTime())).toBeNull();
  });

  it('hands an unfinished claim over only to its owner, or to anyone once the lease has run out', () => {
    const digests = store();
    digests.set(SETTINGS, NOW);
    digests.claim(day('2026-11-22'), 'p1', NOW, never);
    const soon = new Date(NOW.getTime() + 60_000);
    expect(digests.takeOver(day('2026-11-22'), 'p2', soon, 120_000)).toBeNull();
    expect(digests.takeOver(day('2026-11-22'), 'p1', soon, 120_000)?.owner).toBe('p1');
    const later = new Date(soon.getTime() + 120_001);
    expect(digests.takeOver(day('2026-11-22'), 'p2', later, 120_000)?.owner).toBe('p2');
  });

  it('keeps its records across a reopen of the file', () => {
    const file = tempFile();
    const first = digestStore(openDatabase(file, DIGEST_MIGRATIONS, NOW).db);
    first.set(SETTINGS, NOW);
    first.claim(day('2026-11-22'), 'p1', NOW, never);
    first.close();
    const second = digestStore(openDatabase(file, DIGEST_MIGRATIONS, NOW).db);
    expect(second.settings(SETTINGS.guildId)?.time).toBe('09:00');
    expect(second.claim(day('2026-11-22'), 'p2', NOW, never)).toBeNull();
    second.close();
  });

  it('abandons unposted claims of earlier days, clearing the failure count, and resets failures on set', () => {
    const digests = store();
    digests.set(SETTINGS, NOW);
    digests.claim(day('2026-11-21'), 'p1', NOW, never);
    expect(digests.recordFailure(SETTINGS.guildId, { error: '503', refused: false, retryAt: NOW }, NOW)).toEqual({ failures: 1, refusals: 0 });
    expect(digests.recordFailure(SETTINGS.guildId, { error: '403', refused: true, retryAt: NOW }, NOW)).toEqual({ failures: 2, refusals: 1 });
    expect(digests.abandonBefore(SETTINGS.guildId, '2026-11-22').map((post) => post.localDate)).toEqual(['2026-11-21']);
    expect(digests.post(day('2026-11-21'))?.status).toBe('abandoned');
    expect(digests.settings(SETTINGS.guildId)?.failures).toBe(0);
    digests.recordFailure(SETTINGS.guildId, { error: '503', refused: false, retryAt: NOW }, NOW);
    expect(digests.set(SETTINGS, NOW).failures).toBe(0);
  });
});
