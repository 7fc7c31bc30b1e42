import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { CLAIM_LEASE_MS, digestRunner, PostFailure, REFUSAL_LIMIT, type DigestPoster } from '../../src/features/digest-runner.js';
import { DIGEST_MIGRATIONS, digestStore, type DigestDay, type DigestSettings, type DigestStore } from '../../src/store/digest-store.js';
import { openDatabase } from '../../src/store/open-database.js';

const log = pino({ level: 'silent' });
const TOKYO = { guildId: '100000000000000001', channelId: '200000000000000001', time: '09:00', timezone: 'Asia/Tokyo', locale: 'ja' as const };
const NEW_YORK = { guildId: '100000000000000002', channelId: '200000000000000002', time: '02:30', timezone: 'America/New_York', locale: 'en' as const };

/** A poster that keeps what it posted, like a channel would; `failWith` makes the next posts fail. */
class RecordingPoster implements DigestPoster {
  readonly posts: Array<{ guildId: string; localDate: string; channelId: string; messageId: string }> = [];
  failWith: PostFailure | null = null;
  /** Posted, but the process "stops" before the runner hears back. */
  crashAfterPost = false;
  #next = 1;

  async post(settings: DigestSettings, day: DigestDay): Promise<string> {
    if (this.failWith !== null) throw this.failWith;
    const messageId = String(300_000_000_000_000_000n + BigInt(this.#next++));
    this.posts.push({ guildId: settings.guildId, localDate: day.localDate, channelId: settings.channelId, messageId });
    if (this.crashAfterPost) throw new Error('process stopped');
    return messageId;
  }

  async findPosted(channelId: string, day: DigestDay): Promise<string | null> {
    return this.posts.find((post) => post.guildId === day.guildId && post.localDate === day.localDate && post.channelId === channelId)?.messageId ?? null;
  }
}

function tempFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'digest-runner-')), 'bot.sqlite');
}

function setup(file = tempFile(), poster = new RecordingPoster()) {
  let now = new Date('2026-11-22T00:00:00Z');
  const store: DigestStore = digestStore(openDatabase(file, DIGEST_MIGRATIONS, now).db);
  const run = digestRunner({ store, poster, log, now: () => now, backoffMs: 60_000, maxBackoffMs: 3_600_000 });
  return {
    file,
    store,
    poster,
    run,
    at(iso: string) {
      now = new Date(iso);
    },
  };
}

const day = (settings: { guildId: string; timezone: string }, localDate: string): DigestDay => ({ guildId: settings.guildId, localDate, timezone: settings.timezone });

