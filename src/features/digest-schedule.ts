import { Cron } from 'croner';
import { UserError } from './user-error.js';

export const DEFAULT_DIGEST_TIMEZONE = 'Asia/Tokyo';

/** `9:05`, `09:05`, `０９：０５` → `09:05`; null when it is not a time of day. */
export function parseTimeOfDay(input: string): string | null {
  const match = /^\s*(\d{1,2})\s*:\s*(\d{2})\s*$/u.exec(input.normalize('NFKC'));
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The canonical IANA name for `input` (`asia/tokyo` → `Asia/Tokyo`), or null when unknown. */
export function canonicalTimeZone(input: string): string | null {
  const zone = input.trim();
  if (zone === '') return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * A moderator's time and zone as typed, checked: `HH:MM` and a canonical IANA name (default
 * Asia/Tokyo). A UserError names what is wrong.
 *
 * @example readSchedule({ time: '7:30', timezone: null }) // { time: '07:30', timezone: 'Asia/Tokyo' }
 */
export function readSchedule(input: { readonly time: string; readonly timezone: string | null }): { time: string; timezone: string } {
  const time = parseTimeOfDay(input.time);
  if (time === null) throw new UserError('bad_time', { value: input.time });
  const typedZone = input.timezone ?? DEFAULT_DIGEST_TIMEZONE;
  const timezone = canonicalTimeZone(typedZone);
  if (timezone === null) throw new UserError('bad_timezone', { value: typedZone });
  return { time, timezone };
}

/** Every IANA zone this runtime knows, for autocomplete. */
export function knownTimeZones(): readonly string[] {
  return Intl.supportedValuesOf('timeZone');
}

/** The calendar date at `instant` in `zone`, as `YYYY-MM-DD`. */
export function localDate(instant: Date, zone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

function dailyRule(time: string, zone: string): Cron {
  const [hours, minutes] = time.split(':');
  return new Cron(`${Number(minutes)} ${Number(hours)} * * *`, { timezone: zone, paused: true });
}

/**
 * The instant of the daily slot on the local date `instant` falls on, or null when that date has
 * none. croner does the zone arithmetic: on a spring-forward day a time that does not exist moves
 * forward with the clocks, and on a fall-back day the first of the two occurrences counts.
 *
 * @example slotOn(new Date('2026-11-23T00:30:00Z'), '09:00', 'Asia/Tokyo') // 2026-11-23T00:00:00Z
 */
export function slotOn(instant: Date, time: string, zone: string): Date | null {
  const date = localDate(instant, zone);
  // Any local day starts less than 27 hours before an instant within it (UTC-12 … UTC+14).
  const from = new Date(instant.getTime() - 27 * 3_600_000);
  return dailyRule(time, zone)
    .nextRuns(3, from)
    .find((run) => localDate(run, zone) === date) ?? null;
}

/** Whether the digest for `instant`'s local date is due: its slot has come (or passed) that day. */
export function isDue(instant: Date, time: string, zone: string): boolean {
  const slot = slotOn(instant, time, zone);
  return slot !== null && instant.getTime() >= slot.getTime();
}

/**
 * When the next post goes out: today's slot if today has not been posted (now, if the slot has
 * passed and the post is pending), else the next day's.
 */
export function nextPostAt(instant: Date, time: string, zone: string, postedToday: boolean): Date | null {
  const slot = slotOn(instant, time, zone);
  if (!postedToday && slot !== null) return slot.getTime() <= instant.getTime() ? instant : slot;
  const after = new Date(Math.max(instant.getTime(), slot?.getTime() ?? 0));
  return dailyRule(time, zone)
    .nextRuns(2, after)
    .find((run) => localDate(run, zone) !== localDate(instant, zone)) ?? null;
}
