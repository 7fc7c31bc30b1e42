import { ChannelType, DiscordAPIError, DiscordjsError, DiscordjsErrorCodes, PermissionFlagsBits, RESTJSONErrorCodes, type Guild, type GuildBasedChannel, type PermissionsBitField } from 'discord.js';

/**
 * What the bot needs in a channel to post a digest there, in the order a moderator fixes them.
 * Read Message History lets a restarted bot see a digest it posted just before stopping.
 */
export const POST_PERMISSIONS = [
  ['ViewChannel', PermissionFlagsBits.ViewChannel],
  ['SendMessages', PermissionFlagsBits.SendMessages],
  ['EmbedLinks', PermissionFlagsBits.EmbedLinks],
  ['ReadMessageHistory', PermissionFlagsBits.ReadMessageHistory],
] as const;

export type PostPermission = (typeof POST_PERMISSIONS)[number][0];

/** The channel kinds a digest can go to: the ones the command's channel option offers. */
const POSTABLE_TYPES = new Set<ChannelType>([ChannelType.GuildText, ChannelType.GuildAnnouncement]);

export type PostingProblem =
  | { readonly kind: 'ok' }
  /** The bot's permissions there could not be worked out (no member or role data): posting will tell. */
  | { readonly kind: 'unknown' }
  /** Not a text or announcement channel of this server (or none at all). */
  | { readonly kind: 'not-a-channel' }
  | { readonly kind: 'missing'; readonly missing: readonly PostPermission[] };

async function fetchChannel(guild: Guild, channelId: string): Promise<GuildBasedChannel | 'hidden' | null> {
  const cached = guild.channels.cache.get(channelId);
  if (cached !== undefined) return cached;
  try {
    return await guild.channels.fetch(channelId);
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MissingAccess) return 'hidden';
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownChannel) return null;
    // discord.js refuses a channel of another server before asking Discord.
    if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.GuildChannelUnowned) return null;
    throw error;
  }
}

/**
 * Whether the bot can post a digest in a channel of `guild`, and if not, what it lacks. Read from the
 * cache the gateway filled, or fetched when the cache does not have it.
 *
 * @example const problem = await postingProblem(interaction.guild, channelId);
 */
export async function postingProblem(guild: Guild, channelId: string): Promise<PostingProblem> {
  const channel = await fetchChannel(guild, channelId);
  if (channel === 'hidden') return { kind: 'missing', missing: ['ViewChannel'] };
  if (channel === null || !POSTABLE_TYPES.has(channel.type)) return { kind: 'not-a-channel' };
  let granted: Readonly<PermissionsBitField>;
  try {
    const me = guild.members.me ?? (await guild.members.fetchMe());
    granted = channel.permissionsFor(me);
  } catch {
    // A gateway or REST that gives no member or role data: the first post will find out, and a
    // channel that keeps refusing turns the digest off with the reason in /digest status.
    return { kind: 'unknown' };
  }
  const missing = POST_PERMISSIONS.filter(([, flag]) => !granted.has(flag)).map(([name]) => name);
  return missing.length === 0 ? { kind: 'ok' } : { kind: 'missing', missing };
}