describe('digestRunner', () => {
  it('posts once at the daily slot, not before, and not again the same day', async () => {
    const t = setup();
    t.store.set(TOKYO, new Date('2026-11-21T00:00:00Z'));
    t.at('2026-11-22T23:59:00Z'); // 08:59 on the 23rd in Tokyo
    await t.run();
    expect(t.poster.posts).toEqual([]);
    t.at('2026-11-23T00:00:00Z');
    await t.run();
    t.at('2026-11-23T05:00:00Z');
    await t.run();
    expect(t.poster.posts.map((post) => post.localDate)).toEqual(['2026-11-23']);
    t.at('2026-11-24T00:01:00Z');
    await t.run();
    expect(t.poster.posts.map((post) => post.localDate)).toEqual(['2026-11-23', '2026-11-24']);
  });

  it('catches up once the same local day after downtime, and skips days that have passed', async () => {
    const t = setup();
    t.store.set(TOKYO, new Date('2026-11-20T00:00:00Z'));
    // Down from before the slot on the 23rd until 20:00 Tokyo time.
    t.at('2026-11-23T11:00:00Z');
    await t.run();
    await t.run();
    expect(t.poster.posts.map((post) => post.localDate)).toEqual(['2026-11-23']);
  });

  it('posts at once when the time set is already past today', async () => {
    const t = setup();
    t.at('2026-11-22T03:00:00Z'); // 12:00 in Tokyo
    t.store.set({ ...TOKYO, time: '11:59' }, new Date('2026-11-22T03:00:00Z'));
    await t.run();
    expect(t.poster.posts.map((post) => post.localDate)).toEqual(['2026-11-22']);
  });

  it('completes a claim left by a process stopped before posting, at the next start', async () => {
    const first = setup();
    first.store.set(TOKYO, new Date('2026-11-20T00:00:00Z'));
    // The previous process claimed the day and stopped before posting.
    expect(first.store.claim(day(TOKYO, '2026-11-22'), 'old-process', new Date('2026-11-22T00:00:00Z'), () => false)).not.toBeNull();
    first.store.close();
    const second = setup(first.file);
    // Within the old owner's lease it might still be posting: leave it.
    second.at('2026-11-22T00:01:00Z');
    await second.run();
    expect(second.poster.posts).toEqual([]);
    second.at('2026-11-22T01:00:00Z');
    await second.run();
    await second.run();
    expect(second.poster.posts.map((post) => post.localDate)).toEqual(['2026-11-22']);
    expect(second.store.post(day(TOKYO, '2026-11-22'))?.status).toBe('posted');
  });

  it('records a post that went out just before the process stopped, instead of posting it twice', async () => {
    const t = setup();
    t.store.set(TOKYO, new Date('2026-11-20T00:00:00Z'));
    t.at('2026-11-22T01:00:00Z');
    t.poster.crashAfterPost = true;
    await t.run();
    t.poster.crashAfterPost = false;
    t.at('2026-11-22T02:00:00Z'); // after the backoff
    await t.run();
    expect(t.poster.posts).toHaveLength(1);
    expect(t.store.post(day(TOKYO, '2026-11-22'))?.messageId).toBe(t.poster.posts[0]?.messageId);
  });

  it('posts on a spring-forward day whose set time does not exist, once', async () => {
    const t = setup();
    t.store.set(NEW_YORK, new Date('2026-03-01T00:00:00Z'));
    // 2026-03-08 in New York: 02:00 EST jumps to 03:00 EDT.
    for (const iso of ['2026-03-08T06:59:00Z', '2026-03-08T07:00:00Z', '2026-03-08T07:30:00Z', '2026-03-08T08:00:00Z', '2026-03-08T20:00:00Z']) {
      t.at(iso);
      await t.run();
    }
    expect(t.poster.posts.map((post) => post.localDate)).toEqual(['2026-03-08']);
  });

  it('posts once on a fall-back day whose set time happens twice', async () => {
    const t = setup();
    t.store.set({ ...NEW_YORK, time: '01:30' }, new Date('2026-10-25T00:00:00Z'));
    // 2026-11-01 in New York: 01:30 EDT is 05:30Z, 01:30 EST is 06:30Z.
    for (const iso of ['2026-11-01T05:29:00Z', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-01T07:00:00Z']) {
      t.at(iso);
      await t.run();
    }
    expect(t.poster.posts.map((post) => post.localDate)).toEqual(['2026-11-01']);
  });

  it('keeps two servers in different zones on their own local days', async () => {
    const t = setup();
    t.store.set(TOKYO, new Date('2026-11-20T00:00:00Z'));
    t.store.set({ ...NEW_YORK, time: '09:00' }, new Date('2026-11-20T00:00:00Z'));
    t.at('2026-11-23T00:00:00Z'); // 09:00 on the 23rd in Tokyo, 19:00 on the 22nd in New York
    await t.run();
    t.at('2026-11-23T14:00:00Z'); // 23:00 Tokyo, 09:00 on the 23rd in New York
    await t.run();
    expect(t.poster.posts.map((post) => `${post.guildId}:${post.localDate}`)).toEqual([
      `${TOKYO.guildId}:2026-11-23`,
      `${NEW_YORK.guildId}:2026-11-22`,
      `${NEW_YORK.guildId}:2026-11-23`,
    ]);
  });

  it('retries a failing post with growing waits, then posts once it works', async () => {
    const t = setup();
    t.store.set(TOKYO, new Date('2026-11-20T00:00:00Z'));
    t.poster.failWith = new PostFailure('503 Service Unavailable', false);
    t.at('2026-11-22T00:00:00Z');
    await t.run();
    expect(t.store.settings(TOKYO.guildId)?.retryAt?.toISOString()).toBe('2026-11-22T00:01:00.000Z');
    t.at('2026-11-22T00:00:30Z'); // inside the backoff: no attempt
    await t.run();
    expect(t.store.settings(TOKYO.guildId)?.failures).toBe(1);
    t.at('2026-11-22T00:01:00Z');
    await t.run();
    expect(t.store.settings(TOKYO.guildId)?.retryAt?.toISOString()).toBe('2026-11-22T00:03:00.000Z');
    t.poster.failWith = null;
    t.at('2026-11-22T00:03:00Z');
    await t.run();
    expect(t.poster.posts).toHaveLength(1);
    expect(t.store.settings(TOKYO.guildId)?.failures).toBe(0);
  });

  it('turns the digest off when the channel keeps refusing, and says why', async () => {
    const t = setup();
    t.store.set(TOKYO, new Date('2026-11-20T00:00:00Z'));
    t.poster.failWith = new PostFailure('Missing Permissions (SendMessages)', true);
    for (let attempt = 0; attempt < REFUSAL_LIMIT; attempt++) {
      t.at(new Date(Date.parse('2026-11-22T00:00:00Z') + attempt * 3_600_000).toISOString());
      await t.run();
    }
    const settings = t.store.settings(TOKYO.guildId);
    expect(settings?.enabled).toBe(false);
    expect(settings?.disabledReason).toMatch(/Missing Permissions/u);
  });

  it('waits out a long Discord outage instead of turning the digest off', async () => {
    const t = setup();
    t.store.set(TOKYO, new Date('2026-11-20T00:00:00Z'));
    t.poster.failWith = new PostFailure('503 Service Unavailable', false);
    // Twelve hours of 5xx, a pass every ten minutes.
    for (let minute = 0; minute <= 12 * 60; minute += 10) {
      t.at(new Date(Date.parse('2026-11-22T00:00:00Z') + minute * 60_000).toISOString());
      await t.run();
    }
    expect(t.store.settings(TOKYO.guildId)?.enabled).toBe(true);
    t.poster.failWith = null;
    t.at('2026-11-22T13:00:00Z');
    await t.run();
    expect(t.poster.posts.map((post) => post.localDate)).toEqual(['2026-11-22']);
  });

  it('does not post twice or skip a day when the zone is changed mid-day, either way', async () => {
    // Westward: Tokyo's 23rd is posted at 00:00Z, which is still the 22nd in Los Angeles.
    const west = setup();
    west.store.set(TOKYO, new Date('2026-11-20T00:00:00Z'));
    west.at('2026-11-23T00:00:00Z');
    await west.run();
    west.at('2026-11-23T01:00:00Z');
    west.store.set({ ...TOKYO, timezone: 'America/Los_Angeles', time: '17:00' }, new Date('2026-11-23T01:00:00Z'));
    for (const iso of ['2026-11-23T01:00:00Z', '2026-11-23T07:59:00Z', '2026-11-24T01:00:00Z', '2026-11-25T01:00:00Z']) {
      west.at(iso);
      await west.run();
    }
    // 17:00 in LA is 01:00Z the next day: LA's 22nd was already served by Tokyo's post; the 23rd and 24th follow.
    expect(west.poster.posts.map((post) => post.localDate)).toEqual(['2026-11-23', '2026-11-23', '2026-11-24']);
    expect(new Set(west.poster.posts.map((post) => post.messageId)).size).toBe(3);

    // Eastward: LA's 22nd is posted at 00:30Z, already the 23rd in Tokyo.
    const east = setup();
    east.store.set({ ...TOKYO, timezone: 'America/Los_Angeles', time: '16:30' }, new Date('2026-11-20T00:00:00Z'));
    east.at('2026-11-23T00:30:00Z');
    await east.run();
    east.store.set(TOKYO, new Date('2026-11-23T00:45:00Z'));
    east.at('2026-11-23T01:00:00Z');
    await east.run();
    expect(east.poster.posts.map((post) => post.localDate)).toEqual(['2026-11-22']);
    east.at('2026-11-24T00:00:00Z');
    await east.run();
    expect(east.poster.posts.map((post) => post.localDate)).toEqual(['2026-11-22', '2026-11-24']);
  });

  it('looks for a pending claim’s post in the channel it was made for after a channel change', async () => {
    const t = setup();
    t.store.set(TOKYO, new Date('2026-11-20T00:00:00Z'));
    t.at('2026-11-22T01:00:00Z');
    t.poster.crashAfterPost = true;
    await t.run();
    t.poster.crashAfterPost = false;
    t.store.set({ ...TOKYO, channelId: '200000000000000009' }, new Date('2026-11-22T01:30:00Z'));
    t.at('2026-11-22T02:00:00Z');
    await t.run();
    expect(t.poster.posts.map((post) => post.channelId)).toEqual([TOKYO.channelId]);
    expect(t.store.post(day(TOKYO, '2026-11-22'))?.status).toBe('posted');
  });

  it('lets only one of two processes on the same file post a day', async () => {
    const file = tempFile();
    const poster = new RecordingPoster();
    const a = setup(file, poster);
    const b = setup(file, poster);
    a.store.set(TOKYO, new Date('2026-11-20T00:00:00Z'));
    a.at('2026-11-22T01:00:00Z');
    b.at('2026-11-22T01:00:00Z');
    await Promise.all([a.run(), b.run()]);
    expect(poster.posts).toHaveLength(1);
    // Long after, the other process still finds the day done.
    a.at(new Date(Date.parse('2026-11-22T01:00:00Z') + CLAIM_LEASE_MS + 1).toISOString());
    await a.run();
    expect(poster.posts).toHaveLength(1);
  });
});
