import type { DigestStore } from '../store/digest-store.js';
import { localDate, nextPostAt } from './digest-schedule.js';
import { UserError } from './user-error.js';

/** What `/digest status` shows: the settings, when the next post goes out, the last one posted. */
export interface DigestStatus {
  readonly command: 'digest-status';
  readonly enabled: boolean;
  readonly channelId: string;
  readonly time: string;
  readonly timezone: string;
  /** Null while the digest is off. */
  readonly nextPost: Date | null;
  readonly lastPost: { readonly date: string; readonly messageId: string | null; readonly channelId: string } | null;
  /** Why the bot turned the digest off by itself (a channel that kept refusing posts). */
  readonly disabledReason: string | null;
  readonly failures: number;
  readonly lastError: string | null;
}

/**
 * A server's digest as it stands at `now`.
 *
 * @example digestStatus({ store }, { guildId, now: new Date() }).nextPost
 */
export function digestStatus(deps: { readonly store: DigestStore }, options: { readonly guildId: string; readonly now: Date }): DigestStatus {
  const settings = deps.store.settings(options.guildId);
  if (settings === null) throw new UserError('digest_not_set');
  const today = localDate(options.now, settings.timezone);
  const day = { guildId: settings.guildId, localDate: today, timezone: settings.timezone };
  const postedToday = deps.store.taken(day, options.now, (claimedAt) => localDate(claimedAt, settings.timezone) === today);
  const last = deps.store.lastPosted(settings.guildId);
  return {
    command: 'digest-status',
    enabled: settings.enabled,
    channelId: settings.channelId,
    time: settings.time,
    timezone: settings.timezone,
    nextPost: settings.enabled ? nextPostAt(options.now, settings.time, settings.timezone, postedToday) : null,
    lastPost: last === null ? null : { date: last.localDate, messageId: last.messageId, channelId: last.channelId },
    disabledReason: settings.disabledReason,
    failures: settings.failures,
    lastError: settings.lastError,
  };
}
