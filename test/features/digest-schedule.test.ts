import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isDue, localDate, nextPostAt, parseTimeOfDay, slotOn } from '../../src/features/digest-schedule.js';

describe('parseTimeOfDay', () => {
  it.each([
    ['09:05', '09:05'],
    ['9:05', '09:05'], // a single-digit hour, as people type it
    ['０９：０５', '09:05'], // full-width digits and colon from a Japanese IME
    [' 23:59 ', '23:59'],
    ['24:00', null],
    ['12:60', null],
    ['noon', null],
    ['1205', null],
  ])('reads %j as %j', (input, expected) => {
    expect(parseTimeOfDay(input)).toBe(expected);
  });
});

describe('canonicalTimeZone', () => {
  it('returns the canonical spelling of a known zone', () => {
    expect(canonicalTimeZone('asia/tokyo')).toBe('Asia/Tokyo');
    expect(canonicalTimeZone('Europe/London')).toBe('Europe/London');
  });

  it('returns null for a zone that does not exist', () => {
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });
});

describe('slotOn', () => {
  it('finds the local time on the local date of the instant', () => {
    // 00:30 UTC on the 23rd is 09:30 on the 23rd in Tokyo.
    expect(slotOn(new Date('2026-11-23T00:30:00Z'), '09:00', 'Asia/Tokyo')?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    // 20:00 UTC on the 22nd is already the 23rd in Tokyo.
    expect(localDate(new Date('2026-11-22T20:00:00Z'), 'Asia/Tokyo')).toBe('2026-11-23');
    expect(slotOn(new Date('2026-11-22T20:00:00Z'), '09:00', 'Asia/Tokyo')?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('moves a time that does not exist on a spring-forward day forward with the clocks', () => {
    // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT; 02:30 falls in the gap.
    const slot = slotOn(new Date('2026-03-08T12:00:00Z'), '02:30', 'America/New_York');
    expect(slot).not.toBeNull();
    expect(localDate(slot ?? new Date(0), 'America/New_York')).toBe('2026-03-08');
    expect(slot?.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-03-08T07:00:00Z'));
  });

  it('takes the first of the two 01:30s on a fall-back day', () => {
    // New York, 2026-11-01: 01:30 EDT (05:30Z), then 01:30 EST (06:30Z).
    expect(slotOn(new Date('2026-11-01T12:00:00Z'), '01:30', 'America/New_York')?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('isDue', () => {
  it('is due from the slot to the end of the local day, not before', () => {
    expect(isDue(new Date('2026-11-22T23:59:00Z'), '09:00', 'Asia/Tokyo')).toBe(false);
    expect(isDue(new Date('2026-11-23T00:00:00Z'), '09:00', 'Asia/Tokyo')).toBe(true);
    expect(isDue(new Date('2026-11-23T14:59:00Z'), '09:00', 'Asia/Tokyo')).toBe(true);
    // 15:00Z is midnight of the 24th in Tokyo: a new day, not yet due.
    expect(isDue(new Date('2026-11-23T15:00:00Z'), '09:00', 'Asia/Tokyo')).toBe(false);
  });
});

describe('nextPostAt', () => {
  it('is today’s slot before it, now when it passed unposted, tomorrow’s once posted', () => {
    const before = new Date('2026-11-22T23:00:00Z');
    expect(nextPostAt(before, '09:00', 'Asia/Tokyo', false)?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    const after = new Date('2026-11-23T01:00:00Z');
    expect(nextPostAt(after, '09:00', 'Asia/Tokyo', false)?.toISOString()).toBe(after.toISOString());
    expect(nextPostAt(after, '09:00', 'Asia/Tokyo', true)?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    // Posted early today (catch-up), the slot itself still ahead: tomorrow, not later today.
    expect(nextPostAt(new Date('2026-11-22T23:30:00Z'), '09:00', 'Asia/Tokyo', true)?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });
});
